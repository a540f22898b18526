package tui

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"onboard/flows"
	"onboard/schema"
)

// wizardState is the progress of onboarding one account in this session.
// The journey owns the onboarding (plan, sends, tried paths, keys); the
// wizard only asks for values and shows results.
type wizardState struct {
	strategy flows.Strategy
	// journey drives the account loaded or created; nil before one is.
	journey *flows.Journey
	// values holds everything typed, by field key, across steps and
	// rebuilds. It lives in memory only: secrets are never written out.
	values map[string]string
	// again holds second entries of values typed twice; never saved.
	again map[string]string
	// hidden are fields of the step set for the operator (the role flags
	// ticked on the people screen): sent, not asked.
	hidden map[string]bool
	step   flows.Step
	// done and total number the step on screen (from the journey when
	// the step was planned).
	done     int
	total    int
	problems map[string]string
	notice   string
	warn     bool
	// watch follows the account on the summary while Stripe verifies.
	watch *flows.Watcher
	// link is the last account link created for requirements only
	// Stripe-hosted onboarding can satisfy; the summary shows it.
	link string
	// planned are the steps planned when the step on screen was opened,
	// to say which ones Stripe added after its answer.
	planned []plannedStep
	// revisiting is set while the step on screen is the revisitAt-th
	// step sent (the way back), not a planned one.
	revisiting bool
	revisitAt  int
	// fromPeople is set while the step comes from the people screen
	// (adding a person, or one person's fields): the wizard goes back
	// there after the submit instead of planning the next step.
	fromPeople bool
	// edit is set while the step on screen corrects values Stripe holds
	// (tui/edit.go).
	edit *editing
}

func newWizardState(s flows.Strategy) wizardState {
	return wizardState{strategy: s, values: map[string]string{}, again: map[string]string{}}
}

// setAccount takes a snapshot as the model's and the journey's, starting
// the journey when this is the first snapshot of the account.
func (m *session) setAccount(a schema.Account) {
	m.account = a
	m.c.Skew = serverSkew(m.c, a)
	if m.plan.journey == nil || m.plan.journey.Account().ID != a.ID {
		m.plan.journey = m.c.Client.Journey(a, m.plan.strategy)
		return
	}
	m.plan.journey.SetAccount(a)
}

func (m *session) startCreate() tea.Cmd { return m.startCreateBy(later) }

// startCreateBy is startCreate with the request sent by send: later (when
// Bubble Tea runs the command) or early (at once).
func (m *session) startCreateBy(send func(tea.Cmd) tea.Cmd) tea.Cmd {
	ctx, ask := m.writeCtx(m.in.setup.Country, liveCreate)
	if ask != nil {
		return ask
	}
	tick := m.busyWith(txtCreating.In(m.c.Lang))
	return tea.Batch(tick, send(createCmd(ctx, m.c.Client, m.c.Ready, m.in.setup.account(), m.gen)))
}

// startLoad opens an account; esc while it loads, or on its error, leads
// back to the screen it was asked from (the open form, or the list).
func (m *session) startLoad(id string) tea.Cmd { return m.startLoadBy(id, later) }

func (m *session) startLoadBy(id string, send func(tea.Cmd) tea.Cmd) tea.Cmd {
	id = strings.TrimSpace(id)
	if m.account.ID != id {
		m.plan = newWizardState(m.plan.strategy)
	}
	tick := m.busyWith(txtLoading.In(m.c.Lang))
	return tea.Batch(tick, send(loadWithDraftCmd(m.c.Ctx, m.c.Client, m.c.Drafts, id, m.gen)))
}

func (m *session) startSubmit() tea.Cmd {
	ctx, ask := m.writeCtx(m.account.Country, liveSubmit)
	if ask != nil {
		return ask
	}
	st := withRoleFlags(m.account, m.plan.step, m.plan.values)
	answerShownNo(st, m.plan.values, m.plan.hidden)
	sub := m.plan.journey.Prepare(st, m.plan.values)
	// A step from the people screen is sent aside the plan: the wizard
	// goes back to the list, and the plan may still ask it.
	sub.Aside = m.plan.fromPeople
	tick := m.busyWith(fmt.Sprintf(txtSubmitting.In(m.c.Lang), st.Title(m.account, m.c.Lang)))
	return tea.Batch(tick, submitCmd(ctx, sub, m.gen))
}

