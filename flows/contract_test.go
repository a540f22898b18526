package flows_test

import (
	"context"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"

	"onboard/flows"
	"onboard/internal/stripemock"
	"onboard/schema"
)

// Every request the app builds is valid for Stripe's own OpenAPI spec, as
// stripe-mock checks it: the account create, and one update per group of
// what a US individual is asked (the bank group through a token).
func TestRequestsAreValidForStripeMock(t *testing.T) {
	base := stripemock.Start(t)
	sc := stripe.NewClient("sk_test_123", stripe.WithBackends(stripe.NewBackendsWithConfig(&stripe.BackendConfig{
		URL: stripe.String(base), MaxNetworkRetries: stripe.Int64(0),
		LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelNull}, EnableTelemetry: stripe.Bool(false),
	})))
	cl := flows.New(flows.StripeAPI{SC: sc}, flows.WithClock(func() time.Time { return epoch }),
		flows.WithAcceptance("203.0.113.9", "onboard-test"))
	ctx := context.Background()
	if _, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}, Agreement: "full"}); err != nil {
		t.Fatalf("create refused by stripe-mock: %v", flows.Message(err))
	}
	// stripe-mock answers every account with the same fixture, so the
	// plan comes from a US individual's requirement list instead.
	acct := schema.Account{ID: "acct_123", Country: "US", BusinessType: "individual", DefaultCurrency: "usd",
		Requirements: schema.Requirements{CurrentlyDue: usIndividualDue}}
	ans := usAnswers(t)
	for _, st := range flows.Plan(acct, flows.Strategy{Upfront: true}, nil, schema.English) {
		values, missing := ans.For(st, acct)
		if len(missing) > 0 {
			t.Fatalf("%s: no test answer for %v", st.Group, missing)
		}
		if _, err := cl.Submit(ctx, acct, st, values, 1); err != nil {
			t.Errorf("%s refused by stripe-mock: %v", st.Group, flows.Message(err))
		}
	}
	// The check can fail: an unknown top-level parameter is refused.
	bogus := flows.Step{Group: schema.GroupOther, Fields: []schema.Field{schema.Lookup("not_a_stripe_param", "US")}}
	if _, err := cl.Submit(ctx, acct, bogus, map[string]string{"not_a_stripe_param": "x"}, 1); err == nil {
		t.Error("stripe-mock accepted an unknown parameter: the contract check is not checking")
	}
}

var usIndividualDue = []string{
	"business_profile.mcc", "business_profile.url", "external_account",
	"individual.address.city", "individual.address.line1", "individual.address.postal_code",
	"individual.address.state", "individual.dob.day", "individual.dob.month", "individual.dob.year",
	"individual.email", "individual.first_name", "individual.last_name", "individual.id_number",
	"individual.phone", "individual.ssn_last_4", "tos_acceptance.date", "tos_acceptance.ip",
}
