package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// busyScreen spins while a request runs. It sits over the screen that
// started the work: esc drops the work's result and goes back there.
type busyScreen struct {
	*session
	text string
}

func (b *busyScreen) ID() screenID { return screenBusy }

// Title is the title of the screen the work was started from: loading an
// account from the list says "Accounts to fix", never the account seen
// before.
func (b *busyScreen) Title() string            { return titleBelow(b.session) }
func (b *busyScreen) SetSize(int, int) tea.Cmd { return nil }
func (b *busyScreen) ShortHelp() []key.Binding {
	return []key.Binding{b.c.Keys.Back, b.c.Keys.Quit}
}
func (b *busyScreen) back() tea.Cmd { b.gen++; return b.pop() }

func (b *busyScreen) Init() tea.Cmd {
	if b.c.Static {
		return nil
	}
	return b.spin.Tick
}

func (b *busyScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	if msg, ok := msg.(spinner.TickMsg); ok && !b.c.Static {
		var cmd tea.Cmd
		b.spin, cmd = b.spin.Update(msg)
		return b, cmd
	}
	return b, nil
}

func (b *busyScreen) View() string {
	spin := b.spin.View()
	if b.c.Static {
		spin = "…"
	}
	return "\n " + spin + " " + b.text
}

// busyWith shows text over the current screen while a request runs; the
// generation moves on, so the request's result is the only one awaited.
func (m *session) busyWith(text string) tea.Cmd {
	m.gen++
	return m.push(&busyScreen{m, text})
}

// titleBelow is the title of the screen under the top one.
func titleBelow(m *session) string {
	if b := m.below(); b != nil {
		return b.Title()
	}
	return ""
}
