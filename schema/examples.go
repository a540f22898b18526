package schema

import "strings"

// Examples shown in placeholders depend on the account's country, so that
// a form never shows another country's value as the example (a UK form
// shows a UK phone number and no US one, a French form a French IBAN).
// The TUI marks every placeholder "e.g.".

// countryExample is the example of a two-letter country code: the
// account's own country.
func countryExample(country string) string {
	if c := strings.ToUpper(strings.TrimSpace(country)); len(c) == 2 {
		return c
	}
	return "US"
}

// vatExamples are well-formed VAT numbers per country (none for a country
// without VAT numbers: no placeholder rather than a foreign one).
var vatExamples = map[string]string{
	"FR": "FR40303265045", "DE": "DE123456789", "IE": "IE6388047V", "GB": "GB123456789",
	"NL": "NL123456789B01", "AU": "51824753556",
}
