package flows_test

import (
	"context"
	"errors"
	"io"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/stripeapi"
	"onboard/flows/stripeapi/stripetest"
	"onboard/sandbox"
	"onboard/schema"
)

var epoch = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// env is a flows client talking to a fresh sandbox over real HTTP through
// the real stripe-go client.
type env struct {
	cl  *flows.Client
	sb  *sandbox.Sandbox
	ctx context.Context
}

func newEnv(t *testing.T) env {
	t.Helper()
	cl, sb := sandboxClient(t)
	return env{cl: cl, sb: sb, ctx: context.Background()}
}

// sandboxClient is a client on a fresh sandbox, over real HTTP through
// the real stripe-go client, at the test clock; opts add to its options.
func sandboxClient(t *testing.T, opts ...flows.Option) (*flows.Client, *sandbox.Sandbox) {
	t.Helper()
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sb.Handler())
	t.Cleanup(func() { srv.Close(); _ = sb.Close() }) // the test is decided; nothing left to keep
	sc, _ := stripetest.Client("sk_test_flows", srv.URL, nil)
	return flows.New(sc, append([]flows.Option{flows.WithClock(func() time.Time { return epoch }),
		flows.WithAcceptance("203.0.113.9", "onboard-test")}, opts...)...), sb
}

func (e env) newUS(t *testing.T) schema.Account {
	t.Helper()
	a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func (e env) advance(t *testing.T, d time.Duration) {
	t.Helper()
	if _, err := e.sb.Advance(e.ctx, d); err != nil {
		t.Fatal(err)
	}
}

// usAnswers are Stripe's test values for a US individual.
func usAnswers(t *testing.T) answers.Answers {
	t.Helper()
	a, err := answers.Parse(usAnswerMap())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// usAnswerMap is Stripe's test values for a US individual, as an answers
// file holds them.
func usAnswerMap() map[string]any {
	return map[string]any{
		"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
		"individual.first_name": "Jenny", "individual.last_name": "Rosen", "individual.dob": "1901-01-01",
		"individual.email": "jenny@example.com", "individual.phone": "+14155550123",
		"individual.ssn_last_4": "0000", "individual.id_number": "000000000",
		"individual.address.line1": "address_full_match", "individual.address.city": "San Francisco",
		"individual.address.state": "CA", "individual.address.postal_code": "94107",
		"external_account": map[string]any{"account_holder_name": "Jenny Rosen", "routing_number": "110000000", "account_number": "000123456789"},
		"tos_acceptance":   true,
	}
}

func groups(steps []flows.Step) []string {
	var out []string
	for _, s := range steps {
		out = append(out, s.Group.String())
	}
	return out
}

func TestCreatePlansWhatIsDue(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	if got := flows.State(a); got != flows.StatePastDue {
		t.Errorf("new account state %q", got)
	}
	prog := flows.Plan(a, flows.Strategy{}, nil, schema.English)
	want := []string{"Business profile", "Identity", "Address", "Bank account", "Terms of service"}
	if !slices.Equal(groups(prog), want) {
		t.Fatalf("progressive plan %v, want %v", groups(prog), want)
	}
	has := func(steps []flows.Step, key string) bool {
		for _, s := range steps {
			for _, f := range s.Fields {
				if f.Key == key {
					return true
				}
			}
		}
		return false
	}
	if has(prog, "individual.id_number") {
		t.Error("progressive plan asks for the full SSN, which is only eventually due")
	}
	if !has(flows.Plan(a, flows.Strategy{Upfront: true}, nil, schema.English), "individual.id_number") {
		t.Error("up-front plan lacks the full SSN")
	}
}

func TestScriptedUpfrontReachesComplete(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	rep, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{Upfront: true}, usAnswers(t), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Outstanding) != 0 || len(rep.Missing) != 0 {
		t.Fatalf("outstanding %v missing %v", rep.Outstanding, rep.Missing)
	}
	if len(rep.Account.Requirements.PendingVerification) == 0 {
		t.Error("nothing pending right after submit: verification should be asynchronous")
	}
	e.advance(t, 3*time.Second)
	got, err := e.cl.Load(e.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s := flows.StatusOf(got); s.State != flows.StateComplete || !s.ChargesEnabled || !s.PayoutsEnabled ||
		s.Capabilities["card_payments"] != "active" || s.Capabilities["transfers"] != "active" {
		t.Fatalf("after verification: %+v", s)
	}
}

func TestProgressiveEndsEnabled(t *testing.T) {
	e := newEnv(t)
	rep, err := answers.Run(e.ctx, e.cl, e.newUS(t), flows.Strategy{}, usAnswers(t), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	e.advance(t, 3*time.Second)
	got, _ := e.cl.Load(e.ctx, rep.Account.ID)
	if s := flows.State(got); s != flows.StateEnabled {
		t.Fatalf("state %q, want enabled (id_number still eventually due)", s)
	}
}

func TestInvalidValueSendsNothing(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	st := flows.Plan(a, flows.Strategy{}, nil, schema.English)[1] // Identity
	_, err := e.cl.Submit(e.ctx, a, st, map[string]string{"individual.dob": "1990-02-30"})
	var ie *flows.InputError
	if !errors.As(err, &ie) || ie.Fields["individual.dob"] == "" || ie.Fields["individual.first_name"] == "" {
		t.Fatalf("got %v", err)
	}
	after, _ := e.cl.Load(e.ctx, a.ID)
	if !slices.Equal(after.Requirements.CurrentlyDue, a.Requirements.CurrentlyDue) {
		t.Error("the account changed although validation failed")
	}
}

func TestStripeErrorMapsToField(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	// An unknown requirement is asked as generic text and sent by its
	// path; Stripe (the sandbox) refuses the unknown parameter, and the
	// error comes back on that field with Stripe's message.
	st := flows.Step{Group: schema.GroupOther, Fields: []schema.Field{schema.Lookup("individual.favourite_colour", "US")}}
	_, err := e.cl.Submit(e.ctx, a, st, map[string]string{"individual.favourite_colour": "blue"})
	var ae *flows.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("got %T %v", err, err)
	}
	if ae.Field != "individual.favourite_colour" || ae.Status != 400 || !strings.Contains(ae.Message, "favourite_colour") {
		t.Fatalf("%+v", ae)
	}
	if strings.HasPrefix(flows.Message(err), "{") {
		t.Error("message is a JSON dump")
	}
}

func TestMissingAccount(t *testing.T) {
	e := newEnv(t)
	_, err := e.cl.Load(e.ctx, "acct_doesnotexist")
	if err == nil || !strings.Contains(flows.Message(err), "No such account") {
		t.Fatalf("got %v", err)
	}
}

func TestFailedVerificationIsAskedAgainWithReason(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	ans := usAnswers(t)
	ans.Values["business_profile.url"] = "https://disallowed.stripe.com"
	rep, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{}, ans, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	e.advance(t, 3*time.Second)
	got, _ := e.cl.Load(e.ctx, rep.Account.ID)
	steps := flows.Plan(got, flows.Strategy{}, map[string]bool{"business_profile.url": true}, schema.French)
	if len(steps) == 0 || steps[0].Group != schema.GroupBusinessProfile {
		t.Fatalf("failed URL not planned again: %v", groups(steps))
	}
	if p := steps[0].Problems["business_profile.url"]; !strings.Contains(p, "liste d'exclusion") {
		t.Errorf("problem not explained in French: %q", p)
	}
}

func TestStillDueIsReportedNotLooped(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	ans := usAnswers(t)
	delete(ans.Values, "individual.phone")
	rep, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{}, ans, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Outstanding, []string{"individual.phone"}) || !slices.Contains(rep.Missing, "individual.phone") {
		t.Fatalf("outstanding %v missing %v", rep.Outstanding, rep.Missing)
	}
	if rep.Requests > 8 {
		t.Errorf("%d requests: the run looped", rep.Requests)
	}
}

func TestAccountsListsEveryPageSortedForTriage(t *testing.T) {
	e := newEnv(t)
	for range 105 { // more than one page of 100
		e.newUS(t)
	}
	done, err := answers.Run(e.ctx, e.cl, e.newUS(t), flows.Strategy{Upfront: true}, usAnswers(t), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	e.advance(t, 3*time.Second)
	all, err := e.cl.Accounts(e.ctx, flows.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 106 {
		t.Fatalf("listed %d accounts, want 106", len(all))
	}
	if all[len(all)-1].ID != done.Account.ID || all[0].PastDue == 0 {
		t.Errorf("not sorted past due first: first %+v last %+v", all[0], all[len(all)-1])
	}
	complete, _ := e.cl.Accounts(e.ctx, flows.ListOptions{State: flows.StateComplete})
	if len(complete) != 1 || complete[0].ID != done.Account.ID || complete[0].Name != "Jenny Rosen" {
		t.Errorf("state filter: %+v", complete)
	}
	some, _ := e.cl.Accounts(e.ctx, flows.ListOptions{Limit: 7})
	if len(some) != 7 {
		t.Errorf("limit: %d", len(some))
	}
}

// owners.0 keeps naming the first owner after a second one is added
// (Stripe lists persons newest first).
func TestPersonsAreOldestFirst(t *testing.T) {
	e := newEnv(t)
	a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"First", "Second"} {
		f := schema.Lookup("owners."+strconv.Itoa(i)+".first_name", "US")
		st := flows.Step{Group: schema.GroupPeople, Person: f.Person, Fields: []schema.Field{f}}
		res, err := e.cl.Submit(e.ctx, a, st, map[string]string{f.Key: name})
		if err != nil {
			t.Fatal(flows.Message(err))
		}
		a = res.Account
	}
	first, ok := a.PersonFor(schema.PersonRef{Role: schema.RoleOwner, Index: 0})
	second, _ := a.PersonFor(schema.PersonRef{Role: schema.RoleOwner, Index: 1})
	if !ok || first.FirstName != "First" || second.FirstName != "Second" {
		t.Fatalf("owners.0 = %q, owners.1 = %q", first.FirstName, second.FirstName)
	}
}

func TestRemovePerson(t *testing.T) {
	e := newEnv(t)
	a, _ := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"transfers"}})
	f := schema.Lookup("owners.0.first_name", "US")
	res, err := e.cl.Submit(e.ctx, a, flows.Step{Group: schema.GroupPeople, Person: f.Person, Fields: []schema.Field{f}},
		map[string]string{f.Key: "Gone"})
	if err != nil || len(res.Account.Persons) != 1 {
		t.Fatalf("add: %v %+v", err, res.Account.Persons)
	}
	after, err := e.cl.RemovePerson(e.ctx, res.Account, res.Account.Persons[0].ID)
	if err != nil || len(after.Persons) != 0 || !slices.Contains(after.Requirements.CurrentlyDue, "relationship.owner") {
		t.Fatalf("remove: %v persons %+v due %v", err, after.Persons, after.Requirements.CurrentlyDue)
	}
}

