// Package tui is the terminal interface of onboard: a home screen, the
// new-account setup, the wizard (one huh form per requirement group beside
// a live status panel) and the summary.
//
// Routing rules of the root model (each screen is a screen, nav.go):
//  1. ctrl+c always quits (exit 130), whatever has focus.
//  2. esc goes back one screen (the stack's), keeping every value typed.
//  3. The requests pane, when open, takes every key.
//  4. Other keys, and every message but the journey's results, go to the
//     screen on top of the stack.
//  5. Results of commands travel in an envelope with the generation they
//     were started in (result); stale ones are dropped here, centrally.
package tui

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"onboard/drafts"
	"onboard/flows"
	"onboard/schema"
)

// draftPause is how long typing must pause before the draft is saved.
const draftPause = 400 * time.Millisecond

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
	// Foreseen is the account Stripe created the last time this setup
	// was created here, without its id (flows.Foreseeable): with New and
	// Preset, its first form is drawn at once while the account is
	// created, instead of a wait. Keys pressed before the account exists
	// are held and replayed on it; if its first step differs, the form
	// is redrawn before anything was typed into it.
	Foreseen *schema.Account
}

// inputs are the values the home, open and setup forms are bound to.
type inputs struct {
	choice  string
	openID  string
	setup   setupValues
	restore bool
	draft   drafts.Draft
	// suggest are the ids open-by-id completes from (recent, then listed).
	suggest []string
	live    liveState
	leave   string
	jump    string
}

// Model is the root of the program: the header, the footer, the size, the
// requests pane, the global keys and the stack of screens. Bubble Tea
// passes it by value; what the screens share lives behind the pointer.
type Model struct {
	*session
}

// session is what the screens of one program share: the account and the
// journey on it, the values the forms are bound to, and the stack.
type session struct {
	c Common
	// stack is the screens, home first; the last one is on screen.
	stack []screen
	// in holds what forms write through pointers.
	in   *inputs
	spin spinner.Model
	help help.Model
	// gen is the generation of the work awaited: a result of another
	// generation is dropped (result).
	gen     int
	account schema.Account
	loaded  bool
	plan    wizardState
	// err is what the error screen says.
	err   error
	first tea.Cmd
	// fullHelp shows every binding in columns instead of one line.
	fullHelp bool
	// draftGen debounces draft saves: only the last pause in typing saves.
	draftGen int
	// foreseen says the account on screen is Start.Foreseen, while the
	// real one is being created; held are the keys pressed meanwhile.
	foreseen bool
	held     []tea.Msg
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
	// Interrupted is true when the operator pressed ctrl+c.
	Interrupted bool
}

var _ tea.Model = Model{}

// New builds the root model.
func New(c Common, s Start) Model {
	m := &session{c: c, help: help.New(), spin: spinner.New(spinner.WithSpinner(spinner.MiniDot)), in: &inputs{}}
	if c.Styles != nil {
		m.help.Styles = c.Styles.Help
	}
	home := &homeScreen{formScreen{session: m}}
	m.stack = []screen{home}
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
		// Loading from the open form: esc while it loads, or on its
		// error, leads there.
		m.in.openID = s.AccountID
		m.stack = append(m.stack, &openScreen{formScreen{session: m}})
		m.first = m.startLoadBy(s.AccountID, early)
	case s.New && s.Preset:
		m.stack = append(m.stack, &setupScreen{formScreen{session: m}})
		switch {
		case s.Foreseen != nil && !isLive(c):
			// The foreseen form is drawn first; the create is sent with
			// the program's first commands, once that frame is ready.
			m.first = m.startCreate()
			m.first = tea.Batch(m.first, m.foresee(*s.Foreseen))
		default:
			m.first = m.startCreateBy(early)
		}
	case s.New:
		home.Init()
		m.first = m.push(&setupScreen{formScreen{session: m}})
	default:
		m.first = home.Init()
	}
	m.first = tea.Batch(m.first, suggestionsCmd(c.Ctx, c.Triage))
	return Model{m}
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

// foresee draws the first step of the account Stripe created the last
// time for this setup (Start.Foreseen), while the create, already sent,
// is awaited: its answer (same generation) replaces it.
func (m *session) foresee(a schema.Account) tea.Cmd {
	gen := m.gen
	m.foreseen = true
	m.setAccount(a)
	m.loaded = true
	cmd := m.nextStep()
	m.gen = gen
	return cmd
}

