package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"onboard/schema"
)

// Enter opens a requirement's details and closes them: the footer says
// which it will do (it read "enter details" over the details).
func TestExplorerFooterSaysEnterCloses(t *testing.T) {
	for _, lang := range schema.Langs {
		c, _ := testCommon(t, lang)
		e := newExplorer(c)
		for _, msg := range runCmd(e.load()) {
			e, _ = e.update(msg)
		}
		if len(e.result.Items) == 0 {
			t.Fatalf("%s: nothing explored", lang)
		}
		open := e.bindings()[3].Help().Desc
		e, _ = e.update(tea.KeyMsg{Type: tea.KeyEnter})
		if !e.detail {
			t.Fatalf("%s: enter did not open the details", lang)
		}
		if got := e.bindings()[3].Help().Desc; got == open || got != txtCloseDetails.In(lang) {
			t.Errorf("%s: over the details the footer says enter %q", lang, got)
		}
	}
}
