package flows_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/stripeapi/stripetest"
	"onboard/sandbox"
	"onboard/schema"
)

// withTransport is newEnv whose API traffic (v1 and v2) goes through
// wrap(the sandbox's in-process transport), on a clock the test moves.
func withTransport(t *testing.T, wrap func(http.RoundTripper) http.RoundTripper, now func() time.Time) env {
	t.Helper()
	e := newEnv(t)
	e.cl = clientOn(e.sb, wrap, now)
	return e
}

// withTransportOn is another client (a new run of onboard) on e's sandbox.
func withTransportOn(t *testing.T, e env, wrap func(http.RoundTripper) http.RoundTripper) *flows.Client {
	t.Helper()
	return clientOn(e.sb, wrap, func() time.Time { return epoch })
}

func clientOn(sb *sandbox.Sandbox, wrap func(http.RoundTripper) http.RoundTripper, now func() time.Time) *flows.Client {
	sc, v2 := stripetest.Client("sk_test_journey", "http://sandbox.invalid", wrap(sb.Transport()))
	return flows.New(sc, flows.WithClock(now), flows.WithAcceptance("203.0.113.9", "onboard-test"), flows.WithV2(v2))
}

// loseOnce lets the API act on the first request matching, then drops
// its response, as a connection reset after the server acted does.
type loseOnce struct {
	next  http.RoundTripper
	match func(*http.Request) bool
	mu    sync.Mutex
	lost  bool
	keys  []string // idempotency keys of the matching requests
}

func (l *loseOnce) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := l.next.RoundTrip(r)
	if !l.match(r) {
		return resp, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.keys = append(l.keys, r.Header.Get("Idempotency-Key"))
	if l.lost || err != nil {
		return resp, err
	}
	l.lost = true
	_ = resp.Body.Close() // read or not needed: a failed close changes nothing
	return nil, errors.New("connection reset by peer")
}

func isPost(path string) func(*http.Request) bool {
	return func(r *http.Request) bool {
		return r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, path)
	}
}

// A person create whose response is lost, sent again by the driver as a
// new attempt of the same step with the same values, creates one person.
func TestLostPersonCreateSentAgainCreatesOnePerson(t *testing.T) {
	lose := &loseOnce{match: isPost("/persons")}
	e := withTransport(t, func(rt http.RoundTripper) http.RoundTripper { lose.next = rt; return lose }, func() time.Time { return epoch })
	a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	j := e.cl.Journey(a, flows.Strategy{})
	f := schema.Lookup("representative.first_name", "US")
	st := flows.Step{Group: schema.GroupPeople, Person: f.Person, Fields: []schema.Field{f}}
	values := map[string]string{f.Key: "Jenny"}
	if _, err := j.Submit(e.ctx, st, values); err == nil {
		t.Fatal("the lost response was not an error")
	}
	res, err := j.Submit(e.ctx, st, values)
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	if n := len(res.Account.Persons); n != 1 {
		t.Fatalf("%d persons after a lost create sent again, want 1", n)
	}
	if len(lose.keys) != 2 || lose.keys[0] != lose.keys[1] || lose.keys[0] == "" {
		t.Errorf("keys of the two sends: %q", lose.keys)
	}
	if j.Attempts(st) != 2 || j.Done() != 1 {
		t.Errorf("attempts %d done %d", j.Attempts(st), j.Done())
	}
}

