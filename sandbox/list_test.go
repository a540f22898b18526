package sandbox

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

func TestListAccountsPagination(t *testing.T) {
	bothEnvs(t, func(t *testing.T, e *env) {
		var created []string
		for range 5 {
			created = append(created, e.createUSIndividual().ID)
		}
		newestFirst := slices.Clone(created)
		slices.Reverse(newestFirst)

		// stripe-go's iterator follows has_more with starting_after.
		var got []string
		p := &stripe.AccountListParams{}
		p.Limit = stripe.Int64(2)
		for a, err := range e.sc.V1Accounts.List(e.ctx, p) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, a.ID)
		}
		wantList(t, "iterated ids", got, newestFirst)

		page := listPage(t, e, "/v1/accounts?limit=2&starting_after="+newestFirst[1])
		if page.ids[0] != newestFirst[2] || page.ids[1] != newestFirst[3] || !page.hasMore || page.url != "/v1/accounts" {
			t.Errorf("starting_after page %+v", page)
		}
		page = listPage(t, e, "/v1/accounts?limit=2&ending_before="+newestFirst[4])
		if !slices.Equal(page.ids, newestFirst[2:4]) || !page.hasMore {
			t.Errorf("ending_before page %+v", page)
		}
		page = listPage(t, e, "/v1/accounts?limit=10")
		if len(page.ids) != 5 || page.hasMore {
			t.Errorf("full page %+v", page)
		}

		_, err := e.sc.V1Accounts.Delete(e.ctx, created[0], nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.sc.V1Accounts.GetByID(e.ctx, created[0], nil)
		wantErr(t, err, 404, "resource_missing", "id")

		for _, lim := range []int64{0, 101} {
			pl := &stripe.AccountListParams{}
			pl.Limit = stripe.Int64(lim)
			var err error
			for _, err = range e.sc.V1Accounts.List(e.ctx, pl) {
				break
			}
			wantErr(t, err, 400, "parameter_invalid_integer", "limit")
		}
	})
}

type pageResult struct {
	ids     []string
	hasMore bool
	url     string
}

// listPage fetches one raw page through the env's own transport.
func listPage(t *testing.T, e *env, path string) pageResult {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Authorization", "Bearer sk_test_x")
	rec := httptest.NewRecorder()
	checked(t, e.sb.Handler()).ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
	}
	var body struct {
		Object  string `json:"object"`
		HasMore bool   `json:"has_more"`
		URL     string `json:"url"`
		Data    []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Object != "list" {
		t.Fatalf("list body %s: %v", rec.Body, err)
	}
	out := pageResult{hasMore: body.HasMore, url: body.URL}
	for _, d := range body.Data {
		out.ids = append(out.ids, d.ID)
	}
	return out
}

func TestEventsList(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	e.mustUpdate(a.ID, "email", "new@example.com")
	e.mustUpdate(a.ID, "email", "new@example.com") // no change: no event

	var events []*stripe.Event
	for ev, err := range e.sc.V1Events.List(e.ctx, onAccount(a.ID, &stripe.EventListParams{Type: stripe.String("account.updated")})) {
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, ev)
	}
	if len(events) != 2 {
		t.Fatalf("got %d events, want 2 (create + one real change)", len(events))
	}
	prev := events[0].Data.PreviousAttributes
	if prev["email"] != "jenny@example.com" || len(prev) != 1 {
		t.Errorf("previous_attributes %v", prev)
	}
	if events[0].APIVersion != "2025-08-27.basil" || events[0].Request == nil || events[0].Request.ID == "" {
		t.Errorf("event envelope %+v", events[0])
	}
	rp := &stripe.EventRetrieveParams{}
	rp.SetStripeAccount(a.ID)
	ev, err := e.sc.V1Events.Retrieve(e.ctx, events[1].ID, rp)
	if err != nil || ev.ID != events[1].ID {
		t.Errorf("retrieve event: %v", err)
	}
	for _, err := range e.sc.V1Events.List(e.ctx, onAccount(a.ID, &stripe.EventListParams{Type: stripe.String("person.created")})) {
		t.Errorf("type filter let something through (err %v)", err)
	}
}
