package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"onboard/flows"
	"onboard/schema"
)

// BenchmarkFirstFrame builds the root model and draws its first frame at
// 80×24: the in-process part of the time to the first screen.
func BenchmarkFirstFrame(b *testing.B) {
	c, _ := testCommon(&testing.T{}, schema.English)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := New(c, Start{})
		n, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if n.View() == "" {
			b.Fatal("empty frame")
		}
	}
}

// BenchmarkWizardFrame draws the wizard with its status panel, the frame
// redrawn after every key press.
func BenchmarkWizardFrame(b *testing.B) {
	t := &testing.T{}
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = m.View()
	}
}

// BenchmarkWizardOpen is the in-process part of `onboard new`'s first
// form: the created account handled (its plan, the first step's form)
// and the frame drawn, on a 256-colour terminal with a dark background,
// with the palette left adaptive (resolved at every Render) and resolved
// once for the terminal (Theme.ForTerminal, as the program runs).
func BenchmarkWizardOpen(b *testing.B) {
	t := &testing.T{}
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	// New sends the create at once (early); the loop hands the account in
	// itself, so the request is cancelled rather than run beside the timing.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c.Ctx = ctx
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	defer lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	lipgloss.SetColorProfile(termenv.ANSI256)
	lipgloss.SetHasDarkBackground(true)
	for _, tc := range []struct {
		name  string
		theme Theme
	}{{"adaptive", DefaultTheme()}, {"resolved", DefaultTheme().ForTerminal(termenv.ANSI256, true)}} {
		c := c
		c.Styles = DefaultStyles(tc.theme)
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				m := New(c, Start{New: true, Preset: true, Setup: flows.NewAccount{Country: "US", BusinessType: "individual",
					Capabilities: []string{"card_payments", "transfers"}}})
				m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
				m, _ = step(m, result{m.gen, accountMsg{account: a, created: true}})
				if !strings.Contains(m.View(), "Merchant category") {
					b.Fatal("no first form")
				}
			}
		})
	}
}
