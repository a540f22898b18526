package tui

import (
	"io"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// The palette resolved once for a terminal draws exactly what the
// adaptive palette draws on that terminal — every colour, on every
// profile, on a dark and on a light background — and so do the footer's
// help styles.
func TestForTerminalDrawsTheSameColours(t *testing.T) {
	adaptive := DefaultTheme()
	colours := func(th Theme) []lipgloss.AdaptiveColor {
		return []lipgloss.AdaptiveColor{th.Primary, th.Subtle, th.Text, th.Success, th.Warning, th.Danger, th.Badge}
	}
	for _, p := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI, termenv.Ascii} {
		for _, dark := range []bool{true, false} {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(p)
			r.SetHasDarkBackground(dark)
			draw := func(st lipgloss.Style) string { return r.NewStyle().Inherit(st).Render("x") }
			resolved := adaptive.ForTerminal(p, dark)
			want, got := colours(adaptive), colours(resolved)
			for i := range want {
				w := draw(lipgloss.NewStyle().Foreground(want[i]).Background(want[i]))
				g := draw(lipgloss.NewStyle().Foreground(got[i]).Background(got[i]))
				if w != g {
					t.Errorf("profile %v dark %v colour %d: resolved draws %q, adaptive %q", p, dark, i, g, w)
				}
			}
			hw, hg := help.New().Styles, DefaultStyles(resolved).Help
			for i, pair := range [][2]lipgloss.Style{{hw.ShortKey, hg.ShortKey}, {hw.ShortDesc, hg.ShortDesc},
				{hw.ShortSeparator, hg.ShortSeparator}, {hw.FullKey, hg.FullKey}, {hw.FullDesc, hg.FullDesc}} {
				if w, g := draw(pair[0]), draw(pair[1]); w != g {
					t.Errorf("profile %v dark %v help style %d: resolved draws %q, bubbles' %q", p, dark, i, g, w)
				}
			}
		}
	}
	if resolved := adaptive.ForTerminal(termenv.ANSI256, true); resolved.Primary.Dark == adaptive.Primary.Dark {
		t.Errorf("on a 256-colour terminal the primary colour stayed %q: nothing was resolved", resolved.Primary.Dark)
	}
}
