package tui

import (
	"context"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"onboard/flows"
)

// toTriage opens the account list: the cached list shows at once, and a
// fresh one is read in the background with its progress on screen.
func (m *Model) toTriage() tea.Cmd {
	m.stopListing()
	m.gen++
	m.screen, m.back, m.form = screenAccounts, screenHome, nil
	m.triage = newTriage(m.c)
	m.triage.setSize(m.c, m.c.Width, m.bodyHeight())
	return tea.Batch(cachedListCmd(m.c.Ctx, m.c.Triage, m.gen), m.startListing(), m.triage.filter.Focus())
}

// startListing starts a background refresh of the list.
func (m *Model) startListing() tea.Cmd {
	m.stopListing()
	ctx, cancel := context.WithCancel(m.c.Ctx)
	m.listCancel = cancel
	m.triage.refreshing, m.triage.problem = true, ""
	m.triage.progress = flows.ListProgress{}
	cmds := []tea.Cmd{listCmd(ctx, m.c.Client, m.c.Triage, m.c.Now, m.gen)}
	if !m.c.Static {
		cmds = append(cmds, m.spin.Tick)
	}
	return tea.Batch(cmds...)
}

// stopListing ends a refresh under way, if any.
func (m *Model) stopListing() {
	if m.listCancel != nil {
		m.listCancel()
		m.listCancel = nil
	}
}

// triageKey handles a key on the account list.
func (m *Model) triageKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.c.Keys.Triage.Refresh) {
		if m.triage.refreshing {
			return nil
		}
		return m.startListing()
	}
	var cmd tea.Cmd
	var open string
	m.triage, cmd, open = m.triage.update(m.c, msg)
	if open == "" {
		return cmd
	}
	m.stopListing()
	m.in.openID = open
	return m.startLoad(open, screenAccounts)
}

// handleTriageMsg takes the list's messages: the cached list, a refresh's
// progress and its result, and open-by-id's suggestions.
func (m Model) handleTriageMsg(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case suggestionsMsg:
		m.in.suggest = msg.ids
		return m, nil
	case triageCachedMsg:
		// A fresh list that came first wins over the cache.
		if m.screen != screenAccounts || msg.err != nil || (m.triage.loaded && !m.triage.cached) {
			return m, nil
		}
		if !msg.at.IsZero() {
			m.triage.setList(m.c, msg.list, msg.at, true)
		}
		return m, nil
	case triageProgressMsg:
		next := nextListMsg(msg.next)
		if m.screen == screenAccounts {
			m.triage.progress = msg.progress
		}
		return m, next
	case triageDoneMsg:
		if m.screen != screenAccounts {
			return m, nil
		}
		m.listCancel = nil
		m.triage.refreshing = false
		if msg.err != nil {
			m.triage.problem = fmt.Sprintf(txtTriageFailed.In(m.c.Lang), flows.Message(msg.err))
			if !m.triage.loaded {
				m.triage.setList(m.c, nil, msg.at, false)
			}
			return m, nil
		}
		m.triage.setList(m.c, msg.list, msg.at, false)
		m.in.suggest = suggestions(nil, msg.list)
		return m, suggestionsCmd(m.c.Ctx, m.c.Triage)
	}
	return m, nil
}
