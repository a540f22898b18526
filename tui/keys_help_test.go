package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/schema"
)

var ctrlD = tea.KeyMsg{Type: tea.KeyCtrlD}

// On a select field, the full help lists every key of the step: the list
// of steps, the test value (which acts in the step's empty text fields)
// and, once a step was sent, the previous step (from the first field).
func TestFullHelpOnSelectListsEveryKey(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := openWizard(t, c, newUSAccount(t, c)) // the MCC, a select, has focus
	m = press(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	v := ansi.Strip(m.View())
	for _, want := range []string{"ctrl+l", "steps", "ctrl+e", "test value (in an empty field)", "ctrl+t"} {
		if !strings.Contains(v, want) {
			t.Errorf("the full help on a select lacks %q:\n%s", want, v)
		}
	}
	m = sendFirstStep(t, c)
	m = press(t, m, shiftTab) // the business profile again: its MCC has focus
	m = press(t, m, enter)    // on to the website: shift+tab is huh's previous field there
	m = press(t, m, tea.KeyMsg{Type: tea.KeyShiftTab}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "shift+tab") {
		t.Errorf("the full help lacks shift+tab:\n%s", v)
	}
}

// ctrl+d leaves as q does on Home and on the summary; on a step with
// values typed and not sent, it asks first.
func TestCtrlDLeaves(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	home := New(c, Start{})
	home, _ = step(home, tea.WindowSizeMsg{Width: 80, Height: 24})
	if _, cmd := step(home, ctrlD); !quits(cmd) {
		t.Error("ctrl+d on Home did not quit")
	}
	sum, _ := v2Summary(t, schema.English, 100, 40)
	if _, cmd := step(sum, ctrlD); !quits(cmd) {
		t.Error("ctrl+d on the summary did not quit")
	}
	m := openWizard(t, c, newUSAccount(t, c)) // the MCC, a select, has focus
	if _, cmd := step(m, ctrlD); !quits(cmd) {
		t.Error("ctrl+d on a step with nothing typed did not quit")
	}
	m.plan.values["business_profile.url"] = "https://shop.example.com" // typed, not sent
	m = hit(t, m, ctrlD)
	if m.current() != screenLeave {
		t.Errorf("ctrl+d with a value typed and not sent went to %s, not the question", m.current())
	}
}
