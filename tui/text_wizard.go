package tui

import "onboard/schema"

// Strings of the wizard's own components (the step window, the way back,
// the review, leaving), in English and French.
var (
	txtMoreAbove        = schema.T("↑ more above", "↑ suite plus haut")
	txtMoreBelow        = schema.T("↓ more below", "↓ suite plus bas")
	txtResumeLater      = schema.T("Continue later with: onboard resume %s", "Reprendre plus tard avec\u00a0: onboard resume %s")
	txtAgain            = schema.T("%s again", "%s, à nouveau") // the number's label: "IBAN, à nouveau"
	txtAgainHelp        = schema.T("Typed twice so a slip cannot send money elsewhere.", "Saisi deux fois pour qu'une faute de frappe n'envoie pas l'argent ailleurs.")
	txtAgainMismatch    = schema.T("The two account numbers differ: type the same number twice.", "Les deux numéros de compte diffèrent\u00a0: saisissez deux fois le même numéro.")
	txtTestValueKey     = schema.T("test value", "valeur de test")
	txtLeaveTitle       = schema.T("Leave %s?", "Quitter «\u00a0%s\u00a0»\u00a0?")
	txtLeaveKept        = schema.T("What you typed stays here until you quit onboard.", "Ce que vous avez saisi reste ici jusqu'à ce que vous quittiez onboard.")
	txtLeaveNothingSent = schema.T("Nothing was sent to %s yet.", "Rien n'a encore été envoyé à %s.")
	txtLeaveStay        = schema.T("Stay on this step", "Rester sur cette étape")
	txtLeaveGo          = schema.T("Leave (the account stays as it is)", "Quitter (le compte reste tel quel)")
	txtLeaveDelete      = schema.T("Delete %s (test mode)", "Supprimer %s (mode test)")
	txtDeleting         = schema.T("Deleting the account…", "Suppression du compte…")
	txtRolesHelp        = schema.T("Every role this person holds: x or space to tick, enter when done.", "Chaque rôle de cette personne\u00a0: x ou espace pour cocher, entrée pour valider.")
	txtRolesNone        = schema.T("Tick at least one role.", "Cochez au moins un rôle.")
	txtRolesOf          = schema.T("Roles of %s", "Rôles de %s")
	txtActionRoles      = schema.T("Change their roles", "Modifier ses rôles")
	txtAlsoTitle        = schema.T("Also holds these roles", "Occupe aussi ces rôles")
	txtAlsoHelp         = schema.T("x or space to tick; the same person is then not asked again.", "x ou espace pour cocher\u00a0; la même personne n'est alors pas redemandée.")
	txtRevisitHeading   = schema.T("Sent step %d of %d · change a value to send it again, enter goes on", "Étape envoyée %d sur %d · modifiez une valeur pour la renvoyer, entrée continue")
	txtStepsTitle       = schema.T("Steps", "Étapes")
	txtStepsHelp        = schema.T("✓ what the account holds (open one to correct it), then what comes.", "✓ ce que le compte détient (ouvrez-en un pour le corriger), puis ce qui vient.")
	txtPrevStepKey      = schema.T("previous step", "étape précédente")
	txtStepsKey         = schema.T("steps", "étapes")
	txtSentAgain        = schema.T("Sent again: %s ✓", "Renvoyé\u00a0: %s ✓")
	txtReviewTitle      = schema.T("Answers sent", "Réponses envoyées")
	txtReviewHelp       = schema.T("ctrl+l: open a step to change an answer", "ctrl+l\u00a0: ouvrir une étape pour changer une réponse")
	txtAddedPerson      = schema.T("Stripe added %s: their details, asked once a person exists.", "Stripe a ajouté %s\u00a0: ses informations, demandées une fois la personne créée.")
	txtAddedStep        = schema.T("Stripe added a step after this answer, %s: %s.", "Stripe a ajouté une étape après cette réponse, %s\u00a0: %s.")
	txtStepHere         = schema.T("on screen", "à l'écran")
	txtDroppedSteps     = schema.T("No longer asked: %s.", "Plus demandé\u00a0: %s.")
	txtFewerHelp        = schema.T("fewer keys", "moins de touches")
)
