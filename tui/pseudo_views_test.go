package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/schema"
)

// Screens with no golden, in the pseudo-language at 80 and 60 columns:
// nothing cut, nothing wider than the window, no English that bypassed
// the catalog (TestPseudoScreens' rules): the open screen, the fixes
// offered for a failed address, a step whose value Stripe refused.
func TestPseudoViews(t *testing.T) {
	lang := schema.Pseudo
	english := englishWords(t)
	check := func(t *testing.T, m Model, w int) {
		t.Helper()
		m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
		v := ansi.Strip(m.View())
		if m.account.ID != "" {
			v = strings.ReplaceAll(v, m.account.ID, fixedID)
		}
		for _, cut := range cutTexts(v) {
			t.Errorf("%d columns: a text is cut: %q\n%s", w, cut, v)
		}
		if wide := widerThan(v, w); len(wide) > 0 {
			t.Errorf("%d columns: %q is wider\n%s", w, wide[0], v)
		}
		if found := unaccented(v, english); len(found) > 0 {
			t.Errorf("%d columns: English that bypassed the catalog: %s\n%s", w, strings.Join(found, ", "), v)
		}
	}
	for _, w := range goldenWidths {
		t.Run("open_"+itoa(w), func(t *testing.T) {
			c, _ := testCommon(t, lang)
			m := New(c, Start{})
			m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
			_ = m.push(&openScreen{formScreen{session: m.session}})
			check(t, m, w)
		})
		t.Run("fixes_"+itoa(w), func(t *testing.T) {
			c, sb := testCommon(t, lang)
			a := onboarded(t, c, sb, map[string]any{"individual.address.line1": "address_no_match"})
			m := resumed(t, c, a)
			if m.current() != screenFix {
				t.Fatalf("screen %s", m.current())
			}
			check(t, m, w)
		})
		t.Run("refused_"+itoa(w), func(t *testing.T) {
			c, sb := testCommon(t, lang)
			a := onboarded(t, c, sb, map[string]any{"business_profile.url": "https://disallowed.stripe.com"})
			m := resumed(t, c, a)
			check(t, m, w)
		})
	}
}
