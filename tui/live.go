package tui

import (
	"context"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"onboard/flows"
)

// On a live key, flows refuses every change that does not carry the
// account's country code typed by the operator (flows.WithLive). The TUI
// cannot block inside a command to ask, so it asks first, on a screen of
// its own, then starts the change with what was typed in its context
// (flows.WithConfirmation). flows compares; the TUI only collects.

// liveAction is the change waiting for the operator's confirmation.
type liveAction int

const (
	liveCreate liveAction = iota
	liveSubmit
	liveRemove
)

// liveState is the confirmation in progress, shared through inputs.
type liveState struct {
	typed string
	// confirmed is set when the form completes, for the one change that
	// follows; writeCtx clears it.
	confirmed bool
	action    liveAction
	back      screen
}

// writeCtx is the context a change starts with. On a live key it first
// shows the confirmation screen (the returned command) and nil; once the
// operator has typed, it returns a context carrying their answer.
func (m *Model) writeCtx(country string, action liveAction) (context.Context, tea.Cmd) {
	if !isLive(m.c) {
		return m.c.Ctx, nil
	}
	if m.in.live.confirmed {
		typed := m.in.live.typed
		m.in.live = liveState{}
		return flows.WithConfirmation(m.c.Ctx, typed), nil
	}
	m.in.live = liveState{action: action, back: m.screen}
	m.screen, m.back = screenLive, m.screen
	m.form = liveForm(m.c, country, &m.in.live.typed)
	return nil, tea.Batch(m.form.Init(), m.resizeForm())
}

func liveForm(c Common, country string, typed *string) *huh.Form {
	title := fmt.Sprintf(txtLiveConfirm.In(c.Lang), strings.ToUpper(country))
	return newForm(c, huh.NewGroup(
		huh.NewInput().Key("live").Title(title).Description(txtLiveConfirmHelp.In(c.Lang)).
			CharLimit(2).Value(typed),
	))
}

// liveConfirmed resumes the change the operator has just confirmed.
func (m *Model) liveConfirmed() tea.Cmd {
	m.in.live.confirmed = true
	m.screen = m.in.live.back
	switch m.in.live.action {
	case liveCreate:
		return m.startCreate()
	case liveRemove:
		return m.startRemove()
	default:
		if m.plan.revisiting {
			return tea.Batch(m.submitRevisit(), saveDraftCmd(m.c.Drafts, m.account, m.draftValues(), m.c.Now()))
		}
		return tea.Batch(m.startSubmit(), saveDraftCmd(m.c.Drafts, m.account, m.draftValues(), m.c.Now()))
	}
}

// liveBack is esc on the confirmation: back where the change started,
// nothing sent.
func (m *Model) liveBack() tea.Cmd {
	back := m.in.live.back
	m.in.live = liveState{}
	m.screen, m.back = screenBusy, back
	return m.goBack()
}

// exploreDisabled is the home menu's explorer entry on a live key, with
// the reason it does not run.
func exploreDisabled(c Common) string {
	return fmt.Sprintf(txtExploreDisabled.In(c.Lang), flows.ExploreLiveReason(c.Lang))
}

// isLive reports a client on a live key.
func isLive(c Common) bool { return c.Client != nil && c.Client.Live() }
