package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
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
	// person is the person a removal is for.
	person string
}

// writeCtx is the context a change starts with. On a live key it first
// shows the confirmation screen (the returned command) and nil; once the
// operator has typed, it returns a context carrying their answer.
func (m *session) writeCtx(country string, action liveAction) (context.Context, tea.Cmd) {
	if !isLive(m.c) {
		return m.c.Ctx, nil
	}
	if m.in.live.confirmed {
		typed := m.in.live.typed
		m.in.live = liveState{}
		return flows.WithConfirmation(m.c.Ctx, typed), nil
	}
	m.in.live = liveState{action: action}
	return nil, m.push(&liveScreen{formScreen{session: m}, country})
}

// liveScreen asks for the account's country code before a change on a
// live key, over the screen the change starts from.
type liveScreen struct {
	formScreen
	country string
}

func (l *liveScreen) ID() screenID             { return screenLive }
func (l *liveScreen) Title() string            { return "" }
func (l *liveScreen) ShortHelp() []key.Binding { return l.formHelp(true) }

func (l *liveScreen) Init() tea.Cmd {
	l.form = liveForm(l.c, l.country, &l.in.live.typed)
	return l.started()
}

func (l *liveScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	cmd, done := l.formUpdate(msg)
	if !done {
		return l, cmd
	}
	return l, l.liveConfirmed()
}

// back is esc on the confirmation: back where the change started,
// nothing sent.
func (l *liveScreen) back() tea.Cmd {
	l.in.live = liveState{}
	l.gen++
	return l.pop()
}

func liveForm(c Common, country string, typed *string) *huh.Form {
	title := fmt.Sprintf(txtLiveConfirm.In(c.Lang), strings.ToUpper(country))
	return newForm(c, huh.NewGroup(
		huh.NewInput().Key("live").Title(title).Description(txtLiveConfirmHelp.In(c.Lang)).
			CharLimit(2).Value(typed),
	))
}

// liveConfirmed resumes the change the operator has just confirmed.
func (m *session) liveConfirmed() tea.Cmd {
	m.in.live.confirmed = true
	m.popQuiet()
	switch m.in.live.action {
	case liveCreate:
		return m.startCreate()
	case liveRemove:
		return m.startRemove(m.in.live.person)
	default:
		return m.submitStep()
	}
}

// exploreDisabled is the home menu's explorer entry on a live key, with
// the reason it does not run.
func exploreDisabled(c Common) string {
	return fmt.Sprintf(txtExploreDisabled.In(c.Lang), flows.ExploreLiveReason(c.Lang))
}

// isLive reports a client on a live key.
func isLive(c Common) bool { return c.Client != nil && c.Client.Live() }
