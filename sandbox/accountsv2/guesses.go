package accountsv2

import (
	"strings"
	"time"
)

// This file keeps in one place the modelling choices of the Accounts v2
// façade for behaviours that Stripe's docs, OpenAPI spec and SDKs do not
// settle (the sandbox's guesses.go is the index of all of them). Each one
// is a guess [G]: change it freely when Stripe's real answer is known.
// One more lives with its table: the requirement paths description
// (mapping.go) does not translate, role placeholders, keep their v1 names
// in v2 entries.

// firstGA is the first GA API version whose Accounts v2 the sandbox
// serves in GA shape; the client speaks it. [G] Earlier dated non-preview
// versions are refused with invalid_version.
const firstGA = "2025-12-15"

// versionShape reads a Stripe-Version header for Accounts v2: any
// YYYY-MM-DD.name from firstGA on is GA; a .preview version keeps the
// preview shape [G: the preview is kept because it is cheap, not because
// the sandbox knows every preview's differences].
func versionShape(h string) (ga, ok bool) {
	date, name, found := strings.Cut(h, ".")
	if !found || name == "" || strings.ContainsAny(name, ". ") {
		return false, false
	}
	if _, err := time.Parse("2006-01-02", date); err != nil {
		return false, false
	}
	if name == "preview" {
		return false, true
	}
	return date >= firstGA, date >= firstGA
}

// v2 error codes the sandbox uses where the docs name none. [G]
const (
	codeInvalidFields = "invalid_fields"
	codeClosed        = "account_closed"
)

// recipientOnlyAgreement: an Accounts v2 account with the recipient
// configuration and no merchant one is served under v1's recipient
// service agreement, so it is not asked configuration.merchant.mcc. [G]
const recipientOnlyAgreement = "recipient"

// personUpdatedIsCreated: v2 persons carry "updated"; the sandbox keeps no
// update time per person and answers the creation time (renderPerson). [G]

// identityPurpose is the Files API purpose the sides of a v2 front_back
// document (a business's or a person's primary_verification, a person's
// secondary_verification) must have been uploaded with. stripe-go v84's
// FrontBack types say "The purpose of the uploaded file should be
// 'identity_document'"; "should" does not say Stripe refuses another
// purpose. The sandbox refuses an uploaded file with another purpose
// (invalid_fields, naming the field) so a client that keeps v1's
// additional_verification for a company document is caught [G].
const identityPurpose = "identity_document"

// defaultCountry is the country of a v2 account created without
// identity.country: Stripe gives it the platform's, and the sandbox's
// platform is a US one (GET /v1/account). [G]
const defaultCountry = "US"
