package flows

import (
	"strings"

	"onboard/schema"
)

// The account states of Stripe's API-onboarding guide.
const (
	StateRejected          = "rejected"
	StatePendingEnablement = "pending enablement"
	StateComplete          = "complete"
	StateEnabled           = "enabled"
	StateRestricted        = "restricted"
	StatePayoutsDisabled   = "restricted (payouts disabled)"
	StateChargesDisabled   = "restricted (charges disabled)"
	StatePastDue           = "restricted (past due)"
	StatePendingDisabled   = "pending (disabled)"
)

// State summarizes an account as Stripe's API-onboarding guide does. The
// guide's Ruby treats an empty array as present; we follow its intent and
// take "present" to mean non-empty.
func State(a schema.Account) string {
	r := a.Requirements
	switch {
	case strings.Contains(r.DisabledReason, "rejected"):
		return StateRejected
	case a.PayoutsEnabled && a.ChargesEnabled:
		switch {
		case len(r.PendingVerification) > 0:
			return StatePendingEnablement
		case r.DisabledReason == "" && len(r.CurrentlyDue) == 0:
			if len(r.EventuallyDue) == 0 {
				return StateComplete
			}
			return StateEnabled
		default:
			return StateRestricted
		}
	case !a.PayoutsEnabled && a.ChargesEnabled:
		return StatePayoutsDisabled
	case !a.ChargesEnabled && a.PayoutsEnabled:
		return StateChargesDisabled
	case len(r.PastDue) > 0:
		return StatePastDue
	case len(r.PendingVerification) > 0:
		return StatePendingDisabled
	}
	return StateRestricted
}
