package tui

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

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

// The footer names the letters that answer, also once huh has drawn the
// confirmation (huh writes "y" and "n" into their help as it draws).
func TestAnswerKeysInTheFooter(t *testing.T) {
	for lang, want := range map[schema.Lang][2]string{schema.English: {"y", "n"}, schema.French: {"o", "n"}, schema.German: {"j", "n"}, schema.Spanish: {"s", "n"}} {
		c, _ := testCommon(t, lang)
		var v bool
		f := newForm(c, huh.NewGroup(huh.NewConfirm().Title("?").Affirmative("A").Negative("B").Value(&v)))
		f.Init()
		_ = f.View()
		var got []string
		for _, b := range formBinds(f) {
			if b.Help().Desc == "A" || b.Help().Desc == "B" {
				got = append(got, b.Help().Key)
			}
		}
		if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("%s: the footer names %v for yes and no, want %v", lang, got, want)
		}
	}
}
