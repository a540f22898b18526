package sandbox

import (
	"fmt"
	"net/http"
	"onboard/sandbox/engine"
	"time"
)

// This file keeps in one place the modelling choices made for behaviours
// that Stripe's docs, OpenAPI spec and SDKs do not settle. Each one is a
// guess [G]: change it freely when Stripe's real answer is known.
//
// Three guesses are tables that live with their data, named here so this
// file stays the index: cardPaymentsFollowers (engine/capability_names.go, which
// payment methods share card_payments' requirements), the later rows and
// thresholds of the country tables (package rules, marked [G] there), and
// the ToS acceptance an account token carries, recorded at the token's
// creation time and client address (mergeToken).
//
// The countries beyond the first eight (rules/rules_world.go) are guesses
// in three ways, marked [G] there: which of them ask for directors,
// executives and the id number up front (modelled on FR/DE for the EEA and
// AU for Asia-Pacific, not read country by country), their postal code
// shapes and bank number lengths (the countries' own rules), and
// Gibraltar's UK-style bank details. Japanese kana and kanji names and
// addresses meet their requirements but are not rendered back on the
// account (params_japan.go).
//
// The requirements engine's guesses (package engine) are marked [G] there:
// the grace before a currently due requirement is past due (DefaultGrace),
// the thresholds' amounts in any currency (engine/time.go), the order of
// disabled reasons and the url/product_description pairing
// (engine/requirements.go); its constants (the payout failure code, the reason of
// an unmodelled capability) are in engine/guesses.go.
//
// The guesses of the Accounts v2 façade (the first GA version and how a
// Stripe-Version is read, v2 error codes, the recipient-only service
// agreement, a person's "updated" time, the upload purpose a v2
// verification document's sides must have, the country of an account
// created without one) are in accountsv2/guesses.go, with the package that
// uses them; its tokens' lifetime and id prefixes are marked [G] in
// accountsv2/tokens.go.

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

// stripeControllerDefaults are the controller properties of an account
// created with neither type nor a full controller hash: Stripe documents
// that unspecified properties take the value with the lowest onboarding
// complexity (Stripe collects requirements, full Dashboard, the account
// pays fees, Stripe bears losses). [G] When only requirement_collection=
// application is given, the dashboard defaults to none, the one value
// Stripe allows with it.
var stripeControllerDefaults = engine.Controller{
	RequirementCollection: "stripe", FeesPayer: "account", LossesPayments: "stripe", DashboardType: "full",
}

// errNoCapabilities refuses a custom (no-dashboard) account created
// without capabilities; the spec says capabilities are required then.
// [G] the message wording and the parameter_missing code.
func errNoCapabilities() *apiError {
	e := errMissingParam("capabilities")
	e.Message = "Missing required param: capabilities. Accounts without access to a Stripe-hosted dashboard (custom accounts) must request at least one capability."
	return e
}

// platformAccount is what GET /v1/account answers without Stripe-Account:
// the platform's own account, which the sandbox does not otherwise model.
// [G] a fixed, fully enabled US standard account.
func platformAccount(now time.Time) map[string]any {
	return map[string]any{
		"id": "acct_sandboxplatform", "object": "account", "type": "standard", "country": "US",
		"default_currency": "usd", "charges_enabled": true, "payouts_enabled": true, "details_submitted": true,
		"email": nil, "business_type": nil, "created": now.Add(-365 * 24 * time.Hour).Unix(), "metadata": map[string]string{},
	}
}

// errDeleteIndividual answers DELETE of the person that is an individual
// account's individual. [G] Stripe's exact answer is not documented; the
// sandbox refuses it as a bad request rather than pretending it is missing.
func errDeleteIndividual(id string) *apiError {
	return invalid("", "person", "The person %s is this account's individual and cannot be deleted; update the account's individual instead.", id)
}

// Limits on request parameters, checked before the parameter tree is
// built. Stripe documents the metadata ones (50 keys, 40-character keys,
// 500-character values); the nesting depth, parameter count and name
// length are [G]: generous for any real request, small enough that a
// hostile one costs nothing.
const (
	maxMetadataKeys        = 50
	maxMetadataKeyLength   = 40
	maxMetadataValueLength = 500
	maxParamDepth          = 20
	maxParams              = 2000
	maxKeyLength           = 500
)

// Characters in free text (business_profile[name], company[name], a
// person's or individual's names and title, email). [G] The sandbox
// stores them as sent, control characters (ESC, BEL, NUL) and bidi
// overrides included: Stripe's OpenAPI spec gives these parameters a type
// and a maxLength (100 for company[name] and individual names, 5000 for
// business_profile[name] and a person's names) but no pattern, and its
// docs say nothing of the characters it refuses. A client must draw
// whatever an account holds safely either way, and tests rely on the
// sandbox handing such text back.

// notModelledHeader names, in a response, the documented parameters the
// request sent that had no effect in the sandbox, for the one reason
// there is: Stripe's spec documents them for the endpoint, so they are
// accepted after their type, enum and length are checked (params/documented.go),
// and what Stripe returns on the account or person is stored and rendered
// (a write-only secret only as its *_provided flag); the rest (card,
// payout, tax, treasury and other settings' effects, filters such as
// delivery_success) changes no requirement, status or list, and is listed
// here. [G] Stripe's own effects of these parameters are not simulated.
const notModelledHeader = "Sandbox-Not-Modelled"

// errStripeCollected refuses a parameter the platform may not send for an
// account whose requirements Stripe collects (the spec's descriptions of
// tos_acceptance, business_type, company, individual and
// external_account). [G] Stripe's status, wording and the absence of a
// code are not in the spec; the sandbox answers a 400 naming the
// parameter.
func errStripeCollected(param string, afterLink bool) *apiError {
	if afterLink {
		return invalid("", param, "Once you create an Account Link or Account Session, %s can only be updated for accounts where controller.requirement_collection is application. "+
			"Stripe collects this account's requirements: send the account holder an account link instead.", param)
	}
	return invalid("", param, "%s can only be updated for accounts where controller.requirement_collection is application. "+
		"Stripe collects this account's requirements, and its terms of service acceptance, through its own onboarding.", param)
}
