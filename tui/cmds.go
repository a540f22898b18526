package tui

import (
	"context"
	"maps"
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"onboard/drafts"
	"onboard/flows"
	"onboard/schema"
)

// result is what a command started by a screen returns: its message and
// the generation it was started in. The root drops a result whose
// generation is no longer current (the operator left the screen, or asked
// again), so no handler checks for staleness itself.
type result struct {
	gen int
	msg tea.Msg
}

// drainer is a stale result that must still be read on: its stream (a
// listing's progress) ends only when read to its end.
type drainer interface{ drain() tea.Cmd }

// accountMsg carries an account read or created by a command.
type accountMsg struct {
	account schema.Account
	err     error
	// background is true for refreshes the operator did not ask for: an
	// error then shows as a notice instead of replacing the screen.
	background bool
	// draft is what was typed for the account in an earlier session.
	draft drafts.Draft
	// created is true when the account was created by this session.
	created bool
}

// draftTickMsg saves the draft once typing pauses.
type draftTickMsg struct{ gen int }

// submittedMsg carries the result of submitting one step.
type submittedMsg struct {
	step   flows.Step
	sub    *flows.Submission
	result flows.Result
	err    error
}

// refreshMsg asks the summary to look for news of the account.
type refreshMsg struct{}

// panelTickMsg asks the wizard to re-read the account for its status
// panel; panelMsg carries what was read.
type panelTickMsg struct{}

type panelMsg struct {
	account schema.Account
	err     error
}

// panelCmd reads the account for the wizard's status panel (w polls).
func panelCmd(ctx context.Context, w *flows.Watcher, gen int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, requestTimeout)
		defer cancel()
		l := w.Look(ctx)
		return result{gen, panelMsg{account: l.Account, err: readErr(l)}}
	}
}

// lookMsg is what one look of the summary's watch found.
type lookMsg struct{ flows.Look }

// lookCmd looks once for news of the account w follows.
func lookCmd(ctx context.Context, w *flows.Watcher, gen int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, requestTimeout)
		defer cancel()
		return result{gen, lookMsg{w.Look(ctx)}}
	}
}

// readErr is the error of a look that read nothing (one that read the
// account after failing to list its events has news, not an error).
func readErr(l flows.Look) error {
	if l.Read {
		return nil
	}
	return l.Err
}

// Each command captures copies of what it needs; none reads the model
// after Update returns.

// createdCmd tells created (Common.Created) of a new account.
func createdCmd(created func(flows.NewAccount, schema.Account), n flows.NewAccount, a schema.Account) tea.Cmd {
	if created == nil {
		return nil
	}
	return func() tea.Msg { created(n, a); return nil }
}

// later leaves cmd to Bubble Tea, which runs it when Update returns it.
func later(cmd tea.Cmd) tea.Cmd { return cmd }

// early runs cmd at once in a goroutine of its own and returns a command
// that waits for its message. The session's first request (the account
// created or opened from the command line) is then on its way while the
// terminal is being set up, instead of after: the first form is drawn
// sooner. It is for the request New starts, whose model is about to run.
func early(cmd tea.Cmd) tea.Cmd {
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	return func() tea.Msg { return <-done }
}

func createCmd(ctx context.Context, cl *flows.Client, ready func() error, n flows.NewAccount, gen int) tea.Cmd {
	return func() tea.Msg {
		if ready != nil {
			if err := ready(); err != nil {
				return result{gen, accountMsg{err: err}}
			}
		}
		ctx, cancel := context.WithTimeout(ctx, requestTimeout)
		defer cancel()
		a, err := cl.Create(ctx, n)
		return result{gen, accountMsg{account: a, err: err, created: err == nil}}
	}
}

func loadCmd(ctx context.Context, cl *flows.Client, id string, gen int, background bool) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, requestTimeout)
		defer cancel()
		a, err := cl.Load(ctx, id)
		return result{gen, accountMsg{account: a, err: err, background: background}}
	}
}

// loadWithDraftCmd loads an account and the draft kept for it.
func loadWithDraftCmd(ctx context.Context, cl *flows.Client, store *drafts.Store, id string, gen int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, requestTimeout)
		defer cancel()
		a, err := cl.Load(ctx, id)
		msg := accountMsg{account: a, err: err}
		if err == nil && store != nil {
			// A damaged draft is dropped: it must not block the account.
			if d, ok, derr := store.Load(id); derr == nil && ok {
				msg.draft = d
			}
		}
		return result{gen, msg}
	}
}

// draftValues are the wizard's values the draft keeps: those not yet sent
// as they stand. A value sent (the journey's history has it, as sent) is
// on the account already; offering it back on the next session would ask
// the operator to restore what was never lost.
func (m *session) draftValues() map[string]string {
	out := maps.Clone(m.plan.values)
	if m.plan.journey == nil {
		return out
	}
	for _, s := range m.plan.journey.History() {
		for k, v := range s.Values {
			if out[k] == v && !slices.Contains(s.Masked, k) {
				delete(out, k)
			}
		}
	}
	return out
}

// saveDraftCmd writes the draft; failures are not worth interrupting the
// operator for (the values are still on screen).
func saveDraftCmd(store *drafts.Store, a schema.Account, values map[string]string, now time.Time) tea.Cmd {
	if store == nil || a.ID == "" {
		return nil
	}
	values = maps.Clone(values)
	return func() tea.Msg {
		_ = store.Save(a.ID, a.Country, values, now)
		return nil
	}
}

func deleteDraftCmd(store *drafts.Store, id string) tea.Cmd {
	if store == nil || id == "" {
		return nil
	}
	return func() tea.Msg {
		_ = store.Delete(id)
		return nil
	}
}

// submitCmd sends a prepared submission: it holds copies of the account
// and values, so the command reads nothing of the model.
func submitCmd(ctx context.Context, sub *flows.Submission, gen int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, requestTimeout)
		defer cancel()
		res, err := sub.Send(ctx)
		return result{gen, submittedMsg{step: sub.Step, sub: sub, result: res, err: err}}
	}
}

func refreshAfter(d time.Duration, gen int) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return result{gen, refreshMsg{}} })
}
