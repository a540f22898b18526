package flows_test

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/stripeapi/stripetest"
	"onboard/sandbox"
	"onboard/schema"
)

// listEnv is a sandbox seeded with n accounts and a way to make clients
// over it that record the list requests they send.
type listEnv struct {
	sb  *sandbox.Sandbox
	rec *queryLog
}

func newListEnv(t *testing.T, n int, next func(http.RoundTripper) http.RoundTripper) listEnv {
	t.Helper()
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() }) // the test is decided; nothing left to keep
	if err := sb.SeedAccounts(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	tr := sb.Transport()
	if next != nil {
		tr = next(tr)
	}
	return listEnv{sb: sb, rec: &queryLog{next: tr}}
}

func (e listEnv) client(opts ...flows.Option) *flows.Client {
	return e.clientOver(&http.Client{Transport: e.rec}, opts...)
}

// clientOver is a client whose HTTP client is hc.
func (e listEnv) clientOver(hc *http.Client, opts ...flows.Option) *flows.Client {
	sc, _ := stripetest.ClientOver("sk_test_list", "http://sandbox.invalid", hc)
	return flows.New(sc, append([]flows.Option{flows.WithClock(func() time.Time { return epoch })}, opts...)...)
}

// queryLog keeps the query of every request.
type queryLog struct {
	next    http.RoundTripper
	mu      sync.Mutex
	queries []string
}

func (r *queryLog) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.queries = append(r.queries, req.URL.RawQuery)
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

func (r *queryLog) reset() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	q := r.queries
	r.queries = nil
	return q
}

func ids(list []flows.Summary) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s.ID
	}
	return out
}

