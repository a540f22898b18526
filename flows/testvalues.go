package flows

import (
	"strings"

	"onboard/schema"
)

// TestValueAnswers are Stripe's passing test values
// (https://docs.stripe.com/connect/testing) for every field an account
// of country and business type can be asked, taken from the country
// table (schema.TestValue, what the wizard's ctrl+e types): the answers
// of `new --test-values`. People are named by role as in examples/ (the
// representative is Stripe's Jenny Rosen); fields that do not come due
// are ignored by the run, and a field with no test value valid in the
// country is left out, to be reported as having no answer.
func TestValueAnswers(country, businessType string) map[string]any {
	country = strings.ToUpper(country)
	ctx := schema.Context{Lang: schema.English, Country: country, Currency: schema.CountryCurrency(country)}
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
	out := map[string]any{"business_profile.mcc": "5734", "tos_acceptance": true}
	put := func(key, probe string) {
		if v := schema.TestValue(schema.Lookup(probe, country), ctx); v != "" {
			out[key] = v
		}
	}
	put("business_profile.url", "business_profile.url")
	names := map[string][2]string{"representative": {"Jenny", "Rosen"}, "owners.0": {"Ada", "Owner"},
		"directors.0": {"Dan", "Director"}, "executives.0": {"Eve", "Exec"}}
	roles := []string{"individual"}
	if businessType != "individual" {
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
			if v := schema.TestValue(f, ctx); v != "" {
				bank[leaf] = v
			}
		}
	}
	out["external_account"] = bank
	return out
}
