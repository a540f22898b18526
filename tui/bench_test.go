package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

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
