package schema

import (
	"encoding/json"
	"testing"
)

func TestToV2(t *testing.T) {
	var ps []Param
	add := func(path, v string) {
		p, err := Lookup(path, "US").Encode(v, testCtx)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		ps = append(ps, p...)
	}
	add("individual.first_name", "Jenny")
	add("individual.dob.day", "1901-01-01")
	add("individual.ssn_last_4", "0000")
	add("individual.address.state", "CA")
	add("business_profile.mcc", "5734")
	add("business_profile.url", "https://accessible.stripe.com")
	add("tos_acceptance.date", "true")
	add("owners.first_name", "Ada")
	add("owners.relationship.percent_ownership", "25")
	b := ToV2(ps, "US")
	raw, _ := json.Marshal(b.Account)
	// GA (2025-12-15.clover) keeps the business profile in defaults.profile.
	want := `{"configuration":{"merchant":{"mcc":"5734"}},"defaults":{"profile":{"business_url":"https://accessible.stripe.com"}},"identity":{"attestations":{"terms_of_service":{"account":{"date":"2026-11-23T12:00:00.000Z","ip":"203.0.113.7","user_agent":"onboard/test"}}},"individual":{"address":{"state":"CA"},"date_of_birth":{"day":1,"month":1,"year":1901},"given_name":"Jenny","id_numbers":[{"type":"us_ssn_last_4","value":"0000"}]}}}`
	if string(raw) != want {
		t.Errorf("account body\n got %s\nwant %s", raw, want)
	}
	person, _ := json.Marshal(b.Persons["owners.0"])
	if string(person) != `{"given_name":"Ada","relationship":{"percent_ownership":"25"}}` {
		t.Errorf("person body %s", person)
	}
}

func TestV1PathRoundTrip(t *testing.T) {
	cases := map[string]string{
		"identity.individual.given_name":                           "individual.first_name",
		"identity.individual.surname":                              "individual.last_name",
		"identity.individual.date_of_birth":                        "individual.dob",
		"identity.individual.address.line1":                        "individual.address.line1",
		"identity.individual.id_numbers":                           "individual.id_number",
		"identity.business_details.registered_name":                "company.name",
		"identity.business_details.id_numbers.us_ein":              "company.tax_id",
		"configuration.merchant.mcc":                               "business_profile.mcc",
		"identity.attestations.terms_of_service.account":           "tos_acceptance.date",
		"identity.business_details.url":                            "business_profile.url",
		"identity.business_details.documents.primary_verification": "company.verification.document",
		"something.new.from.stripe":                                "something.new.from.stripe",
	}
	for in, want := range cases {
		if got := V1Path(in); got != want {
			t.Errorf("%s -> %s, want %s", in, got, want)
		}
		if in != "something.new.from.stripe" && Lookup(V1Path(in), "US").Generic {
			t.Errorf("%s maps to no catalog field", in)
		}
	}
}

// The company's verification document (v1 company.verification.document)
// travels in v2 as business_details.documents.primary_verification, the
// GA front_back shape, not under an unknown business_details.verification.
func TestToV2CompanyDocument(t *testing.T) {
	ps, err := Lookup("company.verification.document", "FR").Encode("file_identity_document_success", testCtx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ps {
		ps[i].Target = TargetAccount // as the upload step leaves it: a file id for the account
	}
	raw, _ := json.Marshal(ToV2(ps, "FR").Account)
	want := `{"identity":{"business_details":{"documents":{"primary_verification":{"front_back":{"front":"file_identity_document_success"},"type":"front_back"}}}}}`
	if string(raw) != want {
		t.Errorf("company document\n got %s\nwant %s", raw, want)
	}
}
