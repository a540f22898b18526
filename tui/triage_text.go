package tui

// The triage screen's and the header's words, in English and French
// (French puts a non-breaking space before a colon).
var (
	txtTriageFilter     = t("Filter:", "Filtre\u00a0:")
	txtTriageFilterHint = t("name, email, id, state, country or reason", "nom, e-mail, identifiant, statut, pays ou motif")
	txtTriageCount      = t("shown: %d of %d", "affichés\u00a0: %d sur %d")
	txtTriageRefreshing = t("refreshing: %d pages, %d accounts read", "actualisation\u00a0: %d pages, %d comptes lus")
	txtTriageCached     = t("from the cache of %s, ctrl+r to refresh", "depuis le cache du %s, ctrl+r pour actualiser")
	txtTriageListed     = t("read from Stripe at %s", "lu chez Stripe le %s")
	txtTriageNoMatch    = t("No account matches “%s”.", "Aucun compte ne correspond à «\u00a0%s\u00a0».")
	txtTriageNoName     = t("(no name)", "(sans nom)")
	txtTriageMove       = t("move", "déplacer")
	txtTriageOpen       = t("open", "ouvrir")
	txtTriageClear      = t("clear the filter", "effacer le filtre")
	txtTriageID         = t("Id", "Identifiant")
	txtTriageName       = t("Name", "Nom")
	txtTriageEmail      = t("Email", "E-mail")
	txtTriageCountry    = t("Country", "Pays")
	txtTriageDeadline   = t("Deadline", "Échéance")
	txtTriageReason     = t("Reason", "Motif")
	txtTriageFailed     = t("Refresh failed: %s (the list shown is the last one read).", "Échec de l'actualisation\u00a0: %s (la liste affichée est la dernière lue).")

	txtAccountIDComplete = t("ctrl+e completes a recent id.", "ctrl+e complète un identifiant récent.")

	// Header titles: the header always names the screen.
	txtScreenHome    = t("Home", "Accueil")
	txtScreenOpen    = t("Open an account", "Ouvrir un compte")
	txtScreenSetup   = t("New account", "Nouveau compte")
	txtScreenTriage  = t("Accounts to fix", "Comptes à corriger")
	txtScreenExplore = t("Explore requirements", "Explorer les exigences")
)