// A terms acceptance whose response is lost, sent again a minute later,
// carries the same parameters under the same key (the date of the first
// send): Stripe would refuse a key reused with another date.
func TestLostAcceptanceSentAgainLaterIsTheSameRequest(t *testing.T) {
	var clock atomic.Int64
	clock.Store(epoch.Unix())
	now := func() time.Time { return time.Unix(clock.Load(), 0).UTC() }
	lose := &loseOnce{match: func(r *http.Request) bool {
		return r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/v1/accounts/acct_")
	}}
	e := withTransport(t, func(rt http.RoundTripper) http.RoundTripper { lose.next = rt; return lose }, now)
	a := e.newUS(t)
	j := e.cl.Journey(a, flows.Strategy{})
	f := schema.Lookup("tos_acceptance", "US")
	st := flows.Step{Group: f.Group, Fields: []schema.Field{f}, Paths: f.Covers}
	values := map[string]string{f.Key: "true"}
	if _, err := j.Submit(e.ctx, st, values); err == nil {
		t.Fatal("the lost response was not an error")
	}
	clock.Add(60)
	res, err := j.Submit(e.ctx, st, values)
	if err != nil {
		t.Fatalf("sent again: %s", flows.Message(err))
	}
	if contains(res.Account.Requirements.CurrentlyDue, "tos_acceptance.date") {
		t.Errorf("terms still due: %v", res.Account.Requirements.CurrentlyDue)
	}
	if len(lose.keys) != 2 || lose.keys[0] != lose.keys[1] {
		t.Errorf("keys of the two sends: %q", lose.keys)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// The key of a step depends on the account, the step and the values
// only: the same on every attempt and at any time, another when a value
// changes, another for another step or account.
func TestStepKeyIsStableAndFollowsTheValues(t *testing.T) {
	var clock atomic.Int64
	clock.Store(epoch.Unix())
	e := withTransport(t, func(rt http.RoundTripper) http.RoundTripper { return rt },
		func() time.Time { return time.Unix(clock.Load(), 0) })
	a := e.newUS(t)
	j := e.cl.Journey(a, flows.Strategy{})
	st, ok := j.Next()
	if !ok {
		t.Fatal("nothing planned")
	}
	values := map[string]string{}
	for _, f := range st.Fields {
		values[f.Key] = "x"
	}
	first := j.Prepare(st, values)
	j.Record(first, flows.Result{}, errors.New("refused"))
	clock.Add(3600)
	again := j.Prepare(st, values)
	if again.Key != first.Key {
		t.Errorf("new attempt, same values: key %q then %q", first.Key, again.Key)
	}
	if again.Key != flows.StepKey(a.ID, st, values) {
		t.Errorf("journey key %q is not StepKey's", again.Key)
	}
	changed := map[string]string{}
	for k, v := range values {
		changed[k] = v
	}
	changed[st.Fields[0].Key] = "y"
	if k := j.Prepare(st, changed).Key; k == first.Key {
		t.Errorf("a changed value kept the key %q", k)
	}
	if k := flows.StepKey("acct_other", st, values); k == first.Key {
		t.Errorf("another account has the same key")
	}
	other := st
	other.Group++
	if k := flows.StepKey(a.ID, other, values); k == first.Key {
		t.Errorf("another step has the same key")
	}
}

// The journey counts the API requests it makes, not its sends: a US
// individual's first step with a bank account is a token and an update.
func TestJourneyCountsRequests(t *testing.T) {
	ct := &countingTransport{}
	e := withTransport(t, func(rt http.RoundTripper) http.RoundTripper { ct.next = rt; return ct }, func() time.Time { return epoch })
	a := e.newUS(t)
	before := ct.n.Load()
	rep, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{Upfront: true}, usAnswers(t), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if got := int64(rep.Requests); got != ct.n.Load()-before {
		t.Errorf("report says %d requests, the API saw %d", rep.Requests, ct.n.Load()-before)
	}
}

// The observer and the history see every accepted step with the values
// sent, and never a secret: OnSent gets no sensitive value but Stripe's
// published test values (a recording replays them), History only masked
// ones.
func TestJourneyHistoryKeepsNoSecret(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	j := e.cl.Journey(a, flows.Strategy{Upfront: true})
	var seen []map[string]string
	j.OnSent = func(_ schema.Account, _ flows.Step, values map[string]string) { seen = append(seen, values) }
	ans := usAnswers(t)
	ans.Values["individual.id_number"] = "123-45-6780" // a real-looking number, not a test value
	if _, err := answers.RunJourney(e.ctx, j, ans, io.Discard); err != nil {
		t.Fatal(err)
	}
	testValues := 0
	for _, s := range seen {
		for k, v := range s {
			if strings.Contains(v, "6780") {
				t.Errorf("OnSent was given %s = %s", k, v)
			}
			if f := schema.Lookup(k, "US"); f.Sensitive {
				testValues++
			}
		}
	}
	if testValues == 0 {
		t.Error("OnSent was given none of the test values sent (the bank account's), so no recording can replay them")
	}
	h := j.History()
	if len(h) == 0 || len(h) != len(seen) || len(h) != j.Done() {
		t.Fatalf("history %d, observed %d, done %d", len(h), len(seen), j.Done())
	}
	secrets := []string{"000000000", "0000", "000123456789", "123456780", "123-45-6780", "6780"}
	masked := 0
	for _, s := range h {
		for k, v := range s.Values {
			if slices.Contains(secrets, v) {
				t.Errorf("history keeps %s in clear", k)
			}
		}
		masked += len(s.Masked)
	}
	if masked == 0 {
		t.Error("no masked value in the history of a run that sent an SSN")
	}
	if seen[0]["business_profile.mcc"] != "5734" {
		t.Errorf("first step observed %v", seen[0])
	}
}

// Sending the same values for a step again is a replay on Stripe's side
// (same key); its answer is the account as it was then, so the journey
// reads the account as it is now instead of going back in time.
func TestReplayedSendAnswersTheCurrentAccount(t *testing.T) {
	e := newEnv(t)
	j := e.cl.Journey(e.newUS(t), flows.Strategy{})
	mcc, url := schema.Lookup("business_profile.mcc", "US"), schema.Lookup("business_profile.url", "US")
	first := flows.Step{Group: mcc.Group, Fields: []schema.Field{mcc}}
	if _, err := j.Submit(e.ctx, first, map[string]string{mcc.Key: "5734"}); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Submit(e.ctx, flows.Step{Group: url.Group, Fields: []schema.Field{url}},
		map[string]string{url.Key: "https://accessible.stripe.com"}); err != nil {
		t.Fatal(err)
	}
	res, err := j.Submit(e.ctx, first, map[string]string{mcc.Key: "5734"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Account.Known["business_profile.url"] == "" {
		t.Errorf("the replayed answer took the account back to before the URL: %v", res.Account.Known)
	}
}

// Drive asks a refused step again with the refusal, up to MaxAttempts
// sends, then stops naming the step; invalid values cost no request.
func TestDriveAsksAgainThenGivesUp(t *testing.T) {
	e := newEnv(t)
	j := e.cl.Journey(e.newUS(t), flows.Strategy{})
	asked, refusals := 0, 0
	err := j.Drive(e.ctx, func(_ context.Context, st flows.Step, _ map[string]string, refused error) (flows.Step, map[string]string, error) {
		asked++
		if refused != nil {
			refusals++
		}
		values := map[string]string{}
		for _, f := range st.Fields {
			values[f.Key] = "not valid for anything 🙃"
		}
		return st, values, nil
	}, nil)
	var se *flows.StepError
	if !errors.Is(err, flows.ErrRefusedTooOften) || !errors.As(err, &se) || se.Title == "" {
		t.Fatalf("drive ended with %v", err)
	}
	if asked != flows.MaxAttempts || refusals != flows.MaxAttempts-1 || j.Attempts(se.Step) != flows.MaxAttempts {
		t.Errorf("asked %d times (%d after a refusal), %d attempts", asked, refusals, j.Attempts(se.Step))
	}
	if j.Requests() != 0 {
		t.Errorf("%d requests for values that never validated", j.Requests())
	}
}

// With the request policy in front, a person create whose response is
// lost is resent at once under the same key: one send of the step, one
// person, and the operator never sees the fault.
func TestLostPersonCreateIsAbsorbedByTheRetry(t *testing.T) {
	lose := &loseOnce{match: isPost("/persons")}
	e := withTransport(t, func(rt http.RoundTripper) http.RoundTripper {
		lose.next = rt
		p := flows.NewPolicy(lose, schema.English)
		p.Sleep = func(context.Context, time.Duration) error { return nil }
		return p
	}, func() time.Time { return epoch })
	a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	j := e.cl.Journey(a, flows.Strategy{})
	f := schema.Lookup("representative.first_name", "US")
	st := flows.Step{Group: schema.GroupPeople, Person: f.Person, Fields: []schema.Field{f}}
	res, err := j.Submit(e.ctx, st, map[string]string{f.Key: "Jenny"})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	if n := len(res.Account.Persons); n != 1 || !lose.lost {
		t.Fatalf("%d persons (response lost: %v), want 1", n, lose.lost)
	}
	if len(lose.keys) != 2 || lose.keys[0] != lose.keys[1] || j.Attempts(st) != 1 {
		t.Errorf("keys %q, attempts %d", lose.keys, j.Attempts(st))
	}
}

// The key follows what is sent, not how it was typed: a phone number in
// its national form and in E.164 is one request; another number is not.
func TestStepKeyFollowsTheValueAsSent(t *testing.T) {
	e := newEnv(t)
	j := e.cl.Journey(e.newUS(t), flows.Strategy{})
	f := schema.Lookup("individual.phone", "US")
	st := flows.Step{Group: f.Group, Fields: []schema.Field{f}}
	e164 := j.Prepare(st, map[string]string{f.Key: "+14155550123"}).Key
	if national := j.Prepare(st, map[string]string{f.Key: "(415) 555-0123"}).Key; national != e164 {
		t.Errorf("national form %q, E.164 %q", national, e164)
	}
	if other := j.Prepare(st, map[string]string{f.Key: "(415) 555-0124"}).Key; other == e164 {
		t.Error("another number has the same key")
	}
}

// The plan a journey keeps between two changes reads as one planned
// afresh: what a caller does with the steps it got stays its own, and a
// step passed or a new snapshot plans anew.
func TestJourneyPlanKeptBetweenChanges(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	s := flows.Strategy{Upfront: true}
	j := e.cl.Journey(a, s)
	first := j.Plan()
	if len(first) < 2 {
		t.Fatalf("a new US account plans %d steps, want several", len(first))
	}
	first[0].Fields = append(first[0].Fields, schema.Field{Key: "extra"})
	first[0].Paths = append(first[0].Paths, "extra")
	if first[0].Values == nil {
		first[0].Values = map[string]string{}
	}
	first[0].Values["extra"] = "x"
	if got, want := stepsText(j.Plan()), stepsText(e.cl.Journey(a, s).Plan()); got != want {
		t.Fatalf("the kept plan took a caller's changes:\n got %s\nwant %s", got, want)
	}
	j.Pass(first[0])
	after := j.Plan()
	if len(after) != len(first)-1 || after[0].Group == first[0].Group && after[0].Person == first[0].Person {
		t.Fatalf("after passing %v the plan is %d steps starting with %v", first[0].Group, len(after), after[0].Group)
	}
	none := a
	none.Requirements = schema.Requirements{}
	none.Future = schema.Requirements{}
	j.SetAccount(none)
	if p := j.Plan(); len(p) != 0 {
		t.Errorf("a snapshot with nothing due still plans %d steps", len(p))
	}
}

// stepsText is what a plan asks, written out: each step's group, person,
// field keys, paths, due, values and problems.
func stepsText(steps []flows.Step) string {
	var b strings.Builder
	for _, st := range steps {
		var keys []string
		for _, f := range st.Fields {
			keys = append(keys, f.Key)
		}
		var person any
		if st.Person != nil {
			person = *st.Person
		}
		fmt.Fprintf(&b, "%v %+v %v %v %v %v %v\n", st.Group, person, keys, st.Paths, st.Due, st.Values, st.Problems)
	}
	return b.String()
}
