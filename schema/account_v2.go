package schema

import "time"

// Entry is one Accounts v2 requirement: what is asked (Description, a
// path into the v2 account), who must act, by when, and what it holds up.
type Entry struct {
	Description        string             `json:"description"`
	AwaitingActionFrom string             `json:"awaiting_action_from"` // user or stripe
	MinimumDeadline    string             `json:"minimum_deadline"`     // currently_due, eventually_due, past_due
	Errors             []RequirementError `json:"errors"`
	Impact             []Restriction      `json:"restricts_capabilities"`
	// Person is the person the entry concerns, when it references one.
	Person string `json:"person,omitempty"`
	// Reasons are the entry's requested_reasons codes
	// (routine_onboarding, routine_verification, future_requirements).
	Reasons []string `json:"requested_reasons,omitempty"`
}

// Restriction is a capability an entry holds up, in a configuration, and
// the deadline status at which it does.
type Restriction struct {
	Capability     string `json:"capability"`
	Configuration  string `json:"configuration"`
	DeadlineStatus string `json:"deadline_status"`
}

// ConfigCapability is a v2 capability: its status (active, pending,
// restricted, unsupported) and why.
type ConfigCapability struct {
	Name    string         `json:"name"`
	Status  string         `json:"status"`
	Details []StatusDetail `json:"status_details"`
}

// StatusDetail is one reason for a v2 capability's status.
type StatusDetail struct {
	Code       string `json:"code"`
	Resolution string `json:"resolution"`
}

// Configuration is a v2 configuration (customer, merchant, recipient) and
// its capabilities.
type Configuration struct {
	Name         string             `json:"name"`
	Capabilities []ConfigCapability `json:"capabilities"`
}

// V2Details holds what only Accounts v2 accounts have.
type V2Details struct {
	Configurations []Configuration
	Entries        []Entry
	// MinimumDeadline is requirements.summary.minimum_deadline.
	MinimumDeadline     string
	MinimumDeadlineTime time.Time
}