// handleAccount takes a created, loaded or refreshed account.
func (m *session) handleAccount(msg accountMsg) tea.Cmd {
	if msg.err != nil {
		if msg.background {
			m.plan.notice, m.plan.warn = flows.Message(msg.err), true
			return m.scheduleRefresh()
		}
		return m.fail(msg.err)
	}
	if msg.created {
		m.createdID = msg.account.ID
	}
	if m.account.ID != msg.account.ID {
		m.plan = newWizardState(m.plan.strategy)
	}
	m.setAccount(msg.account)
	m.loaded = true
	for k, v := range msg.account.Known {
		if _, typed := m.plan.values[k]; !typed {
			m.plan.values[k] = v
		}
	}
	if n := newInDraft(msg.draft, m.plan.values); n > 0 {
		m.in.draft, m.in.restore = msg.draft, true
		return m.reset(&draftScreen{formScreen{session: m}, n})
	}
	return m.nextStep()
}

// handleSubmitted takes the result of a submit: on success the response is
// the new snapshot and the next step is planned from it; on failure the
// same step reopens with every typed value and the errors on their fields.
func (m *session) handleSubmitted(msg submittedMsg) tea.Cmd {
	m.plan.journey.Record(msg.sub, msg.result, msg.err)
	if msg.err != nil {
		m.plan.problems = map[string]string{}
		var ie *flows.InputError
		var ae *flows.APIError
		switch {
		case errors.As(msg.err, &ie):
			maps.Copy(m.plan.problems, ie.Fields)
			m.plan.notice, m.plan.warn = txtFixFields.In(m.c.Lang), true
		case errors.As(msg.err, &ae) && ae.Field != "":
			m.plan.problems[ae.Field] = ae.Message
			m.plan.notice, m.plan.warn = ae.Message, true
		default:
			m.plan.notice, m.plan.warn = flows.Message(msg.err), true
		}
		var rest []string
		m.plan.problems, rest = placeProblems(msg.step, m.plan.problems, m.account.Country, m.c.Lang)
		if len(rest) > 0 {
			// Problems no field of the step shows are named in the notice.
			slices.Sort(rest)
			m.plan.notice = strings.Join(rest, " · ")
		}
		return m.showStep()
	}
	m.account = msg.result.Account
	m.c.Skew = serverSkew(m.c, m.account)
	if m.plan.edit != nil {
		return m.editSent()
	}
	if m.plan.fromPeople {
		return m.backToPeople(msg)
	}
	m.plan.notice, m.plan.warn = fmt.Sprintf(txtSent.In(m.c.Lang), msg.step.Title(m.account, m.c.Lang)), false
	if m.plan.revisiting {
		m.plan.revisiting = false
		m.plan.notice = fmt.Sprintf(txtSentAgain.In(m.c.Lang), msg.step.Title(m.account, m.c.Lang))
	}
	if msg.result.Link != "" {
		m.plan.link = msg.result.Link
		m.plan.notice, m.plan.warn = txtLinkCreated.In(m.c.Lang), false
		return m.nextStep()
	}
	if added := addedSteps(m.c, m.account, msg.step, m.plan.planned, m.plan.journey.Plan()); added != "" && !msg.sub.Aside {
		m.plan.notice += " " + added
	}
	if len(msg.result.StillDue) > 0 {
		var ps []string
		for _, s := range msg.result.StillDue {
			ps = append(ps, s.Path)
		}
		m.plan.notice, m.plan.warn = fmt.Sprintf(txtStillDue.In(m.c.Lang), strings.Join(ps, ", ")), true
	}
	cmd := m.nextStep()
	if m.current() == screenWizard {
		// The step's values are on the account now: the draft saved
		// when it was submitted drops them (the summary deletes it).
		cmd = tea.Batch(cmd, saveDraftCmd(m.c.Drafts, m.account, m.draftValues(), m.c.Now()), m.schedulePanel())
	}
	return cmd
}

// nothingToResume reports that the account on screen has nothing due and
// no screen holds a value typed and not sent: `onboard resume` would have
// nothing to do. (The root asks it on ctrl+c; the wizard is the screen
// that holds typed values, so the question lives here.)
func (m *session) nothingToResume() bool {
	r := m.account.Requirements
	return m.loaded && m.account.ID != "" && len(r.CurrentlyDue) == 0 && len(r.PastDue) == 0 &&
		(m.current() != screenWizard || !m.typedUnsent())
}

// panelEvery is how often the wizard's status panel re-reads the account
// while Stripe verifies what was sent: verification settles in seconds,
// and the operator reads the panel while typing the next step.
const panelEvery = time.Second

// schedulePanel re-reads the account for the panel while something is
// pending verification and the wizard is on screen.
func (m *session) schedulePanel() tea.Cmd {
	if m.c.Static || len(m.account.Requirements.PendingVerification) == 0 {
		return nil
	}
	return tea.Tick(panelEvery, func(time.Time) tea.Msg { return result{m.gen, panelTickMsg{}} })
}

