package accountsv2

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// Every business document of stripe-go v84's
// V2CoreAccountIdentityBusinessDetailsDocuments becomes its v1 parameter:
// primary_verification the company's verification document, the files
// documents documents[<type>][files][i] in the order given.
func TestBusinessDocumentsToV1(t *testing.T) {
	docs := map[string]any{"primary_verification": map[string]any{"type": "front_back",
		"front_back": map[string]any{"front": "file_f", "back": "file_b"}}}
	want := form{"company[verification][document][front]": "file_f", "company[verification][document][back]": "file_b"}
	for _, name := range businessFileDocuments {
		docs[name] = map[string]any{"type": "files", "files": []any{"file_1_" + name, "file_2_" + name}}
		want["documents["+name+"][files][0]"] = "file_1_" + name
		want["documents["+name+"][files][1]"] = "file_2_" + name
	}
	got, err := accountToV1(map[string]any{"identity": map[string]any{"business_details": map[string]any{"documents": docs}}}, "GB", false, true)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("documents:\n got %v\nwant %v", got, want)
	}
	for _, bad := range []struct {
		name string
		doc  any
		says string
	}{
		{"no_such_document", map[string]any{"type": "files", "files": []any{"file_x"}}, "identity.business_details.documents.no_such_document"},
		{"proof_of_address", map[string]any{"type": "front_back", "files": []any{"file_x"}}, "identity.business_details.documents.proof_of_address.type"},
		{"proof_of_address", map[string]any{"type": "files", "files": "file_x"}, "identity.business_details.documents.proof_of_address.files"},
		{"proof_of_registration", map[string]any{"type": "files", "files": []any{"file_x"}, "signer": map[string]any{}}, "identity.business_details.documents.proof_of_registration.signer"},
	} {
		body := map[string]any{"identity": map[string]any{"business_details": map[string]any{"documents": map[string]any{bad.name: bad.doc}}}}
		// A wrong type is an invalid value, the rest are unknown fields.
		var unknown unknownField
		var wrong invalidValue
		_, err := accountToV1(body, "GB", false, true)
		named := errors.As(err, &unknown) && strings.HasPrefix(unknown.path, bad.says) || errors.As(err, &wrong) && wrong.path == bad.says
		if !named {
			t.Errorf("%s %v: %v, want an error naming %s", bad.name, bad.doc, err, bad.says)
		}
	}
}

// A v2 person's documents (stripe-go v84's V2CoreAccountPersonDocuments)
// become the v1 person's verification documents and documents[<type>];
// the individual's files documents, which v1 takes on the individual's
// person only, are moved there.
func TestPersonDocumentsToV1(t *testing.T) {
	f := form{}
	body := map[string]any{"documents": map[string]any{
		"primary_verification":   map[string]any{"type": "front_back", "front_back": map[string]any{"front": "file_id"}},
		"secondary_verification": map[string]any{"type": "front_back", "front_back": map[string]any{"front": "file_addr"}},
		"passport":               map[string]any{"type": "files", "files": []any{"file_pp"}},
		"company_authorization":  map[string]any{"type": "files", "files": []any{"file_ca"}},
	}}
	if err := personToV1(f, "", body, "GB", "person"); err != nil {
		t.Fatal(err)
	}
	want := form{"verification[document][front]": "file_id", "verification[additional_document][front]": "file_addr",
		"documents[passport][files][0]": "file_pp", "documents[company_authorization][files][0]": "file_ca"}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("person documents:\n got %v\nwant %v", f, want)
	}
	var unknown unknownField
	if err := personToV1(form{}, "", map[string]any{"documents": map[string]any{"driving_licence": map[string]any{}}}, "GB", "person"); !errors.As(err, &unknown) ||
		!strings.HasPrefix(unknown.path, "person.documents.driving_licence") {
		t.Errorf("unknown person document: %v", err)
	}
	ind := map[string]any{"identity": map[string]any{"individual": map[string]any{"given_name": "Jenny", "documents": map[string]any{
		"visa": map[string]any{"type": "files", "files": []any{"file_v"}}}}}}
	f, err := accountToV1(ind, "GB", false, true)
	if err != nil {
		t.Fatal(err)
	}
	if pf := individualDocuments(f); !reflect.DeepEqual(pf, form{"documents[visa][files][0]": "file_v"}) ||
		!reflect.DeepEqual(f, form{"individual[first_name]": "Jenny"}) {
		t.Errorf("the individual's visa goes to the person: person %v, account %v", pf, f)
	}
}

// v1 requirement paths of documents are described by their v2 names, and
// the v2 fields' sides are found back from the form for the purpose check.
func TestDocumentDescriptions(t *testing.T) {
	cases := map[string][2]string{
		"documents.proof_of_registration.files":               {"identity.business_details.documents.proof_of_registration", ""},
		"documents.bank_account_ownership_verification.files": {"identity.business_details.documents.bank_account_ownership_verification", ""},
		"company.verification.document":                       {"identity.business_details.documents.primary_verification", ""},
		"person_1.documents.passport.files":                   {"documents.passport", "person_1"},
		"person_1.verification.additional_document":           {"documents.secondary_verification", "person_1"},
	}
	for in, want := range cases {
		if d, p := description(in, "GB"); d != want[0] || p != want[1] {
			t.Errorf("%s -> %s %s, want %v", in, d, p, want)
		}
	}
	sides := frontBackSides(form{"company[verification][document][front]": "a", "individual[verification][additional_document][back]": "b",
		"verification[document][back]": "c", "documents[passport][files][0]": "d", "company[name]": "e"})
	wantSides := map[string]string{
		"company[verification][document][front]":              "identity.business_details.documents.primary_verification.front_back.front",
		"individual[verification][additional_document][back]": "identity.individual.documents.secondary_verification.front_back.back",
		"verification[document][back]":                        "documents.primary_verification.front_back.back",
	}
	if !reflect.DeepEqual(sides, wantSides) {
		t.Errorf("sides:\n got %v\nwant %v", sides, wantSides)
	}
}
