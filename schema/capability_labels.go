package schema

import (
	"sort"
	"strings"
)

// capabilityLabels name capabilities in words, for screens; the API name
// (card_payments) is shown beside them, dimmed, for those who need it.
// v1 and v2 names share the table (v2 nests them: stripe_balance.payouts).
var capabilityLabels = map[string]Text{
	"card_payments":                   T("Card payments"),
	"transfers":                       T("Transfers"),
	"stripe_balance.payouts":          T("Payouts"),
	"stripe_balance.stripe_transfers": T("Stripe transfers"),
	"bank_accounts.local":             T("Local bank accounts"),
	"bank_accounts.wire":              T("Wire bank accounts"),
	"cards":                           T("Cards"),
	"us_bank_account_ach_payments":    T("ACH debits"),
	"sepa_debit_payments":             T("SEPA debits"),
	"bacs_debit_payments":             T("Bacs debits"),
	"legacy_payments":                 T("Legacy payments"),
	"tax_reporting_us_1099_k":         T("1099-K reporting"),
}

// CapabilityLabel names a capability in words. An unknown capability
// (Stripe adds them over time) is named by its API name in both languages.
func CapabilityLabel(name string) Text {
	if t, ok := capabilityLabels[name]; ok {
		return t
	}
	return Verbatim(name)
}

// capabilityStatuses name a capability's status (v1: active, pending,
// inactive, unrequested; v2 adds restricted and unsupported). French
// agrees with "fonctionnalité" (feminine).
var capabilityStatuses = map[string]Text{
	"active":      T("active"),
	"pending":     T("pending"),
	"inactive":    T("inactive"),
	"unrequested": T("not requested"),
	"restricted":  TC("capability", "restricted"),
	"unsupported": T("unsupported"),
}

// CapabilityStatus names a capability status in lang; an unknown one is
// shown as Stripe wrote it, with underscores as spaces.
func CapabilityStatus(status string, lang Lang) string {
	if t, ok := capabilityStatuses[status]; ok {
		return t.In(lang)
	}
	return strings.ReplaceAll(status, "_", " ")
}

// KnownCapabilities lists the capabilities named in words, sorted.
func KnownCapabilities() []string {
	out := make([]string, 0, len(capabilityLabels))
	for k := range capabilityLabels {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
