// Package tui is the terminal interface of onboard: a home screen, the
// new-account setup, the wizard (one huh form per requirement group beside
// a live status panel) and the summary.
//
// Routing rules of the root model:
//  1. ctrl+c always quits (exit 130), whatever has focus.
//  2. esc goes back one screen, keeping every value typed so far.
//  3. On a company's summary p, and in its wizard ctrl+o (a letter would be
//     typed into the focused field), opens the people screen.
//  4. Other keys go to the active form only; every other message goes to
//     the root's handlers and then to the active form.
//  5. Results of commands carry a generation number; stale ones are dropped.
package tui

import (
	"context"
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"onboard/drafts"
	"onboard/flows"
	"onboard/schema"
)

// draftPause is how long typing must pause before the draft is saved.
const draftPause = 400 * time.Millisecond

// screen is the root's state.
type screen int

const (
	screenHome screen = iota
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
)

func (s screen) String() string {
	return [...]string{"home", "open", "setup", "busy", "wizard", "summary", "error", "accounts", "draft", "explore", "people", "live", "leave", "steps"}[s]
}

// Start says where the program opens.
type Start struct {
	// Screen is screenHome unless New or AccountID says otherwise.
	New bool
	// Preset skips the setup form: country, business type and
	// capabilities were all given as flags.
	Preset   bool
	Setup    flows.NewAccount
	Strategy flows.Strategy
	// StrategyGiven says Strategy came from flags; otherwise the setup
	// form's default (up front) applies.
	StrategyGiven bool
	AccountID     string
}

// inputs are the values the home, open and setup forms are bound to.
type inputs struct {
	choice  string
	openID  string
	setup   setupValues
	restore bool
	draft   drafts.Draft
	people  peopleValues
	// suggest are the ids open-by-id completes from (recent, then listed).
	suggest []string
	live    liveState
	leave   string
	jump    string
}

// Model is the root of the program.
type Model struct {
	c      Common
	screen screen
	back   screen // where esc leads from busy, error and wizard screens
	form   *huh.Form
	// steps draws the wizard's form (the fields of form, in order).
	steps stepView
	// in holds what forms write through pointers. It is shared by every
	// copy of the model (Bubble Tea passes models by value), so a form
	// never writes into a copy that has been replaced.
	in       *inputs
	spin     spinner.Model
	busy     string
	help     help.Model
	gen      int
	account  schema.Account
	loaded   bool
	plan     wizardState
	err      error
	first    tea.Cmd
	explorer explorer
	// fullHelp shows every binding in columns instead of one line.
	fullHelp bool
	// statusFromWizard is set while the status screen was opened from a
	// step (esc goes back to it).
	statusFromWizard bool
	// draftGen debounces draft saves: only the last pause in typing saves.
	draftGen int
	// createdID is the account this session created, if any: leaving it
	// before anything was sent offers to delete it.
	createdID string
	// reqs is the requests pane, over whatever screen is active.
	reqs requestsPane
	// summaryTop is the first line of the summary's body on screen, when
	// the summary is taller than the terminal; summaryAtEnd, that it was
	// scrolled to its end, where it stays when the room changes
	// (summaryOffset).
	summaryTop   int
	summaryAtEnd bool
	// triage is the account list screen; listCancel stops the listing
	// under way (leaving the screen, or opening an account, ends it).
	triage     triageView
	listCancel context.CancelFunc
	// Interrupted is true when the operator pressed ctrl+c.
	Interrupted bool
}

var _ tea.Model = Model{}

