package wire

import (
	"testing"
	"time"

	"onboard/schema"
)

// Every field the catalog marks sensitive, in every supported country and
// for every kind of person, is recognised again from the form parameters
// it encodes to, at the endpoint they go to: nothing the catalog calls
// sensitive reaches a rendering as its value.
func TestEveryCatalogSecretIsRecognisedOnTheWire(t *testing.T) {
	var paths []string
	for _, p := range []string{"individual", "representative", "owners.0", "directors.1", "person_abc"} {
		for _, leaf := range []string{"id_number", "ssn_last_4", "id_number_secondary",
			"verification.document", "verification.additional_document", "dob", "first_name"} {
			paths = append(paths, p+"."+leaf)
		}
	}
	paths = append(paths, "company.tax_id", "company.vat_id", "company.name", "external_account",
		"company.verification.document")
	samples := []string{"000000000", "0000", "123456789", "046454286", "AB123456C", "12345678", "FR40303265045",
		"file_identity_document_success", "DE89370400440532013000", "000123456789", "1901-01-01", "Jenny", "btok_us", "110000000"}
	checked := 0
	for _, country := range []string{"US", "CA", "GB", "FR", "DE", "IE", "AU", "NL"} {
		c := schema.Context{Lang: schema.English, Country: country, Currency: "usd", Now: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
		for _, f := range schema.FieldsFor(paths, country) {
			if !f.Sensitive {
				continue
			}
			var ps []schema.Param
			for _, v := range append([]string{f.Placeholder}, samples...) {
				if v == "" {
					continue
				}
				if got, err := f.Encode(v, c); err == nil && len(got) > 0 {
					ps = got
					break
				}
			}
			if len(ps) == 0 {
				t.Errorf("%s %s: no sample value encodes", country, f.Key)
				continue
			}
			for _, p := range ps {
				endpoint := "/v1/accounts/acct_1"
				switch p.Target {
				case schema.TargetBankToken:
					endpoint = "/v1/tokens"
				case schema.TargetPerson:
					endpoint = "/v1/accounts/acct_1/persons"
				case schema.TargetFile:
					if p.Person != "" && p.Person != "individual" {
						endpoint = "/v1/accounts/acct_1/persons"
					}
				}
				if _, ok := sensitiveParam(endpoint, p.Key); !ok && isSecretPart(p) {
					t.Errorf("%s %s: %s %s=%q goes out as it is", country, f.Key, endpoint, p.Key, p.Value)
				}
				checked++
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d parameters checked", checked)
	}
}

// isSecretPart leaves out the parts of a sensitive field that are not the
// secret itself (a bank token's country and currency, a holder's name).
func isSecretPart(p schema.Param) bool {
	switch p.Key {
	case "bank_account[country]", "bank_account[currency]", "bank_account[account_holder_name]",
		"bank_account[account_holder_type]", "bank_account[routing_number]":
		return false
	}
	return true
}
