package engine

import (
	"slices"
	"sort"
	"strings"
	"time"

	"onboard/sandbox/rules"
)

// Derived is the state computed from stored facts and the clock: the
// requirements hash, capability statuses and the account flags.
type Derived struct {
	CurrentlyDue     []string
	EventuallyDue    []string
	PastDue          []string
	Pending          []string
	Errors           []RequirementError
	Deadline         int64 // unix seconds, 0 = none
	DisabledReason   *string
	Capabilities     map[string]string
	CapReasons       map[string]*string
	ChargesEnabled   bool
	PayoutsEnabled   bool
	DetailsSubmitted bool
	// Items is every requirement the account has, with its standing; the
	// capability objects filter it.
	Items []itemState
}

// RequirementError is one entry of requirements.errors.
type RequirementError struct {
	Code        string `json:"code"`
	Reason      string `json:"reason"`
	Requirement string `json:"requirement"`
}

// item is one requirement string of one account, after role rows were
// expanded to persons and conditional requirements were added.
type item struct {
	Path      string
	Stage     rules.Stage
	Threshold string
	Caps      []string
	// Code, when set, is the error a missing conditional item carries (the
	// directors check that asks for proof of registration).
	Code string
	// PayoutsOnly: past due, it blocks payouts but not the capabilities.
	PayoutsOnly bool
}

// itemState is an item evaluated at a moment.
type itemState struct {
	item
	Status   FieldStatus
	Current  bool
	Past     bool
	Deadline int64 // unix seconds, 0 = none
	Code     string
}

func (it item) Gates(c string) bool { return it.Caps == nil || slices.Contains(it.Caps, c) }

// Derive evaluates the account at now. It never mutates a, so any number of
// readers (in any process sharing the database) get the same answer for the
// same clock.
func Derive(a *Account, now time.Time) Derived {
	d := Derived{
		CurrentlyDue: []string{}, EventuallyDue: []string{}, PastDue: []string{},
		Pending: []string{}, Errors: []RequirementError{},
		Capabilities: map[string]string{}, CapReasons: map[string]*string{},
	}
	ns := now.UnixNano()
	submittedAll := true
	payoutsBlocked := false
	for _, it := range expandItems(a, now) {
		s := itemState{item: it, Status: Status(a, it.Path, now)}
		if s.Status == FieldMissing && it.Code != "" {
			s.Status = FieldFailed
		}
		if s.Status == FieldMissing && it.Stage == rules.StageNow && !strings.HasPrefix(it.Path, "documents.") &&
			!strings.HasSuffix(it.Path, "verification.document") {
			submittedAll = false
		}
		s.Code = it.Code
		if f, ok := a.Fields[it.Path]; ok && f.Code != "" {
			s.Code = f.Code
			s.PayoutsOnly = s.PayoutsOnly || f.PayoutsOnly
		}
		due, deadline := dueness(a, it, ns)
		switch s.Status {
		case FieldPending:
			d.Pending = append(d.Pending, it.Path)
			if due && deadline != 0 && (d.Deadline == 0 || deadline/1e9 < d.Deadline) {
				d.Deadline = deadline / 1e9
			}
		case FieldMissing, FieldFailed:
			d.EventuallyDue = append(d.EventuallyDue, it.Path)
			if due {
				s.Current = true
				d.CurrentlyDue = append(d.CurrentlyDue, it.Path)
				if deadline != 0 {
					s.Deadline = deadline / 1e9
					if d.Deadline == 0 || s.Deadline < d.Deadline {
						d.Deadline = s.Deadline
					}
				}
				// Initial onboarding fields block enablement at once, so they
				// are past due with no deadline (https://docs.stripe.com/connect/handling-api-verification).
				if deadline == 0 || ns >= deadline {
					s.Past = true
					d.PastDue = append(d.PastDue, it.Path)
					if a.Time.Block == "payout" && it.Stage == rules.StageLater {
						s.PayoutsOnly = true
					}
					payoutsBlocked = true
				}
			}
			if s.Status == FieldFailed {
				d.Errors = append(d.Errors, RequirementError{Code: s.Code, Reason: ReasonFor(s.Code), Requirement: it.Path})
			}
		}
		d.Items = append(d.Items, s)
	}
	for _, list := range [][]string{d.CurrentlyDue, d.EventuallyDue, d.PastDue, d.Pending} {
		sort.Strings(list)
	}
	sort.Slice(d.Errors, func(i, j int) bool { return d.Errors[i].Requirement < d.Errors[j].Requirement })

	requested := 0
	for c, on := range a.Capabilities {
		if !on {
			continue
		}
		requested++
		if model := CapabilityModel(c); model != "" {
			d.Capabilities[c], d.CapReasons[c] = capabilityStatus(a, d.Items, model)
		} else {
			d.Capabilities[c], d.CapReasons[c] = "inactive", &UnmodelledCapabilityReason
		}
	}
	d.ChargesEnabled = d.Capabilities["card_payments"] == "active" || d.Capabilities["transfers"] == "active"
	bankVerified := a.Bank != nil && Status(a, "external_account", now) == FieldDone
	d.PayoutsEnabled = bankVerified && !payoutsBlocked && d.ChargesEnabled
	d.DetailsSubmitted = submittedAll && a.TOS.Date != 0 && a.TOS.IP != ""
	d.DisabledReason = disabledReason(a, requested, d)
	return d
}

