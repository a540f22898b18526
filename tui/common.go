package tui

import (
	"context"
	"time"

	"onboard/drafts"
	"onboard/flows"
)

// Common is what every screen shares; it is built once in cmd and passed
// in, never kept in package variables.
type Common struct {
	Ctx    context.Context
	Client *flows.Client
	Styles *Styles
	Keys   KeyMap
	Lang   Lang
	// Mode is "sandbox", "test" or "live"; it is shown on every screen.
	Mode string
	// Now is the clock for countdowns (fixed in tests).
	Now func() time.Time
	// Static freezes spinners and refresh ticks so goldens are stable.
	Static bool
	// RefreshEvery is how soon the summary first looks for news while
	// Stripe verifies; it backs off from there while nothing changes.
	RefreshEvery time.Duration
	// Drafts keeps typed values across crashes; nil keeps nothing.
	Drafts *drafts.Store
	Width  int
	Height int
}

// requestTimeout bounds every operation started from the UI. Each request
// in it already has flows' 30 s, and retries the run's budget; this only
// keeps a retried request from being cut short by the UI.
const requestTimeout = flows.RequestTimeout + flows.RunBudget
