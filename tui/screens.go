package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// formScreen is what the screens drawn as one huh form share: the form,
// built by the screen's Init, its view, size and focus.
type formScreen struct {
	*session
	form *huh.Form
}

func (f *formScreen) View() string {
	if f.form == nil {
		return ""
	}
	return f.form.View()
}

func (f *formScreen) SetSize(int, int) tea.Cmd { return f.resizeForm() }
func (f *formScreen) typing() bool             { return f.formTyping() }

// started is the command of a form just built: its own, and its size.
func (f *formScreen) started() tea.Cmd { return tea.Batch(f.form.Init(), f.resizeForm()) }

// formUpdate passes a message to the form; done reports that the form was
// completed (its own command then matters no more).
func (f *formScreen) formUpdate(msg tea.Msg) (cmd tea.Cmd, done bool) {
	if f.form == nil {
		return nil, false
	}
	next, cmd := f.form.Update(msg)
	if ff, ok := next.(*huh.Form); ok {
		f.form = ff
	}
	return cmd, f.form.State == huh.StateCompleted
}

// formHelp is the form's bindings, esc (back) where there is a screen to
// go back to, and ctrl+c.
func (f *formScreen) formHelp(back bool) []key.Binding {
	var binds []key.Binding
	if f.form != nil {
		binds = append(binds, formBinds(f.form)...)
	}
	if back {
		binds = append(binds, f.c.Keys.Back)
	}
	return append(binds, f.c.Keys.Quit)
}

// formTyping reports whether the focus is in a text field of the form.
func (f *formScreen) formTyping() bool {
	if f.form == nil {
		return false
	}
	switch f.form.GetFocusedField().(type) {
	case *huh.Input, *huh.Text:
		return true
	}
	return false
}

// resizeForm gives the form the room it has: the terminal less the
// chrome. Forms stop at 100 columns: longer lines are hard to read, and
// the help under each field would stretch into one line.
func (f *formScreen) resizeForm() tea.Cmd {
	if f.form == nil || f.c.Width == 0 {
		return nil
	}
	return f.resizeFormTo(min(f.c.Width, 100), f.bodyHeight())
}

// resizeFormTo gives the form w×h.
func (f *formScreen) resizeFormTo(w, h int) tea.Cmd {
	next, cmd := f.form.Update(tea.WindowSizeMsg{Width: w, Height: h})
	if ff, ok := next.(*huh.Form); ok {
		f.form = ff
	}
	return cmd
}
