package tui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// screenID names a screen, for the header's rules and for tests.
type screenID int

const (
	screenHome screenID = iota
	screenOpen
	screenSetup
	screenBusy
	screenWizard
	screenSummary
	screenError
	screenAccounts
	screenDraft
	screenExplore
	screenPeople
	screenLive
	screenLeave
	screenSteps
	screenFix
)

func (s screenID) String() string {
	return [...]string{"home", "open", "setup", "busy", "wizard", "summary", "error", "accounts", "draft", "explore", "people", "live", "leave", "steps", "fix"}[s]
}

// screen is one screen of the program. The root (Model) keeps the
// header, the footer, the size, the requests pane, the global keys and a
// stack of screens; the screen on top gets every other message.
//
//   - Init (re)builds the screen; it runs when the screen is pushed and
//     again when the screen above it is popped, so a form completed on the
//     way out is drawn afresh with every value kept.
//   - Update takes a message and returns the screen (itself, or the one
//     replacing it on top of the stack).
//   - View is the body, between the header and the footer.
//   - SetSize gives the body's room.
//   - ShortHelp is the screen's key bindings for the footer; the root adds
//     its own (help, requests) and lays them out, in one line or, for the
//     full help, in columns.
//   - Title names the screen in the header; "" names the account instead
//     (the account's screens).
//
// esc is the root's: it calls the screen's back method when it has one
// (backer), and otherwise pops the screen.
type screen interface {
	ID() screenID
	Init() tea.Cmd
	Update(msg tea.Msg) (screen, tea.Cmd)
	View() string
	SetSize(width, height int) tea.Cmd
	ShortHelp() []key.Binding
	Title() string
}

// backer is a screen that decides what esc does.
type backer interface{ back() tea.Cmd }

// typer is a screen whose keys may belong to a text field: ? is then
// typed, not the help.
type typer interface{ typing() bool }

// hinter is a screen with a hint for the notice line (what the value
// typed will be sent as), over the journey's notice.
type hinter interface{ sentAs() string }

// noticer is a screen that shows the journey's notice line.
type noticer interface{ showsNotice() bool }

// top is the screen on screen.
func (m *session) top() screen { return m.stack[len(m.stack)-1] }

// below is the screen under the top one, nil when there is none.
func (m *session) below() screen {
	if len(m.stack) < 2 {
		return nil
	}
	return m.stack[len(m.stack)-2]
}

// current is the id of the screen on top.
func (m *session) current() screenID { return m.top().ID() }

// push shows s over the current screen; esc comes back.
func (m *session) push(s screen) tea.Cmd {
	m.stack = append(m.stack, s)
	return s.Init()
}

// pop goes back to the screen underneath, rebuilt.
func (m *session) pop() tea.Cmd {
	if len(m.stack) < 2 {
		return nil
	}
	m.stack = m.stack[:len(m.stack)-1]
	return m.top().Init()
}

// popQuiet removes the top screen without rebuilding the one underneath
// (a question answered: the change it asked about starts at once).
func (m *session) popQuiet() {
	if len(m.stack) > 1 {
		m.stack = m.stack[:len(m.stack)-1]
	}
}

// replace puts s in place of the top screen.
func (m *session) replace(s screen) tea.Cmd {
	m.stack[len(m.stack)-1] = s
	return s.Init()
}

// reset leaves every screen for home, then shows s over it (nil: home).
func (m *session) reset(s screen) tea.Cmd {
	home := m.stack[0]
	m.stack = []screen{home}
	if s == nil {
		return home.Init()
	}
	return m.push(s)
}

// popTo pops down to the nearest screen with id, rebuilt; it reports
// false, leaving the stack alone, when there is none.
func (m *session) popTo(id screenID) (tea.Cmd, bool) {
	if !m.truncateTo(id) {
		return nil, false
	}
	return m.top().Init(), true
}

// truncateTo pops down to the nearest screen with id, not rebuilt.
func (m *session) truncateTo(id screenID) bool {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if m.stack[i].ID() == id {
			m.stack = m.stack[:i+1]
			return true
		}
	}
	return false
}

// fullHelper is a screen with keys that act only on some of its fields
// (a test value in an empty field, the previous step from the first):
// the full help lists them too, saying where they act.
type fullHelper interface{ FullHelp() []key.Binding }

// withKeys adds to binds each binding of more whose key binds does not
// already answer (enabled).
func withKeys(binds, more []key.Binding) []key.Binding {
	out := slices.Clip(binds)
	for _, b := range more {
		dup := false
		for _, o := range binds {
			dup = dup || (o.Enabled() && sharesKey(o, b))
		}
		if !dup {
			out = append(out, b)
		}
	}
	return out
}