// Init starts the first screen's work.
func (m Model) Init() tea.Cmd { return m.first }

// Update routes messages; see the package comment for the rules.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	return m, m.update(msg)
}

func (m *session) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case result:
		if msg.gen != m.gen {
			if d, ok := msg.msg.(drainer); ok {
				return d.drain()
			}
			return nil
		}
		return m.update(msg.msg)
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		if m.reqs.open {
			m.layoutRequests()
		}
		return m.top().SetSize(m.c.Width, m.bodyHeight())
	case copiedMsg, savedMsg:
		m.handleRequestsResult(msg)
		return nil
	case tea.KeyMsg, tea.MouseMsg:
		if k, ok := msg.(tea.KeyMsg); m.foreseen && (!ok || !key.Matches(k, m.c.Keys.Quit)) {
			m.held = append(m.held, msg)
			return nil
		}
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if cmd, done := m.globalKey(msg); done {
			return cmd
		}
	// The journey's results are the session's, whatever is on screen.
	case accountMsg:
		foreseen, held := m.foreseen, m.held
		m.foreseen, m.held = false, nil
		if foreseen && msg.err != nil {
			// The create failed: the foreseen account goes, and the
			// screens are those of a create without one (the setup
			// under the wait the error replaces), so esc leads to
			// the setup, as it would have.
			m.account, m.loaded = schema.Account{}, false
			m.stack = append(m.stack[:1], &setupScreen{formScreen{session: m}}, &busyScreen{m, txtCreating.In(m.c.Lang)})
		}
		cmd := m.handleAccount(msg)
		if msg.err == nil && !msg.background {
			// Remembered for open-by-id's completion.
			cmd = tea.Batch(cmd, openedCmd(m.c.Ctx, m.c.Triage, msg.account.ID, m.c.Now()))
		}
		if msg.created && msg.err == nil {
			cmd = tea.Batch(cmd, createdCmd(m.c.Created, m.in.setup.account(), msg.account))
		}
		if foreseen && msg.err == nil {
			// The keys pressed on the foreseen form, on the real one.
			for _, k := range held {
				cmd = tea.Batch(cmd, m.update(k))
			}
		}
		return cmd
	case submittedMsg:
		return m.handleSubmitted(msg)
	case panelTickMsg:
		return m.panelTick()
	case panelMsg:
		return m.handlePanel(msg)
	case removedMsg:
		return m.handleRemoved(msg)
	case deletedMsg:
		return m.handleDeleted(msg)
	case suggestionsMsg:
		m.in.suggest = msg.ids
		return nil
	}
	top := m.top()
	next, cmd := top.Update(msg)
	if next != top && m.top() == top {
		m.stack[len(m.stack)-1] = next
	}
	return cmd
}

// globalKey applies the root's keys; done reports that the key was used.
func (m *session) globalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.c.Keys.EOF) && !m.textFocused() && !m.reqs.open:
		return m.eof(), true
	case key.Matches(msg, m.c.Keys.Quit):
		// Nothing left to ask for the account on screen: ctrl+c ends the
		// session as q does, not as an interruption to resume.
		m.Interrupted = !m.nothingToResume()
		return tea.Quit, true
	case m.reqs.open:
		return m.updateRequests(msg), true
	case m.c.Requests != nil && key.Matches(msg, m.c.Keys.Requests):
		m.openRequests()
		return nil, true
	case key.Matches(msg, m.c.Keys.Help) && !m.textFocused():
		m.fullHelp = !m.fullHelp
		return m.top().SetSize(m.c.Width, m.bodyHeight()), true
	case key.Matches(msg, m.c.Keys.Back):
		return m.goBack(), true
	}
	return nil, false
}

// goBack is esc: the screen's own way back, or one screen down the stack.
func (m *session) goBack() tea.Cmd {
	if b, ok := m.top().(backer); ok {
		return b.back()
	}
	return m.pop()
}

// leave is esc on a screen whose work may still be running: its results
// are ignored (the generation moves on).
func (m *session) leave() tea.Cmd {
	m.gen++
	return m.pop()
}
