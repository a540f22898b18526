package flows_test

import (
	"slices"
	"testing"

	"onboard/flows"
	"onboard/schema"
)

// A US individual asked up front types the SSN once; the full
// number answers the last four too, and both leave the due lists.
func TestFullSSNAnswersLastFour(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	var id flows.Step
	for _, st := range flows.Plan(a, flows.Strategy{Upfront: true}, nil, schema.English) {
		if st.Group == schema.GroupIdentity {
			id = st
		}
	}
	var full *schema.Field
	for i, f := range id.Fields {
		if f.Key == "individual.ssn_last_4" {
			t.Fatalf("the last 4 digits are asked beside the full SSN: %v", id.Fields)
		}
		if f.Key == "individual.id_number" {
			full = &id.Fields[i]
		}
	}
	if full == nil || !slices.Contains(full.Covers, "individual.ssn_last_4") {
		t.Fatalf("the full SSN does not answer the last 4: %+v", full)
	}
	values := map[string]string{"individual.first_name": "Jenny", "individual.last_name": "Rosen",
		"individual.dob": "1901-01-01", "individual.email": "jenny@example.com", "individual.phone": "+14155550123",
		"individual.id_number": "000-00-0000"}
	res, err := e.cl.Journey(a, flows.Strategy{Upfront: true}).Submit(e.ctx, id, values)
	if err != nil {
		t.Fatal(err)
	}
	r := res.Account.Requirements
	for _, p := range []string{"individual.ssn_last_4", "individual.id_number"} {
		if slices.Contains(r.CurrentlyDue, p) || slices.Contains(r.EventuallyDue, p) {
			t.Errorf("%s still due after the full SSN: %v %v", p, r.CurrentlyDue, r.EventuallyDue)
		}
	}
}
