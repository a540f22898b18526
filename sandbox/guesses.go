package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// This file keeps in one place the modelling choices made for behaviours
// that Stripe's docs, OpenAPI spec and SDKs do not settle. Each one is a
// guess [G]: change it freely when Stripe's real answer is known.

// errAccountInvalid answers a Stripe-Account header naming an account the
// platform does not have. [G] Stripe's message wording and 403 status are
// remembered from its API, not confirmed by the spec.
func errAccountInvalid(id string) *apiError {
	return &apiError{
		Status: http.StatusForbidden,
		Type:   errTypeInvalidRequest,
		Code:   "account_invalid",
		Message: fmt.Sprintf("The provided key does not have access to account '%s' (or that account does not exist). "+
			"Application access may have been revoked.", id),
	}
}

// v2FirstGA is the first GA API version whose Accounts v2 the sandbox
// serves in GA shape; the client speaks it. [G] Earlier dated non-preview
// versions are refused with invalid_version.
const v2FirstGA = "2025-12-15"

// v2VersionShape reads a Stripe-Version header for Accounts v2: any
// YYYY-MM-DD.name from v2FirstGA on is GA; a .preview version keeps the
// preview shape [G: the preview is kept because it is cheap, not because
// the sandbox knows every preview's differences].
func v2VersionShape(h string) (ga, ok bool) {
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
	return date >= v2FirstGA, date >= v2FirstGA
}

// v2 error codes the sandbox uses where the docs name none. [G]
const (
	v2CodeInvalidField = "invalid_fields"
	v2CodeClosed       = "account_closed"
)

// recipientOnlyAgreement: an Accounts v2 account with the recipient
// configuration and no merchant one is served under v1's recipient
// service agreement, so it is not asked configuration.merchant.mcc. [G]
const recipientOnlyAgreement = "recipient"

// personUpdatedIsCreated: v2 persons carry "updated"; the sandbox keeps no
// update time per person and answers the creation time (renderV2Person). [G]

// errWrongHost answers a request sent to the wrong host: an upload to the
// API host, or any other endpoint on the files host. [G] Stripe's docs
// only say uploads go to files.stripe.com; the sandbox answers as for an
// unknown URL.
func errWrongHost(method, path string) *apiError {
	return errUnrecognizedURL(method, path)
}

// Settings the sandbox does not let anyone change, answered with Stripe's
// usual defaults for a new custom account. [G] The values are plausible
// defaults, not read from Stripe.
const (
	defaultTimezone              = "Etc/UTC"
	defaultDebitNegativeBalances = true
	defaultPayoutInterval        = "daily"
)

// payoutDelayDays is the standard payout delay of a country's accounts
// (Stripe's docs: 2 business days in the US, longer in some countries).
// [G] only the US, AU and CA values are from the docs' payout-speed table
// as remembered; the rest use the common 7 days of new European accounts.
func payoutDelayDays(country string) int {
	switch country {
	case "US", "AU", "CA":
		return 2
	case "GB":
		return 3
	}
	return 7
}

// payoutFailedCode is the requirements error a failed payout leaves on
// external_account. [G] Stripe's spec has no bank-specific code in the
// requirements error enum; the payout's own failure_code (no_account …)
// is in the error's reason.
const payoutFailedCode = "invalid_value_other"
