package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/flows/wire"
	"onboard/schema"
)

// quits reports that cmd (or one of the commands it batches) ends the
// program.
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if quits(c) {
				return true
			}
		}
	}
	return false
}

var (
	keyQ   = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")}
	keyEsc = tea.KeyMsg{Type: tea.KeyEsc}
)

// On Home, esc and q quit (nothing there can be lost), and the footer
// says so; while the menu is filtered they belong to the filter.
func TestHomeEscAndQQuit(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	home := New(c, Start{})
	home, _ = step(home, tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, k := range []tea.KeyMsg{keyEsc, keyQ} {
		if _, cmd := step(home, k); !quits(cmd) {
			t.Errorf("%s on Home did not quit", k)
		}
	}
	if v := ansi.Strip(home.View()); !strings.Contains(v, "q/esc quit") {
		t.Errorf("Home's footer does not offer q and esc:\n%s", v)
	}
	m := hit(t, home, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	m, cmd := step(m, keyQ)
	if quits(cmd) {
		t.Error("q typed into Home's filter quit")
	}
	if _, cmd := step(m, keyEsc); quits(cmd) {
		t.Error("esc in Home's filter quit instead of clearing it")
	}
}

// On the summary at the end of a journey q quits and esc goes home; ctrl+c
// there, with nothing left due, is no interruption.
func TestSummaryQuitsAndCtrlCAfterCompletion(t *testing.T) {
	m, a := v2Summary(t, schema.English, 100, 40)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "q quit") {
		t.Errorf("the summary's footer does not offer q:\n%s", v)
	}
	if _, cmd := step(m, keyQ); !quits(cmd) {
		t.Error("q on the summary did not quit")
	}
	if h := hit(t, m, keyEsc); h.current() != screenHome {
		t.Errorf("esc on the summary went to %s, not home", h.current())
	}
	if len(m.account.Requirements.CurrentlyDue)+len(m.account.Requirements.PastDue) > 0 {
		t.Fatalf("the account still has things due: %v", m.account.Requirements.CurrentlyDue)
	}
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	done := next.(Model)
	if !quits(cmd) || done.Interrupted {
		t.Errorf("ctrl+c after completion: quit %v, interrupted %v", quits(cmd), done.Interrupted)
	}
	if id, state := done.Summary(); id != a.ID || state == "" {
		t.Errorf("summary after ctrl+c: %q %q", id, state)
	}
}

// ctrl+c mid-journey is still an interruption to resume.
func TestCtrlCMidJourneyInterrupts(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := openWizard(t, c, newUSAccount(t, c))
	next, _ := m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if !next.(Model).Interrupted {
		t.Error("ctrl+c with fields due was not an interruption")
	}
}

// From 80 columns the one-line help never ends in "…": the wizard's own
// keys (the test value, the requests pane) wrap onto a second line.
func TestShortHelpHidesNoKeyFrom80Columns(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	c.Requests = func() []wire.Record { return nil }
	a := newUSAccount(t, c)
	for _, w := range []int{80, 100} {
		m := openWizard(t, c, a)
		m.plan.journey.Pass(flows.Step{Paths: []string{"business_profile.mcc", "business_profile.url"}})
		_ = m.nextStep()
		m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 30})
		v := ansi.Strip(m.View())
		lines := strings.Split(v, "\n")
		footer := strings.Join(lines[len(lines)-3:], "\n")
		if strings.Contains(footer, "…") {
			t.Errorf("%d columns: the help ends in …:\n%s", w, footer)
		}
		for _, want := range []string{"ctrl+e test value", "ctrl+x requests", "ctrl+c quit"} {
			if !strings.Contains(footer, want) {
				t.Errorf("%d columns: the help lacks %q:\n%s", w, want, footer)
			}
		}
		if n := len(lines); n != 30 {
			t.Errorf("%d columns: %d lines, want 30", w, n)
		}
	}
}
