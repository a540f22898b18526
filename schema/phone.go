package schema

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Phone numbers are read with libphonenumber's rules (nyaruka/phonenumbers)
// for the account's country, so people can type them the way they are
// written there, (415) 555-0123 in the US or 020 7123 4567 in the UK, and
// they are sent in E.164 (+14155550123), which is what Stripe stores.

// stripeTestPhone is Stripe's test-mode phone number
// (https://docs.stripe.com/connect/testing):
// it passes Stripe's validation although no numbering plan has it.
const stripeTestPhone = "0000000000"

// NormalizePhone removes the spaces, dots, dashes and brackets people type
// in phone numbers, keeping a leading +.
func NormalizePhone(v string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(v) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// PhoneE164 reads a phone number typed as people write it in country
// (national or international form) and returns it in E.164. ok is false
// when the number is not a valid number of its numbering plan.
func PhoneE164(v, country string) (string, bool) {
	if d := NormalizePhone(v); d == stripeTestPhone || d == "+1"+stripeTestPhone {
		return d, true
	}
	region := strings.ToUpper(strings.TrimSpace(country))
	if region == "" {
		region = "ZZ" // unknown region: only +country-code numbers parse
	}
	n, err := phonenumbers.Parse(strings.TrimSpace(v), region)
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164), true
}

// PhoneExample is a valid phone number of country in E.164, for
// placeholders (a UK form shows a UK number, not a US one).
func PhoneExample(country string) string {
	if n := phonenumbers.GetExampleNumber(strings.ToUpper(country)); n != nil {
		return phonenumbers.Format(n, phonenumbers.E164)
	}
	return "+14155550123"
}

// phoneExampleNational is the same example as written in the country.
func phoneExampleNational(country string) string {
	if n := phonenumbers.GetExampleNumber(strings.ToUpper(country)); n != nil {
		return phonenumbers.Format(n, phonenumbers.NATIONAL)
	}
	return ""
}

func checkPhone(v string, c Context) error {
	if _, ok := PhoneE164(v, c.Country); !ok {
		msg := fail(c.Lang, msgPhone, PhoneExample(c.Country)).Error()
		if nat := phoneExampleNational(c.Country); nat != "" && c.Country != "" {
			msg += " " + fail(c.Lang, msgPhoneNational, nat).Error()
		}
		return &Problem{Message: msg}
	}
	return nil
}

// encodePhoneAt sends a phone number in E.164 under path.
func encodePhoneAt(path string) func(string, Context) []Param {
	return func(v string, c Context) []Param {
		e, ok := PhoneE164(v, c.Country)
		if !ok {
			e = NormalizePhone(v)
		}
		return []Param{{Key: Brackets(path), Value: e}}
	}
}
