package flows_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/stripeapi"
	"onboard/schema"
)

// recorder keeps the method, path and Stripe-Version of every request.
type recorder struct {
	next http.RoundTripper
	mu   sync.Mutex
	reqs []string
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.reqs = append(r.reqs, req.Method+" "+req.URL.Path+" "+req.Header.Get("Stripe-Version"))
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

func (r *recorder) since(n int) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.reqs[n:]...)
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.reqs)
}

// Which API an account speaks is found once: a refresh of a v1 company is
// the account, its persons and its capabilities (no v2 probe), and a
// refresh of a v2 company never asks v1.
func TestRefreshDoesNotProbeV2(t *testing.T) {
	rec := &recorder{}
	e := withTransport(t, func(rt http.RoundTripper) http.RoundTripper { rec.next = rt; return rec }, func() time.Time { return epoch })
	for _, api := range []string{"v1", "v2"} {
		a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "company", API: api,
			Capabilities: []string{"card_payments", "transfers"}, Email: "ops@example.com"})
		if err != nil {
			t.Fatal(flows.Message(err))
		}
		if got := e.cl.AccountAPI(a).Version(); got != api {
			t.Errorf("%s account speaks %s", api, got)
		}
		n := rec.count()
		if _, err := e.cl.Load(e.ctx, a.ID); err != nil {
			t.Fatal(flows.Message(err))
		}
		got := rec.since(n)
		want := map[string]int{"v1": 3, "v2": 2}[api]
		if len(got) != want {
			t.Errorf("%s refresh: %d requests, want %d: %q", api, len(got), want, got)
		}
		for _, r := range got {
			if strings.Contains(r, "/"+map[string]string{"v1": "v2", "v2": "v1"}[api]+"/") {
				t.Errorf("%s refresh asked the other API: %s", api, r)
			}
		}
	}
}

// A fresh client (onboard resume) finds out once, then remembers.
func TestFirstLoadFindsTheAPIOnce(t *testing.T) {
	rec := &recorder{}
	e := withTransport(t, func(rt http.RoundTripper) http.RoundTripper { rec.next = rt; return rec }, func() time.Time { return epoch })
	a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	fresh := withTransportOn(t, e, func(rt http.RoundTripper) http.RoundTripper { rec.next = rt; return rec })
	n := rec.count()
	for range 2 {
		if _, err := fresh.Load(e.ctx, a.ID); err != nil {
			t.Fatal(flows.Message(err))
		}
	}
	if got := rec.since(n); len(got) != 4+3 {
		t.Errorf("two loads by a fresh client: %d requests, want 4 then 3: %q", len(got), got)
	}
}

// Accounts v2 requests carry the GA version, and a v2 company's people
// are sent and read back through the v2 Persons API.
func TestV2SpeaksGA(t *testing.T) {
	rec := &recorder{}
	e := withTransport(t, func(rt http.RoundTripper) http.RoundTripper { rec.next = rt; return rec }, func() time.Time { return epoch })
	a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "company", API: "v2",
		Capabilities: []string{"card_payments", "transfers"}, Email: "ops@example.com"})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	j := e.cl.Journey(a, flows.Strategy{})
	f := schema.Lookup("representative.first_name", "US")
	url := schema.Lookup("business_profile.url", "US")
	if _, err := j.Submit(e.ctx, flows.Step{Group: schema.GroupPeople, Person: f.Person, Fields: []schema.Field{f}},
		map[string]string{f.Key: "Jenny"}); err != nil {
		t.Fatal(flows.Message(err))
	}
	res, err := j.Submit(e.ctx, flows.Step{Group: url.Group, Fields: []schema.Field{url}}, map[string]string{url.Key: "https://rocket-rides.example"})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	if got := res.Account.Known["business_profile.url"]; got != "https://rocket-rides.example" {
		t.Errorf("business URL read back %q", got)
	}
	if len(res.Account.Persons) != 1 || res.Account.Persons[0].FirstName != "Jenny" {
		t.Errorf("persons %+v", res.Account.Persons)
	}
	for _, r := range rec.since(0) {
		if strings.Contains(r, " /v2/") && !strings.HasSuffix(r, " "+stripeapi.V2Version) {
			t.Errorf("v2 request without the GA version: %s", r)
		}
	}
}

// A document's upload purpose is its dialect's: v1 keeps the field's
// purpose, v2's front_back documents want identity_document.
func TestDialectUploadPurpose(t *testing.T) {
	for _, c := range []struct{ api, purpose, want string }{
		{"v1", "additional_verification", "additional_verification"},
		{"v2", "additional_verification", "identity_document"},
		{"v2", "account_requirement", "account_requirement"},
		{"v1", "identity_document", "identity_document"},
	} {
		if got := flows.DialectNamed(c.api).UploadPurpose(c.purpose); got != c.want {
			t.Errorf("%s: UploadPurpose(%s) = %s, want %s", c.api, c.purpose, got, c.want)
		}
	}
}
