package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/rawrequest"
)

// v2env calls the sandbox's v2 API through stripe-go's raw requests over
// real HTTP, as the app does.
type v2env struct {
	t  *testing.T
	sb *Sandbox
	rc rawrequest.Client
}

func newV2Env(t *testing.T) v2env {
	t.Helper()
	base := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	sb, err := Open(filepath.Join(t.TempDir(), "v2.db"), WithClock(func() time.Time { return base }))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(checked(t, sb.Handler()))
	t.Cleanup(func() { srv.Close(); _ = sb.Close() })
	b := stripe.GetBackendWithConfig(stripe.APIBackend, &stripe.BackendConfig{URL: stripe.String(srv.URL),
		MaxNetworkRetries: stripe.Int64(0), LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelNull}})
	return v2env{t: t, sb: sb, rc: rawrequest.Client{B: b.(stripe.RawRequestBackend), Key: "sk_test_v2"}}
}

func (e v2env) call(method, path string, body any) (map[string]any, error) {
	e.t.Helper()
	content := ""
	if body != nil {
		raw, _ := json.Marshal(body)
		content = string(raw)
	}
	p := &stripe.RawParams{Params: stripe.Params{Headers: http.Header{"Stripe-Version": {v2Version}}}}
	resp, err := e.rc.RawRequest(method, path, content, p)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	if err := json.Unmarshal(resp.RawJSON, &out); err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	return out, nil
}

func (e v2env) must(method, path string, body any) map[string]any {
	e.t.Helper()
	out, err := e.call(method, path, body)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	return out
}

var allIncludes = []any{"identity", "requirements", "defaults", "configuration.merchant", "configuration.recipient", "future_requirements"}

func descriptions(acct map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	reqs, _ := acct["requirements"].(map[string]any)
	entries, _ := reqs["entries"].([]any)
	for _, x := range entries {
		e := x.(map[string]any)
		out[e["description"].(string)] = e
	}
	return out
}

