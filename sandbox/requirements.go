package sandbox

import (
	"sort"
	"strings"
	"time"
)

// derived is the state computed from stored facts and the clock: the
// requirements hash, capability statuses and the account flags.
type derived struct {
	CurrentlyDue     []string
	EventuallyDue    []string
	PastDue          []string
	Pending          []string
	Errors           []requirementError
	DisabledReason   *string
	Capabilities     map[string]string
	ChargesEnabled   bool
	PayoutsEnabled   bool
	DetailsSubmitted bool
	// status of every requirement path the rules mention, plus extras such
	// as external_account, for rendering person and bank statuses.
	Status map[string]fieldStatus
}

// requirementError is one entry of requirements.errors.
type requirementError struct {
	Code        string `json:"code"`
	Reason      string `json:"reason"`
	Requirement string `json:"requirement"`
}

// derive evaluates the account at now. It never mutates a, so any number of
// readers (in any process sharing the database) get the same answer for the
// same clock.
func derive(a *accountFacts, now time.Time) derived {
	d := derived{
		CurrentlyDue: []string{}, EventuallyDue: []string{}, PastDue: []string{},
		Pending: []string{}, Errors: []requirementError{},
		Capabilities: map[string]string{}, Status: map[string]fieldStatus{},
	}
	rules := applicableRules(a)
	submittedAll := true
	for _, r := range rules {
		st := status(a, r.Path, now)
		d.Status[r.Path] = st
		if st == fieldMissing && r.Stage == stageNow {
			submittedAll = false
		}
		switch st {
		case fieldPending:
			d.Pending = append(d.Pending, r.Path)
		case fieldMissing, fieldFailed:
			d.EventuallyDue = append(d.EventuallyDue, r.Path)
			if r.Stage == stageNow {
				// Initial onboarding fields block enablement, so Stripe lists
				// them as past due with no deadline (sandbox-rules §3.1).
				// Deadlines for threshold-triggered items will hook in here.
				d.CurrentlyDue = append(d.CurrentlyDue, r.Path)
				d.PastDue = append(d.PastDue, r.Path)
			}
			if st == fieldFailed {
				code := a.Fields[r.Path].Code
				d.Errors = append(d.Errors, requirementError{Code: code, Reason: reasonFor(code), Requirement: r.Path})
			}
		}
	}
	for _, list := range [][]string{d.CurrentlyDue, d.EventuallyDue, d.PastDue, d.Pending} {
		sort.Strings(list)
	}
	sort.Slice(d.Errors, func(i, j int) bool { return d.Errors[i].Requirement < d.Errors[j].Requirement })

	requested := 0
	for _, c := range knownCapabilities {
		if !a.Capabilities[c] {
			continue
		}
		requested++
		d.Capabilities[c] = capabilityStatus(rules, d.Status, c)
	}
	d.ChargesEnabled = d.Capabilities["card_payments"] == "active" || d.Capabilities["transfers"] == "active"
	bankVerified := a.Bank != nil && status(a, "external_account", now) == fieldDone
	d.PayoutsEnabled = bankVerified && len(d.PastDue) == 0 && d.ChargesEnabled
	d.DetailsSubmitted = submittedAll && a.TOS.Date != 0 && a.TOS.IP != ""
	d.DisabledReason = disabledReason(requested, d)
	return d
}

// capabilityStatus: inactive while any of its current requirements is
// missing or failed, pending while one is being verified, active otherwise.
func capabilityStatus(rules []requirementRule, st map[string]fieldStatus, c string) string {
	pending := false
	for _, r := range rules {
		if r.Stage != stageNow || !r.gates(c) {
			continue
		}
		switch st[r.Path] {
		case fieldMissing, fieldFailed:
			return "inactive"
		case fieldPending:
			pending = true
		}
	}
	if pending {
		return "pending"
	}
	return "active"
}

// disabledReason follows the priority of sandbox-rules §3.2 for the parts
// modelled so far.
func disabledReason(requested int, d derived) *string {
	var r string
	switch {
	case requested == 0:
		r = "action_required.requested_capabilities"
	case len(d.PastDue) > 0:
		r = "requirements.past_due"
	case d.ChargesEnabled:
		return nil
	case len(d.Pending) > 0:
		r = "requirements.pending_verification"
	default:
		r = "other"
	}
	return &r
}

// scoped returns the entries of list under prefix ("individual."), with the
// prefix removed: a person's own requirements use paths relative to it.
func scoped(list []string, prefix string) []string {
	out := []string{}
	for _, p := range list {
		if rest, ok := strings.CutPrefix(p, prefix); ok {
			out = append(out, rest)
		}
	}
	return out
}
