package tui

// The triage screen's and the header's words, in English and French
// (French puts a non-breaking space before a colon).
var (
	txtTriageFilter     = t("Filter:")
	txtTriageFilterHint = t("name, email, id, state, country or reason")
	txtTriageCount      = t("shown: %d of %d")
	txtTriageRefreshing = t("refreshing: %d pages, %d accounts read")
	txtTriageCached     = t("from the cache of %s, ctrl+r to refresh")
	txtTriageListed     = t("read from Stripe at %s")
	txtTriageNoMatch    = t("No account matches “%s”.")
	txtTriageNoName     = t("(no name)")
	txtTriageMove       = t("move")
	txtTriageOpen       = t("open")
	txtTriageClear      = t("clear the filter")
	txtTriageID         = t("Id")
	txtTriageName       = t("Name")
	txtTriageEmail      = t("Email")
	txtTriageCountry    = t("Country")
	txtTriageDeadline   = t("Deadline")
	txtTriageReason     = t("Reason")
	txtTriageFailed     = t("Refresh failed: %s (the list shown is the last one read).")

	txtAccountIDComplete = t("ctrl+e completes a recent id.")

	// Header titles: the header always names the screen.
	txtScreenHome    = t("Home")
	txtScreenOpen    = t("Open an account")
	txtScreenSetup   = t("New account")
	txtScreenTriage  = t("Accounts to fix")
	txtScreenExplore = t("Explore requirements")
)
