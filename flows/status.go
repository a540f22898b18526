package flows

import (
	"time"

	"onboard/schema"
)

// Status is the machine-readable summary printed by `status --json` and by
// `new`/`resume` with --json. Its shape is part of the command-line
// contract (README, "status --json"); it never holds a secret.
type Status struct {
	ID                 string            `json:"id"`
	State              string            `json:"state"`
	ChargesEnabled     bool              `json:"charges_enabled"`
	PayoutsEnabled     bool              `json:"payouts_enabled"`
	Capabilities       map[string]string `json:"capabilities"`
	Requirements       StatusReqs        `json:"requirements"`
	FutureRequirements StatusReqs        `json:"future_requirements"`
	// Configurations and Entries are for Accounts v2 accounts only.
	Configurations map[string]map[string]V2CapStatus `json:"configurations,omitempty"`
}

// V2CapStatus is a v2 capability in the status output.
type V2CapStatus struct {
	Status        string                `json:"status"`
	StatusDetails []schema.StatusDetail `json:"status_details"`
}

// StatusReqs is a requirements hash in the status output.
type StatusReqs struct {
	CurrentlyDue        []string                  `json:"currently_due"`
	EventuallyDue       []string                  `json:"eventually_due"`
	PastDue             []string                  `json:"past_due"`
	PendingVerification []string                  `json:"pending_verification"`
	Errors              []schema.RequirementError `json:"errors"`
	CurrentDeadline     *time.Time                `json:"current_deadline"`
	DisabledReason      *string                   `json:"disabled_reason"`
	// Entries is set (possibly empty) for v2 accounts and absent for v1.
	Entries *[]schema.Entry `json:"entries,omitempty"`
}

// StatusOf builds the status object of an account.
func StatusOf(a schema.Account) Status {
	s := Status{
		ID: a.ID, State: State(a), ChargesEnabled: a.ChargesEnabled, PayoutsEnabled: a.PayoutsEnabled,
		Capabilities:       map[string]string{},
		Requirements:       statusReqs(a.Requirements),
		FutureRequirements: statusReqs(a.Future),
	}
	for _, c := range a.Capabilities {
		s.Capabilities[c.Name] = c.Status
	}
	DialectOf(a).addStatus(a, &s)
	return s
}

func statusReqs(r schema.Requirements) StatusReqs {
	out := StatusReqs{
		CurrentlyDue: nonNil(r.CurrentlyDue), EventuallyDue: nonNil(r.EventuallyDue),
		PastDue: nonNil(r.PastDue), PendingVerification: nonNil(r.PendingVerification),
		Errors: r.Errors,
	}
	if out.Errors == nil {
		out.Errors = []schema.RequirementError{}
	}
	if !r.CurrentDeadline.IsZero() {
		d := r.CurrentDeadline
		out.CurrentDeadline = &d
	}
	if r.DisabledReason != "" {
		d := r.DisabledReason
		out.DisabledReason = &d
	}
	return out
}

// BlockingLabels names, in lang, the fields a capability waits for (each
// field once: a date of birth is one, not three).
func BlockingLabels(a schema.Account, c schema.Capability, lang schema.Lang) []string {
	var out []string
	for _, f := range schema.FieldsFor(c.Blocking, a.Country) {
		out = append(out, f.Label.In(lang))
	}
	return out
}

// addStatus: a v1 account's status is its capabilities and requirements.
func (v1Accounts) addStatus(schema.Account, *Status) {}

// addStatus adds a v2 account's configurations (each capability's status
// and status details) and its requirement entries.
func (v2Accounts) addStatus(a schema.Account, s *Status) {
	s.Configurations = map[string]map[string]V2CapStatus{}
	for _, cfg := range a.V2.Configurations {
		caps := map[string]V2CapStatus{}
		for _, c := range cfg.Capabilities {
			d := c.Details
			if d == nil {
				d = []schema.StatusDetail{}
			}
			caps[c.Name] = V2CapStatus{Status: c.Status, StatusDetails: d}
		}
		s.Configurations[cfg.Name] = caps
	}
	entries := a.V2.Entries
	if entries == nil {
		entries = []schema.Entry{}
	}
	s.Requirements.Entries = &entries
}