// New builds the root model.
func New(c Common, s Start) Model {
	m := Model{c: c, help: help.New(), spin: spinner.New(spinner.WithSpinner(spinner.MiniDot)), in: &inputs{}}
	m.in.setup = setupValues{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}, Agreement: "full", Strategy: strategyUpfront}
	if s.Setup.Agreement != "" {
		m.in.setup.Agreement = s.Setup.Agreement
	}
	m.in.setup.API, m.in.setup.Email = "v1", s.Setup.Email
	if s.Setup.API != "" {
		m.in.setup.API = s.Setup.API
	}
	if s.Setup.Country != "" {
		m.in.setup.Country = s.Setup.Country
	}
	if s.Setup.BusinessType != "" {
		m.in.setup.BusinessType = s.Setup.BusinessType
	}
	if len(s.Setup.Capabilities) > 0 {
		m.in.setup.Capabilities = s.Setup.Capabilities
	}
	switch {
	case !s.StrategyGiven:
	case s.Strategy.Future:
		m.in.setup.Strategy = strategyFuture
	case s.Strategy.Upfront:
		m.in.setup.Strategy = strategyUpfront
	default:
		m.in.setup.Strategy = strategyProgressive
	}
	m.plan = newWizardState(m.in.setup.strategy())
	// The first command is made here, not in Init: Init has a value
	// receiver, so the generation it would bump would be lost.
	switch {
	case s.AccountID != "":
		m.in.openID = s.AccountID
		m.first = m.startLoad(s.AccountID, screenOpen)
	case s.New && s.Preset:
		m.first = m.startCreate()
	case s.New:
		m.toSetup()
		m.first = m.form.Init()
	default:
		m.toHome()
		m.first = m.form.Init()
	}
	m.first = tea.Batch(m.first, suggestionsCmd(c.Ctx, c.Triage))
	return m
}

// Summary is the account the session ended on and its state in the
// operator's words, for the line printed after the program exits (a
// scripted run's last line reads the same).
func (m Model) Summary() (id, state string) {
	if !m.loaded {
		return "", ""
	}
	return m.account.ID, flows.StateText(m.account, m.c.Lang)
}

// Init starts the first screen's work.
func (m Model) Init() tea.Cmd { return m.first }

// Update routes messages; see the package comment for the rules.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		if m.reqs.open {
			m.layoutRequests()
		}
		m.triage.setSize(m.c, m.c.Width, m.bodyHeight())
		if m.screen == screenPeople && m.in.people.stage == peopleList && m.form != nil {
			// The table's columns are fitted to the width.
			m.form = peopleForm(m.c, m.account, &m.in.people.pick)
			return m, tea.Batch(m.form.Init(), m.resizeForm())
		}
		return m, m.resizeForm()
	case result:
		if msg.gen != m.gen {
			if d, ok := msg.msg.(drainer); ok {
				return m, d.drain()
			}
			return m, nil
		}
		return m.Update(msg.msg)
	case copiedMsg, savedMsg:
		m.handleRequestsResult(msg)
		return m, nil
	case tea.KeyMsg:
		if cmd, done := m.handleKey(msg); done {
			return m, cmd
		}
	case accountMsg:
		opened := msg.err == nil && !msg.background
		next, cmd := m.handleAccount(msg)
		if opened {
			// Remembered for open-by-id's completion.
			cmd = tea.Batch(cmd, openedCmd(m.c.Ctx, m.c.Triage, msg.account.ID, m.c.Now()))
		}
		return next, cmd
	case submittedMsg:
		return m.handleSubmitted(msg)
	case exploredMsg:
		var cmd tea.Cmd
		m.explorer, cmd = m.explorer.update(msg)
		return m, cmd
	case draftTickMsg:
		if msg.gen != m.draftGen || m.screen != screenWizard {
			return m, nil
		}
		return m, saveDraftCmd(m.c.Drafts, m.account, m.draftValues(), m.c.Now())
	case removedMsg:
		return m.handleRemoved(msg)
	case deletedMsg:
		return m.handleDeleted(msg)
	case triageCachedMsg, triageProgressMsg, triageDoneMsg, suggestionsMsg:
		return m.handleTriageMsg(msg)
	case refreshMsg:
		if m.screen != screenSummary {
			return m, nil
		}
		return m, changedCmd(m.c.Ctx, m.c.Client, m.account.ID, m.plan.cursor, m.gen)
	case changedMsg:
		if m.screen != screenSummary {
			return m, nil
		}
		if msg.err != nil || msg.changed {
			// On an error, reading the account says what is wrong.
			m.plan.cursor = msg.cursor
			return m, loadCmd(m.c.Ctx, m.c.Client, m.account.ID, m.gen, true)
		}
		m.plan.cursor = msg.cursor
		return m, refreshAfter(m.plan.backoff.Next(false), m.gen)
	case spinner.TickMsg:
		spinning := m.screen == screenBusy || (m.screen == screenAccounts && m.triage.refreshing)
		if !spinning || m.c.Static {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	}
	return m.updateForm(msg)
}

