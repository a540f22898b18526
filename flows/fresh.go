package flows

import (
	"context"
	"fmt"

	"onboard/schema"
)

// NothingProvided reports a new account on which nothing was sent yet:
// Stripe lists everything as past due with no deadline and the reason
// requirements.past_due, which reads as if a deadline was missed.
//
// Both APIs: a v2 account's requirements are read from its entries
// (minimum_deadline.status past_due is v1's past_due, awaiting_action_from
// stripe its pending_verification, summary.minimum_deadline.time its
// current_deadline), and its values from identity, the profile and the
// configurations (NormalizeV2). What tells an older account that really
// is past due from a new one is the same for both: a deadline that was
// set, something known or provided, an error, something Stripe is
// verifying; and, in v2's own terms, an entry Stripe asks for another
// reason than routine onboarding (verifying again, future requirements).
func NothingProvided(a schema.Account) bool {
	r := a.Requirements
	if a.DetailsSubmitted || !r.CurrentDeadline.IsZero() || len(r.PendingVerification) > 0 ||
		len(r.Errors) > 0 || len(r.CurrentlyDue)+len(r.PastDue) == 0 {
		return false
	}
	if !DialectOf(a).routine(a) {
		return false
	}
	for k := range a.Known {
		if k != "business_type" { // given when the account was created
			return false
		}
	}
	for _, given := range a.Provided {
		if given {
			return false
		}
	}
	return true
}

// onlyOnboarding reports whether every v2 entry is asked for the
// account's first onboarding (requested_reasons routine_onboarding, or
// none given). Entries awaiting Stripe are pending_verification already.
func onlyOnboarding(entries []schema.Entry) bool {
	for _, e := range entries {
		for _, why := range e.Reasons {
			if why != "routine_onboarding" {
				return false
			}
		}
	}
	return true
}

// Explain says in words where the account stands: for a new account how
// much is to give, otherwise why it is disabled ("" when it is not).
func Explain(a schema.Account, lang schema.Lang) string {
	if a.StripeCollects {
		return txtStripeCollects.In(lang)
	}
	if NothingProvided(a) {
		due := map[string]bool{}
		for _, p := range append(append([]string{}, a.Requirements.PastDue...), a.Requirements.CurrentlyDue...) {
			due[p] = true
		}
		return fmt.Sprintf(txtNothingYet.In(lang), len(due))
	}
	return ExplainDisabled(a.Requirements.DisabledReason, lang)
}

var (
	// txtStripeCollects explains an Express or Standard account.
	txtStripeCollects = schema.T("Stripe collects this account's information from its holder (Express or Standard account): onboard resume creates an account onboarding link to send them.")
	txtNothingYet     = schema.T("Nothing provided yet: %d fields to enable payments.")
	// txtNotStarted names StateNew: a new account, in the panel and the list.
	txtNotStarted = schema.T("new, nothing sent")
)

// StateText is the state as the operator reads it: a new account is
// "new, nothing sent" rather than "restricted (past due)".
func StateText(a schema.Account, lang schema.Lang) string {
	return StateLabel(ListState(a), lang)
}

// DeleteAccount deletes an account: the TUI offers it for an account it
// created by mistake, before anything was sent (never in live mode).
func (c *Client) DeleteAccount(ctx context.Context, id string) error {
	return FromStripe(c.api.DeleteAccount(ctx, id), "")
}
