package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/schema"
)

// identityStep opens the Identity step of a new US individual at w×h.
func identityStep(t *testing.T, c Common, w, h int) Model {
	t.Helper()
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: h})
	m.plan.journey.Pass(flows.Step{Paths: []string{"business_profile.mcc", "business_profile.url"}})
	m = runCmds(t, m, m.nextStep())
	if m.plan.step.Group != schema.GroupIdentity {
		t.Fatalf("step %s, want Identity", m.plan.step.Group)
	}
	return m
}

// press sends keys to the model and runs what they start (huh moves the
// focus through commands).
func press(t *testing.T, m Model, keys ...tea.KeyMsg) Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = step(m, k)
		m = runFormCmds(m, cmd)
	}
	return m
}

// runFormCmds feeds the form's own messages (next field, focus) back.
func runFormCmds(m Model, cmd tea.Cmd) Model {
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 100; n++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch unwrap(msg).(type) {
		case tea.BatchMsg:
			queue = append(queue, msg.(tea.BatchMsg)...)
			continue
		case submittedMsg, accountMsg, nil:
			continue
		case deletedMsg:
			var next tea.Cmd
			m, next = step(m, msg)
			queue = append(queue, next)
			continue
		}
		if strings.Contains(fmtType(msg), "huh.") {
			var next tea.Cmd
			m, next = step(m, msg)
			queue = append(queue, next)
		}
	}
	return m
}

func fmtType(v any) string { return strings.TrimPrefix(strings.TrimPrefix(typeName(v), "*"), "") }

var (
	enter    = tea.KeyMsg{Type: tea.KeyEnter}
	shiftTab = tea.KeyMsg{Type: tea.KeyShiftTab}
)

// A wrong date of birth on the Identity step at 80×24 shows its
// error right under the field, on screen, and the focus stays there.
func TestWrongDateOfBirthErrorOnScreen(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 24}} {
		c, _ := testCommon(t, schema.English)
		m := identityStep(t, c, size[0], size[1])
		m = press(t, m, runes("Jenny"), enter, runes("Rosen"), enter)
		if !strings.Contains(ansi.Strip(m.View()), "┃ Date of birth") {
			t.Fatalf("%v: the date of birth has no focus:\n%s", size, ansi.Strip(m.View()))
		}
		m = press(t, m, runes("2031-02-30"), enter)
		v := ansi.Strip(m.View())
		lines := strings.Split(v, "\n")
		if len(lines) > size[1] {
			t.Fatalf("%v: the view is %d lines tall", size, len(lines))
		}
		i := strings.Index(v, "┃ Date of birth")
		j := strings.Index(v, "✗ Enter a real date")
		if i < 0 || j < i {
			t.Fatalf("%v: no error under the date of birth:\n%s", size, v)
		}
	}
}

// A problem reported on a key no field has (a document's front side, a
// date's day) is drawn on the field that covers it; one the step cannot
// show is named in the notice, never "fix the fields marked ✗" alone.
func TestPlaceProblems(t *testing.T) {
	st := flows.Step{Fields: []schema.Field{schema.Lookup("individual.dob", "US"),
		schema.Lookup("individual.verification.document", "US")}}
	placed, rest := placeProblems(st, map[string]string{
		"individual.dob.day":                     "bad day",
		"individual.verification.document.front": "cannot read id.png",
		"business_profile.url":                   "bad url",
	}, "US", schema.English)
	if placed["individual.dob"] != "bad day" || placed["individual.verification.document"] != "cannot read id.png" {
		t.Errorf("placed %v", placed)
	}
	if len(rest) != 1 || !strings.Contains(rest[0], "bad url") || !strings.Contains(rest[0], "website") {
		t.Errorf("rest %v", rest)
	}
}

// A refused submit reopens the step focused on the first field in error.
func TestFailedSubmitFocusesFirstFieldInError(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := identityStep(t, c, 80, 24)
	m, _ = step(m, result{m.gen, submittedMsg{step: m.plan.step, sub: m.plan.journey.Prepare(m.plan.step, m.plan.values),
		err: &flows.InputError{Fields: map[string]string{"individual.phone": "Enter a phone number"}}}})
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "┃ Phone") || !strings.Contains(v, "✗ Enter a phone number") {
		t.Fatalf("focus is not on the phone in error:\n%s", v)
	}
}

func typeName(v any) string { return fmt.Sprintf("%T", v) }

// An error Stripe gives without the step's field key (the
// Persons API's dob[day], or no param at all with a code that says which
// field) is drawn under the field it belongs to.
func TestErrorWithoutFieldNamesItsField(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := bankStep(t, c)
	err := flows.FromStripe(&flows.APIError{Code: "routing_number_invalid", Message: "Routing number is invalid.", Status: 400}, "US")
	m, _ = step(m, result{m.gen, submittedMsg{step: m.plan.step, sub: m.plan.journey.Prepare(m.plan.step, m.plan.values), err: err}})
	v := ansi.Strip(m.View())
	i, j := strings.Index(v, "┃ ABA routing number"), strings.Index(v, "✗ Routing number is invalid.")
	if i < 0 || j < i {
		t.Fatalf("the routing number is not marked:\n%s", v)
	}
	st := flows.Step{Fields: []schema.Field{schema.Lookup("person_abc.dob", "US"), schema.Lookup("person_abc.phone", "US")}}
	placed, rest := placeProblems(st, map[string]string{"dob.day": "bad day"}, "US", schema.English)
	if placed["person_abc.dob"] != "bad day" || len(rest) != 0 {
		t.Errorf("placed %v rest %v", placed, rest)
	}
}
