package tui

import (
	"context"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/schema"
)

// On a GB company the representative who is also a director is
// one person: the Representative step offers the other roles as
// checkboxes, and once sent no Director step is asked.
func TestRepresentativeAlsoDirectorIsOnePerson(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "GB", BusinessType: "company",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	m := openWizard(t, c, a)
	for _, st := range m.plan.journey.Plan() {
		if st.Person != nil && st.Person.Prefix == "representative" {
			m.plan.step = st
		}
	}
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 40})
	m = runFormCmds(m, m.showStep())
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Also holds these roles") || !strings.Contains(v, "director") {
		t.Fatalf("the representative's step does not offer other roles:\n%s", v)
	}
	for k, v := range map[string]string{"representative.first_name": "Jenny", "representative.last_name": "Rosen",
		"representative.email": "jenny@example.com", "representative.relationship.title": "CEO",
		"representative" + alsoSuffix: "director"} {
		m.plan.values[k] = v
	}
	m.plan.planned = planKeys(m.c, m.account, m.plan.journey)
	m = runCmds(t, m, m.startSubmit())
	if !strings.Contains(m.plan.notice, "No longer asked: Director 1.") {
		t.Errorf("the notice does not say the Director step went: %q", m.plan.notice)
	}
	if len(m.account.Persons) != 1 || !slices.Equal(m.account.Persons[0].Roles, []string{"director", "representative"}) {
		t.Fatalf("persons %+v", m.account.Persons)
	}
	for _, st := range m.plan.journey.Plan() {
		if st.Person != nil && st.Person.Role == schema.RoleDirector {
			t.Errorf("a director is still asked: %s", st.Title(m.account, c.Lang))
		}
	}
}

// Roles are editable later: from the people screen a person's roles are
// ticked again and the change is sent.
func TestEditRoles(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSCompany(t, c)
	m := openWizard(t, c, a)
	m = runCmds(t, m, m.toPeople())
	var ada schema.Person
	for _, p := range m.account.Persons {
		if p.HasRole(schema.RoleOwner) && !p.HasRole(schema.RoleRepresentative) {
			ada = p
		}
	}
	m = choose(t, m, ada.Name())
	m = choose(t, m, txtActionRoles.In(schema.English))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Roles of "+ada.Name()) || !strings.Contains(v, "director") {
		t.Fatalf("roles form:\n%s", v)
	}
	m = hit(t, tick(t, m, "director"), enter) // owner is ticked already; nothing to type: sent at once
	got, err := c.Client.Load(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := got.PersonFor(schema.PersonRef{ID: ada.ID})
	if !slices.Equal(p.Roles, []string{"director", "owner"}) || len(got.Persons) != len(a.Persons) {
		t.Fatalf("roles after the edit: %v (%d persons)", p.Roles, len(got.Persons))
	}
	if m.current() != screenPeople {
		t.Errorf("after the edit: %s", m.current())
	}
}
