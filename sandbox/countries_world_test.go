package sandbox

import (
	"strings"
	"testing"

	"onboard/sandbox/rules"
)

// Every modelled country has a country spec with what an individual and a
// company are asked, in its own currency.
func TestEveryCountryHasASpec(t *testing.T) {
	if len(rules.Countries) < 44 {
		t.Fatalf("%d countries modelled", len(rules.Countries))
	}
	for c, prof := range rules.Countries {
		spec, ok := countrySpec(c)
		if !ok || spec.DefaultCurrency != prof.Currency || len(spec.SupportedBankAccountCurrencies[prof.Currency]) == 0 {
			t.Errorf("%s: spec %+v", c, spec)
			continue
		}
		for _, bt := range []string{"individual", "company"} {
			if len(spec.VerificationFields[bt].Minimum) == 0 {
				t.Errorf("%s %s: no minimum verification fields", c, bt)
			}
		}
	}
	jp, _ := countrySpec("JP")
	for _, want := range []string{"individual.first_name_kana", "individual.address_kanji.town"} {
		if !strings.Contains(strings.Join(jp.VerificationFields["individual"].Minimum, " "), want) {
			t.Errorf("JP individual minimum lacks %s: %v", want, jp.VerificationFields["individual"].Minimum)
		}
	}
}

// The local bank formats take Stripe's test numbers (with the dashes its
// guide writes) and refuse a malformed number with a hint of a right one.
func TestLocalBankFormats(t *testing.T) {
	cases := []struct {
		country, routing, account, badRouting, badAccount string
	}{
		{"JP", "110-0000", "0001234", "1100", "123456789"},
		{"SG", "1100-000", "000123456", "110", "12"},
		{"HK", "110-000", "000123-456", "11", "12"},
		{"MY", "HBMBMYKL", "000123456000", "12", "12"},
		{"TH", "999", "000123456789", "99", "12"},
		{"BR", "110-0000", "0001234", "110", "12A"},
		{"MX", "", "000000001234567897", "", "000000001234567898"},
		{"NZ", "", "11-0000-0000000-010", "", "1100"},
	}
	for _, c := range cases {
		if e := validateBank(&bankInput{Country: c.country, Currency: rules.Countries[c.country].Currency, Routing: c.routing, Account: c.account}, "bank_account"); e != nil {
			t.Errorf("%s: test numbers refused: %v", c.country, e.Message)
		}
		if c.badRouting != "" {
			e := validateBank(&bankInput{Country: c.country, Currency: "xxx", Routing: c.badRouting, Account: c.account}, "bank_account")
			if e == nil || e.Param != "bank_account[routing_number]" || !strings.Contains(e.Message, "for example") {
				t.Errorf("%s: bad routing %q: %v", c.country, c.badRouting, e)
			}
		}
		e := validateBank(&bankInput{Country: c.country, Currency: "xxx", Routing: c.routing, Account: c.badAccount}, "bank_account")
		if e == nil || e.Param != "bank_account[account_number]" || !strings.Contains(e.Message, "for example") {
			t.Errorf("%s: bad account %q: %v", c.country, c.badAccount, e)
		}
	}
}
