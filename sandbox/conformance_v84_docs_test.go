package sandbox

import (
	"bytes"
	"context"
	"errors"
	"testing"

	stripe84 "github.com/stripe/stripe-go/v84"
)

// Conformance for documents: stripe-go v84's own typed requests (not our
// JSON) send a v2 company's files documents and verification document,
// and a person's passport; the sandbox takes them as the v1 documents
// they are and refuses, naming the field, a verification side uploaded
// with v1's additional_verification purpose [G].
func TestConformanceStripeGoV84Documents(t *testing.T) {
	_, sc := v84Client(t)
	ctx := context.Background()
	upload := func(purpose string) string {
		f, err := sc.V1Files.Create(ctx, &stripe84.FileCreateParams{Purpose: stripe84.String(purpose),
			FileReader: bytes.NewReader(pngBytes), Filename: stripe84.String("doc.png")})
		if err != nil {
			t.Fatalf("v84 upload: %v", err)
		}
		return f.ID
	}
	acct, err := sc.V2CoreAccounts.Create(ctx, &stripe84.V2CoreAccountCreateParams{
		ContactEmail: stripe84.String("jenny@example.com"),
		Identity:     &stripe84.V2CoreAccountCreateIdentityParams{Country: stripe84.String("gb"), EntityType: stripe84.String("company")},
		Configuration: &stripe84.V2CoreAccountCreateConfigurationParams{
			Merchant: &stripe84.V2CoreAccountCreateConfigurationMerchantParams{
				Capabilities: &stripe84.V2CoreAccountCreateConfigurationMerchantCapabilitiesParams{
					CardPayments: &stripe84.V2CoreAccountCreateConfigurationMerchantCapabilitiesCardPaymentsParams{Requested: stripe84.Bool(true)}}},
		},
	})
	if err != nil {
		t.Fatalf("v84 create: %v", err)
	}
	files := stripe84.StringSlice([]string{upload("account_requirement"), upload("account_requirement")})
	_, err = sc.V2CoreAccounts.Update(ctx, acct.ID, &stripe84.V2CoreAccountUpdateParams{
		Identity: &stripe84.V2CoreAccountUpdateIdentityParams{BusinessDetails: &stripe84.V2CoreAccountUpdateIdentityBusinessDetailsParams{
			Documents: &stripe84.V2CoreAccountUpdateIdentityBusinessDetailsDocumentsParams{
				PrimaryVerification: &stripe84.V2CoreAccountUpdateIdentityBusinessDetailsDocumentsPrimaryVerificationParams{
					Type: stripe84.String("front_back"),
					FrontBack: &stripe84.V2CoreAccountUpdateIdentityBusinessDetailsDocumentsPrimaryVerificationFrontBackParams{
						Front: stripe84.String(upload("identity_document"))}},
				ProofOfRegistration: &stripe84.V2CoreAccountUpdateIdentityBusinessDetailsDocumentsProofOfRegistrationParams{
					Type: stripe84.String("files"), Files: files},
				CompanyLicense: &stripe84.V2CoreAccountUpdateIdentityBusinessDetailsDocumentsCompanyLicenseParams{
					Type: stripe84.String("files"), Files: files[:1]},
			}}},
	})
	if err != nil {
		t.Fatalf("v84 update with documents: %v", err)
	}
	_, err = sc.V2CoreAccountsPersons.Create(ctx, &stripe84.V2CoreAccountsPersonCreateParams{AccountID: stripe84.String(acct.ID),
		GivenName:    stripe84.String("Jenny"),
		Relationship: &stripe84.V2CoreAccountsPersonCreateRelationshipParams{Representative: stripe84.Bool(true)},
		Documents: &stripe84.V2CoreAccountsPersonCreateDocumentsParams{
			Passport: &stripe84.V2CoreAccountsPersonCreateDocumentsPassportParams{Type: stripe84.String("files"), Files: files[:1]}}})
	if err != nil {
		t.Fatalf("v84 person with a passport: %v", err)
	}
	_, err = sc.V2CoreAccounts.Update(ctx, acct.ID, &stripe84.V2CoreAccountUpdateParams{
		Identity: &stripe84.V2CoreAccountUpdateIdentityParams{BusinessDetails: &stripe84.V2CoreAccountUpdateIdentityBusinessDetailsParams{
			Documents: &stripe84.V2CoreAccountUpdateIdentityBusinessDetailsDocumentsParams{
				PrimaryVerification: &stripe84.V2CoreAccountUpdateIdentityBusinessDetailsDocumentsPrimaryVerificationParams{
					Type: stripe84.String("front_back"),
					FrontBack: &stripe84.V2CoreAccountUpdateIdentityBusinessDetailsDocumentsPrimaryVerificationFrontBackParams{
						Front: stripe84.String(upload("additional_verification"))}}}}},
	})
	var se *stripe84.V2RawError // how v84 reads a v2 error
	if !errors.As(err, &se) || se.Code != "invalid_fields" || se.HTTPStatusCode != 400 {
		t.Errorf("a v1-purpose verification side was taken by v2: %v", err)
	}
}
