package flows

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"onboard/schema"
)

func TestState(t *testing.T) {
	cases := []struct {
		name string
		a    schema.Account
		want string
	}{
		{"rejected", schema.Account{Requirements: schema.Requirements{DisabledReason: "rejected.fraud"}}, StateRejected},
		{"pending enablement", schema.Account{ChargesEnabled: true, PayoutsEnabled: true,
			Requirements: schema.Requirements{PendingVerification: []string{"x"}}}, StatePendingEnablement},
		{"complete", schema.Account{ChargesEnabled: true, PayoutsEnabled: true}, StateComplete},
		{"enabled", schema.Account{ChargesEnabled: true, PayoutsEnabled: true,
			Requirements: schema.Requirements{EventuallyDue: []string{"x"}}}, StateEnabled},
		{"both on, currently due", schema.Account{ChargesEnabled: true, PayoutsEnabled: true,
			Requirements: schema.Requirements{CurrentlyDue: []string{"x"}}}, StateRestricted},
		{"payouts off", schema.Account{ChargesEnabled: true}, StatePayoutsDisabled},
		{"charges off", schema.Account{PayoutsEnabled: true}, StateChargesDisabled},
		{"past due", schema.Account{Requirements: schema.Requirements{PastDue: []string{"x"}}}, StatePastDue},
		{"pending disabled", schema.Account{Requirements: schema.Requirements{PendingVerification: []string{"x"}}}, StatePendingDisabled},
		{"restricted", schema.Account{}, StateRestricted},
	}
	for _, c := range cases {
		if got := State(c.a); got != c.want {
			t.Errorf("%s: got %q want %q", c.name, got, c.want)
		}
	}
}

func TestPlanOrder(t *testing.T) {
	soon := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	a := schema.Account{Country: "US", Requirements: schema.Requirements{
		CurrentlyDue:        []string{"tos_acceptance.date", "individual.first_name", "business_profile.url"},
		PastDue:             []string{"tos_acceptance.date"},
		EventuallyDue:       []string{"individual.id_number"},
		PendingVerification: []string{"business_profile.url"},
		CurrentDeadline:     soon,
	}}
	steps := Plan(a, Strategy{Upfront: true}, nil, schema.English)
	var got []string
	for _, s := range steps {
		got = append(got, s.Group.String())
	}
	want := "Terms of service,Identity"
	if j := join(got); j != want {
		t.Fatalf("order %s, want %s", j, want)
	}
	if !steps[1].Deadline.Equal(soon) || steps[0].Due != schema.PastDue {
		t.Errorf("step metadata: %+v", steps)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ","
		}
		out += x
	}
	return out
}

func TestEveryStateHasALabel(t *testing.T) {
	for _, s := range []string{StateRejected, StatePendingEnablement, StateComplete, StateEnabled, StateRestricted,
		StatePayoutsDisabled, StateChargesDisabled, StatePastDue, StatePendingDisabled} {
		if stateTexts[s].EN != s || !stateTexts[s].Has(schema.French) {
			t.Errorf("state %q lacks its labels", s)
		}
	}
}

func TestRouteIndividualPersonOnlyLeaves(t *testing.T) {
	a := schema.Account{IndividualID: "person_1"}
	acct, pers := routeIndividual(a, []schema.Param{
		{Key: "individual[first_name]", Value: "Jo"},
		{Key: "individual[nationality]", Value: "FR"},
		{Key: "individual[documents][passport][files][0]", Value: "file_1"},
	}, nil)
	if len(acct) != 1 || acct[0].Key != "individual[first_name]" {
		t.Fatalf("account params %+v", acct)
	}
	if len(pers) != 2 || pers[0].Key != "nationality" || pers[1].Key != "documents[passport][files][0]" ||
		pers[0].Person != "person_1" || pers[0].Target != schema.TargetPerson {
		t.Fatalf("person params %+v", pers)
	}
}

func TestExplainDisabled(t *testing.T) {
	for r := range disabledTexts {
		if !disabledTexts[r].Has(schema.French) || ExplainDisabled(r, schema.French) == r {
			t.Errorf("%s lacks an explanation", r)
		}
	}
	if !strings.Contains(ExplainDisabled("rejected.fraud", schema.English), "final") || ExplainDisabled("", schema.English) != "" {
		t.Error("rejections or empty reason")
	}
}

// A failure keeps the step and call it happened in, with Stripe's message
// instead of its JSON dump.
func TestErrorLineKeepsTheStep(t *testing.T) {
	se := &APIError{Message: "injected 503", Status: 503} // as the adapter returns a Stripe error
	err := fmt.Errorf("Identity: %w", FromStripe(fmt.Errorf("list persons: %w", se), "US"))
	if got := ErrorLine(err); got != "Identity: injected 503" {
		t.Errorf("got %q", got)
	}
	lost := fmt.Errorf("create account: %w", &url.Error{Op: "Post", URL: "https://api.stripe.com/v1/accounts", Err: errors.New("no answer")})
	if got := ErrorLine(lost); got != "create account: no answer" {
		t.Errorf("got %q", got)
	}
	raw := fmt.Errorf("Identity: list persons: %w", se)
	if got := ErrorLine(raw); got != "Identity: list persons: injected 503" {
		t.Errorf("got %q", got)
	}
}

// Stripe lists past-due fields with no deadline (a failed verification
// asks for a document at once): the reason must not claim a deadline was
// missed while the deadline line reads "none".
func TestPastDueReasonClaimsNoDeadline(t *testing.T) {
	for _, lang := range []schema.Lang{schema.English, schema.French} {
		why := ExplainDisabled("requirements.past_due", lang)
		for _, w := range []string{"deadline", "échéance", "à temps"} {
			if strings.Contains(why, w) {
				t.Errorf("%s: %q speaks of a deadline", lang, why)
			}
		}
	}
}
