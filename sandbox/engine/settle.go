package engine

import (
	"strings"
	"time"

	"onboard/sandbox/rules"
)

// FieldStatus is where one requirement stands at a moment on the clock.
type FieldStatus int

const (
	FieldMissing FieldStatus = iota // never submitted
	FieldPending                    // submitted, verification running
	FieldFailed                     // verification settled with an error
	FieldDone                       // provided, and verified if it needs to be
)

// Submit records that path was provided at now with the given outcome.
// A value that already verified stays verified: Stripe's test tokens "only
// loosen", so a later failing value cannot restrict the account again.
func Submit(a *Account, path string, out Outcome, now time.Time, delay time.Duration) {
	if old, ok := a.Fields[path]; ok && old.Verified() {
		return
	}
	at := now.UnixNano()
	settles := at + int64(delay)
	if out.Immediate {
		settles = at
	}
	a.Fields[path] = Field{SubmittedAt: at, SettlesAt: settles, Code: out.Code, Immediate: out.Immediate,
		Hold: out.Hold, PayoutsOnly: out.PayoutsOnly}
}

// settleTime returns when the field's verification settles, and false when
// it cannot start yet because its group lacks a core member (Stripe cannot
// check a name without a date of birth and an SSN).
func settleTime(a *Account, path string, f Field) (int64, bool) {
	if f.Settled || f.Immediate {
		return f.SettlesAt, true
	}
	g, prefix := rules.GroupOf(path)
	if g == nil {
		if IsDocument(path) {
			// Documents are reviewed on their own, after the delay.
			return f.SettlesAt, true
		}
		return f.SubmittedAt, true
	}
	if !GroupReady(a, g, prefix) {
		return 0, false
	}
	// The group is checked as one: it settles one delay after the latest
	// submission among its members still waiting, or with that submission
	// when one of them is an immediate test value (1902-01-01, 222222222:
	// the result is in the same response).
	latest, lastSubmit, immediate := f.SettlesAt, f.SubmittedAt, false
	for _, m := range g.Members {
		mf, ok := a.Fields[prefix+m]
		if !ok || mf.Settled {
			continue
		}
		if mf.Immediate {
			immediate = true
		} else if mf.SettlesAt > latest {
			latest = mf.SettlesAt
		}
		lastSubmit = max(lastSubmit, mf.SubmittedAt)
	}
	if immediate {
		return lastSubmit, true
	}
	return latest, true
}

// Status evaluates one requirement path at now. A verified document wins
// over failed keyed checks of the same person or company (the test
// image beats the test id numbers: https://docs.stripe.com/connect/testing).
func Status(a *Account, path string, now time.Time) FieldStatus {
	st := RawStatus(a, path, now)
	if st == FieldFailed {
		if g, prefix := rules.GroupOf(path); g != nil && g.Scope != "" {
			doc := prefix + "verification.document"
			if g.Scope == "person" && strings.HasPrefix(path[len(prefix):], "address.") {
				doc = prefix + "verification.additional_document"
			}
			if RawStatus(a, doc, now) == FieldDone {
				return FieldDone
			}
		}
	}
	return st
}

// RawStatus evaluates one path on its own.
func RawStatus(a *Account, path string, now time.Time) FieldStatus {
	f, ok := a.Fields[path]
	if !ok {
		return FieldMissing
	}
	if !f.Settled {
		t, ok := settleTime(a, path, f)
		if !ok || now.UnixNano() < t {
			return FieldPending
		}
	}
	if f.Code != "" {
		return FieldFailed
	}
	return FieldDone
}

// Freeze persists every outcome that has settled by now. It runs before a
// write applies new values, so that the new submission re-opens only the
// fields it touches instead of re-running checks that already finished.
func Freeze(a *Account, now time.Time) {
	var settled []string
	for path, f := range a.Fields {
		if f.Settled {
			continue
		}
		if t, ok := settleTime(a, path, f); ok && now.UnixNano() >= t {
			settled = append(settled, path)
		}
	}
	for _, path := range settled {
		f := a.Fields[path]
		f.Settled = true
		a.Fields[path] = f
	}
}

// WakeAt returns the next moment (unix ns) after now at which some pending
// verification settles, or 0 when nothing is scheduled. The store indexes it
// so that the settling can be published as an account.updated event.
func WakeAt(a *Account, now time.Time) int64 {
	var next int64
	for path, f := range a.Fields {
		if f.Settled {
			continue
		}
		t, ok := settleTime(a, path, f)
		if ok && t > now.UnixNano() && (next == 0 || t < next) {
			next = t
		}
	}
	// Deadlines and thresholds that pass later also change the account.
	for _, t := range upcoming(a) {
		if t > now.UnixNano() && (next == 0 || t < next) {
			next = t
		}
	}
	return next
}

// GroupReady reports whether every core alternative of g that the account
// needs now under prefix has a submitted member, so the group's
// verification can run (an owner asked only for a name is checked on the
// name alone).
func GroupReady(a *Account, g *rules.Group, prefix string) bool {
	req := requiredLeaves(a, prefix)
	for _, anyOf := range g.Core {
		needed := false
		for _, p := range anyOf {
			needed = needed || req[p]
		}
		if !needed {
			continue
		}
		found := false
		for _, p := range anyOf {
			if _, ok := a.Fields[prefix+p]; ok {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// requiredLeaves lists the leaves (relative to prefix) that the account's
// StageNow rules ask for under prefix: the individual's, one person's (by
// the roles they hold) or the company's. prefix "" gives the absolute paths.
func requiredLeaves(a *Account, prefix string) map[string]bool {
	out := map[string]bool{}
	var person *Person
	if _, scope, _ := rules.ScopeOf(prefix + "x"); scope == "person" && prefix != rules.IndividualPrefix {
		person = a.Person(prefix[:len(prefix)-1])
	}
	for _, r := range ApplicableRules(a) {
		if r.Stage != rules.StageNow {
			continue
		}
		if r.Role != "" {
			if person != nil && person.Holds(r.Role) {
				out[r.Path] = true
			}
			continue
		}
		if rest, ok := strings.CutPrefix(r.Path, prefix); ok && person == nil {
			out[rest] = true
		}
	}
	return out
}

// IsDocument reports a document requirement (verification.document,
// documents.<type>.files), which verifies asynchronously.
func IsDocument(path string) bool {
	return strings.Contains(path, "verification.") || strings.HasPrefix(path, "documents.")
}
