package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
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

// The one-line help is laid out from each binding drawn once; it reads
// exactly as laying it out with bubbles' own ShortHelpView, binding after
// binding, reads: at every width, with bindings disabled anywhere
// (first included), wrapped from wrapAt columns on.
func TestShortHelpAsBubblesDrawsIt(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	h := help.New()
	h.Styles = c.Styles.Help
	k := c.Keys
	all := []key.Binding{k.Quit, k.Help, k.Steps, k.Requests, k.Status, k.Back, k.Quit, k.Help}
	for mask := 0; mask < 1<<len(all); mask += 7 {
		binds := slices.Clone(all)
		for i := range binds {
			binds[i].SetEnabled(mask&(1<<i) == 0)
		}
		for width := -1; width <= 130; width++ {
			if got, want := shortHelpFit(h, binds, width), shortHelpByBubbles(h, binds, width); got != want {
				t.Fatalf("mask %b, width %d:\n got %q\nwant %q", mask, width, got, want)
			}
		}
	}
}

// shortHelpByBubbles is the one-line help laid out by drawing the line
// with bubbles for every binding tried.
func shortHelpByBubbles(h help.Model, binds []key.Binding, width int) string {
	h.Width = 0
	if width <= 0 {
		return h.ShortHelpView(binds)
	}
	if width >= wrapAt {
		var lines []string
		var line []key.Binding
		for _, b := range binds {
			if !b.Enabled() {
				continue
			}
			if len(line) > 0 && lipgloss.Width(h.ShortHelpView(append(slices.Clip(line), b))) > width {
				lines = append(lines, h.ShortHelpView(line))
				line = nil
			}
			line = append(line, b)
		}
		if len(line) > 0 {
			lines = append(lines, h.ShortHelpView(line))
		}
		return strings.Join(lines, "\n")
	}
	tail := " " + h.Styles.Ellipsis.Inline(true).Render(h.Ellipsis)
	for n := len(binds); n > 0; n-- {
		s := h.ShortHelpView(binds[:n])
		if slices.ContainsFunc(binds[n:], key.Binding.Enabled) {
			s += tail
		}
		if lipgloss.Width(s) <= width {
			return s
		}
	}
	return ""
}
