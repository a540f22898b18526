package flows

import (
	"strings"

	"onboard/schema"
)

// disabledTexts explain requirements.disabled_reason
// (https://docs.stripe.com/api/accounts/object#account_object-requirements-disabled_reason)
// and what the operator can do about it.
var disabledTexts = map[string]schema.Text{
	"requirements.past_due":                  schema.T("Stripe needs the past-due fields before it enables charges or payouts: collect them first."),
	"requirements.pending_verification":      schema.T("Stripe is still verifying what was sent; wait for it."),
	"action_required.requested_capabilities": schema.T("No capability is requested yet: request one."),
	"under_review":                           schema.T("Stripe is reviewing the account; wait or contact Stripe."),
	"listed":                                 schema.T("Possible match on a sanctions list; Stripe is investigating."),
	"platform_paused":                        schema.T("The platform paused the account."),
	"other":                                  schema.T("Disabled for another reason; contact Stripe."),
}

// ExplainDisabled says in words why an account is disabled and what to
// do; rejections are final whatever their kind.
func ExplainDisabled(reason string, lang schema.Lang) string {
	if reason == "" {
		return ""
	}
	if t, ok := disabledTexts[reason]; ok {
		return t.In(lang)
	}
	if strings.HasPrefix(reason, "rejected") {
		return schema.Tf("Rejected (%s): final, forms cannot fix it.", reason).In(lang)
	}
	return reason
}