// Concurrent windows read every account exactly once, the same set as
// paging one page after another, and the result is sorted for triage.
func TestAccountsOverConcurrentWindowsReadEachAccountOnce(t *testing.T) {
	e := newListEnv(t, 700, nil)
	seq, err := e.client(flows.WithListPace(0, 1)).Accounts(context.Background(), flows.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range e.rec.reset() {
		if strings.Contains(q, "created") {
			t.Fatalf("one worker split the list: %s", q)
		}
	}
	var last flows.ListProgress
	par, err := e.client(flows.WithListPace(0, 4)).Accounts(context.Background(), flows.ListOptions{
		Progress: func(p flows.ListProgress) { last = p },
	})
	if err != nil {
		t.Fatal(err)
	}
	queries := e.rec.reset()
	windows := 0
	for _, q := range queries {
		if strings.Contains(q, "created") {
			windows++
		}
	}
	if windows == 0 {
		t.Errorf("four workers never split the list into windows: %v", queries)
	}
	got := ids(par)
	sorted := slices.Clone(got)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != 700 || len(got) != 700 {
		t.Fatalf("listed %d accounts (%d distinct), want 700", len(got), len(slices.Compact(sorted)))
	}
	if !slices.Equal(got, ids(seq)) {
		t.Errorf("parallel and sequential lists differ")
	}
	if !slices.IsSortedFunc(par, flows.Urgency) {
		t.Errorf("not sorted by urgency")
	}
	if last.Accounts != 700 || last.Pages != len(queries) {
		t.Errorf("progress %+v after %d requests", last, len(queries))
	}
}

// --limit keeps the most urgent of all accounts, not the first found:
// the seeded past-due accounts are the oldest, on the last pages.
func TestAccountsLimitIsTheMostUrgentOfAll(t *testing.T) {
	e := newListEnv(t, 500, nil)
	cl := e.client(flows.WithListPace(0, 3))
	all, err := cl.Accounts(context.Background(), flows.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	top, err := cl.Accounts(context.Background(), flows.ListOptions{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(top), ids(all[:10])) {
		t.Fatalf("limit 10 = %v, want %v", ids(top), ids(all[:10]))
	}
	if top[0].PastDue == 0 || top[0].State != flows.StatePastDue {
		t.Errorf("the most urgent is not past due: %+v", top[0])
	}
	pastDue, err := cl.Accounts(context.Background(), flows.ListOptions{State: flows.StatePastDue, Limit: 3})
	if err != nil || len(pastDue) != 3 || pastDue[2].State != flows.StatePastDue {
		t.Errorf("state and limit: %+v %v", pastDue, err)
	}
}

// throttled answers the second request with Stripe's 429, as Stripe
// does once a key goes over its rate.
type throttled struct {
	next http.RoundTripper
	mu   sync.Mutex
	n    int
}

func (t *throttled) RoundTrip(req *http.Request) (*http.Response, error) {
	t.mu.Lock()
	t.n++
	n := t.n
	t.mu.Unlock()
	if n != 2 {
		return t.next.RoundTrip(req)
	}
	body := `{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests"}}`
	return &http.Response{StatusCode: 429, Status: "429 Too Many Requests", Request: req,
		Header: http.Header{"Content-Type": {"application/json"}, "Stripe-Rate-Limited-Reason": {"global-rate"}},
		Body:   io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body))}, nil
}

// A 429 slows the listing down and the page is asked again: nothing is
// lost and the operator is not shown an error.
func TestAccountsSlowDownWhenStripeThrottles(t *testing.T) {
	e := newListEnv(t, 450, func(next http.RoundTripper) http.RoundTripper { return &throttled{next: next} })
	var last flows.ListProgress
	list, err := e.client(flows.WithListPace(0, 2)).Accounts(context.Background(), flows.ListOptions{
		Progress: func(p flows.ListProgress) { last = p },
	})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	if len(list) != 450 || last.Throttled != 1 {
		t.Fatalf("listed %d accounts, throttled %d times; want 450 and 1", len(list), last.Throttled)
	}
	// Through the request policy, which retries the 429 itself, the pace
	// slows down all the same.
	e = newListEnv(t, 450, func(next http.RoundTripper) http.RoundTripper { return &throttled{next: next} })
	pol := flows.NewPolicy(e.rec, schema.English)
	pol.Sleep = func(context.Context, time.Duration) error { return nil }
	list, err = e.clientOver(flows.NewHTTPClient(pol), flows.WithListPace(0, 2)).Accounts(context.Background(), flows.ListOptions{
		Progress: func(p flows.ListProgress) { last = p },
	})
	if err != nil || len(list) != 450 || last.Throttled != 1 {
		t.Fatalf("through the policy: listed %d accounts, throttled %d times (%v); want 450 and 1", len(list), last.Throttled, err)
	}
}

// --state takes the short forms people type.
func TestParseState(t *testing.T) {
	for in, want := range map[string]string{
		"past_due": flows.StatePastDue, "past due": flows.StatePastDue, "Past-Due": flows.StatePastDue,
		"restricted (past due)": flows.StatePastDue, "payouts_disabled": flows.StatePayoutsDisabled,
		"pending_enablement": flows.StatePendingEnablement, "restricted": flows.StateRestricted,
		"complete": flows.StateComplete, "pending disabled": flows.StatePendingDisabled,
		flows.StateLabel(flows.StatePastDue, "fr"): flows.StatePastDue,
		"failed_verification":                      flows.StateFailedVerification, "vérification échouée": flows.StateFailedVerification,
	} {
		if got, ok := flows.ParseState(in); !ok || got != want {
			t.Errorf("ParseState(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "due", "pastdue!"} {
		if got, ok := flows.ParseState(bad); ok {
			t.Errorf("ParseState(%q) = %q, want refused", bad, got)
		}
	}
}

// Past due first, then failed verification, then nearest deadline.
func TestUrgencyOrder(t *testing.T) {
	soon, later := epoch.Add(24*time.Hour), epoch.Add(72*time.Hour)
	want := []flows.Summary{
		{ID: "a", PastDue: 1, Deadline: later},
		{ID: "b", PastDue: 2},
		{ID: "c", Errors: 1},
		{ID: "d", Deadline: soon},
		{ID: "e", Deadline: later},
		{ID: "f", CurrentlyDue: 3},
		{ID: "g", Created: 20},
		{ID: "h", Created: 10},
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, flows.Urgency)
	if !slices.Equal(ids(got), ids(want)) {
		t.Errorf("order %v, want %v", ids(got), ids(want))
	}
}

// stamps records when each request leaves.
type stamps struct {
	next http.RoundTripper
	mu   sync.Mutex
	at   []time.Time
}

func (s *stamps) RoundTrip(req *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.at = append(s.at, time.Now())
	s.mu.Unlock()
	return s.next.RoundTrip(req)
}

// At the test-mode pace no second ever holds more requests than Stripe's
// 25, however many workers page concurrently.
func TestAccountsPaceStaysUnderStripesLimit(t *testing.T) {
	st := &stamps{}
	e := newListEnv(t, 3000, func(next http.RoundTripper) http.RoundTripper { st.next = next; return st })
	list, err := e.client(flows.WithListPace(flows.ListRate(false), 8)).Accounts(context.Background(), flows.ListOptions{})
	if err != nil || len(list) != 3000 {
		t.Fatalf("listed %d: %v", len(list), err)
	}
	for i, start := range st.at {
		n := 0
		for _, at := range st.at[i:] {
			if at.Sub(start) < time.Second {
				n++
			}
		}
		if n > flows.TestModeRate {
			t.Fatalf("%d requests in the second from request %d (limit %d)", n, i, flows.TestModeRate)
		}
	}
}

// The reason says why each kind of urgency is urgent, in both languages:
// a failed verification is no longer read as merely past due.
func TestReasonTellsFailedFromIncomplete(t *testing.T) {
	failed := flows.Summary{State: flows.StatePastDue, PastDue: 2, Errors: 2, ErrorCode: "invalid_tax_id"}
	late := flows.Summary{State: flows.StatePastDue, PastDue: 1}
	for _, c := range []struct {
		s         flows.Summary
		lang      schema.Lang
		want      string
		matchFail bool
	}{
		{failed, schema.English, "verification failed: the tax ID is not valid (+1 more)", true},
		{failed, schema.French, "vérification échouée\u00a0: le numéro fiscal n'est pas valide (+1 autre)", true},
		{late, schema.English, "1 field past due", false},
		{late, schema.French, "1 champ en retard", false},
		{flows.Summary{State: flows.StateRestricted, CurrentlyDue: 4}, schema.English, "4 fields due", false},
		{flows.Summary{State: flows.StateComplete}, schema.English, "", false},
		{flows.Summary{State: flows.StateRestricted, Errors: 1}, schema.English, "failed verification", true},
	} {
		if got := flows.Reason(c.s, c.lang); got != c.want {
			t.Errorf("Reason(%+v, %s) = %q, want %q", c.s, c.lang, got, c.want)
		}
		if got := flows.MatchState(c.s, flows.StateFailedVerification); got != c.matchFail {
			t.Errorf("MatchState(%+v, failed verification) = %v", c.s, got)
		}
	}
}

// An individual whose address fails verification is listed by
// --state failed_verification with the error's code, and the list keeps
// the individual's name and email for search.
func TestAccountsFailedVerificationHasItsCodeAndPeople(t *testing.T) {
	cl, sb := sandboxClient(t)
	ctx := context.Background()
	ans, err := answers.Load("../examples/us-individual.json", answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ans.Values["individual.address.line1"] = "address_no_match"
	a, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	if _, err := answers.Run(ctx, cl, a, flows.Strategy{Upfront: true}, ans, io.Discard); err != nil {
		t.Fatal(flows.Message(err))
	}
	if _, err := sb.Advance(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"transfers"}}); err != nil {
		t.Fatal(flows.Message(err))
	}
	failed, err := cl.Accounts(ctx, flows.ListOptions{State: flows.StateFailedVerification})
	if err != nil || len(failed) != 1 || failed[0].ID != a.ID {
		t.Fatalf("failed verification listed %+v %v", failed, err)
	}
	s := failed[0]
	if s.ErrorCode != "verification_failed_address_match" || !strings.HasPrefix(flows.Reason(s, schema.English), "verification failed: the address") {
		t.Errorf("code %q, reason %q", s.ErrorCode, flows.Reason(s, schema.English))
	}
	if !slices.Contains(s.People, "Jenny Rosen") || !slices.Contains(s.People, "jenny.rosen@example.com") {
		t.Errorf("people %q", s.People)
	}
}
