package schema

import (
	"strings"
	"testing"
)

// Placeholders are the account's country's own examples: no US phone
// number on a GB form, no German IBAN on a French one.
func TestPlaceholdersPerCountry(t *testing.T) {
	prefix := map[string]string{"US": "+1", "CA": "+1", "GB": "+44", "FR": "+33", "DE": "+49", "IE": "+353", "AU": "+61"}
	for country, p := range prefix {
		for _, key := range []string{"individual.phone", "company.phone", "representative.phone", "business_profile.support_phone"} {
			f := Lookup(key, country)
			if !strings.HasPrefix(f.Placeholder, p) {
				t.Errorf("%s %s placeholder %q, want a %s number", country, key, f.Placeholder, p)
			}
			if err := f.Validate(f.Placeholder, Context{Country: country}); err != nil {
				t.Errorf("%s %s: its own example %q is refused: %v", country, key, f.Placeholder, err)
			}
		}
	}
	for _, country := range []string{"FR", "DE", "IE", "NL"} {
		fs := FieldsFor([]string{"external_account"}, country)
		for _, f := range fs {
			if f.Key == "external_account.account_number" && !strings.HasPrefix(f.Placeholder, country) {
				t.Errorf("%s IBAN placeholder %q", country, f.Placeholder)
			}
		}
		err := Lookup("external_account.account_number", country).Validate("XX00", Context{Country: country})
		if err == nil || !strings.Contains(err.Error(), country) {
			t.Errorf("%s IBAN message does not show a %s IBAN: %v", country, country, err)
		}
	}
	if p := Lookup("individual.nationality", "FR").Placeholder; p != "FR" {
		t.Errorf("nationality placeholder for FR: %q", p)
	}
	if p := Lookup("external_account", "GB").Placeholder; p == "btok_us" {
		t.Error("a GB form shows the US bank token as its example")
	}
}

func TestNearestSuggestsTheKnownPath(t *testing.T) {
	for in, want := range map[string]string{
		"individual.frist_name":     "individual.first_name",
		"owners.1.emial":            "owners.1.email",
		"company.adress.city":       "company.address.city",
		"business_profile.ulr":      "business_profile.url",
		"representative.dob.dya":    "representative.dob",
		"completely.unrelated.path": "",
	} {
		if got := Nearest(in); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRegionNamesInEitherLanguage(t *testing.T) {
	for _, c := range []struct{ country, in, want string }{
		{"US", "california", "CA"}, {"US", "New York", "NY"}, {"CA", "Québec", "QC"}, {"CA", "Quebec", "QC"},
		{"CA", "Colombie-Britannique", "BC"}, {"AU", "new south wales", "NSW"}, {"IE", "Co. Cork", "Cork"},
	} {
		f := Lookup("individual.address.state", c.country)
		ps, err := f.Encode(c.in, Context{Country: c.country})
		if err != nil || len(ps) != 1 || ps[0].Value != c.want {
			t.Errorf("%s %q: %v %v, want %s", c.country, c.in, ps, err, c.want)
		}
		if n := f.Normalize(c.in, Context{Country: c.country}); n != c.want {
			t.Errorf("Normalize %s %q = %q", c.country, c.in, n)
		}
	}
}

func TestStripeTestPhoneAccepted(t *testing.T) {
	if err := Lookup("individual.phone", "GB").Validate("0000000000", Context{Country: "GB"}); err != nil {
		t.Errorf("Stripe's test phone refused: %v", err)
	}
}
