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

// testAnswers are the answers of a --test-values run
// (flows.TestValueAnswers) with the setup of the account they are for.
func testAnswers(t *testing.T, country, bt string) map[string]any {
	t.Helper()
	out := flows.TestValueAnswers(country, bt)
	bank, _ := out["external_account"].(map[string]any)
	if bank["routing_number"] == nil && bank["account_number"] == nil {
		t.Fatalf("no test bank account in %s", country)
	}
	out["country"], out["business_type"] = country, bt
	return out
}

// Every country of the table × individual and company: an account
// created on the sandbox, every due field answered with the country's
// test values under the up-front strategy, reaches complete with charges
// and payouts enabled.
func TestEveryCountryOnboardsToCompleteWithTestValues(t *testing.T) {
	countries := schema.Countries()
	if len(countries) < 44 {
		t.Fatalf("%d countries", len(countries))
	}
	for _, country := range countries {
		for _, bt := range []string{"individual", "company"} {
			t.Run(country+"/"+bt, func(t *testing.T) {
				e := newEnv(t)
				ans, err := answers.Parse(testAnswers(t, country, bt))
				if err != nil {
					t.Fatal(err)
				}
				acct, err := e.cl.Create(e.ctx, flows.NewAccount{Country: country, BusinessType: bt,
					Capabilities: []string{"card_payments", "transfers"}})
				if err != nil {
					t.Fatal(err)
				}
				if acct.DefaultCurrency != schema.CountryCurrency(country) {
					t.Errorf("the sandbox's currency %q, the client table's %q", acct.DefaultCurrency, schema.CountryCurrency(country))
				}
				if err := ans.Validate(e.cl.Context(acct)); err != nil {
					t.Fatalf("the test values do not validate: %v", err)
				}
				rep, err := answers.Run(e.ctx, e.cl, acct, flows.Strategy{Upfront: true}, ans, io.Discard)
				if err != nil {
					t.Fatal(err)
				}
				if len(rep.Outstanding) > 0 || len(rep.StillDue) > 0 {
					t.Fatalf("still due after the run: %v %v", rep.Outstanding, rep.StillDue)
				}
				e.advance(t, 5*time.Second)
				acct, err = e.cl.Load(e.ctx, acct.ID)
				if err != nil {
					t.Fatal(err)
				}
				st := flows.StatusOf(acct)
				if st.State != "complete" || !st.ChargesEnabled || !st.PayoutsEnabled {
					t.Fatalf("state %q charges %v payouts %v; requirements %+v", st.State, st.ChargesEnabled, st.PayoutsEnabled, st.Requirements)
				}
			})
		}
	}
}

// The examples cover an individual and a company in JP, IT, ES, MX, SG
// and CH too (TestEveryExampleOnboardsToComplete runs each).
func TestExamplesCoverTheNewCountries(t *testing.T) {
	for _, c := range []string{"jp", "it", "es", "mx", "sg", "ch"} {
		for _, bt := range []string{"individual", "company"} {
			file := "../examples/" + c + "-" + bt + ".json"
			ans, err := answers.Load(file, answers.Options{})
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if !strings.EqualFold(ans.Setup.Country, c) || ans.Setup.BusinessType != bt {
				t.Errorf("%s: setup %+v", file, ans.Setup)
			}
		}
	}
}
