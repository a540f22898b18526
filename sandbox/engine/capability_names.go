package engine

import (
	"slices"
	"sort"
)

// SpecCapabilities are the 66 capabilities Stripe's OpenAPI spec
// (2026-08-26.dahlia, in the stripe-mock module) accepts in
// capabilities[<name>][requested]; every one can be requested.
var SpecCapabilities = []string{
	"acss_debit_payments", "affirm_payments", "afterpay_clearpay_payments", "alma_payments",
	"amazon_pay_payments", "app_distribution", "au_becs_debit_payments", "bacs_debit_payments",
	"bancontact_payments", "bank_transfer_payments", "billie_payments", "bizum_payments", "blik_payments",
	"boleto_payments", "card_issuing", "card_payments", "cartes_bancaires_payments", "cashapp_payments",
	"crypto_payments", "eps_payments", "fpx_payments", "gb_bank_transfer_payments", "giropay_payments",
	"grabpay_payments", "ideal_payments", "india_international_payments", "jcb_payments",
	"jp_bank_transfer_payments", "kakao_pay_payments", "klarna_payments", "konbini_payments",
	"kr_card_payments", "legacy_payments", "link_payments", "mb_way_payments", "mobilepay_payments",
	"multibanco_payments", "mx_bank_transfer_payments", "naver_pay_payments",
	"nz_bank_account_becs_debit_payments", "oxxo_payments", "p24_payments", "pay_by_bank_payments",
	"payco_payments", "paynow_payments", "payto_payments", "pix_payments", "promptpay_payments",
	"revolut_pay_payments", "samsung_pay_payments", "satispay_payments", "scalapay_payments",
	"sepa_bank_transfer_payments", "sepa_debit_payments", "sofort_payments", "sunbit_payments",
	"swish_payments", "tax_reporting_us_1099_k", "tax_reporting_us_1099_misc", "transfers", "treasury",
	"twint_payments", "upi_payments", "us_bank_account_ach_payments", "us_bank_transfer_payments",
	"zip_payments",
}

// cardPaymentsFollowers are the payment-method capabilities of the
// modelled countries that need the same onboarding information as
// card_payments (Stripe's capabilities guide: most payment methods depend
// on card_payments' requirements), so they share its requirements and
// status. [G] the list is the common methods of US, CA, AU and Europe.
var cardPaymentsFollowers = map[string]bool{
	"acss_debit_payments": true, "affirm_payments": true, "afterpay_clearpay_payments": true,
	"au_becs_debit_payments": true, "bacs_debit_payments": true, "bancontact_payments": true,
	"cartes_bancaires_payments": true, "eps_payments": true, "ideal_payments": true, "klarna_payments": true,
	"link_payments": true, "p24_payments": true, "sepa_debit_payments": true, "us_bank_account_ach_payments": true,
}

// CapabilityModel names the capability whose rules decide c: itself for
// card_payments and transfers, card_payments for its followers, and ""
// for a capability the sandbox does not model (inactive, no requirements).
func CapabilityModel(c string) string {
	switch {
	case c == "card_payments" || c == "transfers":
		return c
	case cardPaymentsFollowers[c]:
		return "card_payments"
	}
	return ""
}

// RequestsModel reports whether a requested capability of a is decided by
// the rules of model.
func RequestsModel(a *Account, model string) bool {
	for c, on := range a.Capabilities {
		if on && CapabilityModel(c) == model {
			return true
		}
	}
	return false
}

// ListedCapabilities are the capabilities GET .../capabilities lists: the
// two modelled ones always, and every other one that was requested.
func ListedCapabilities(a *Account) []string {
	out := []string{"card_payments", "transfers"}
	var more []string
	for c, on := range a.Capabilities {
		if on && !slices.Contains(out, c) {
			more = append(more, c)
		}
	}
	sort.Strings(more)
	return append(out, more...)
}
