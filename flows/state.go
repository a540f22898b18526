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
	// StateNew is not one of the guide's states: it is what the account
	// list says of a new account on which nothing was sent (ListState).
	StateNew = "new"
	// StateFailedVerification is a filter, not a state: the accounts
	// whose verification failed, whatever their state (MatchState).
	StateFailedVerification = "failed verification"
)

var stateTexts = map[string]schema.Text{
	StateRejected:           schema.T("rejected"),
	StatePendingEnablement:  schema.T("pending enablement"),
	StateComplete:           schema.T("complete"),
	StateEnabled:            schema.T("enabled"),
	StateRestricted:         schema.T("restricted"),
	StatePayoutsDisabled:    schema.T("restricted (payouts disabled)"),
	StateChargesDisabled:    schema.T("restricted (charges disabled)"),
	StatePastDue:            schema.T("restricted (past due)"),
	StatePendingDisabled:    schema.T("pending (disabled)"),
	StateNew:                txtNotStarted,
	StateFailedVerification: schema.T("failed verification"),
}

// StateLabel is a state in the operator's language; JSON output keeps the
// English names of the guide.
func StateLabel(state string, lang schema.Lang) string {
	if t, ok := stateTexts[state]; ok {
		return t.In(lang)
	}
	return state
}

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

// ListState is an account's state in the account list (accounts --state,
// its JSON, the triage table and cache): State, except that a new account
// on which nothing was sent is StateNew. Stripe lists every field of such
// an account as past due, with no deadline, but none was missed: the list
// reads it as new, --state past_due leaves it out and urgency ranks it
// with the accounts that have fields due now. status --json keeps the
// guide's state (the command-line contract).
func ListState(a schema.Account) string {
	if NothingProvided(a) {
		return StateNew
	}
	return State(a)
}
