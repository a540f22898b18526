package flows

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/rawrequest"

	"onboard/schema"
)

// V2Version is the Stripe-Version Accounts v2 calls carry: the first API
// version in which Accounts v2 is generally available, with its GA shapes
// (capabilities without requested, future_requirements, the business
// profile under defaults.profile, defaults.responsibilities with the
// requirements collector). stripe-go v82 pins an older v1 version; v1
// calls keep it.
const V2Version = "2025-12-15.clover"

// V2Includes are the properties every v2 read and write asks for; the rest
// come back null (include-dependent).
var V2Includes = []string{"identity", "requirements", "future_requirements", "defaults",
	"configuration.customer", "configuration.merchant", "configuration.recipient"}

// V2 calls Accounts v2 through stripe-go's raw requests, since v82 has no
// typed v2 accounts service. Every POST carries our own idempotency key.
type V2 struct {
	rc      rawrequest.Client
	version string
	// date is the server's clock (the Date header) of the last answer, in
	// Unix seconds: snapshots carry it as their ServerTime.
	date atomic.Int64
}

// serverTime is the Date of the last answer, zero before any.
func (v *V2) serverTime() time.Time {
	if d := v.date.Load(); d != 0 {
		return time.Unix(d, 0).UTC()
	}
	return time.Time{}
}

// withServerTime stamps a v2 snapshot with the server's clock.
func (v *V2) withServerTime(a schema.Account, err error) (schema.Account, error) {
	if err == nil && v != nil {
		a.ServerTime = v.serverTime()
	}
	return a, err
}

// NewV2 builds the v2 caller on a stripe-go backend (the same URL, HTTP
// client and retries as the v1 client).
func NewV2(b stripe.RawRequestBackend, key string) *V2 {
	return &V2{rc: rawrequest.Client{B: b, Key: key}, version: V2Version}
}

// call sends one v2 request; body is JSON-encoded (nil for GET).
func (v *V2) call(ctx context.Context, method, path string, body any, idem string) (out []byte, err error) {
	ctx, lost := withErrSlot(ctx)
	defer func() {
		// stripe-go v82's RawRequest dereferences a nil response when the
		// connection itself fails; that is a network error, not a crash.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%s %s: could not reach the API (%v)", method, path, r)
			if *lost != nil {
				err = fmt.Errorf("%s %s: %w", method, path, *lost)
			}
		}
	}()
	countRequest(ctx)
	content := ""
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		content = string(raw)
	}
	p := &stripe.RawParams{Params: stripe.Params{Context: ctx, Headers: http.Header{"Stripe-Version": {v.version}}}}
	if method != http.MethodGet {
		if idem == "" {
			idem = newKey("v2") // keyed, so the request policy may retry it
		}
		p.SetIdempotencyKey(idem)
	}
	resp, err := v.rc.RawRequest(method, path, content, p)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	if d, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
		v.date.Store(d.Unix())
	}
	return resp.RawJSON, nil
}

// includeQuery is the include list as the SDK writes it on GETs.
func includeQuery() string {
	q := url.Values{}
	for i, inc := range V2Includes {
		q.Set(fmt.Sprintf("include[%d]", i), inc)
	}
	return q.Encode()
}

// GetAccount reads a v2 account with every include.
func (v *V2) GetAccount(ctx context.Context, id string) ([]byte, error) {
	return v.call(ctx, http.MethodGet, "/v2/core/accounts/"+url.PathEscape(id)+"?"+includeQuery(), nil, "")
}

// CreateAccount creates a v2 account.
func (v *V2) CreateAccount(ctx context.Context, body map[string]any, idem string) ([]byte, error) {
	body["include"] = V2Includes
	return v.call(ctx, http.MethodPost, "/v2/core/accounts", body, idem)
}

// UpdateAccount updates a v2 account; the response is the new snapshot.
func (v *V2) UpdateAccount(ctx context.Context, id string, body map[string]any, idem string) ([]byte, error) {
	body["include"] = V2Includes
	return v.call(ctx, http.MethodPost, "/v2/core/accounts/"+url.PathEscape(id), body, idem)
}

