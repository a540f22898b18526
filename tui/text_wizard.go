package tui

import "onboard/schema"

// Strings of the wizard's own components (the step window, the way back,
// the review, leaving), in English and French.
var (
	txtMoreAbove        = schema.T("↑ more above")
	txtMoreBelow        = schema.T("↓ more below")
	txtResumeLater      = schema.T("Continue later with: onboard resume %s")
	txtAgain            = schema.T("%s again") // the number's label: "IBAN, à nouveau"
	txtAgainHelp        = schema.T("Typed twice so a slip cannot send money elsewhere.")
	txtAgainMismatch    = schema.T("The two account numbers differ: type the same number twice.")
	txtTestValueKey     = schema.T("test value")
	txtLeaveTitle       = schema.T("Leave %s?")
	txtLeaveKept        = schema.T("What you typed stays here until you quit onboard.")
	txtLeaveNothingSent = schema.T("Nothing was sent to %s yet.")
	txtLeaveStay        = schema.T("Stay on this step")
	txtLeaveGo          = schema.T("Leave (the account stays as it is)")
	txtLeaveDelete      = schema.T("Delete %s (test mode)")
	txtDeleting         = schema.T("Deleting the account…")
	txtRolesHelp        = schema.T("Every role this person holds: x or space to tick, enter when done.")
	txtRolesNone        = schema.T("Tick at least one role.")
	txtRolesOf          = schema.T("Roles of %s")
	txtActionRoles      = schema.T("Change their roles")
	txtAlsoTitle        = schema.T("Also holds these roles")
	txtAlsoHelp         = schema.T("x or space to tick; the same person is then not asked again.")
	txtRevisitHeading   = schema.T("Sent step %d of %d · change a value to send it again, enter goes on")
	txtStepsTitle       = schema.T("Steps")
	txtStepsHelp        = schema.T("✓ what the account holds (open one to correct it), then what comes.")
	txtPrevStepKey      = schema.T("previous step")
	txtStepsKey         = schema.T("steps")
	txtSentAgain        = schema.T("Sent again: %s ✓")
	txtReviewTitle      = schema.T("Answers sent")
	txtReviewHelp       = schema.T("ctrl+l: open a step to change an answer")
	txtAddedPerson      = schema.T("Stripe added %s: their details, asked once a person exists.")
	txtAddedStep        = schema.T("Stripe added a step after this answer, %s: %s.")
	txtStepHere         = schema.T("on screen")
	txtDroppedSteps     = schema.T("No longer asked: %s.")
	txtFewerHelp        = schema.T("fewer keys")
)
