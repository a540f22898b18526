package tui

import (
	"fmt"
	"slices"
	"strings"

	"onboard/flows"
	"onboard/schema"
)

// A plan that says what comes: the step total is known up
// front, and when Stripe adds a step after an answer the notice says
// which and why.

// detailsLater reports whether Stripe asks more of a person holding role
// once they exist (date of birth, address, id): adding one means one more
// step later, for that person's details. Representatives and executives
// give them everywhere; owners in the US (their date of birth, address
// and SSN's last 4, as Stripe's required verification information
// lists them for the US); directors are asked their name.
func detailsLater(role, country string) bool {
	switch role {
	case schema.RoleRepresentative, schema.RoleExecutive:
		return true
	case schema.RoleOwner:
		return country == "US"
	}
	return false
}

// expectedTotal is the number of steps of the whole journey as far as it
// can be known now: those done, those planned, and, when everything is
// collected up front, one step per person still to be created for the
// details Stripe asks once they exist (it cannot list them before).
func expectedTotal(j *flows.Journey, s flows.Strategy, a schema.Account) int {
	plan := j.Plan()
	n := j.Done() + len(plan)
	if !s.Upfront {
		return n
	}
	for _, st := range plan {
		if st.Person != nil && st.Person.ID == "" && detailsLater(st.Person.Role, a.Country) {
			if _, exists := a.PersonFor(*st.Person); !exists {
				n++
			}
		}
	}
	return n
}

// stepKey names a step across plans: the person it is about, or its group.
func stepKey(st flows.Step) string {
	if st.Person != nil {
		return "p:" + st.Person.Prefix
	}
	return "g:" + st.Group.String()
}

// planKeys are the keys of the steps planned now, with their titles.
func planKeys(c Common, a schema.Account, j *flows.Journey) []plannedStep {
	var out []plannedStep
	for _, st := range j.Plan() {
		out = append(out, plannedStep{key: stepKey(st), title: st.Title(a, c.Lang)})
	}
	return out
}

// plannedStep is a step as it was planned: its key and its title.
type plannedStep struct{ key, title string }

// droppedSteps names the steps planned before sent that are no longer
// asked (a person ticked for another role answers that role's step).
func droppedSteps(c Common, sent flows.Step, before []plannedStep, now []flows.Step) string {
	var gone []string
	for _, p := range before {
		if p.key == stepKey(sent) || slices.ContainsFunc(now, func(st flows.Step) bool { return stepKey(st) == p.key }) {
			continue
		}
		gone = append(gone, p.title)
	}
	if len(gone) == 0 {
		return ""
	}
	return fmt.Sprintf(txtDroppedSteps.In(c.Lang), strings.Join(gone, ", "))
}

// addedSteps explains the steps the plan gained after sent was accepted:
// which, and why. before are the keys planned before the send.
func addedSteps(c Common, a schema.Account, sent flows.Step, before []plannedStep, now []flows.Step) string {
	var parts []string
	for _, st := range now {
		planned := slices.ContainsFunc(before, func(p plannedStep) bool { return p.key == stepKey(st) })
		if planned || stepKey(st) == stepKey(sent) {
			continue
		}
		title := st.Title(a, c.Lang)
		if st.Person != nil && st.Person.ID != "" && sent.Person != nil && sent.Person.ID == "" {
			// The step sent created this person: Stripe asks the rest now.
			parts = append(parts, fmt.Sprintf(txtAddedPerson.In(c.Lang), title))
			continue
		}
		var labels []string
		for _, f := range st.Fields {
			labels = append(labels, f.Label.In(c.Lang))
		}
		parts = append(parts, fmt.Sprintf(txtAddedStep.In(c.Lang), title, strings.Join(labels, ", ")))
	}
	if gone := droppedSteps(c, sent, before, now); gone != "" {
		parts = append(parts, gone)
	}
	return strings.Join(parts, " ")
}