// ListPersons lists a v2 account's persons, following next_page_url.
func (v *V2) ListPersons(ctx context.Context, id string) ([]map[string]any, error) {
	var out []map[string]any
	path := "/v2/core/accounts/" + url.PathEscape(id) + "/persons?limit=100"
	for range 100 { // bounded: 10,000 persons
		raw, err := v.call(ctx, http.MethodGet, path, nil, "")
		if err != nil {
			return nil, err
		}
		var page struct {
			Data        []map[string]any `json:"data"`
			NextPageURL *string          `json:"next_page_url"`
		}
		if err := json.Unmarshal(raw, &page); err != nil {
			return nil, fmt.Errorf("persons page: %w", err)
		}
		out = append(out, page.Data...)
		if page.NextPageURL == nil || *page.NextPageURL == "" {
			return out, nil
		}
		path = *page.NextPageURL
	}
	return out, nil
}

// CreatePerson adds a person to a v2 account.
func (v *V2) CreatePerson(ctx context.Context, account string, body map[string]any, idem string) ([]byte, error) {
	return v.call(ctx, http.MethodPost, "/v2/core/accounts/"+url.PathEscape(account)+"/persons", body, idem)
}

// UpdatePerson updates a person of a v2 account.
func (v *V2) UpdatePerson(ctx context.Context, account, person string, body map[string]any, idem string) ([]byte, error) {
	return v.call(ctx, http.MethodPost, "/v2/core/accounts/"+url.PathEscape(account)+"/persons/"+url.PathEscape(person), body, idem)
}

// configurationFor maps v1 capability names to a v2 configuration and
// capability path (https://docs.stripe.com/api/v2/core/accounts/create,
// "configuration").
var configurationFor = map[string][2]string{
	"card_payments": {"merchant", "card_payments"},
	"transfers":     {"recipient", "stripe_balance.stripe_transfers"},
}

// v2CreateBody is the create body for a new account.
func v2CreateBody(n NewAccount) map[string]any {
	configs := map[string]any{}
	add := func(config, capPath string) {
		c, _ := configs[config].(map[string]any)
		if c == nil {
			c = map[string]any{}
			configs[config] = c
		}
		// A configuration named without capabilities has none yet.
		caps, _ := c["capabilities"].(map[string]any)
		if caps == nil {
			caps = map[string]any{}
			c["capabilities"] = caps
		}
		parts := strings.Split(capPath, ".")
		m := caps
		for _, p := range parts[:len(parts)-1] {
			next, _ := m[p].(map[string]any)
			if next == nil {
				next = map[string]any{}
				m[p] = next
			}
			m = next
		}
		m[parts[len(parts)-1]] = map[string]any{"requested": true}
	}
	for _, cp := range n.Capabilities {
		if c, ok := configurationFor[cp]; ok {
			add(c[0], c[1])
		}
	}
	for _, cfg := range n.Configurations {
		if _, ok := configs[cfg]; !ok {
			configs[cfg] = map[string]any{}
		}
	}
	// GA requests no payouts capability: stripe_balance.payouts is only
	// answered (it follows stripe_transfers and a payout destination).
	body := map[string]any{
		"dashboard": "none",
		"identity": map[string]any{
			"country":     strings.ToLower(n.Country),
			"entity_type": n.BusinessType,
		},
		"configuration": configs,
		"defaults": map[string]any{
			"currency":         defaultCurrency(n.Country),
			"responsibilities": map[string]any{"fees_collector": "application", "losses_collector": "application"},
		},
	}
	if n.Email != "" {
		body["contact_email"] = n.Email
	}
	if len(n.Metadata) > 0 {
		body["metadata"] = n.Metadata
	}
	return body
}

// DeletePerson removes a person from a v2 account.
func (v *V2) DeletePerson(ctx context.Context, account, person string) error {
	_, err := v.call(ctx, http.MethodDelete, "/v2/core/accounts/"+url.PathEscape(account)+"/persons/"+url.PathEscape(person), nil, "")
	return err
}