// panelTick starts the panel's read, while the wizard is on screen.
func (m *session) panelTick() tea.Cmd {
	if m.current() != screenWizard {
		return nil
	}
	return panelCmd(m.c.Ctx, m.c.Client.Watcher(m.account.ID, flows.WatchOptions{Poll: true, Min: panelEvery, Max: panelEvery}), m.gen)
}

// handlePanel takes a fresh read of the account made for the panel: the
// panel and the journey's snapshot follow it, the step being typed stays
// as it is (its form is not rebuilt).
func (m *session) handlePanel(msg panelMsg) tea.Cmd {
	if msg.err != nil || msg.account.ID != m.account.ID || m.current() != screenWizard {
		return nil
	}
	m.setAccount(msg.account)
	return m.schedulePanel()
}

// nextStep plans from the current snapshot and opens the first step, or
// the summary when nothing is left to ask.
func (m *session) nextStep() tea.Cmd {
	st, ok := m.plan.journey.Next()
	if !ok {
		if m.current() != screenSummary {
			// Opened from the top; a refresh of the summary on screen
			// keeps the place being read (summaryOffset clamps it).
			m.scrollSummaryToTop()
		}
		open := m.openFlow(&summaryScreen{m})
		return tea.Batch(open, m.scheduleRefresh(), deleteDraftCmd(m.c.Drafts, m.account.ID))
	}
	m.plan.step, m.plan.hidden = st, nil
	m.plan.problems, _ = placeProblems(st, st.Problems, m.account.Country, m.c.Lang)
	m.plan.done, m.plan.total = m.plan.journey.Done(), expectedTotal(m.plan.journey, m.plan.strategy, m.account)
	m.plan.planned = planKeys(m.c, m.account, m.plan.journey)
	if cmd, ok := m.offerFixes(); ok {
		return cmd
	}
	return m.showStep()
}

// showStep shows the current step: the wizard on the stack is rebuilt
// (anything over it popped), or it is opened over home (a person's step,
// over the people list).
func (m *session) showStep() tea.Cmd {
	if m.plan.fromPeople && m.truncateTo(screenPeople) {
		// A person's step: over the list, where its esc and its send
		// lead back.
		return m.push(&wizardScreen{formScreen: formScreen{session: m}})
	}
	if cmd, ok := m.popTo(screenWizard); ok {
		return cmd
	}
	// Over the account list it was opened from (esc goes back there), or
	// over home.
	return m.openFlow(&wizardScreen{formScreen: formScreen{session: m}})
}

// buildStep (re)builds the current step's form from the typed values.
func (m *wizardScreen) buildStep() tea.Cmd {
	st := m.plan.step
	hst := st
	if hst.Due == schema.PastDue && flows.NothingProvided(m.account) {
		// A new account lists everything past due; nothing was missed.
		hst.Due = schema.CurrentlyDue
	}
	heading := stepHeading(m.c, m.plan.done+1, m.plan.total, hst)
	if m.plan.fromPeople {
		heading = txtPersonStep.In(m.c.Lang)
	}
	if m.plan.revisiting {
		heading = m.revisitHeading()
	}
	if m.plan.edit != nil {
		heading = txtEditHeading.In(m.c.Lang)
	}
	prefill(m.plan.values, st, m.account)
	m.form, m.steps = stepForm(m.c, m.account, st, m.plan.values, m.plan.again, m.plan.hidden, heading)
	m.steps.shown = map[string]string{}
	for _, k := range m.steps.keys {
		if revealed(k) {
			m.steps.shown[k] = m.plan.values[k]
			if v, ok := m.plan.again[k]; ok {
				m.steps.shown[k] = v
			}
		}
	}
	m.steps.syncEcho(m.form)
	// After a refused submit the focus starts on the first field in
	// error, not on the first field of the step.
	for i := m.steps.firstProblem(m.plan.problems); i > 0; i-- {
		m.form.NextField()
	}
	return tea.Batch(m.form.Init(), m.resizeStep())
}

// scheduleRefresh re-reads the account later while Stripe is verifying.
func (m *session) scheduleRefresh() tea.Cmd {
	if m.current() != screenSummary || m.c.Static || len(m.account.Requirements.PendingVerification) == 0 {
		return nil
	}
	if m.plan.watch == nil || m.plan.watch.ID() != m.account.ID {
		m.plan.watch = m.c.Client.Watcher(m.account.ID, flows.WatchOptions{Min: m.c.RefreshEvery, Max: 30 * time.Second})
	}
	return refreshAfter(m.plan.watch.Read(), m.gen)
}
