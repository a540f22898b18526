package schema

import (
	"sort"
	"strings"
)

// capabilityLabels name capabilities in words, for screens; the API name
// (card_payments) is shown beside them, dimmed, for those who need it.
// v1 and v2 names share the table (v2 nests them: stripe_balance.payouts).
var capabilityLabels = map[string]Text{
	"card_payments":                   T("Card payments", "Paiements par carte"),
	"transfers":                       T("Transfers", "Transferts"),
	"stripe_balance.payouts":          T("Payouts", "Virements"),
	"stripe_balance.stripe_transfers": T("Stripe transfers", "Transferts Stripe"),
	"bank_accounts.local":             T("Local bank accounts", "Comptes bancaires locaux"),
	"bank_accounts.wire":              T("Wire bank accounts", "Comptes pour virements télégraphiques"),
	"cards":                           T("Cards", "Cartes"),
	"us_bank_account_ach_payments":    T("ACH debits", "Prélèvements ACH"),
	"sepa_debit_payments":             T("SEPA debits", "Prélèvements SEPA"),
	"bacs_debit_payments":             T("Bacs debits", "Prélèvements Bacs"),
	"legacy_payments":                 T("Legacy payments", "Paiements hérités"),
	"tax_reporting_us_1099_k":         T("1099-K reporting", "Déclaration 1099-K"),
}

// CapabilityLabel names a capability in words. An unknown capability
// (Stripe adds them over time) is named by its API name in both languages.
func CapabilityLabel(name string) Text {
	if t, ok := capabilityLabels[name]; ok {
		return t
	}
	return T(name, name)
}

// capabilityStatuses name a capability's status (v1: active, pending,
// inactive, unrequested; v2 adds restricted and unsupported). French
// agrees with "fonctionnalité" (feminine).
var capabilityStatuses = map[string]Text{
	"active":      T("active", "active"),
	"pending":     T("pending", "en attente"),
	"inactive":    T("inactive", "inactive"),
	"unrequested": T("not requested", "non demandée"),
	"restricted":  T("restricted", "restreinte"),
	"unsupported": T("unsupported", "non prise en charge"),
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
