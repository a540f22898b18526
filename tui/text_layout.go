package tui

import "onboard/schema"

// Strings of the narrow layouts, the header and French-only forms (kept
// apart from text.go so the screens' own strings stay in one list there).
var (
	txtPastDueCount    = t("%d past due")
	txtDueNowCount     = t("%d due now")
	txtDeadlineShort   = t("deadline %s")
	txtEnglish         = t("English")
	txtFrench          = t("French")
	txtPendingOne      = t("Stripe is verifying %d field; this view refreshes by itself.")
	txtWaitsForOne     = t("%s waits for %d field: %s")
	txtFutureDueOne    = t("Stripe announced %d future requirement: collect it with the future strategy.")
	txtDraftFoundOne   = t("Restore %d value typed on %s?")
	txtDraftRestoreOne = t("Restored %d value from the draft.")
	txtPersonDueOne    = tc("one", "%d due")
	txtDueNowCountOne  = tc("one", "%d due now")
)

// keyNames are the names of keys shown in the footer as each language's
// keyboards label them (French: Entrée, Échap, Maj), from the catalogs.
var keyNames = map[string]schema.Text{
	"enter": tc("key name", "enter"), "esc": tc("key name", "esc"),
	"shift+tab": tc("key name", "shift+tab"), "space": tc("key name", "space"),
}

// keyName is a key's name in lang, for help lines.
func keyName(k string, lang Lang) string {
	if n, ok := keyNames[k]; ok {
		return n.In(lang)
	}
	return k
}
