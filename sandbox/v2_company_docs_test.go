package sandbox

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// A company's verification document travels in v2 as
// identity.business_details.documents.primary_verification (GA shape:
// {type: front_back, front_back: {front, back}}, as stripe-go v84's
// V2CoreAccountIdentityBusinessDetailsDocumentsPrimaryVerification): it
// answers the entry of that name, which is v1's
// company.verification.document. A document slot v2 does not have is
// refused, not dropped.
func TestV2CompanyPrimaryVerificationDocument(t *testing.T) {
	e := newV2Env(t)
	acct := e.must(http.MethodPost, "/v2/core/accounts", map[string]any{
		"contact_email": "ops@furever.example",
		"identity":      map[string]any{"country": "fr", "entity_type": "company"},
		"configuration": map[string]any{"merchant": map[string]any{"capabilities": map[string]any{"card_payments": map[string]any{"requested": true}}}},
		"include":       allIncludes,
	})
	id := acct["id"].(string)
	const entry = "identity.business_details.documents.primary_verification"
	if descriptions(acct)[entry] == nil {
		t.Fatalf("a FR company is not asked for its verification document: %v", descriptions(acct))
	}
	up := e.must(http.MethodPost, "/v2/core/accounts/"+id, map[string]any{
		"identity": map[string]any{"business_details": map[string]any{"documents": map[string]any{
			"primary_verification": map[string]any{"type": "front_back",
				"front_back": map[string]any{"front": "file_identity_document_success"}}}}},
		"include": allIncludes,
	})
	if d := descriptions(up)[entry]; d != nil && d["awaiting_action_from"] == "user" {
		t.Errorf("the document sent is still asked of the user: %v", d)
	}
	var se *stripe.Error
	_, err := e.call(http.MethodPost, "/v2/core/accounts/"+id, map[string]any{
		"identity": map[string]any{"business_details": map[string]any{"documents": map[string]any{
			"driving_licence": map[string]any{"type": "files", "files": []any{"file_identity_document_success"}}}}}})
	if !errors.As(err, &se) || se.HTTPStatusCode != 400 || !strings.Contains(se.Msg, "identity.business_details.documents.driving_licence") {
		t.Errorf("a business document v2 does not have was not refused by name: %v", err)
	}
}

// A business's files documents (stripe-go v84:
// identity.business_details.documents.<type> = {type: files, files}) are
// v1's documents[<type>][files]: a GB company whose director the registry
// does not know is asked proof_of_registration under its v2 name, and
// the files sent in v2's shape answer it.
func TestV2CompanyFilesDocument(t *testing.T) {
	e := newV2Env(t)
	acct := e.must(http.MethodPost, "/v2/core/accounts", map[string]any{
		"contact_email": "ops@furever.example",
		"identity":      map[string]any{"country": "gb", "entity_type": "company"},
		"configuration": map[string]any{"merchant": map[string]any{"capabilities": map[string]any{"card_payments": map[string]any{"requested": true}}}},
		"include":       allIncludes,
	})
	id := acct["id"].(string)
	e.must(http.MethodPost, "/v2/core/accounts/"+id+"/persons", map[string]any{
		"given_name": "mismatch_director", "surname": "X", "relationship": map[string]any{"director": true}})
	const entry = "identity.business_details.documents.proof_of_registration"
	got := e.must(http.MethodGet, "/v2/core/accounts/"+id+"?include=requirements", nil)
	d := descriptions(got)[entry]
	if d == nil || d["awaiting_action_from"] != "user" {
		t.Fatalf("the registry mismatch does not ask %s: %v", entry, descriptions(got))
	}
	up := e.must(http.MethodPost, "/v2/core/accounts/"+id, map[string]any{
		"identity": map[string]any{"business_details": map[string]any{"documents": map[string]any{
			"proof_of_registration": map[string]any{"type": "files", "files": []any{"file_identity_document_success"}}}}},
		"include": allIncludes,
	})
	if d := descriptions(up)[entry]; d != nil && d["awaiting_action_from"] == "user" {
		t.Errorf("the proof of registration sent is still asked of the user: %v", d)
	}
}

