package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Helpers that drive a screen as the operator does: keys in, the view
// read back, the commands' messages fed through Update as the program
// would (huh's own, and the results of the requests sent).

// drive runs cmd and feeds its messages back: huh's, and the results of
// commands. Ticks and cursor blinks are left out: they never end.
func drive(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 300; n++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch inner := unwrap(msg).(type) {
		case tea.BatchMsg:
			queue = append(queue, inner...)
			continue
		case nil:
			continue
		case accountMsg, submittedMsg, removedMsg, deletedMsg:
		default:
			if !strings.Contains(fmtType(inner), "huh.") {
				continue
			}
		}
		var next tea.Cmd
		m, next = step(m, msg)
		queue = append(queue, next)
	}
	return m
}

// hit presses k and runs what follows.
func hit(t *testing.T, m Model, k tea.KeyMsg) Model {
	t.Helper()
	m, cmd := step(m, k)
	return drive(t, m, cmd)
}

// cursorLine is the line of the view the menu's cursor is on.
func cursorLine(v string) string {
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "> ") {
			return l
		}
	}
	return ""
}

// choose moves the menu's cursor down to the option that reads label,
// then presses enter.
func choose(t *testing.T, m Model, label string) Model {
	t.Helper()
	return moveTo(t, m, label, enter)
}

// tick ticks the option of a multi-select that reads label.
func tick(t *testing.T, m Model, label string) Model {
	t.Helper()
	return moveTo(t, m, label, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")})
}

func moveTo(t *testing.T, m Model, label string, then tea.KeyMsg) Model {
	t.Helper()
	for i := 0; i < 30; i++ {
		if strings.Contains(cursorLine(view(m)), label) {
			return hit(t, m, then)
		}
		m = hit(t, m, down)
	}
	t.Fatalf("no option %q:\n%s", label, view(m))
	return m
}

// typeInto types s into the focused field.
func typeInto(t *testing.T, m Model, s string) Model {
	t.Helper()
	return hit(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

// wizardOf is the wizard on screen (for the few checks the view cannot
// answer: the form's state, the focused field's test value).
func wizardOf(m Model) *wizardScreen { return m.top().(*wizardScreen) }
