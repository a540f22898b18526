package stripeapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/rawrequest"

	"onboard/flows"
)

// V2Version is the Stripe-Version Accounts v2 calls carry: the first API
// version in which Accounts v2 is generally available, with its GA shapes
// (capabilities without requested, future_requirements, the business
// profile under defaults.profile, defaults.responsibilities with the
// requirements collector). stripe-go v82 pins an older v1 version; v1
// calls keep it.
const V2Version = "2025-12-15.clover"

// V2 is flows.V2API: it calls Accounts v2 through stripe-go's raw requests, since v82 has no
// typed v2 accounts service. Every POST carries our own idempotency key.
type V2 struct {
	rc      rawrequest.Client
	version string
	// date is the server's clock (the Date header) of the last answer, in
	// Unix seconds: snapshots carry it as their ServerTime.
	date atomic.Int64
}

// ServerTime is the Date of the last answer, zero before any.
func (v *V2) ServerTime() time.Time {
	if d := v.date.Load(); d != 0 {
		return time.Unix(d, 0).UTC()
	}
	return time.Time{}
}

// NewV2 builds the v2 caller on a stripe-go backend (the same URL, HTTP
// client and retries as the v1 client).
func NewV2(b stripe.RawRequestBackend, key string) *V2 {
	return &V2{rc: rawrequest.Client{B: b, Key: key}, version: V2Version}
}

// call sends one v2 request; body is JSON-encoded (nil for GET).
func (v *V2) call(ctx context.Context, method, path string, body any, idem string) (out []byte, err error) {
	ctx, lost := flows.WithErrSlot(ctx)
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
			idem = flows.NewKey("v2") // keyed, so the request policy may retry it
		}
		p.SetIdempotencyKey(idem)
	}
	resp, err := v.rc.RawRequest(method, path, content, p)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, path, asAPIError(err))
	}
	if d, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
		v.date.Store(d.Unix())
	}
	return resp.RawJSON, nil
}

// includeQuery is the include list as the SDK writes it on GETs.
func includeQuery() string {
	q := url.Values{}
	for i, inc := range flows.V2Includes {
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
	body["include"] = flows.V2Includes
	return v.call(ctx, http.MethodPost, "/v2/core/accounts", body, idem)
}

// UpdateAccount updates a v2 account; the response is the new snapshot.
func (v *V2) UpdateAccount(ctx context.Context, id string, body map[string]any, idem string) ([]byte, error) {
	body["include"] = flows.V2Includes
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

// DeletePerson removes a person from a v2 account.
func (v *V2) DeletePerson(ctx context.Context, account, person string) error {
	_, err := v.call(ctx, http.MethodDelete, "/v2/core/accounts/"+url.PathEscape(account)+"/persons/"+url.PathEscape(person), nil, "")
	return err
}

var _ flows.V2API = (*V2)(nil)
