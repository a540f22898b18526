package flows_test

import (
	"io"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/schema"
)

// testAnswers are Stripe's test values for every field an account of
// country and business type can be asked, taken from the country table
// (schema.TestValue): the answers a sales engineer's --test-values run
// would give. Fields that are not due are ignored by the run.
func testAnswers(t *testing.T, country, bt string) map[string]any {
	t.Helper()
	ctx := schema.Context{Lang: schema.English, Country: country, Currency: schema.CountryCurrency(country), Now: epoch}
	person := []string{"first_name", "last_name", "email", "phone", "dob", "id_number",
		"first_name_kana", "first_name_kanji", "last_name_kana", "last_name_kanji", "verification.document", "verification.additional_document"}
	for _, kind := range []string{"address", "address_kana", "address_kanji"} {
		for _, part := range []string{"line1", "city", "postal_code", "state", "town"} {
			if kind == "address" && part == "town" {
				continue
			}
			person = append(person, kind+"."+part)
		}
	}
	out := map[string]any{"country": country, "business_type": bt,
		"business_profile.mcc": "5734", "tos_acceptance": true}
	put := func(key, probe string) {
		if v := schema.TestValue(schema.Lookup(probe, country), ctx); v != "" {
			out[key] = v
		}
	}
	put("business_profile.url", "business_profile.url")
	names := map[string][2]string{"representative": {"Jenny", "Rosen"}, "owners.0": {"Ada", "Owner"},
		"directors.0": {"Dan", "Director"}, "executives.0": {"Eve", "Exec"}}
	roles := []string{"individual"}
	if bt != "individual" {
		roles = []string{"representative", "owners.0", "directors.0", "executives.0"}
		for _, leaf := range []string{"name", "name_kana", "name_kanji", "tax_id", "phone", "verification.document",
			"address.line1", "address.city", "address.postal_code", "address.state",
			"address_kana.line1", "address_kana.city", "address_kana.postal_code", "address_kana.state", "address_kana.town",
			"address_kanji.line1", "address_kanji.city", "address_kanji.postal_code", "address_kanji.state", "address_kanji.town"} {
			put("company."+leaf, "company."+leaf)
		}
		for _, p := range []string{"owners_provided", "directors_provided", "executives_provided"} {
			out["company."+p] = true
		}
		out["representative.relationship.title"] = "CEO"
		out["representative.relationship.executive"] = true
		out["executives.0.relationship.title"] = "CFO"
		out["owners.0.relationship.percent_ownership"] = "60"
	} else if country == "US" {
		out["individual.ssn_last_4"] = "0000"
	}
	for _, role := range roles {
		for _, leaf := range person {
			put(role+"."+leaf, "individual."+leaf)
		}
		if n, ok := names[role]; ok {
			out[role+".first_name"], out[role+".last_name"] = n[0], n[1]
		}
	}
	bank := map[string]any{"account_holder_name": "Jenny Rosen"}
	for _, f := range schema.FieldsFor([]string{"external_account"}, country) {
		leaf := strings.TrimPrefix(f.Key, "external_account.")
		if leaf == "routing_number" || leaf == "account_number" {
			v := schema.TestValue(f, ctx)
			if v == "" {
				t.Fatalf("no test value for %s in %s", f.Key, country)
			}
			bank[leaf] = v
		}
	}
	out["external_account"] = bank
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
				ans, err := flows.ParseAnswers(testAnswers(t, country, bt))
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
				rep, err := e.cl.Run(e.ctx, acct, flows.Strategy{Upfront: true}, ans, io.Discard)
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
			ans, err := flows.LoadAnswers(file, flows.AnswerOptions{})
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if !strings.EqualFold(ans.Setup.Country, c) || ans.Setup.BusinessType != bt {
				t.Errorf("%s: setup %+v", file, ans.Setup)
			}
		}
	}
}
