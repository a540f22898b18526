package flows_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/stripeapi/stripetest"
	"onboard/sandbox"
	"onboard/schema"
)

// recEnv is a client on a fresh sandbox whose journeys report to rec.
func recEnv(t *testing.T, opts ...flows.Option) (*flows.Client, *sandbox.Sandbox) {
	t.Helper()
	return sandboxClient(t, opts...)
}

// onboard creates a US company, runs answers, lets verification settle and
// returns the final status.
func onboardUS(t *testing.T, cl *flows.Client, sb *sandbox.Sandbox, ans answers.Answers) flows.Status {
	t.Helper()
	ctx := context.Background()
	a, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	rep, err := answers.Run(ctx, cl, a, flows.Strategy{Upfront: true}, ans, io.Discard)
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	if len(rep.Outstanding) > 0 {
		t.Fatalf("outstanding: %v", rep.Outstanding)
	}
	if _, err := sb.Advance(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	a, err = cl.Load(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	st := flows.StatusOf(a)
	st.ID = ""
	return st
}

// What a journey sent, recorded on the sandbox, replays on a fresh sandbox
// to the same state, with Stripe's test values standing in for the
// sensitive ones and the setup in the file.
func TestRecordedAnswersReplayToTheSameState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rec.yaml")
	rec, err := answers.NewRecorder(path, true)
	if err != nil {
		t.Fatal(err)
	}
	cl, sb := recEnv(t, flows.WithOnSent(rec.Sent))
	ans, err := answers.Load("../examples/us-company.json", answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := onboardUS(t, cl, sb, ans)
	if want.State != "complete" {
		t.Fatalf("original run ends %s", want.State)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	for _, line := range []string{`country: "US"`, `business_type: "company"`, `capabilities: ["card_payments", "transfers"]`,
		`accounts_api: "v1"`, `representative.id_number: "000000000"  # Stripe test value`, `tos_acceptance: "true"`,
		`  account_number: "000123456789"  # Stripe test value`, `owners.0.first_name: "Ada"`} {
		if !strings.Contains(text, line+"\n") {
			t.Errorf("recorded file lacks %q:\n%s", line, text)
		}
	}
	replayed, err := answers.Load(path, answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cl2, sb2 := recEnv(t)
	if got := onboardUS(t, cl2, sb2, replayed); !reflect.DeepEqual(got, want) {
		t.Fatalf("replay ends\n%+v\nwant\n%+v", got, want)
	}
}

// Off the sandbox, no sensitive value is written: each is a commented
// placeholder, and the rest of the file is still an answers file.
func TestRecorderNeverWritesSensitiveValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rec.yaml")
	rec, err := answers.NewRecorder(path, false)
	if err != nil {
		t.Fatal(err)
	}
	cl, sb := recEnv(t, flows.WithOnSent(rec.Sent))
	ans, err := answers.Load("../examples/us-company.json", answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	onboardUS(t, cl, sb, ans)
	raw, _ := os.ReadFile(path)
	text := string(raw)
	for _, s := range []string{"000000000", "000123456789"} {
		if strings.Contains(text, s) {
			t.Errorf("file holds %q:\n%s", s, text)
		}
	}
	if m := regexp.MustCompile(`(?m)^\s*[a-z][a-z0-9_.]*(ssn_last_4|id_number|tax_id|account_number):`).FindString(text); m != "" {
		t.Errorf("file sets a sensitive key: %q", m)
	}
	for _, line := range []string{`# representative.id_number: ""  # sensitive, never recorded: fill in and uncomment`,
		`  # account_number: ""  # sensitive`, `# company.tax_id: ""`} {
		if !strings.Contains(text, line) {
			t.Errorf("file lacks %q:\n%s", line, text)
		}
	}
	if _, err := answers.Load(path, answers.Options{}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", fi.Mode())
	}
}

// A path that cannot be written is refused before any request.
func TestRecorderRefusesUnwritablePath(t *testing.T) {
	if _, err := answers.NewRecorder(filepath.Join(t.TempDir(), "missing", "rec.yaml"), true); err == nil {
		t.Fatal("no error for a missing directory")
	}
}

// v2Client is a client with Accounts v2 on a fresh sandbox.
func v2Client(t *testing.T, opts ...flows.Option) (*flows.Client, *sandbox.Sandbox) {
	t.Helper()
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() }) // the test is decided; nothing left to keep
	sc, v2 := stripetest.Client("sk_test_v2rec", "http://sandbox.invalid", sb.Transport())
	return flows.New(sc, append([]flows.Option{flows.WithClock(func() time.Time { return epoch }),
		flows.WithAcceptance("203.0.113.9", "onboard-test"), flows.WithV2(v2)}, opts...)...), sb
}

// A v2 journey records its setup (accounts API, configurations, contact
// email) and replays from the file alone to the same state.
func TestRecordedV2JourneyReplays(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.yaml")
	rec, err := answers.NewRecorder(path, true)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	onboard := func(cl *flows.Client, sb *sandbox.Sandbox, n flows.NewAccount, ans answers.Answers) flows.Status {
		a, err := cl.Create(ctx, n)
		if err != nil {
			t.Fatal(flows.Message(err))
		}
		if _, err := answers.Run(ctx, cl, a, flows.Strategy{Upfront: true}, ans, io.Discard); err != nil {
			t.Fatal(flows.Message(err))
		}
		if _, err := sb.Advance(ctx, time.Hour); err != nil {
			t.Fatal(err)
		}
		if a, err = cl.Load(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		st := flows.StatusOf(a)
		st.ID = ""
		return st
	}
	cl, sb := v2Client(t, flows.WithOnSent(rec.Sent))
	want := onboard(cl, sb, flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"card_payments", "transfers"},
		API: "v2", Email: "jenny@example.com"}, usAnswers(t))
	raw, _ := os.ReadFile(path)
	for _, line := range []string{`accounts_api: "v2"`, `contact_email: "jenny@example.com"`, `configurations: ["merchant", "recipient"]`,
		`capabilities: ["card_payments", "transfers"]`} {
		if !strings.Contains(string(raw), line) {
			t.Fatalf("recorded file lacks %q:\n%s", line, raw)
		}
	}
	ans, err := answers.Load(path, answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := ans.Setup
	cl2, sb2 := v2Client(t)
	got := onboard(cl2, sb2, flows.NewAccount{Country: s.Country, BusinessType: s.BusinessType, Capabilities: s.Capabilities,
		API: s.AccountsAPI, Configurations: s.Configurations, Email: s.ContactEmail}, ans)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("replay ends\n%+v\nwant\n%+v\n%s", got, want, raw)
	}
}

// A requirement the catalog does not know is recorded with a note: a
// strict answers reader refuses it unless told to keep unknown keys.
func TestRecorderNotesUnknownRequirements(t *testing.T) {
	rec, err := answers.NewRecorder(filepath.Join(t.TempDir(), "rec.yaml"), true)
	if err != nil {
		t.Fatal(err)
	}
	f := schema.Lookup("business_profile.brand_new_thing", "US")
	if !f.Generic {
		t.Fatal("the catalog knows the made-up path")
	}
	rec.Sent(schema.Account{Country: "US", BusinessType: "individual"}, flows.Step{Fields: []schema.Field{f}},
		map[string]string{f.Key: "yes"})
	want := `business_profile.brand_new_thing: "yes"  # not in onboard's catalog: replay with --ignore-unknown`
	if !strings.Contains(string(rec.Bytes()), want) {
		t.Fatalf("recorded:\n%s", rec.Bytes())
	}
}

// A representative who also became an executive (the TUI asks it after
// creating them) is recorded as the representative: on replay the person
// is created in that role, before any other is known.
func TestRecorderNamesTheRepresentativeFirst(t *testing.T) {
	rec, err := answers.NewRecorder(filepath.Join(t.TempDir(), "rec.yaml"), true)
	if err != nil {
		t.Fatal(err)
	}
	acct := schema.Account{Country: "US", BusinessType: "company", Persons: []schema.Person{
		{ID: "person_owner", Roles: []string{schema.RoleOwner}},
		{ID: "person_jenny", Roles: []string{schema.RoleExecutive, schema.RoleRepresentative}},
	}}
	f := schema.Lookup("person_jenny.phone", "US")
	rec.Sent(acct, flows.Step{Fields: []schema.Field{f}}, map[string]string{f.Key: "+14155550123"})
	if got := string(rec.Bytes()); !strings.Contains(got, `representative.phone: "+14155550123"`) {
		t.Fatalf("recorded:\n%s", got)
	}
}
