package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// formScreen is what the screens drawn as one huh form share: the form is
// the session's (m.form), built by the screen's Init.
type formScreen struct{ *session }

func (f formScreen) View() string {
	if f.form == nil {
		return ""
	}
	return f.form.View()
}

func (f formScreen) SetSize(int, int) tea.Cmd { return f.resizeForm() }
func (f formScreen) typing() bool             { return f.formTyping() }

// started is the command of a form just built: its own, and its size.
func (f formScreen) started() tea.Cmd { return tea.Batch(f.form.Init(), f.resizeForm()) }

// formHelp is the form's bindings, esc (back) where there is a screen to
// go back to, and ctrl+c.
func (m *session) formHelp(back bool) []key.Binding {
	var binds []key.Binding
	if m.form != nil {
		binds = append(binds, m.withoutIdleCompletion(m.form.KeyBinds())...)
	}
	if back {
		binds = append(binds, m.c.Keys.Back)
	}
	return append(binds, m.c.Keys.Quit)
}
