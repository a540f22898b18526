package schema

import (
	"encoding/json"
	"testing"
)

// encodeAs encodes one catalog field and leaves its file parameters as
// the upload step does: file ids for the account or the person.
func encodeAs(t *testing.T, key, value, country string) []Param {
	t.Helper()
	f := Lookup(key, country)
	if f.Generic {
		t.Fatalf("%s is not in the catalog", key)
	}
	ps, err := f.Encode(value, testCtx)
	if err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	for i := range ps {
		if ps[i].Target == TargetFile {
			ps[i].Target = TargetAccount
			if ps[i].Person != "" {
				ps[i].Target = TargetPerson
			}
		}
	}
	return ps
}

// v1's documents[<type>][files][i] are v2's
// identity.business_details.documents.<type> = {type: files, files}
// (stripe-go v84, V2CoreAccountIdentityBusinessDetailsDocuments*), files
// in the order given; a person's documents[passport|visa|
// company_authorization] are the v2 person's documents of the same name.
func TestToV2FilesDocuments(t *testing.T) {
	ps := encodeAs(t, "documents.proof_of_registration.files", "file_a, file_b", "GB")
	ps = append(ps, encodeAs(t, "documents.bank_account_ownership_verification.files", "file_c", "GB")...)
	ps = append(ps, encodeAs(t, "representative.documents.passport.files", "file_p", "GB")...)
	b := ToV2(ps, "GB")
	raw, _ := json.Marshal(b.Account)
	want := `{"identity":{"business_details":{"documents":{"bank_account_ownership_verification":{"files":["file_c"],"type":"files"},"proof_of_registration":{"files":["file_a","file_b"],"type":"files"}}}}}`
	if string(raw) != want {
		t.Errorf("account body\n got %s\nwant %s", raw, want)
	}
	person, _ := json.Marshal(b.Persons["representative"])
	if string(person) != `{"documents":{"passport":{"files":["file_p"],"type":"files"}}}` {
		t.Errorf("person body %s", person)
	}
}

// Every business document v2 names is asked as its v1 field, and a
// person's documents entries (relative to the person) as the person's.
func TestV1PathDocuments(t *testing.T) {
	for _, d := range documentTypes {
		in := "identity.business_details.documents." + d.name
		want := "documents." + d.name + ".files"
		if got := V1Path(in); got != want {
			t.Errorf("%s -> %s, want %s", in, got, want)
		}
		if Lookup(want, "GB").Generic {
			t.Errorf("%s maps to no catalog field", in)
		}
	}
	cases := map[string]string{
		"identity.business_details.documents.primary_verification":    "company.verification.document",
		"identity.individual.documents.passport":                      "individual.documents.passport.files",
		"identity.individual.documents.company_authorization":         "individual.documents.company_authorization.files",
		"identity.individual.documents.visa":                          "individual.documents.visa.files",
		"identity.individual.documents.primary_verification":          "individual.verification.document",
		"identity.individual.documents.secondary_verification":        "individual.verification.additional_document",
		"identity.business_details.documents.something_new_in_v2_api": "company.documents.something_new_in_v2_api",
		// An error's param names the side or the list: the same field.
		"identity.business_details.documents.primary_verification.front_back.front": "company.verification.document",
		"identity.business_details.documents.proof_of_address.files":                "documents.proof_of_address.files",
	}
	for in, want := range cases {
		if got := V1Path(in); got != want {
			t.Errorf("%s -> %s, want %s", in, got, want)
		}
	}
}

// A front_back document's sides are identity_document uploads on v2
// (stripe-go v84's FrontBack types), where v1's company document asks
// additional_verification; files documents stay account_requirement.
func TestFrontBackPurpose(t *testing.T) {
	cases := []struct{ purpose, want string }{
		{"additional_verification", "identity_document"},
		{"identity_document", "identity_document"},
		{"account_requirement", "account_requirement"},
	}
	for _, c := range cases {
		if got := FrontBackPurpose(c.purpose); got != c.want {
			t.Errorf("FrontBackPurpose(%s) = %s, want %s", c.purpose, got, c.want)
		}
	}
	ps := encodeAs(t, "company.verification.document", "front.png", "FR")
	if ps[0].Purpose != "additional_verification" {
		t.Errorf("v1 purpose of the company document is %q", ps[0].Purpose)
	}
}