func TestV2CreateIncludeAndEntries(t *testing.T) {
	e := newV2Env(t)
	acct := e.must(http.MethodPost, "/v2/core/accounts", map[string]any{
		"contact_email": "jenny@example.com", "dashboard": "none",
		"identity": map[string]any{"country": "us", "entity_type": "individual"},
		"configuration": map[string]any{
			"merchant":  map[string]any{"capabilities": map[string]any{"card_payments": map[string]any{"requested": true}}},
			"recipient": map[string]any{"capabilities": map[string]any{"stripe_balance": map[string]any{"stripe_transfers": map[string]any{"requested": true}}}},
		},
		"include": allIncludes,
	})
	id := acct["id"].(string)
	if acct["object"] != "v2.core.account" || len(acct["applied_configurations"].([]any)) != 2 {
		t.Fatalf("created %v", acct)
	}
	ds := descriptions(acct)
	given := ds["identity.individual.given_name"]
	if given == nil || given["minimum_deadline"].(map[string]any)["status"] != "past_due" || given["awaiting_action_from"] != "user" {
		t.Fatalf("given_name entry: %v (all: %v)", given, ds)
	}
	if ds["identity.individual.date_of_birth"] == nil || ds["configuration.merchant.mcc"] == nil {
		t.Errorf("entries: %v", ds)
	}
	impact := given["impact"].(map[string]any)["restricts_capabilities"].([]any)
	if len(impact) != 3 { // card_payments, stripe_transfers and payouts, as in the seed's example
		t.Errorf("impact %v", impact)
	}
	card := acct["configuration"].(map[string]any)["merchant"].(map[string]any)["capabilities"].(map[string]any)["card_payments"].(map[string]any)
	if card["status"] != "restricted" {
		t.Errorf("card_payments %v", card)
	}
	// include: only what is named comes back.
	only := e.must(http.MethodGet, "/v2/core/accounts/"+id+"?include=identity", nil)
	if only["identity"] == nil || only["requirements"] != nil || only["configuration"] != nil || only["defaults"] != nil {
		t.Errorf("include=identity: %v", only)
	}
	indexed := e.must(http.MethodGet, "/v2/core/accounts/"+id+"?include[0]=requirements&include[1]=configuration.recipient", nil)
	cfg := indexed["configuration"].(map[string]any)
	if indexed["requirements"] == nil || cfg["merchant"] != nil || cfg["recipient"] == nil {
		t.Errorf("include[N]: %v", indexed)
	}
	// Answers move entries away, verification is awaited from Stripe,
	// and the clock settles it.
	up := e.must(http.MethodPost, "/v2/core/accounts/"+id, map[string]any{
		"identity": map[string]any{
			"individual": map[string]any{
				"given_name": "Jenny", "surname": "Rosen", "email": "jenny@example.com", "phone": "+14155550123",
				"date_of_birth": map[string]any{"day": 1, "month": 1, "year": 1901},
				"address":       map[string]any{"line1": "address_full_match", "city": "San Francisco", "state": "CA", "postal_code": "94107", "country": "us"},
				"id_numbers":    []any{map[string]any{"type": "us_ssn_last_4", "value": "0000"}, map[string]any{"type": "us_ssn", "value": "000000000"}},
			},
			"attestations": map[string]any{"terms_of_service": map[string]any{"account": map[string]any{"date": "2026-11-23T12:00:00.000Z", "ip": "127.0.0.1"}}},
		},
		"defaults":      map[string]any{"profile": map[string]any{"business_url": "https://accessible.stripe.com"}},
		"configuration": map[string]any{"merchant": map[string]any{"mcc": "5734"}},
		"include":       allIncludes,
	})
	ds = descriptions(up)
	if ds["identity.individual.given_name"] != nil && ds["identity.individual.given_name"]["awaiting_action_from"] != "stripe" {
		t.Errorf("given_name after answer: %v", ds["identity.individual.given_name"])
	}
	if ds["configuration.recipient.default_outbound_destination"] == nil {
		t.Errorf("the bank account is still due: %v", ds)
	}
	// Past the deadline of a 14-day grace, what is still due is past due.
	if _, err := e.sb.Advance(t.Context(), 15*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	later := e.must(http.MethodGet, "/v2/core/accounts/"+id+"?include=requirements", nil)
	bank := descriptions(later)["configuration.recipient.default_outbound_destination"]
	if bank == nil || bank["awaiting_action_from"] != "user" {
		t.Fatalf("bank entry after the deadline: %v", bank)
	}
}

func TestV2ErrorsAndPreviewHeader(t *testing.T) {
	e := newV2Env(t)
	_, err := e.call(http.MethodPost, "/v2/core/accounts", map[string]any{"identity": map[string]any{"country": "us"},
		"configuration": map[string]any{"merchant": map[string]any{}}, "contact_email": "a@b.co", "bogus": 1})
	var se *stripe.Error
	if !errors.As(err, &se) || se.HTTPStatusCode != 400 || !strings.Contains(se.Msg, "bogus") {
		t.Fatalf("unknown field: %v", err)
	}
	_, err = e.call(http.MethodGet, "/v2/core/accounts/acct_nope", nil)
	if !errors.As(err, &se) || se.HTTPStatusCode != 404 {
		t.Fatalf("missing account: %v", err)
	}
	b := stripe.GetBackendWithConfig(stripe.APIBackend, &stripe.BackendConfig{URL: stripe.String(httptest.NewServer(checked(t, e.sb.Handler())).URL),
		MaxNetworkRetries: stripe.Int64(0), LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelNull}})
	plain := rawrequest.Client{B: b.(stripe.RawRequestBackend), Key: "sk_test_v2"}
	if _, err := plain.RawRequest(http.MethodGet, "/v2/core/accounts", "", &stripe.RawParams{}); !errors.As(err, &se) || se.HTTPStatusCode != 400 {
		t.Errorf("no preview version: %v", err)
	}
}

func TestV2ListPages(t *testing.T) {
	e := newV2Env(t)
	for range 3 {
		e.must(http.MethodPost, "/v2/core/accounts", map[string]any{"contact_email": "a@b.co",
			"identity":      map[string]any{"country": "us", "entity_type": "individual"},
			"configuration": map[string]any{"recipient": map[string]any{"capabilities": map[string]any{"stripe_balance": map[string]any{"stripe_transfers": map[string]any{"requested": true}}}}}})
	}
	page := e.must(http.MethodGet, "/v2/core/accounts?limit=2", nil)
	if len(page["data"].([]any)) != 2 || page["next_page_url"] == nil {
		t.Fatalf("page 1: %v", page)
	}
	next := e.must(http.MethodGet, page["next_page_url"].(string), nil)
	if len(next["data"].([]any)) != 1 || next["next_page_url"] != nil {
		t.Fatalf("page 2: %v", next)
	}
}

