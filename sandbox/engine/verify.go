package engine

import (
	"net/url"
	"strings"
)

// Stripe's test-mode values
// (https://docs.stripe.com/connect/testing) decide the
// verification outcome at submit time; only the outcome is stored.

var (
	dobAsyncSuccess     = Date{Day: 1, Month: 1, Year: 1901}
	dobImmediateSuccess = Date{Day: 1, Month: 1, Year: 1902}
	dobOFACAlert        = Date{Day: 1, Month: 1, Year: 1900}
)

// inactivityHost is the business URL test host that pauses the account
// for inactivity (https://docs.stripe.com/connect/testing).
const inactivityHost = "inactivity.stripe.com"

// MagicDOB reports whether d is one of Stripe's test dates, which are
// exempt from the age plausibility check (they are over 120 years ago).
func MagicDOB(d Date) bool {
	return d == dobAsyncSuccess || d == dobImmediateSuccess || d == dobOFACAlert
}

// DOBOutcome: 1901-01-01 verifies after the delay, 1902-01-01 at once, any
// other date fails keyed-identity verification. 1900-01-01 (an OFAC alert
// on Stripe) is treated as a success until watch-list holds are modelled.
func DOBOutcome(d Date) Outcome {
	switch d {
	case dobImmediateSuccess:
		return Outcome{Immediate: true}
	case dobAsyncSuccess:
		return Outcome{}
	case dobOFACAlert:
		// Verifies, but the watch-list alert asks for a document and holds
		// payouts until it is given [G].
		return Outcome{Hold: true}
	}
	return Outcome{Code: "verification_failed_keyed_identity"}
}

// AddressOutcome looks at line1 only; any ordinary street address is
// accepted, so the magic failure tokens are the only way to fail.
func AddressOutcome(line1 string) Outcome {
	switch strings.TrimSpace(line1) {
	case "address_no_match", "address_line1_no_match":
		return Outcome{Code: "verification_failed_address_match"}
	}
	return Outcome{}
}

// IDNumberOutcome: 000000000 verifies, 222222222 verifies at once, every
// other number (111111111 included) fails to match the identity.
func IDNumberOutcome(n string) Outcome {
	switch n {
	case "000000000":
		return Outcome{}
	case "222222222":
		return Outcome{Immediate: true}
	}
	return Outcome{Code: "verification_failed_id_number_match"}
}

// SSNLast4Outcome: 0000 (the last four of 000000000) verifies, 2222 at
// once; anything else fails to match.
func SSNLast4Outcome(last4 string) Outcome {
	switch last4 {
	case "0000":
		return Outcome{}
	case "2222":
		return Outcome{Immediate: true}
	}
	return Outcome{Code: "verification_failed_id_number_match"}
}

// urlOutcomes maps Stripe's magic test hosts to requirement error codes.
// Hosts not listed (any ordinary site) verify successfully.
var urlOutcomes = map[string]string{
	"disallowed.stripe.com":            "invalid_url_denylisted",
	"geoblocked.stripe.com":            "invalid_url_website_inaccessible_geoblocked",
	"problem.stripe.com":               "invalid_url_website_other",
	"missing.stripe.com":               "invalid_url_website_incomplete",
	"mismatch.stripe.com":              "invalid_url_website_business_information_mismatch",
	"passwordprotected.stripe.com":     "invalid_url_website_inaccessible_password_protected",
	"underconstruction.stripe.com":     "invalid_url_website_incomplete_under_construction",
	"inaccessible.stripe.com":          "invalid_url_website_inaccessible",
	"accessible.stripe.com":            "",
	"www.accessible.stripe.com":        "",
	"www.disallowed.stripe.com":        "invalid_url_denylisted",
	"www.inaccessible.stripe.com":      "invalid_url_website_inaccessible",
	"www.underconstruction.stripe.com": "invalid_url_website_incomplete_under_construction",
}

func URLOutcome(raw string) Outcome {
	u, err := url.Parse(WithScheme(raw))
	if err != nil {
		return Outcome{Code: "invalid_url_format"}
	}
	return Outcome{Code: urlOutcomes[strings.ToLower(u.Hostname())]}
}

// ProfileNameOutcomes are the business_profile[name] test values.
var ProfileNameOutcomes = map[string]string{
	"disallowed_dba": "invalid_business_profile_name_denylisted",
	"invalid_dba":    "invalid_business_profile_name",
}

// errorReasons is the human text that goes with each code in
// requirements.errors[].reason.
var errorReasons = map[string]string{
	"invalid_product_description_length":                  "The product description must be at least 10 characters long.",
	"invalid_product_description_url_match":               "The product description must not be the same as the business URL.",
	PayoutFailedCode:                                      "A payout to this bank account failed. Please provide another bank account.",
	"verification_failed_keyed_identity":                  "The identity information you entered cannot be verified. Please correct any errors or upload a document that matches the identity fields (e.g., name and date of birth) that you entered.",
	"verification_failed_address_match":                   "The address you entered could not be matched to the person. Please correct the address or provide a proof of address.",
	"verification_failed_id_number_match":                 "The ID number you entered does not match the name and date of birth you provided.",
	"invalid_url_format":                                  "The URL is not in a valid format.",
	"invalid_url_denylisted":                              "This URL is not allowed. Please provide the URL of your own business website.",
	"invalid_url_website_inaccessible_geoblocked":         "The website could not be reached from our location. Please make it accessible or provide another URL.",
	"invalid_url_website_other":                           "We could not verify the website. Please provide another URL or a product description.",
	"invalid_url_website_incomplete":                      "The website is missing information we need. Please complete it or provide another URL.",
	"invalid_url_website_business_information_mismatch":   "The website does not match the business information you provided.",
	"invalid_url_website_inaccessible_password_protected": "The website is password protected. Please remove the password or provide another URL.",
	"invalid_url_website_incomplete_under_construction":   "The website is under construction. Please finish it or provide another URL.",
	"invalid_url_website_inaccessible":                    "The website could not be reached. Please check the URL.",
	"bank_account_verification_failed":                    "The bank account could not be verified.",
}

// ReasonFor returns the reason text for a code, with a generic fallback.
func ReasonFor(code string) string {
	if r, ok := errorReasons[code]; ok {
		return r
	}
	return "The information provided could not be verified."
}

// WithScheme lets "example.com" be checked like "https://example.com";
// Stripe accepts business URLs without a scheme.
func WithScheme(raw string) string {
	if strings.Contains(raw, "://") {
		return raw
	}
	return "https://" + raw
}
