package accountsv2

import (
	"net/http/httptest"
	"reflect"
	"testing"
)

// How a Stripe-Version header is read for Accounts v2 (guesses.go).
func TestVersionShape(t *testing.T) {
	for _, c := range []struct {
		header  string
		ga, ok  bool
		comment string
	}{
		{"2025-12-15.clover", true, true, "the first GA version"},
		{"2026-02-25.clover", true, true, "a later GA version"},
		{"2027-01-01.dahlia", true, true, "any later name"},
		{"2025-08-27.preview", false, true, "a preview keeps the preview shape"},
		{"2025-08-27.basil", false, false, "a dated version before GA"},
		{"", false, false, "no version"},
		{"2025-12-15", false, false, "no name"},
		{"2025-12-15.", false, false, "an empty name"},
		{"2025-12-15.clover.x", false, false, "two names"},
		{"2025-13-45.clover", false, false, "no such date"},
	} {
		ga, ok := versionShape(c.header)
		if ga != c.ga || ok != c.ok {
			t.Errorf("%s (%q): ga %v ok %v, want %v %v", c.comment, c.header, ga, ok, c.ga, c.ok)
		}
	}
}

// include is read from the query in its three spellings and from a JSON
// body; an unknown value is named.
func TestIncludes(t *testing.T) {
	r := httptest.NewRequest("GET", "/v2/core/accounts?include=identity,requirements&include[0]=defaults&include[]=configuration.merchant", nil)
	got, bad := includes(r, map[string]any{"include": []any{"future_requirements"}})
	want := map[string]bool{"identity": true, "requirements": true, "defaults": true, "configuration.merchant": true, "future_requirements": true}
	if bad != "" || !reflect.DeepEqual(got, want) {
		t.Errorf("includes = %v (bad %q), want %v", got, bad, want)
	}
	if _, bad := includes(httptest.NewRequest("GET", "/v2/core/accounts?include=identiti", nil), nil); bad != "identiti" {
		t.Errorf("unknown include: bad = %q", bad)
	}
}

// A failed v1 step's param is answered as the v2 path it came from.
func TestParamPath(t *testing.T) {
	for v1, want := range map[string]string{
		"individual[dob][day]":                      "identity.individual.date_of_birth",
		"individual[first_name]":                    "identity.individual.given_name",
		"business_profile[mcc]":                     "configuration.merchant.mcc",
		"business_profile[url]":                     "defaults.profile.business_url",
		"company[tax_id]":                           "identity.business_details.id_numbers.us_ein",
		"company[address][postal_code]":             "identity.business_details.address.postal_code",
		"individual[id_number]":                     "identity.individual.id_numbers.us_ssn",
		"tos_acceptance[date]":                      "identity.attestations.terms_of_service.account",
		"external_account":                          "configuration.recipient.default_outbound_destination",
		"individual[verification][document][front]": "identity.individual.documents.primary_verification",
	} {
		if got := paramPath(v1, "US"); got != want {
			t.Errorf("paramPath(%q) = %q, want %q", v1, got, want)
		}
	}
}
