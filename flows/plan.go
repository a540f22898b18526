package flows

import (
	"fmt"
	"slices"
	"time"

	"onboard/internal/untrusted"
	"onboard/schema"
)

// Strategy says how much to collect.
type Strategy struct {
	// Upfront collects eventually_due as well as what is due now, so the
	// account is not interrupted again when it grows.
	Upfront bool
	// Future also collects future_requirements (announced, not yet
	// enforced).
	Future bool
}

// Strategies are the names an answers file's strategy key takes.
var Strategies = map[string]Strategy{"progressive": {}, "upfront": {Upfront: true}, "future": {Upfront: true, Future: true}}

// Name is the strategy as an answers file names it: progressive, upfront
// (--upfront) or future (--future).
func (s Strategy) Name() string {
	switch {
	case s.Future:
		return "future"
	case s.Upfront:
		return "upfront"
	}
	return "progressive"
}

// Step is one group of fields to ask and submit together.
type Step struct {
	Group schema.Group
	// Person is set when the step holds one company person's fields (each
	// person is a step of their own).
	Person   *schema.PersonRef
	Fields   []schema.Field
	Paths    []string // the requirement paths this step answers
	Due      schema.Due
	Deadline time.Time
	// Values are what the account already holds, by field key, to prefill.
	Values map[string]string
	// Problems explain, by field key, why a field is asked again
	// (requirements.errors, in the operator's language, with Stripe's reason).
	Problems map[string]string
}

// Plan orders what to ask: past due first, then the nearest deadline, then
// the catalog's group order. Paths in skip (submitted in this run and still
// due with no new error) are left out, so a run never asks the same thing
// in a loop. Requirements that are only pending verification are not asked.
func Plan(a schema.Account, s Strategy, skip map[string]bool, lang schema.Lang) []Step {
	reqs := wanted(a, s)
	if a.StripeCollects {
		return stripeHosted(reqs, skip)
	}
	var paths []string
	due := map[string]schema.Requirement{}
	for _, r := range reqs {
		if skip[r.Path] && len(r.Errors) == 0 {
			continue
		}
		paths = append(paths, r.Path)
		due[r.Path] = r
	}
	byKey := map[string]*Step{}
	var steps []*Step
	for _, f := range oneSSN(schema.FieldsFor(paths, a.Country), a.Country) {
		key, person := f.Group.String(), (*schema.PersonRef)(nil)
		if f.Person != nil && !f.Person.OnAccount() {
			// One step per person, all their groups together: the
			// operator fills in one person at a time.
			key, person = "person:"+f.Person.Prefix, f.Person
		}
		st, ok := byKey[key]
		if !ok {
			st = &Step{Group: f.Group, Person: person, Due: schema.FutureDue, Values: map[string]string{}, Problems: map[string]string{}}
			if person != nil {
				st.Group = schema.GroupPeople
			}
			byKey[key] = st
			steps = append(steps, st)
		}
		st.Fields = append(st.Fields, f)
		if v, ok := a.Known[f.Key]; ok {
			st.Values[f.Key] = v
		}
		for _, p := range f.Covers {
			r, ok := due[p]
			if !ok {
				continue
			}
			if !slices.Contains(st.Paths, p) {
				st.Paths = append(st.Paths, p)
			}
			if r.Due < st.Due {
				st.Due = r.Due
			}
			if !r.Deadline.IsZero() && (st.Deadline.IsZero() || r.Deadline.Before(st.Deadline)) {
				st.Deadline = r.Deadline
			}
			for _, e := range r.Errors {
				st.Problems[f.Key] = schema.ExplainRequirementError(e, lang)
			}
		}
	}
	slices.SortStableFunc(steps, func(x, y *Step) int {
		if x.Due != y.Due {
			return int(x.Due) - int(y.Due)
		}
		if !x.Deadline.Equal(y.Deadline) {
			switch {
			case x.Deadline.IsZero():
				return 1
			case y.Deadline.IsZero():
				return -1
			case x.Deadline.Before(y.Deadline):
				return -1
			default:
				return 1
			}
		}
		if x.Group != y.Group {
			return int(x.Group) - int(y.Group)
		}
		return personOrder(x) - personOrder(y)
	})
	out := make([]Step, len(steps))
	for i, st := range steps {
		out[i] = *st
	}
	return out
}