// handleKey applies the global keys; done reports that the key was used.
func (m *Model) handleKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.c.Keys.Quit):
		m.Interrupted = true
		return tea.Quit, true
	case m.reqs.open:
		return m.updateRequests(msg), true
	case m.c.Requests != nil && key.Matches(msg, m.c.Keys.Requests):
		m.openRequests()
		return nil, true
	case key.Matches(msg, m.c.Keys.Help) && !m.typing():
		m.fullHelp = !m.fullHelp
		return m.resizeForm(), true
	case key.Matches(msg, m.c.Keys.Back):
		if m.screen == screenExplore && m.explorer.back() {
			return nil, true
		}
		if m.screen == screenAccounts && m.triage.clearFilter() {
			return nil, true // esc first clears the filter, then goes back
		}
		return m.goBack(), true
	}
	if m.screen == screenExplore {
		var cmd tea.Cmd
		m.explorer, cmd = m.explorer.update(msg)
		return cmd, true
	}
	if m.screen == screenAccounts {
		return m.triageKey(msg), true
	}
	if key.Matches(msg, m.c.Keys.PrevStep) && m.canGoBack() {
		return m.goBackStep(), true
	}
	if (m.screen == screenWizard || m.screen == screenSummary) && key.Matches(msg, m.c.Keys.Steps) &&
		m.plan.journey != nil && len(m.plan.journey.History()) > 0 {
		return m.toStepList(), true
	}
	if m.screen == screenWizard && key.Matches(msg, m.c.Keys.TestValue) {
		if cmd, ok := m.fillTestValue(); ok {
			return cmd, true
		}
	}
	if m.screen == screenWizard && key.Matches(msg, m.c.Keys.Status) {
		// The full status, mid-wizard; esc comes back to the same step.
		m.screen, m.statusFromWizard = screenSummary, true
		m.scrollSummaryToTop()
		return nil, true
	}
	if peopleEnabled(m.account) && ((m.screen == screenSummary && key.Matches(msg, m.c.Keys.People)) ||
		(m.screen == screenWizard && key.Matches(msg, m.c.Keys.PeopleInWizard))) {
		return m.toPeople(), true
	}
	if m.screen == screenSummary {
		switch {
		case m.scrollSummary(msg):
			return nil, true
		case key.Matches(msg, m.c.Keys.Refresh):
			m.gen++
			return loadCmd(m.c.Ctx, m.c.Client, m.account.ID, m.gen, true), true
		case key.Matches(msg, m.c.Keys.Home):
			m.statusFromWizard = false
			m.toHome()
			return m.form.Init(), true
		}
		// The summary has no field: other keys must not reach the step
		// form kept behind it.
		return nil, true
	}
	return nil, false
}

