package flows_test

import (
	"context"
	"strings"
	"testing"

	"onboard/flows"
	"onboard/schema"
)

// An Accounts v2 account says it in defaults.responsibilities.
func TestStripeCollectsFollowsV2Responsibilities(t *testing.T) {
	for collector, want := range map[string]bool{"stripe": true, "application": false} {
		a, err := flows.NormalizeV2([]byte(`{"id":"acct_1","object":"v2.core.account","identity":{"country":"us"},` +
			`"defaults":{"responsibilities":{"fees_collector":"application","losses_collector":"application","requirements_collector":"` + collector + `"}}}`))
		if err != nil {
			t.Fatal(err)
		}
		if a.StripeCollects != want {
			t.Errorf("requirements_collector %s: StripeCollects %v", collector, a.StripeCollects)
		}
	}
}

// An account whose requirements Stripe collects is not asked as forms:
// its plan is one step that makes an account onboarding link, the status
// says why in both languages, and the list marks it. stripe-mock serves
// Stripe's own Standard account fixture for every account id. An account
// this client created (requirement_collection=application) stays the
// platform's, whatever a mock answers.
func TestStripeCollectedAccountIsOfferedALink(t *testing.T) {
	cl := stripeMockClient(t)
	ctx := context.Background()
	acct, err := cl.Load(ctx, "acct_standard")
	if err != nil {
		t.Fatal(err)
	}
	if !acct.StripeCollects || len(acct.Requirements.CurrentlyDue) == 0 {
		t.Fatalf("Stripe's Standard fixture: StripeCollects %v, due %v", acct.StripeCollects, acct.Requirements.CurrentlyDue)
	}
	steps := flows.Plan(acct, flows.Strategy{Upfront: true}, nil, schema.English)
	if len(steps) != 1 || len(steps[0].Fields) != 1 || steps[0].Fields[0].Kind != schema.KindLink {
		t.Fatalf("plan: %+v", steps)
	}
	for _, p := range acct.Requirements.CurrentlyDue {
		if !strings.Contains(strings.Join(steps[0].Fields[0].Covers, " "), p) {
			t.Errorf("the link step does not cover %s", p)
		}
	}
	res, err := cl.Submit(ctx, acct, steps[0], map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(res.Link, "https://") {
		t.Errorf("no account link: %+v", res)
	}
	for lang, want := range map[schema.Lang]string{schema.English: "Stripe collects", schema.French: "Stripe collecte"} {
		if why := flows.Explain(acct, lang); !strings.Contains(why, want) {
			t.Errorf("%s: %q", lang, why)
		}
	}
	if s, err := cl.SummaryOf(ctx, "acct_standard"); err != nil || !s.StripeCollects {
		t.Errorf("summary: %+v, %v", s, err)
	}

	mine, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	if mine.StripeCollects {
		t.Error("an account created through the API reads as Stripe-collected")
	}
	if again, err := cl.Load(ctx, mine.ID); err != nil || again.StripeCollects {
		t.Errorf("reloaded: StripeCollects %v, %v", again.StripeCollects, err)
	}
}
