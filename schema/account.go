package schema

import (
	"slices"
	"time"
)

// Due says how urgently Stripe wants a requirement. The order of the
// constants is the order of urgency: lower is more urgent.
type Due int

// Due-ness values, most urgent first.
const (
	PastDue Due = iota
	CurrentlyDue
	EventuallyDue
	PendingVerification
	FutureDue
)

// String gives the API's own word for the due-ness.
func (d Due) String() string {
	switch d {
	case PastDue:
		return "past_due"
	case CurrentlyDue:
		return "currently_due"
	case EventuallyDue:
		return "eventually_due"
	case PendingVerification:
		return "pending_verification"
	case FutureDue:
		return "future"
	}
	return "unknown"
}

// RequirementError is one entry of requirements.errors: a verification that
// failed, the requirement to collect again, and Stripe's own reason.
type RequirementError struct {
	Requirement string `json:"requirement"`
	Code        string `json:"code"`
	Reason      string `json:"reason"`
}

// Alternative says that providing every path of Alternative resolves every
// path of Original.
type Alternative struct {
	Original    []string `json:"original_fields_due"`
	Alternative []string `json:"alternative_fields_due"`
}

// Requirements is the requirements hash of an account (or its
// future_requirements), in the API's own shape.
type Requirements struct {
	CurrentlyDue        []string           `json:"currently_due"`
	EventuallyDue       []string           `json:"eventually_due"`
	PastDue             []string           `json:"past_due"`
	PendingVerification []string           `json:"pending_verification"`
	Errors              []RequirementError `json:"errors"`
	Alternatives        []Alternative      `json:"alternatives,omitempty"`
	CurrentDeadline     time.Time          `json:"-"`
	DisabledReason      string             `json:"disabled_reason"`
}

// Empty reports whether nothing at all is asked or pending.
func (r Requirements) Empty() bool {
	return len(r.CurrentlyDue) == 0 && len(r.EventuallyDue) == 0 &&
		len(r.PastDue) == 0 && len(r.PendingVerification) == 0 && len(r.Errors) == 0
}

// Requirement is one requirement path with everything known about it.
type Requirement struct {
	Path     string
	Due      Due
	Deadline time.Time
	Errors   []RequirementError
	Pending  bool
}

// List flattens the hash into one Requirement per path, each with its most
// urgent due-ness, sorted by urgency then path. A path that is both due and
// pending keeps its due-ness and is marked Pending.
func (r Requirements) List(due Due) []Requirement {
	by := map[string]*Requirement{}
	var order []string
	add := func(paths []string, d Due) {
		for _, p := range paths {
			if q, ok := by[p]; ok {
				if d < q.Due {
					q.Due = d
				}
				continue
			}
			by[p] = &Requirement{Path: p, Due: d}
			order = append(order, p)
		}
	}
	add(r.PastDue, PastDue)
	add(r.CurrentlyDue, CurrentlyDue)
	add(r.EventuallyDue, EventuallyDue)
	add(r.PendingVerification, PendingVerification)
	for _, p := range r.PendingVerification {
		by[p].Pending = true
	}
	for _, e := range r.Errors {
		if q, ok := by[e.Requirement]; ok {
			q.Errors = append(q.Errors, e)
		}
	}
	out := make([]Requirement, 0, len(order))
	for _, p := range order {
		q := *by[p]
		if due == FutureDue {
			q.Due = FutureDue
		}
		if q.Due <= CurrentlyDue {
			q.Deadline = r.CurrentDeadline
		}
		out = append(out, q)
	}
	slices.SortStableFunc(out, func(a, b Requirement) int {
		if a.Due != b.Due {
			return int(a.Due) - int(b.Due)
		}
		if a.Path < b.Path {
			return -1
		}
		if a.Path > b.Path {
			return 1
		}
		return 0
	})
	return out
}

// Capability is one capability of an account and its status
// (active, pending, inactive, unrequested).
type Capability struct {
	Name   string `json:"name"`
	Status string `json:"status"`
	// Blocking lists the capability's own past-due and currently-due
	// requirements (from the capabilities API), when they were read.
	Blocking []string `json:"-"`
}

// Account is a connected account normalized for the wizard: what it is,
// what it may do, and what Stripe still asks. It never holds a write-only
// secret; Provided records which of those were given.
type Account struct {
	ID               string
	Country          string
	BusinessType     string
	Email            string
	DefaultCurrency  string
	Created          time.Time
	Capabilities     []Capability
	ChargesEnabled   bool
	PayoutsEnabled   bool
	DetailsSubmitted bool
	Requirements     Requirements
	Future           Requirements
	// Known holds non-secret values already on the account, by field key,
	// so forms can be prefilled.
	Known map[string]string
	// Provided lists secret fields Stripe says were given (id_number_provided).
	Provided map[string]bool
	// Agreement is the service agreement: "full" or "recipient".
	Agreement string
	// Persons are the company's people (Persons API), oldest first.
	Persons []Person
	// V2 is set for accounts onboarded through Accounts v2: their
	// configurations and requirement entries.
	V2 *V2Details
	// IndividualID is the person behind an individual account's
	// individual hash: the Persons API reaches the leaves the account
	// update cannot take (nationality, documents).
	IndividualID string
	// StripeCollects is set for an account whose requirements Stripe
	// collects from the account holder itself (Express and Standard
	// accounts, controller.requirement_collection=stripe): the API does
	// not fill its forms, an account link sends the holder to Stripe
	// (https://docs.stripe.com/connect/hosted-onboarding).
	StripeCollects bool
	// ServerTime is the server's clock when this snapshot was read (the
	// HTTP Date header); zero when unknown. Deadlines are on that clock,
	// which a test clock or a skewed machine moves away from ours.
	ServerTime time.Time
}

// Person is one of a company's people as the wizard needs it: who they
// are, their roles, and what Stripe still asks of them.
type Person struct {
	ID               string
	Created          time.Time
	FirstName        string
	LastName         string
	Email            string
	Title            string
	PercentOwnership float64
	Roles            []string // representative, owner, director, executive
	// Verification is unverified, pending or verified.
	Verification string
	// Requirements are the person's own, with paths relative to them.
	Requirements Requirements
	// Known are the values Stripe returns for the person, by leaf
	// ("first_name", "address.line1", "dob" as YYYY-MM-DD); Provided says
	// which secrets Stripe holds without returning them ("id_number").
	// A correction opens the person's group prefilled from them.
	Known    map[string]string
	Provided map[string]bool
}

// HasRole reports whether the person holds role.
func (p Person) HasRole(role string) bool {
	for _, r := range p.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// Name is the person's name, or their id before they have one.
func (p Person) Name() string {
	n := p.FirstName
	if p.LastName != "" {
		if n != "" {
			n += " "
		}
		n += p.LastName
	}
	if n == "" {
		return p.ID
	}
	return n
}

// PersonFor finds the person a field's person reference points to: by id,
// or the Nth person holding a role. ok is false when no such person exists
// yet (the wizard then adds one).
func (a Account) PersonFor(ref PersonRef) (Person, bool) {
	if ref.ID != "" {
		for _, p := range a.Persons {
			if p.ID == ref.ID {
				return p, true
			}
		}
		return Person{}, false
	}
	n := 0
	for _, p := range a.Persons {
		if ref.Role != "" && p.HasRole(ref.Role) {
			if n == ref.Index {
				return p, true
			}
			n++
		}
	}
	return Person{}, false
}
