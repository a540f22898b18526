package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"onboard/schema"
)

// sendFirstStep sends the business profile of a new US individual through
// the wizard and returns on the Identity step.
func sendFirstStep(t *testing.T, c Common) Model {
	t.Helper()
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	m.plan.values["business_profile.url"] = "https://accessible.stripe.com"
	m = runCmds(t, m, m.startSubmit())
	if m.plan.step.Group != schema.GroupIdentity {
		t.Fatalf("after the first step: %s (%s)", m.plan.step.Group, m.plan.notice)
	}
	return runFormCmds(m, nil)
}

// shift+tab on the second step's first field shows step 1 with
// its values, editable; unchanged, enter goes on without sending; changed,
// it is sent again.
func TestShiftTabReturnsToPreviousStep(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := sendFirstStep(t, c)
	m = press(t, m, shiftTab)
	v := ansi.Strip(m.View())
	if m.plan.step.Group != schema.GroupBusinessProfile || !strings.Contains(v, "https://accessible.stripe.com") ||
		!strings.Contains(v, "Sent step 1 of 5") {
		t.Fatalf("shift+tab did not show step 1 with its values:\n%s", v)
	}
	m = press(t, m, enter, enter) // unchanged: on to Identity, nothing sent
	if m.plan.step.Group != schema.GroupIdentity || m.current() != screenWizard || m.plan.revisiting {
		t.Fatalf("unchanged step 1 did not go on: %s on %s", m.plan.step.Group, m.current())
	}
	before := m.plan.journey.Requests()
	m = press(t, m, shiftTab)
	m.plan.values["business_profile.url"] = "https://changed.example.com"
	m = runCmds(t, m, m.submitRevisit())
	if m.plan.journey.Requests() == before || !strings.Contains(m.plan.notice, "Sent again") {
		t.Fatalf("the change was not sent: %q", m.plan.notice)
	}
	if m.account.Known["business_profile.url"] != "https://changed.example.com" {
		t.Errorf("the account has %q", m.account.Known["business_profile.url"])
	}
	if m.plan.step.Group != schema.GroupIdentity || m.plan.done != 1 {
		t.Errorf("after sending again: %s, %d done", m.plan.step.Group, m.plan.done)
	}
}

// The step list shows the groups the account holds (with their values)
// and the steps to come, and opens one: a group held opens as a
// correction of what Stripe holds.
func TestStepListJumps(t *testing.T) {
	c, _ := testCommon(t, schema.French)
	m := sendFirstStep(t, c)
	m = hit(t, m, tea.KeyMsg{Type: tea.KeyCtrlL}) // the list of steps
	v := ansi.Strip(m.View())
	for _, want := range []string{"Étapes", "✓ Profil de l'entreprise · Catégorie marchand (MCC)\u00a0: 5734", "Identité", "Compte bancaire"} {
		if !strings.Contains(v, want) {
			t.Errorf("step list lacks %q:\n%s", want, v)
		}
	}
	m = choose(t, m, "✓ Profil")
	if v := view(m); m.current() != screenWizard || !strings.Contains(v, "Corriger ce que Stripe détient") {
		t.Errorf("the jump did not open the step sent:\n%s", v)
	}
}

// The step list and the question esc asks, in every language, at 80×24
// and 60×24.
func TestStepListAndLeaveGoldens(t *testing.T) {
	for _, lang := range goldenLangs {
		for _, w := range goldenWidths {
			testStepListAndLeave(t, lang, w)
		}
	}
}

func testStepListAndLeave(t *testing.T, lang Lang, w int) {
	t.Run(goldenName("steps", w, lang), func(t *testing.T) {
		c, _ := testCommon(t, lang)
		m := sendFirstStep(t, c)
		m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
		m = runFormCmds(m, m.toStepList())
		golden.RequireEqual(t, []byte(strings.ReplaceAll(ansi.Strip(m.View()), m.account.ID, fixedID)))
	})
	t.Run(goldenName("leave", w, lang), func(t *testing.T) {
		c, _ := testCommon(t, lang)
		m := sendFirstStep(t, c)
		m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
		m = press(t, m, runes("Jenny"), esc)
		golden.RequireEqual(t, []byte(strings.ReplaceAll(ansi.Strip(m.View()), m.account.ID, fixedID)))
	})
}