// wanted lists the requirements the strategy collects, most urgent first,
// leaving out those Stripe is verifying (unless one failed again).
func wanted(a schema.Account, s Strategy) []schema.Requirement {
	var out []schema.Requirement
	seen := map[string]bool{}
	add := func(r schema.Requirement) {
		if seen[r.Path] {
			return
		}
		if r.Pending && len(r.Errors) == 0 {
			return
		}
		seen[r.Path] = true
		out = append(out, r)
	}
	for _, r := range a.Requirements.List(schema.CurrentlyDue) {
		switch {
		case r.Due <= schema.CurrentlyDue,
			r.Due == schema.EventuallyDue && s.Upfront:
			add(r)
		}
	}
	if s.Future {
		for _, r := range a.Future.List(schema.FutureDue) {
			if contains(a.Future.CurrentlyDue, r.Path) || (s.Upfront && contains(a.Future.EventuallyDue, r.Path)) {
				add(r)
			}
		}
	}
	return out
}

// Outstanding lists the paths the strategy still wants that are not
// pending verification: what keeps a run from being done.
func Outstanding(a schema.Account, s Strategy) []string {
	var out []string
	for _, r := range wanted(a, s) {
		out = append(out, r.Path)
	}
	return out
}

func contains(s []string, v string) bool { return slices.Contains(s, v) }

// personOrder puts the representative first, then owners, directors and
// executives by index, then existing persons, then steps with no person.
func personOrder(s *Step) int {
	if s.Person == nil {
		return 1 << 20
	}
	switch s.Person.Role {
	case schema.RoleRepresentative:
		return 0
	case schema.RoleOwner:
		return 100 + s.Person.Index
	case schema.RoleDirector:
		return 200 + s.Person.Index
	case schema.RoleExecutive:
		return 300 + s.Person.Index
	}
	return 1000
}

// Title is the step's heading: its group, or the person it is about.
func (s Step) Title(a schema.Account, lang schema.Lang) string {
	if s.Person == nil {
		return s.Group.Title(lang)
	}
	return PersonLabel(a, *s.Person, lang)
}

// PersonLabel names a person for headings: their name once they have one,
// else their role and number ("Owner 2"). A name is what the account
// typed, as Stripe returns it: it is made safe to draw (untrusted.Text),
// because every driver prints headings as they are.
func PersonLabel(a schema.Account, ref schema.PersonRef, lang schema.Lang) string {
	if p, ok := a.PersonFor(ref); ok && p.Name() != p.ID {
		return untrusted.Text(p.Name())
	}
	roles := map[string]schema.Text{
		schema.RoleRepresentative: schema.T("Representative"),
		schema.RoleOwner:          schema.T("Owner %d"),
		schema.RoleDirector:       schema.T("Director %d"),
		schema.RoleExecutive:      schema.T("Executive %d"),
	}
	t, ok := roles[ref.Role]
	if !ok {
		return ref.Prefix // a person_<id> with no name yet
	}
	if ref.Role == schema.RoleRepresentative {
		return t.In(lang)
	}
	return fmt.Sprintf(t.In(lang), ref.Index+1)
}

// stripeHosted is the plan of an account whose requirements Stripe
// collects: one step, answered by an account link (Submit creates it),
// whatever is due.
func stripeHosted(reqs []schema.Requirement, skip map[string]bool) []Step {
	var paths []string
	for _, r := range reqs {
		if !skip[r.Path] {
			paths = append(paths, r.Path)
		}
	}
	if len(paths) == 0 {
		return nil
	}
	return []Step{{Group: schema.GroupOther, Fields: []schema.Field{schema.StripeHostedField(paths)}, Paths: paths,
		Due: schema.CurrentlyDue, Values: map[string]string{}, Problems: map[string]string{}}}
}
