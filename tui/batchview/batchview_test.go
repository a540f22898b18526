package batchview

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"onboard/flows/batch"
	"onboard/schema"
)

func TestViewFollowsTheBatch(t *testing.T) {
	stops := 0
	var m tea.Model = New("onboard batch sellers.csv · SANDBOX", 4, schema.French, func() { stops++ })
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = m.Update(Change{Counts: batch.Counts{Total: 4, Running: 1}})
	m, _ = m.Update(Change{Counts: batch.Counts{Total: 4, Done: 1, Failed: 1, Running: 1},
		Result: batch.Result{Row: 2, Key: "k\x1b[2J", Status: batch.StatusInvalid, Column: "individual.dob", Reason: "date"}})
	v := m.View()
	for _, want := range []string{batch.CountsLine(batch.Counts{Total: 4, Done: 1, Failed: 1, Running: 1}, schema.French), "2/4 lignes", "50%", "colonne individual.dob", "ctrl+c arrête"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "\x1b[2J") {
		t.Error("a key from the file reached the terminal as an escape sequence")
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if stops != 1 || !strings.Contains(m.View(), "arrêt") {
		t.Errorf("ctrl+c twice: stop called %d times\n%s", stops, m.View())
	}
	if _, cmd := m.Update(Finished{}); cmd == nil {
		t.Error("Finished does not end the program")
	}
}
