package tui

// Strings of the narrow layouts, the header and French-only forms (kept
// apart from text.go so the screens' own strings stay in one list there).
var (
	txtPastDueCount    = t("%d past due", "%d en retard")
	txtDueNowCount     = t("%d due now", "%d dus maintenant")
	txtDeadlineShort   = t("deadline %s", "échéance %s")
	txtEnglish         = t("English", "Anglais")
	txtFrench          = t("French", "Français")
	txtPendingOne      = t("Stripe is verifying %d field; this view refreshes by itself.", "Stripe vérifie %d champ ; cet écran s'actualise seul.")
	txtWaitsForOne     = t("%s waits for %d field: %s", "%s attend %d champ : %s")
	txtFutureDueOne    = t("Stripe announced %d future requirement: collect it with the future strategy.", "Stripe a annoncé %d exigence future : collectez-la avec la stratégie « futur ».")
	txtDraftFoundOne   = t("Restore %d value typed on %s?", "Restaurer %d valeur saisie le %s ?")
	txtDraftRestoreOne = t("Restored %d value from the draft.", "%d valeur restaurée depuis le brouillon.")
	txtPersonDueOne    = t("%d due", "%d dû")
	txtDueNowCountOne  = t("%d due now", "%d dû maintenant")
)

// keyNamesFR are the French names of keys shown in the footer; French
// keyboards label these keys Entrée, Échap and Maj.
var keyNamesFR = map[string]string{"enter": "entrée", "esc": "échap", "shift+tab": "maj+tab", "space": "espace"}

// keyName is a key's name in lang, for help lines.
func keyName(k string, lang Lang) string {
	if lang == "fr" {
		if n, ok := keyNamesFR[k]; ok {
			return n
		}
	}
	return k
}