// Rate limited (429) reads are retried with backoff, so a burst against a
// throttled API still completes. The policy's waits move the sandbox's
// clock instead of sleeping, so its one-second window passes at once.
func TestRateLimitedCallsAreRetried(t *testing.T) {
	var mu sync.Mutex
	now := epoch
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "rl.db"), sandbox.WithRateLimit(2), sandbox.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = sb.Close() }() // the run is decided; nothing left to keep
	pol := flows.NewPolicy(sb.Transport(), schema.English)
	waited := 0
	pol.Sleep = func(_ context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(d)
		waited++
		return nil
	}
	api, _ := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_rl", APIBase: "http://sandbox.invalid", Policy: pol})
	cl := flows.New(api)
	a, err := cl.Create(context.Background(), flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		if _, err := cl.Load(context.Background(), a.ID); err != nil {
			t.Fatalf("load %d: %v", i, flows.Message(err))
		}
	}
	if waited == 0 {
		t.Fatal("the sandbox never throttled: the test proves nothing")
	}
}

// A requirement the API cannot satisfy (a Stripe risk review) is answered
// with an account link, never with a parameter, and stays reported as due.
func TestLinkOnlyRequirementGivesAnAccountLink(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	path := "interv_1AbC.restricted_or_prohibited_industry_diligence.form"
	a.Requirements.CurrentlyDue = append(a.Requirements.CurrentlyDue, path)
	var st flows.Step
	for _, s := range flows.Plan(a, flows.Strategy{}, nil, schema.English) {
		if s.Group == schema.GroupOther {
			st = s
		}
	}
	if len(st.Fields) != 1 || st.Fields[0].Kind != schema.KindLink {
		t.Fatalf("no link step: %+v", st)
	}
	res, err := e.cl.Submit(e.ctx, a, st, nil)
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	if !strings.HasPrefix(res.Link, "https://") || len(res.StillDue) != 1 || res.StillDue[0].Path != path {
		t.Fatalf("link %q still due %+v", res.Link, res.StillDue)
	}
}

// Each capability says which fields it waits for, each field once.
func TestCapabilitiesSayWhatBlocksThem(t *testing.T) {
	e := newEnv(t)
	a, err := e.cl.Load(e.ctx, e.newUS(t).ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range a.Capabilities {
		labels := flows.BlockingLabels(a, c, schema.English)
		if !slices.Contains(c.Blocking, "individual.dob.day") || slices.Index(labels, "Date of birth") < 0 {
			t.Fatalf("%s: blocking %v labels %v", c.Name, c.Blocking, labels)
		}
		n := 0
		for _, l := range labels {
			if l == "Date of birth" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("date of birth listed %d times", n)
		}
	}
}
