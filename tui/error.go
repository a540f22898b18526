package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"onboard/internal/untrusted"
)

// errorScreen says what went wrong (m.err); esc goes back to the screen
// the failed work was started from.
type errorScreen struct{ *session }

func (e *errorScreen) ID() screenID                     { return screenError }
func (e *errorScreen) Init() tea.Cmd                    { return nil }
func (e *errorScreen) Update(tea.Msg) (screen, tea.Cmd) { return e, nil }
func (e *errorScreen) View() string                     { return e.errorView() }
func (e *errorScreen) SetSize(int, int) tea.Cmd         { return nil }
func (e *errorScreen) Title() string                    { return titleBelow(e.session) }
func (e *errorScreen) back() tea.Cmd                    { e.gen++; return e.pop() }
func (e *errorScreen) ShortHelp() []key.Binding {
	return []key.Binding{e.c.Keys.Back, e.c.Keys.Quit}
}

// fail replaces the screen on top (the busy one) with the error.
func (m *session) fail(err error) tea.Cmd {
	m.err = err
	return m.replace(&errorScreen{m})
}

// errorView says what went wrong, and how to go on.
func (m *session) errorView() string {
	c := m.c
	msg := "?"
	if m.err != nil {
		msg = untrusted.Lines(errorMessage(m.err, c.Lang)) // it may quote Stripe
	}
	w := max(min(c.Width-2, 76), 20) // a paragraph reads best under 80 columns
	resume := ""
	if m.account.ID != "" {
		resume = c.Styles.App.Subtle.Render(fmt.Sprintf(txtResumeLater.In(c.Lang), m.account.ID)) + "\n"
	}
	return "\n" + c.Styles.Summary.Title.Render(txtErrorTitle.In(c.Lang)) + "\n\n" +
		wrapUnder(c.Styles.Notice.Error, "", msg, w) + "\n\n" + resume +
		c.Styles.App.Subtle.Render(txtErrorBack.In(c.Lang))
}
