package flows_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/explore"
	"onboard/flows/stripeapi/stripetest"
	"onboard/internal/stripemock"
	"onboard/schema"
)

// Every request the app builds is valid for Stripe's own OpenAPI spec, as
// stripe-mock checks it: the account create, and one update per group of
// what a US individual is asked (the bank group through a token).
func TestRequestsAreValidForStripeMock(t *testing.T) {
	cl := stripeMockClient(t)
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
		if _, err := cl.Submit(ctx, acct, st, values); err != nil {
			t.Errorf("%s refused by stripe-mock: %v", st.Group, flows.Message(err))
		}
	}
	// The check can fail: an unknown top-level parameter is refused.
	bogus := flows.Step{Group: schema.GroupOther, Fields: []schema.Field{schema.Lookup("not_a_stripe_param", "US")}}
	if _, err := cl.Submit(ctx, acct, bogus, map[string]string{"not_a_stripe_param": "x"}); err == nil {
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

// For companies too (company fields, the representative and owners through
// the Persons API, attestations, documents uploaded as files) every group
// the app sends for what the sandbox asks is valid for stripe-mock.
func TestCompanyRequestsAreValidForStripeMock(t *testing.T) {
	mock := stripeMockClient(t)
	e := newEnv(t)
	ctx := context.Background()
	doc := filepath.Join(t.TempDir(), "success.png")
	if err := os.WriteFile(doc, []byte("\x89PNG\r\n\x1a\n0000"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ country, file string }{{"US", "us-company.json"}, {"GB", "gb-company.json"}} {
		t.Run(c.country, func(t *testing.T) {
			ans, err := answers.Load(filepath.Join("..", "examples", c.file), answers.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := ans.Values["company.verification.document"]; ok {
				ans.Values["company.verification.document"] = doc // a real upload
			}
			// What to send comes from the sandbox's own rules for this setup.
			x, err := explore.Run(ctx, e.cl, explore.Setup{Country: c.country, BusinessType: "company",
				Capabilities: []string{"card_payments", "transfers"}, Agreement: "full"})
			if err != nil {
				t.Fatal(err)
			}
			var due []string
			for _, it := range x.Items {
				due = append(due, it.Path)
			}
			due = append(due, "company.verification.document")
			acct := schema.Account{ID: "acct_123", Country: c.country, BusinessType: "company",
				DefaultCurrency: map[string]string{"US": "usd", "GB": "gbp"}[c.country],
				Requirements:    schema.Requirements{CurrentlyDue: due}}
			sent := 0
			for _, st := range flows.Plan(acct, flows.Strategy{Upfront: true}, nil, schema.English) {
				values, _ := ans.For(st, acct)
				if len(values) == 0 {
					continue
				}
				st.Fields = answeredOnly(st.Fields, values)
				if _, err := mock.Submit(ctx, acct, st, values); err != nil {
					t.Errorf("%s refused by stripe-mock: %v", st.Title(acct, schema.English), flows.Message(err))
				}
				sent++
			}
			if sent < 6 {
				t.Errorf("only %d groups sent", sent)
			}
		})
	}
}

func answeredOnly(fs []schema.Field, values map[string]string) []schema.Field {
	var out []schema.Field
	for _, f := range fs {
		if values[f.Key] != "" || (values["external_account"] != "" && len(f.Key) > 17 && f.Key[:17] == "external_account.") {
			out = append(out, f)
		}
	}
	return out
}

// stripeMockClient is a client of Stripe's own stripe-mock, started for
// the test.
func stripeMockClient(t *testing.T) *flows.Client {
	t.Helper()
	base := stripemock.Start(t)
	sc, _ := stripetest.Client("sk_test_123", base, nil)
	return flows.New(sc, flows.WithClock(func() time.Time { return epoch }),
		flows.WithAcceptance("203.0.113.9", "onboard-test"))
}