// goBack is esc: one screen back, values kept.
func (m *Model) goBack() tea.Cmd {
	switch m.screen {
	case screenLive:
		return m.liveBack()
	case screenPeople:
		if m.in.people.stage != peopleList {
			return m.toPeople()
		}
		// Replan: persons added here may have new fields due.
		m.gen++
		return m.nextStep()
	case screenSummary:
		if m.statusFromWizard {
			m.statusFromWizard = false
			return m.showStep()
		}
		m.gen++
		m.toHome()
		return m.form.Init()
	case screenWizard:
		if m.plan.fromPeople {
			return m.toPeople()
		}
		if m.shouldAskToLeave() {
			return m.toLeave()
		}
		m.gen++
		m.toHome()
		return m.form.Init()
	case screenLeave:
		return m.showStep() // esc on the question: stay
	case screenSteps:
		if m.back == screenSummary {
			m.screen, m.form = screenSummary, nil
			return nil
		}
		return m.showStep()
	case screenOpen, screenSetup, screenAccounts, screenDraft, screenExplore:
		m.stopListing()
		m.gen++ // drop results of work still running for the screen we leave
		m.toHome()
		return m.form.Init()
	case screenBusy, screenError:
		m.gen++
		switch m.back {
		case screenSetup:
			m.toSetup()
		case screenOpen:
			m.toOpen()
		case screenAccounts:
			return m.toTriage()
		case screenWizard:
			return m.showStep()
		case screenPeople:
			return m.toPeople()
		default:
			m.toHome()
		}
		return tea.Batch(m.form.Init(), m.resizeForm())
	}
	return nil
}

// updateForm passes a message to the active form and acts on its state.
func (m Model) updateForm(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.form == nil {
		return m, nil
	}
	f, cmd := m.form.Update(msg)
	if ff, ok := f.(*huh.Form); ok {
		m.form = ff
	}
	if m.screen == screenWizard {
		m.steps.syncEcho(m.form)
	}
	if m.form.State != huh.StateCompleted {
		if _, typed := msg.(tea.KeyMsg); typed && m.screen == screenWizard && m.c.Drafts != nil {
			m.draftGen++
			cmd = tea.Batch(cmd, tea.Tick(draftPause, func(time.Time) tea.Msg { return draftTickMsg{gen: m.draftGen} }))
		}
		return m, cmd
	}
	switch m.screen {
	case screenHome:
		switch m.in.choice {
		case choiceNew:
			m.toSetup()
			return m, tea.Batch(m.form.Init(), m.resizeForm())
		case choiceOpen:
			m.toOpen()
			return m, tea.Batch(m.form.Init(), m.resizeForm())
		case choiceExpl:
			if isLive(m.c) {
				m.screen, m.back, m.form = screenError, screenHome, nil
				m.err = &flows.LiveError{Explore: true, Lang: m.c.Lang}
				return m, nil
			}
			m.screen, m.back, m.form = screenExplore, screenHome, nil
			m.explorer = newExplorer(m.c)
			return m, m.explorer.load()
		case choiceList:
			return m, m.toTriage()
		default:
			return m, tea.Quit
		}
	case screenOpen:
		if m.in.openID == "" {
			m.toHome()
			return m, m.form.Init()
		}
		return m, m.startLoad(m.in.openID, screenOpen)
	case screenSetup:
		m.plan = newWizardState(m.in.setup.strategy())
		return m, m.startCreate()
	case screenPeople:
		return m, m.peopleDone()
	case screenLive:
		return m, m.liveConfirmed()
	case screenLeave:
		return m, m.leaveDone()
	case screenSteps:
		return m, m.jumpDone()
	case screenWizard:
		if m.plan.revisiting {
			return m, tea.Batch(m.submitRevisit(), saveDraftCmd(m.c.Drafts, m.account, m.draftValues(), m.c.Now()))
		}
		return m, tea.Batch(m.startSubmit(), saveDraftCmd(m.c.Drafts, m.account, m.draftValues(), m.c.Now()))
	case screenDraft:
		if m.in.restore {
			n := restoreDraft(m.plan.values, m.in.draft)
			m.plan.notice, m.plan.warn = fmt.Sprintf(plural(m.c.Lang, n, txtDraftRestoreOne, txtDraftRestored), n), false
			return m, m.nextStep()
		}
		return m, tea.Batch(deleteDraftCmd(m.c.Drafts, m.account.ID), m.nextStep())
	}
	return m, cmd
}
