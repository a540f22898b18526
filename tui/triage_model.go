package tui

import (
	"context"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"onboard/flows"
)

// toTriage opens the account list over home.
func (m *session) toTriage() tea.Cmd { return m.reset(&triageScreen{session: m}) }

// triageScreen is the platform's accounts, most urgent first.
type triageScreen struct {
	*session
	tv triageView
	// cancel stops the listing under way (leaving the screen, or
	// opening an account, ends it).
	cancel context.CancelFunc
}

func (t *triageScreen) ID() screenID  { return screenAccounts }
func (t *triageScreen) Title() string { return txtScreenTriage.In(t.c.Lang) }
func (t *triageScreen) typing() bool  { return true } // the filter has focus

func (t *triageScreen) SetSize(w, h int) tea.Cmd {
	t.tv.setSize(t.c, w, h)
	return nil
}

func (t *triageScreen) ShortHelp() []key.Binding {
	return append(t.tv.bindings(t.c), t.c.Keys.Quit)
}

func (t *triageScreen) View() string {
	spin := t.spin.View()
	if t.c.Static {
		spin = "…"
	}
	return t.tv.view(t.c, spin)
}

// back is esc: it first clears the filter, then goes back.
func (t *triageScreen) back() tea.Cmd {
	if t.tv.clearFilter() {
		return nil
	}
	t.stopListing()
	return t.leave()
}

func (t *triageScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return t, t.triageKey(msg)
	case spinner.TickMsg:
		if !t.tv.refreshing || t.c.Static {
			return t, nil
		}
		var cmd tea.Cmd
		t.spin, cmd = t.spin.Update(msg)
		return t, cmd
	}
	return t, t.handleTriageMsg(msg)
}

// Init shows the list: the cached list at once, and a fresh one read in
// the background with its progress on screen.
func (t *triageScreen) Init() tea.Cmd {
	m := t
	m.stopListing()
	m.gen++
	m.tv = newTriage(m.c)
	m.tv.setSize(m.c, m.c.Width, m.bodyHeight())
	return tea.Batch(cachedListCmd(m.c.Ctx, m.c.Triage, m.gen), m.startListing(), m.tv.filter.Focus())
}

// startListing starts a background refresh of the list.
func (m *triageScreen) startListing() tea.Cmd {
	m.stopListing()
	ctx, cancel := context.WithCancel(m.c.Ctx)
	m.cancel = cancel
	m.tv.refreshing, m.tv.problem = true, ""
	m.tv.progress = flows.ListProgress{}
	cmds := []tea.Cmd{listCmd(ctx, m.c.Client, m.c.Triage, m.c.Now, m.gen)}
	if !m.c.Static {
		cmds = append(cmds, m.spin.Tick)
	}
	return tea.Batch(cmds...)
}

// stopListing ends a refresh under way, if any.
func (m *triageScreen) stopListing() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
}

// triageKey handles a key on the account list.
func (m *triageScreen) triageKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.c.Keys.Triage.Refresh) {
		if m.tv.refreshing {
			return nil
		}
		return m.startListing()
	}
	var cmd tea.Cmd
	var open string
	m.tv, cmd, open = m.tv.update(m.c, msg)
	if open == "" {
		return cmd
	}
	m.stopListing()
	m.in.openID = open
	return m.startLoad(open)
}

// handleTriageMsg takes the list's messages: the cached list, a refresh's
// progress and its result, and open-by-id's suggestions.
func (m *triageScreen) handleTriageMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case triageCachedMsg:
		// A fresh list that came first wins over the cache.
		if msg.err != nil || (m.tv.loaded && !m.tv.cached) {
			return nil
		}
		if !msg.at.IsZero() {
			m.tv.setList(m.c, msg.list, msg.at, true)
		}
		return nil
	case triageProgressMsg:
		m.tv.progress = msg.progress
		return nextListMsg(msg.next)
	case triageDoneMsg:
		m.cancel = nil
		m.tv.refreshing = false
		if msg.err != nil {
			m.tv.problem = fmt.Sprintf(txtTriageFailed.In(m.c.Lang), flows.Message(msg.err))
			if !m.tv.loaded {
				m.tv.setList(m.c, nil, msg.at, false)
			}
			return nil
		}
		m.tv.setList(m.c, msg.list, msg.at, false)
		m.in.suggest = suggestions(nil, msg.list)
		return suggestionsCmd(m.c.Ctx, m.c.Triage)
	}
	return nil
}
