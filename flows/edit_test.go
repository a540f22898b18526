package flows_test

import (
	"io"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/schema"
)

// usWith onboards a US individual from the example's answers with some
// changed, and lets Stripe verify them.
func (e env) usWith(t *testing.T, changes map[string]any) schema.Account {
	t.Helper()
	a := e.newUS(t)
	values := map[string]any{"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
		"individual.first_name": "Jenny", "individual.last_name": "Rosen", "individual.email": "jenny@example.com",
		"individual.phone": "+14155550123", "individual.dob": "1901-01-01", "individual.address.line1": "address_full_match",
		"individual.address.city": "San Francisco", "individual.address.state": "CA", "individual.address.postal_code": "94107",
		"individual.ssn_last_4": "0000", "individual.id_number": "000000000", "tos_acceptance": true,
		"external_account": map[string]any{"routing_number": "110000000", "account_number": "000123456789"}}
	for k, v := range changes {
		values[k] = v
	}
	ans, err := answers.Parse(values)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{Upfront: true}, ans, io.Discard); err != nil {
		t.Fatal(flows.Message(err))
	}
	e.advance(t, time.Minute)
	got, err := e.cl.Load(e.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// editStep is the account's correction step holding key.
func editStep(t *testing.T, a schema.Account, key string) flows.Step {
	t.Helper()
	for _, st := range flows.EditSteps(a, schema.English) {
		for _, f := range st.Fields {
			if f.Key == key {
				return st
			}
		}
	}
	t.Fatalf("no correction step holds %s; steps: %v", key, stepTitles(a, flows.EditSteps(a, schema.English)))
	return flows.Step{}
}

func stepTitles(a schema.Account, steps []flows.Step) []string {
	var out []string
	for _, st := range steps {
		out = append(out, st.Title(a, schema.English))
	}
	return out
}

// An address Stripe could not match is corrected in place (no document):
// the correction step starts from the address Stripe holds, sends only
// the line changed, and the account completes once Stripe verifies it.
func TestCorrectTheAddressNotADocument(t *testing.T) {
	e := newEnv(t)
	a := e.usWith(t, map[string]any{"individual.address.line1": "address_no_match"})
	if len(a.Requirements.Errors) == 0 || a.Requirements.Errors[0].Code != "verification_failed_address_match" {
		t.Fatalf("the account did not fail its address check: %+v", a.Requirements)
	}
	st := editStep(t, a, "individual.address.line1")
	if st.Values["individual.address.line1"] != "address_no_match" || st.Values["individual.address.city"] != "San Francisco" {
		t.Fatalf("the address step is not prefilled with what Stripe holds: %v", st.Values)
	}
	values := map[string]string{}
	for k, v := range st.Values {
		values[k] = v
	}
	values["individual.address.line1"] = "address_full_match"
	sent := flows.Changed(st, values)
	if len(sent.Fields) != 1 || sent.Fields[0].Key != "individual.address.line1" {
		t.Fatalf("an edit of line1 sends %d fields: %v", len(sent.Fields), sent.Fields)
	}
	if r := flows.Replaced(st, values, schema.English); len(r) != 1 || !strings.Contains(r[0], "address_no_match → address_full_match") {
		t.Errorf("Replaced = %q", r)
	}
	j := e.cl.Journey(a, flows.Strategy{Upfront: true})
	if _, err := j.Submit(e.ctx, sent, values); err != nil {
		t.Fatal(flows.Message(err))
	}
	e.advance(t, time.Minute)
	got, err := e.cl.Load(e.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s := flows.State(got); s != "complete" {
		t.Fatalf("after the address was corrected the account is %q: %+v", s, got.Requirements)
	}
}

// A date of birth that failed the keyed identity check is corrected in
// place, and the account completes.
func TestCorrectTheDateOfBirth(t *testing.T) {
	e := newEnv(t)
	a := e.usWith(t, map[string]any{"individual.dob": "1950-03-04"})
	if len(a.Requirements.Errors) == 0 || a.Requirements.Errors[0].Code != "verification_failed_keyed_identity" {
		t.Fatalf("the account did not fail its identity check: %+v", a.Requirements)
	}
	st := editStep(t, a, "individual.dob")
	if st.Values["individual.dob"] != "1950-03-04" {
		t.Fatalf("the identity step is not prefilled with the date Stripe holds: %v", st.Values)
	}
	values := map[string]string{"individual.dob": "1901-01-01"}
	sent := flows.Changed(st, values)
	if len(sent.Fields) != 1 {
		t.Fatalf("an edit of the date of birth sends %v", sent.Fields)
	}
	if _, err := e.cl.Journey(a, flows.Strategy{}).Submit(e.ctx, sent, values); err != nil {
		t.Fatal(flows.Message(err))
	}
	e.advance(t, time.Minute)
	got, err := e.cl.Load(e.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s := flows.State(got); s != "complete" {
		t.Fatalf("after the date of birth was corrected the account is %q: %+v", s, got.Requirements)
	}
}

// Every group the account holds is offered, a company's people included,
// each with the values Stripe returns.
func TestEditStepsListEveryGroup(t *testing.T) {
	e := newEnv(t)
	a := e.usWith(t, nil)
	titles := strings.Join(stepTitles(a, flows.EditSteps(a, schema.English)), ", ")
	for _, want := range []string{"Business profile", "Bank account"} {
		if !strings.Contains(titles, want) {
			t.Errorf("the correction steps %q leave out %s", titles, want)
		}
	}
	st := editStep(t, a, "business_profile.mcc")
	if st.Values["business_profile.mcc"] != "5734" {
		t.Errorf("MCC prefilled with %q", st.Values["business_profile.mcc"])
	}
	for _, f := range st.Fields {
		if !f.Optional {
			t.Errorf("%s is required in a correction: an edit sends only what changed", f.Key)
		}
	}
	if got := flows.Changed(st, st.Values); len(got.Fields) != 0 {
		t.Errorf("nothing changed, yet %v would be sent", got.Fields)
	}
}

// A failed address offers exactly Stripe's two fixes: correct the address
// (its group, prefilled), or upload the document the plan asks for.
func TestFixesOfAFailedAddress(t *testing.T) {
	e := newEnv(t)
	a := e.usWith(t, map[string]any{"individual.address.line1": "address_no_match"})
	st, ok := e.cl.Journey(a, flows.Strategy{}).Next()
	if !ok {
		t.Fatal("nothing planned for a failed address")
	}
	fixes := flows.Fixes(a, st, schema.English)
	if len(fixes) != 2 {
		t.Fatalf("fixes of a failed address: %+v", fixes)
	}
	if fixes[0].Label.In(schema.English) != "Correct the address" || !fixes[0].Correct ||
		fixes[0].Step.Values["individual.address.line1"] != "address_no_match" {
		t.Errorf("first fix %q (correct=%v) opens %v", fixes[0].Label.In(schema.English), fixes[0].Correct, fixes[0].Step.Values)
	}
	if fixes[1].Correct || fixes[1].Step.Fields[0].Kind != schema.KindFile {
		t.Errorf("second fix is not the document: %+v", fixes[1].Step.Fields)
	}
	b := e.usWith(t, map[string]any{"individual.dob": "1950-03-04"})
	st, _ = e.cl.Journey(b, flows.Strategy{}).Next()
	if f := flows.Fixes(b, st, schema.English); len(f) != 2 || f[0].Step.Values["individual.dob"] != "1950-03-04" {
		t.Errorf("fixes of a failed identity: %+v", f)
	}
}
