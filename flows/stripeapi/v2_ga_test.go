package stripeapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"testing"
	"time"

	stripe84 "github.com/stripe/stripe-go/v84"

	"onboard/flows"
	"onboard/flows/stripeapi"
	"onboard/schema"
)

// createBodies is a v2 API that keeps the create bodies flows sends and
// refuses them (so flows does not replay them).
type createBodies struct {
	flows.V2API
	got []map[string]any
}

func (c *createBodies) CreateAccount(_ context.Context, body map[string]any, _ string) ([]byte, error) {
	c.got = append(c.got, maps.Clone(body))
	return nil, &flows.APIError{Message: "kept", Status: 400}
}

// createBody is the body flows sends to create n through Accounts v2, with
// the include list the adapter adds.
func createBody(t *testing.T, n flows.NewAccount) map[string]any {
	t.Helper()
	rec := &createBodies{}
	n.API = "v2"
	if _, err := flows.New(stripeapi.Adapter{}, flows.WithV2(rec)).Create(context.Background(), n); err == nil || len(rec.got) != 1 {
		t.Fatalf("create: %v, %d bodies", err, len(rec.got))
	}
	body := rec.got[0]
	body["include"] = flows.V2Includes
	return body
}

// strictly decodes body as T, refusing any field T does not have: the
// bodies onboard sends must be ones Stripe's own SDK (stripe-go v84,
// pinned to 2025-12-15.clover) could have sent.
func strictly[T any](t *testing.T, what string, body any) {
	t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var v T
	if err := dec.Decode(&v); err != nil {
		t.Errorf("%s is not a GA body: %v\n%s", what, err, raw)
	}
}

// The v2 create, update and person bodies decode strictly as the GA
// request types of stripe-go v84.
func TestV2BodiesAreGARequests(t *testing.T) {
	for _, bt := range []string{"individual", "company"} {
		create := createBody(t, flows.NewAccount{Country: "US", BusinessType: bt, Email: "ops@example.com",
			Capabilities: []string{"card_payments", "transfers"}, Configurations: []string{"customer"}})
		strictly[stripe84.V2CoreAccountCreateParams](t, bt+" create", create)
	}
	sctx := schema.Context{Lang: schema.English, Country: "US", Currency: "usd",
		Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), IP: "203.0.113.9", UserAgent: "onboard-test"}
	answers := map[string]string{
		"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
		"business_profile.product_description": "Hand-made ceramics sold online", "business_profile.support_phone": "+14155550123",
		"individual.first_name": "Jenny", "individual.last_name": "Rosen", "individual.dob": "1901-01-01",
		"individual.email": "jenny@example.com", "individual.phone": "+14155550123", "individual.ssn_last_4": "0000",
		"individual.id_number": "000000000", "individual.address.line1": "address_full_match",
		"individual.address.city": "San Francisco", "individual.address.state": "CA", "individual.address.postal_code": "94107",
		"tos_acceptance": "true",
		"company.name":   "Rocket Rides", "company.phone": "+14155550123", "company.tax_id": "000000000",
		"company.owners_provided":   "true",
		"representative.first_name": "Jenny", "representative.last_name": "Rosen", "representative.dob": "1901-01-01",
		"representative.relationship.title": "CEO", "representative.relationship.executive": "true",
		"owners.0.first_name": "Ada", "owners.0.relationship.percent_ownership": "60",
	}
	var ps []schema.Param
	for k, v := range answers {
		f := schema.Lookup(k, "US")
		if f.Generic {
			t.Fatalf("%s is not in the catalog", k)
		}
		enc, err := f.Encode(v, sctx)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		ps = append(ps, enc...)
	}
	body := schema.ToV2(ps, "US")
	body.Account["include"] = flows.V2Includes
	strictly[stripe84.V2CoreAccountUpdateParams](t, "account update", body.Account)
	if len(body.Persons) == 0 {
		t.Fatal("no person body")
	}
	for prefix, pb := range body.Persons {
		strictly[stripe84.V2CoreAccountsPersonCreateParams](t, prefix+" person", pb)
		strictly[stripe84.V2CoreAccountsPersonUpdateParams](t, prefix+" person update", pb)
	}
}

// Every document onboard can send on v2 (the company's verification
// document, each business files document, a person's verification
// documents, passport, visa and company authorization) decodes strictly
// as stripe-go v84's GA update and person requests: files documents as
// {type: files, files: [...]}, verification documents as front_back.
func TestV2DocumentBodiesAreGARequests(t *testing.T) {
	sctx := schema.Context{Lang: schema.English, Country: "GB", Currency: "gbp",
		Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), IP: "203.0.113.9", UserAgent: "onboard-test"}
	keys := []string{"company.verification.document", "representative.verification.document",
		"representative.verification.additional_document", "representative.documents.passport.files",
		"representative.documents.visa.files", "representative.documents.company_authorization.files"}
	for _, name := range []string{"bank_account_ownership_verification", "company_license", "company_memorandum_of_association",
		"company_ministerial_decree", "company_registration_verification", "company_tax_id_verification",
		"proof_of_address", "proof_of_registration", "proof_of_ultimate_beneficial_ownership"} {
		keys = append(keys, "documents."+name+".files")
	}
	var ps []schema.Param
	for _, k := range keys {
		f := schema.Lookup(k, "GB")
		if f.Generic {
			t.Fatalf("%s is not in the catalog", k)
		}
		enc, err := f.Encode("file_identity_document_success, file_identity_document_success", sctx)
		if err != nil {
			enc, err = f.Encode("file_identity_document_success", sctx)
		}
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		for i := range enc { // as resolveFiles leaves them: file ids for the account or the person
			enc[i].Target = schema.TargetAccount
			if enc[i].Person != "" {
				enc[i].Target = schema.TargetPerson
			}
		}
		ps = append(ps, enc...)
	}
	body := schema.ToV2(ps, "GB")
	docs, _ := body.Account["identity"].(map[string]any)["business_details"].(map[string]any)["documents"].(map[string]any)
	if len(docs) != 10 {
		t.Errorf("%d business documents in the body, want 10: %v", len(docs), docs)
	}
	strictly[stripe84.V2CoreAccountUpdateParams](t, "account update", body.Account)
	pb := body.Persons["representative"]
	if d, _ := pb["documents"].(map[string]any); len(d) != 5 {
		t.Errorf("person documents %v, want 5", pb["documents"])
	}
	strictly[stripe84.V2CoreAccountsPersonUpdateParams](t, "person update", pb)
	strictly[stripe84.V2CoreAccountsPersonCreateParams](t, "person create", pb)
	// An individual's files documents stay on identity.individual.
	ps = nil
	for _, k := range []string{"individual.documents.passport.files", "individual.documents.visa.files", "individual.verification.document"} {
		f := schema.Lookup(k, "GB")
		if f.Generic {
			t.Fatalf("%s is not in the catalog", k)
		}
		enc, err := f.Encode("file_identity_document_success", sctx)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		for i := range enc {
			enc[i].Target = schema.TargetAccount
		}
		ps = append(ps, enc...)
	}
	ind := schema.ToV2(ps, "GB").Account
	if d, _ := ind["identity"].(map[string]any)["individual"].(map[string]any)["documents"].(map[string]any); len(d) != 3 {
		t.Errorf("individual documents %v, want 3", d)
	}
	strictly[stripe84.V2CoreAccountUpdateParams](t, "individual update", ind)
}
