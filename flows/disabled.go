package flows

import (
	"strings"

	"onboard/schema"
)

// disabledTexts explain requirements.disabled_reason
// (https://docs.stripe.com/api/accounts/object#account_object-requirements-disabled_reason)
// and what the operator can do about it.
var disabledTexts = map[string]schema.Text{
	"requirements.past_due":                  schema.T("Stripe needs the past-due fields before it enables charges or payouts: collect them first.", "Stripe attend les champs en retard pour activer les paiements ou les virements : collectez-les d'abord."),
	"requirements.pending_verification":      schema.T("Stripe is still verifying what was sent; wait for it.", "Stripe vérifie encore ce qui a été envoyé ; patientez."),
	"action_required.requested_capabilities": schema.T("No capability is requested yet: request one.", "Aucune fonctionnalité n'est encore demandée : demandez-en une."),
	"under_review":                           schema.T("Stripe is reviewing the account; wait or contact Stripe.", "Stripe examine le compte ; patientez ou contactez Stripe."),
	"listed":                                 schema.T("Possible match on a sanctions list; Stripe is investigating.", "Correspondance possible avec une liste de sanctions ; Stripe enquête."),
	"platform_paused":                        schema.T("The platform paused the account.", "La plateforme a suspendu le compte."),
	"other":                                  schema.T("Disabled for another reason; contact Stripe.", "Désactivé pour une autre raison ; contactez Stripe."),
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
		return schema.T("Rejected ("+reason+"): final, forms cannot fix it.", "Rejeté ("+reason+") : définitif, aucun formulaire ne peut le corriger.").In(lang)
	}
	return reason
}