// The sides of a v2 primary_verification are files uploaded with purpose
// identity_document (stripe-go v84's FrontBack doc comments): a real
// upload with v1's additional_verification is refused with invalid_fields
// naming the v2 field [G], one with identity_document is taken, and
// Stripe's test tokens are no uploads and pass.
func TestV2PrimaryVerificationPurpose(t *testing.T) {
	e := newV2Env(t)
	sc := stripe.NewClient("sk_test_v2", stripe.WithBackends(&stripe.Backends{API: e.rc.B.(stripe.Backend), Uploads: e.rc.B.(stripe.Backend)}))
	upload := func(purpose string) string {
		f, err := sc.V1Files.Create(context.Background(), &stripe.FileCreateParams{Purpose: stripe.String(purpose),
			FileReader: bytes.NewReader(pngBytes), Filename: stripe.String("kbis.png")})
		if err != nil {
			t.Fatal(err)
		}
		return f.ID
	}
	acct := e.must(http.MethodPost, "/v2/core/accounts", map[string]any{
		"contact_email": "ops@furever.example",
		"identity":      map[string]any{"country": "fr", "entity_type": "company"},
		"configuration": map[string]any{"merchant": map[string]any{"capabilities": map[string]any{"card_payments": map[string]any{"requested": true}}}},
	})
	id := acct["id"].(string)
	send := func(front string) error {
		_, err := e.call(http.MethodPost, "/v2/core/accounts/"+id, map[string]any{
			"identity": map[string]any{"business_details": map[string]any{"documents": map[string]any{
				"primary_verification": map[string]any{"type": "front_back", "front_back": map[string]any{"front": front}}}}}})
		return err
	}
	var se *stripe.Error
	err := send(upload("additional_verification"))
	const field = "identity.business_details.documents.primary_verification.front_back.front"
	if !errors.As(err, &se) || se.HTTPStatusCode != 400 || se.Code != "invalid_fields" || se.Param != field ||
		!strings.Contains(se.Msg, "identity_document") {
		t.Errorf("a v1-purpose upload was not refused as invalid_fields on %s: %v", field, err)
	}
	if err := send(upload("identity_document")); err != nil {
		t.Errorf("an identity_document upload was refused: %v", err)
	}
	if err := send("file_identity_document_success"); err != nil {
		t.Errorf("Stripe's test token was refused: %v", err)
	}
	// A person's verification document is a front_back document too.
	_, err = e.call(http.MethodPost, "/v2/core/accounts/"+id+"/persons", map[string]any{
		"given_name": "Jenny", "relationship": map[string]any{"representative": true},
		"documents": map[string]any{"primary_verification": map[string]any{"type": "front_back",
			"front_back": map[string]any{"front": upload("identity_document"), "back": upload("additional_verification")}}}})
	if !errors.As(err, &se) || se.Code != "invalid_fields" || se.Param != "documents.primary_verification.front_back.back" {
		t.Errorf("a person's v1-purpose back side was not refused by name: %v", err)
	}
}

// An individual's files documents are valid v2 fields
// (identity.individual.documents.passport, stripe-go v84's
// V2CoreAccountUpdateIdentityIndividualDocumentsParams): the façade takes
// them, on the individual's person as v1 does, both when the account is
// created and when it is updated.
func TestV2IndividualFilesDocuments(t *testing.T) {
	e := newV2Env(t)
	passport := map[string]any{"passport": map[string]any{"type": "files", "files": []any{"file_identity_document_success"}}}
	acct := e.must(http.MethodPost, "/v2/core/accounts", map[string]any{
		"contact_email": "jenny@example.com",
		"identity": map[string]any{"country": "gb", "entity_type": "individual",
			"individual": map[string]any{"given_name": "Jenny", "documents": passport}},
		"configuration": map[string]any{"merchant": map[string]any{"capabilities": map[string]any{"card_payments": map[string]any{"requested": true}}}},
		"include":       allIncludes,
	})
	id := acct["id"].(string)
	visa := map[string]any{"visa": map[string]any{"type": "files", "files": []any{"file_identity_document_success"}}}
	up := e.must(http.MethodPost, "/v2/core/accounts/"+id, map[string]any{
		"identity": map[string]any{"individual": map[string]any{"documents": visa}}, "include": allIncludes})
	if ind, _ := up["identity"].(map[string]any)["individual"].(map[string]any); ind["given_name"] != "Jenny" {
		t.Errorf("the account read back lost the individual: %v", up["identity"])
	}
	var se *stripe.Error
	_, err := e.call(http.MethodPost, "/v2/core/accounts/"+id, map[string]any{
		"identity": map[string]any{"individual": map[string]any{"documents": map[string]any{
			"driving_licence": map[string]any{"type": "files", "files": []any{"file_identity_document_success"}}}}}})
	if !errors.As(err, &se) || se.HTTPStatusCode != 400 || !strings.Contains(se.Msg, "identity.individual.documents.driving_licence") {
		t.Errorf("a person document v2 does not have was not refused by name: %v", err)
	}
}

// A v2 person's document naming a file that was never uploaded is
// refused, as v1 refuses it; a real test file token is taken.
func TestV2PersonDocumentFileMustExist(t *testing.T) {
	e := newV2Env(t)
	acct := e.must(http.MethodPost, "/v2/core/accounts", map[string]any{
		"contact_email": "ops@furever.example",
		"identity":      map[string]any{"country": "us", "entity_type": "company"},
		"configuration": map[string]any{"merchant": map[string]any{"capabilities": map[string]any{"card_payments": map[string]any{"requested": true}}}},
	})
	id := acct["id"].(string)
	doc := func(file string) map[string]any {
		return map[string]any{"given_name": "Jenny", "documents": map[string]any{
			"passport": map[string]any{"type": "files", "files": []any{file}}}}
	}
	if _, err := e.call(http.MethodPost, "/v2/core/accounts/"+id+"/persons", doc("file_doesnotexist")); err == nil || !strings.Contains(err.Error(), "file_doesnotexist") {
		t.Errorf("a nonexistent file: %v", err)
	}
	if _, err := e.call(http.MethodPost, "/v2/core/accounts/"+id+"/persons", doc("file_identity_document_success")); err != nil {
		t.Errorf("a test file token: %v", err)
	}
}
