package sandbox

import (
	"errors"
	"net/http"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// A company's verification document travels in v2 as
// identity.business_details.documents.primary_verification (GA shape:
// {type: front_back, front_back: {front, back}}, as stripe-go v84's
// V2CoreAccountIdentityBusinessDetailsDocumentsPrimaryVerification): it
// answers the entry of that name, which is v1's
// company.verification.document. Business documents the sandbox does not
// model are refused, not dropped.
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
			"proof_of_address": map[string]any{"type": "files", "files": []any{"file_identity_document_success"}}}}}})
	if !errors.As(err, &se) || se.HTTPStatusCode != 400 {
		t.Errorf("an unmodelled business document was accepted: %v", err)
	}
}