// Persons through v2: a company's representative is added with the v2
// Persons API, read back in v2 shape, and the entries that concern them
// reference the person.
func TestV2PersonsAndPersonEntries(t *testing.T) {
	e := newV2Env(t)
	acct := e.must(http.MethodPost, "/v2/core/accounts", map[string]any{
		"contact_email": "ops@furever.example",
		"identity":      map[string]any{"country": "us", "entity_type": "company"},
		"configuration": map[string]any{"customer": map[string]any{},
			"merchant": map[string]any{"capabilities": map[string]any{"card_payments": map[string]any{"requested": true}}}},
		"include": allIncludes,
	})
	id := acct["id"].(string)
	if descriptions(acct)["relationship.representative"] == nil {
		t.Fatalf("no representative placeholder: %v", descriptions(acct))
	}
	if cfg := acct["configuration"].(map[string]any); cfg["merchant"] == nil {
		t.Errorf("merchant configuration not rendered: %v", cfg)
	}
	p := e.must(http.MethodPost, "/v2/core/accounts/"+id+"/persons", map[string]any{
		"given_name": "Jenny", "surname": "Rosen", "email": "jenny@example.com",
		"relationship": map[string]any{"representative": true, "title": "CEO"},
	})
	pid, _ := p["id"].(string)
	if !strings.HasPrefix(pid, "person_") || p["given_name"] != "Jenny" || p["object"] != "v2.core.account_person" {
		t.Fatalf("person %v", p)
	}
	list := e.must(http.MethodGet, "/v2/core/accounts/"+id+"/persons", nil)
	if len(list["data"].([]any)) != 1 {
		t.Fatalf("persons list %v", list)
	}
	after := e.must(http.MethodGet, "/v2/core/accounts/"+id+"?include=requirements", nil)
	var person int
	for _, x := range after["requirements"].(map[string]any)["entries"].([]any) {
		ref, _ := x.(map[string]any)["reference"].(map[string]any)
		if ref["type"] == "person" && ref["resource"] == pid {
			person++
		}
	}
	if person == 0 {
		t.Errorf("no entry references the representative: %v", after["requirements"])
	}
	if _, err := e.call(http.MethodDelete, "/v2/core/accounts/"+id+"/persons/"+pid, nil); err != nil {
		t.Errorf("delete person: %v", err)
	}
}

// v2 idempotency: the same request again has no new effect and answers
// with the current account; the same key with another body is refused.
func TestV2Idempotency(t *testing.T) {
	e := newV2Env(t)
	call := func(key string, body map[string]any) (map[string]any, error) {
		raw, _ := json.Marshal(body)
		p := &stripe.RawParams{Params: stripe.Params{Headers: http.Header{"Stripe-Version": {v2Version}}}}
		p.SetIdempotencyKey(key)
		resp, err := e.rc.RawRequest(http.MethodPost, "/v2/core/accounts", string(raw), p)
		if err != nil {
			return nil, err
		}
		var out map[string]any
		return out, json.Unmarshal(resp.RawJSON, &out)
	}
	body := map[string]any{"contact_email": "a@b.co", "identity": map[string]any{"country": "us", "entity_type": "individual"},
		"configuration": map[string]any{"recipient": map[string]any{"capabilities": map[string]any{"stripe_balance": map[string]any{"stripe_transfers": map[string]any{"requested": true}}}}}}
	first, err := call("create-1", body)
	if err != nil {
		t.Fatal(err)
	}
	again, err := call("create-1", body)
	if err != nil || again["id"] != first["id"] {
		t.Fatalf("replay: %v %v vs %v", err, again["id"], first["id"])
	}
	list := e.must(http.MethodGet, "/v2/core/accounts", nil)
	if len(list["data"].([]any)) != 1 {
		t.Errorf("a replayed create made another account: %v", list)
	}
	body["contact_email"] = "other@b.co"
	var se *stripe.Error
	if _, err := call("create-1", body); !errors.As(err, &se) || se.HTTPStatusCode != 400 {
		t.Errorf("same key, other body: %v", err)
	}
}

// v2Version is the GA version the tests (and the app) speak.
const v2Version = "2025-12-15.clover"
