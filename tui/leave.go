package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"onboard/flows"
	"onboard/schema"
)

// ResumeID is the account to pick up with `onboard resume` after the
// program ends: the account on screen, "" when there is none.
func (m Model) ResumeID() string {
	return m.account.ID
}

// Failed reports that the program ended on the error screen.
func (m Model) Failed() bool { return m.current() == screenError && m.err != nil }

// Failure is the message of the error the program ended on.
func (m Model) Failure() string {
	if m.err == nil {
		return ""
	}
	return flows.Message(m.err)
}

// Choices when leaving a step with esc.
const (
	leaveStay   = "stay"
	leaveGo     = "leave"
	leaveDelete = "delete"
)

// typedUnsent reports whether the step on screen holds values typed and
// not sent: esc would leave them behind without a word.
func (m *session) typedUnsent() bool {
	for _, f := range m.plan.step.Fields {
		v := strings.TrimSpace(m.plan.values[f.Key])
		if v == "" || v == m.account.Known[f.Key] || v == m.plan.step.Values[f.Key] {
			continue
		}
		if f.Kind == schema.KindSelect || f.Kind == schema.KindAcceptance || f.Kind == schema.KindYesNo {
			continue // preset by the form, not typed
		}
		return true
	}
	return false
}

// canDelete reports whether leaving may delete the account: this session
// created it, nothing was sent to it, it is not a live account, and its
// API deletes accounts (flows.Dialect's Deletable).
func (m *session) canDelete() bool {
	return m.c.Mode != "live" && m.createdID != "" && m.createdID == m.account.ID && flows.DialectOf(m.account).Deletable() &&
		m.plan.journey != nil && m.plan.journey.Done() == 0 && flows.NothingProvided(m.account)
}

// shouldAskToLeave says whether esc on a step asks first.
func (m *session) shouldAskToLeave() bool { return m.typedUnsent() || m.canDelete() }

// toLeave asks what esc on a step should do: stay, leave (values are kept
// for this session), or delete the new account nothing was sent to.
func (m *session) toLeave() tea.Cmd {
	m.in.leave = leaveStay
	return m.push(&leaveScreen{formScreen{session: m}})
}

// leaveScreen is the question esc on a step asks, over the step (esc on
// it stays).
type leaveScreen struct{ formScreen }

func (l *leaveScreen) ID() screenID             { return screenLeave }
func (l *leaveScreen) Title() string            { return "" }
func (l *leaveScreen) ShortHelp() []key.Binding { return l.formHelp(true) }
func (l *leaveScreen) Init() tea.Cmd            { l.form = l.leaveForm(); return l.started() }

func (l *leaveScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	cmd, done := l.formUpdate(msg)
	if !done {
		return l, cmd
	}
	return l, l.leaveDone()
}

func (m *session) leaveForm() *huh.Form {
	title := fmt.Sprintf(txtLeaveTitle.In(m.c.Lang), m.plan.step.Title(m.account, m.c.Lang))
	desc := txtLeaveKept.In(m.c.Lang)
	opts := []huh.Option[string]{
		huh.NewOption(txtLeaveStay.In(m.c.Lang), leaveStay),
		huh.NewOption(txtLeaveGo.In(m.c.Lang), leaveGo),
	}
	if m.canDelete() {
		desc = fmt.Sprintf(txtLeaveNothingSent.In(m.c.Lang), m.account.ID)
		opts = append(opts, huh.NewOption(fmt.Sprintf(txtLeaveDelete.In(m.c.Lang), m.account.ID), leaveDelete))
	}
	return newMenu(m.c, huh.NewGroup(huh.NewSelect[string]().Key("leave").Title(title).Description(desc).
		Options(opts...).Value(&m.in.leave)))
}

// leaveDone acts on the answer.
func (m *session) leaveDone() tea.Cmd {
	switch m.in.leave {
	case leaveGo:
		m.gen++
		return m.reset(nil)
	case leaveDelete:
		m.popQuiet() // esc while it runs comes back to the step
		tick := m.busyWith(txtDeleting.In(m.c.Lang))
		return tea.Batch(tick, deleteCmd(m.c.Ctx, m.c.Client, m.account.ID, m.gen))
	}
	return m.showStep()
}

// deletedMsg says a new account was deleted.
type deletedMsg struct {
	id  string
	err error
}

func deleteCmd(ctx context.Context, cl *flows.Client, id string, gen int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, requestTimeout)
		defer cancel()
		return result{gen, deletedMsg{id: id, err: cl.DeleteAccount(ctx, id)}}
	}
}

// handleDeleted goes home once the account is gone; nothing is left to
// resume.
func (m *session) handleDeleted(msg deletedMsg) tea.Cmd {
	if msg.err != nil {
		return m.fail(msg.err)
	}
	m.account, m.loaded, m.createdID = schema.Account{}, false, ""
	m.plan = newWizardState(m.plan.strategy)
	return m.reset(nil)
}

// eof is ctrl+d outside a text field: leave the program as q does on
// Home, asking first only when a step holds values typed and not sent.
func (m *session) eof() tea.Cmd {
	if m.current() == screenWizard && m.typedUnsent() {
		return m.toLeave()
	}
	m.Interrupted = !m.nothingToResume()
	return tea.Quit
}
