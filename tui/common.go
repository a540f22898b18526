package tui

import (
	"context"
	"time"

	"onboard/drafts"
	"onboard/flows"
	"onboard/flows/wire"
	"onboard/schema"
	"onboard/triage"
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
	// Now is this machine's clock (fixed in tests).
	Now func() time.Time
	// Skew is how far the server's clock is ahead of Now, from the last
	// snapshot's Date header: countdowns and "overdue" are on Stripe's
	// clock (a test clock, the sandbox's advanced clock), not ours.
	Skew time.Duration
	// Static freezes spinners and refresh ticks so goldens are stable.
	Static bool
	// RefreshEvery is how soon the summary first looks for news while
	// Stripe verifies; it backs off from there while nothing changes.
	RefreshEvery time.Duration
	// Drafts keeps typed values across crashes; nil keeps nothing.
	Drafts *drafts.Store
	// Requests lists the API requests made so far, redacted (the
	// requests pane); nil hides the pane. Copy puts text on the
	// clipboard (OSC 52); nil hides the copy key.
	Requests func() []wire.Record
	Copy     func(string) error
	// Triage caches the account list (and the accounts opened recently)
	// for this key and API base; nil caches nothing.
	Triage *triage.Cache
	// Created hears each account this session creates, with the setup it
	// was created from (off the update loop): the next run with that
	// setup draws its first form before Stripe answers (Start.Foreseen).
	// Nil: nothing is kept.
	Created func(flows.NewAccount, schema.Account)
	// Ready, when set, is waited for before the account is created: what
	// the client talks to may still be opening (the embedded sandbox,
	// opened beside the program's start); its error is the create's.
	Ready  func() error
	Width  int
	Height int
}

// requestTimeout bounds every operation started from the UI. Each request
// in it already has flows' 30 s, and retries the run's budget; this only
// keeps a retried request from being cut short by the UI.
const requestTimeout = flows.RequestTimeout + flows.RunBudget

// ServerNow is the server's clock as of now: Now plus the last skew seen.
func (c Common) ServerNow() time.Time { return c.Now().Add(c.Skew) }

// serverSkew is how far a's server clock (when it was read) is from ours;
// the Date header is to the second, so a smaller skew is ignored, and an
// account without one keeps the skew already known.
func serverSkew(c Common, a schema.Account) time.Duration {
	if a.ServerTime.IsZero() || c.Now == nil {
		return c.Skew
	}
	d := a.ServerTime.Sub(c.Now())
	if d > -2*time.Second && d < 2*time.Second {
		return 0
	}
	return d
}
