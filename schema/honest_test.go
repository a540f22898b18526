package schema

import (
	"strings"
	"testing"
)

// A message says what is wrong with the value typed: an 8-digit routing
// number is too short (not "fails its checksum"), https://x has no domain.
func TestMessagesSayWhatIsWrong(t *testing.T) {
	c := Context{Country: "US", Lang: English}
	routing := Lookup("external_account.routing_number", "US").Check(c)
	cases := []struct {
		check      func(string) error
		value      string
		want, not_ string
	}{
		{routing, "11000000", "9 digits; this one has 8", "checksum"},
		{routing, "110000001", "checksum", "has 9"},
		{Lookup("business_profile.url", "US").Check(c), "https://x", "no domain", "starting with"},
	}
	for _, tc := range cases {
		err := tc.check(tc.value)
		if err == nil {
			t.Errorf("%q accepted", tc.value)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), tc.not_) {
			t.Errorf("%q: %q, want it to say %q", tc.value, err, tc.want)
		}
	}
	if err := routing("110000000"); err != nil {
		t.Errorf("Stripe's test routing number refused: %v", err)
	}
	if err := Lookup("business_profile.url", "US").Check(c)("https://example.com"); err != nil {
		t.Error(err)
	}
}

// Public numbers (company registration numbers, VAT numbers) are typed in
// clear; personal id numbers, tax ids that are not public and bank
// account numbers stay masked.
func TestPublicNumbersAreNotMasked(t *testing.T) {
	for _, tc := range []struct {
		key, country string
		masked       bool
	}{
		{"company.tax_id", "GB", false},
		{"company.tax_id", "FR", false},
		{"company.vat_id", "GB", false},
		{"company.tax_id", "US", true},
		{"individual.id_number", "GB", true},
		{"representative.id_number", "US", true},
		{"external_account.account_number", "GB", true},
	} {
		f := Lookup(tc.key, tc.country)
		if got := f.Kind == KindSecret; got != tc.masked {
			t.Errorf("%s in %s: masked %v, want %v", tc.key, tc.country, got, tc.masked)
		}
	}
}

// A company tax id's help, check and test value agree in every country:
// the test value passes the check, and when it is not of the national
// format the help names it, so the 9 digits ctrl+e types are no surprise
// under a help that says "8 characters".
func TestTaxIDHelpNamesItsTestValue(t *testing.T) {
	for _, country := range Countries() {
		f := Lookup("company.tax_id", country)
		c := Context{Country: country, Lang: English}
		tv := TestValue(f, c)
		if tv == "" {
			continue
		}
		r := rulesFor(country).taxID
		if r.valid == nil || r.valid(idClean(tv)) {
			continue
		}
		for _, lang := range Langs {
			if h := f.Help.In(lang); !strings.Contains(h, tv) {
				t.Errorf("%s (%s): test value %s is not of the help's format and the help does not name it: %q", country, lang, tv, h)
			}
		}
	}
}
