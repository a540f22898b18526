package tui

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"onboard/schema"
)

// A yes/no answers to the language's letters: o/n in French (y does
// nothing there), y/n in English.
func TestAnswerKeysFollowTheLanguage(t *testing.T) {
	press := func(r rune) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}} }
	for _, c := range []struct {
		lang     schema.Lang
		yes, not rune
	}{{schema.English, 'y', 'o'}, {schema.French, 'o', 'y'}} {
		km := formKeyMap(c.lang)
		if !key.Matches(press(c.yes), km.Confirm.Accept) || !key.Matches(press(c.yes-32), km.Confirm.Accept) {
			t.Errorf("%s: %c does not accept", c.lang, c.yes)
		}
		if key.Matches(press(c.not), km.Confirm.Accept) {
			t.Errorf("%s: %c accepts", c.lang, c.not)
		}
		if !key.Matches(press('n'), km.Confirm.Reject) {
			t.Errorf("%s: n does not decline", c.lang)
		}
		if got := km.Confirm.Accept.Help().Key; got != string(c.yes) {
			t.Errorf("%s: accept's help names %q", c.lang, got)
		}
	}
}