// dueness says whether an unmet item is currently due and its deadline
// (unix ns, 0 = none: due at once). Initial items are due from creation;
// later ones once their threshold is reached or a block made everything
// due.
func dueness(a *Account, it item, now int64) (bool, int64) {
	if it.Stage == rules.StageNow {
		return true, 0
	}
	if a.Time.Block != "" {
		return true, a.Time.BlockAt
	}
	if it.Threshold == "" {
		return false, 0
	}
	if t := reachedAt(a, it.Threshold, now); t != 0 {
		return true, t + int64(DefaultGrace)
	}
	return false, 0
}

// capabilityStatus follows Stripe's capability lifecycle
// (https://docs.stripe.com/connect/handling-api-verification): inactive while one of its
// requirements is past due, pending while one is being verified, active
// otherwise (items may still be currently due with a future deadline).
func capabilityStatus(a *Account, items []itemState, c string) (string, *string) {
	reason := func(s string) *string { return &s }
	if a.Time.Rejected != "" {
		return "inactive", reason("rejected.other")
	}
	if Paused(a) {
		return "inactive", reason("paused.inactivity")
	}
	pending := false
	for _, s := range items {
		if !s.Gates(c) {
			continue
		}
		if s.Past && !s.PayoutsOnly {
			return "inactive", reason("requirements.fields_needed")
		}
		if s.Status == FieldPending && s.Stage == rules.StageNow {
			pending = true
		}
	}
	if pending {
		return "pending", reason("pending.onboarding")
	}
	return "active", nil
}

// disabledReason picks one of the spec's requirements.disabled_reason
// values (https://docs.stripe.com/api/accounts/object); the priority order is [G].
func disabledReason(a *Account, requested int, d Derived) *string {
	var r string
	switch {
	case a.Time.Rejected != "":
		r = "rejected." + a.Time.Rejected
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

// Scoped returns the entries of list under prefix ("individual."), with the
// prefix removed: a person's own requirements use paths relative to it.
func Scoped(list []string, prefix string) []string {
	out := []string{}
	for _, p := range list {
		if rest, ok := strings.CutPrefix(p, prefix); ok {
			out = append(out, rest)
		}
	}
	return out
}

// Alternative is one entry of requirements.alternatives.
type Alternative struct {
	AlternativeFieldsDue []string `json:"alternative_fields_due"`
	OriginalFieldsDue    []string `json:"original_fields_due"`
}

// alternativePairs lists requirement alternatives: providing either side
// resolves the other (requirements.alternatives,
// https://docs.stripe.com/api/accounts/object; the pairing is [G]).
var alternativePairs = []Alternative{
	{OriginalFieldsDue: []string{"business_profile.url"}, AlternativeFieldsDue: []string{"business_profile.product_description"}},
}

// Alternatives returns the pairs whose original fields are currently due.
func Alternatives(d Derived) []Alternative {
	out := []Alternative{}
	for _, p := range alternativePairs {
		for _, f := range p.OriginalFieldsDue {
			if slices.Contains(d.CurrentlyDue, f) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}
