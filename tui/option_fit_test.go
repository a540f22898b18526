package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/schema"
)

// A select's long options are cut with "…" at the width of the moment:
// when the account came before the window's size (the form was built
// with no width), and again after a resize, never left at an old cut.
func TestSelectOptionsFollowTheWidth(t *testing.T) {
	c, _ := testCommon(t, schema.French)
	a := newUSAccount(t, c)
	m := New(c, Start{AccountID: a.ID, Strategy: flows.Strategy{Upfront: true}, StrategyGiven: true})
	m, _ = step(m, result{m.gen, accountMsg{account: a}}) // before any size
	const long = "7372 Programmation, traitement de données"
	for _, size := range []tea.WindowSizeMsg{{Width: 80, Height: 24}, {Width: 60, Height: 24}, {Width: 100, Height: 30}} {
		m, _ = step(m, size)
		v := ansi.Strip(m.View())
		line := ""
		for _, l := range strings.Split(v, "\n") {
			if strings.Contains(l, "7372") {
				line = l
			}
		}
		want := fit(long, wizardFormWidth(size.Width)-optionPrefix)
		if !strings.Contains(line, want) {
			t.Errorf("at %d columns the option reads %q, want %q\n%s", size.Width, line, want, v)
		}
	}
}
