package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"onboard/flows"
	"onboard/internal/untrusted"
	"onboard/schema"
)

// summaryView is the account's status screen: at the end of a journey,
// and mid-wizard on ctrl+t. Its title stays on top; the body under it
// scrolls when it is taller than the terminal (summary_scroll.go).
func (m *session) summaryView() string {
	c := m.c
	box := c.Styles.Summary.Box
	width := max(c.Width-box.GetHorizontalFrameSize(), 20)
	heading := txtAllDone
	switch {
	case m.midWizard():
		heading = txtStatusTitle // opened mid-wizard: things are still asked
	case stillAsked(m.account):
		// What was sent is still asked (a role answered "no", an owner
		// list left open): the journey will not ask it again in a loop,
		// but there is more to collect, and the notes below say what.
		heading = txtStillAsked
	}
	title := fit(c.Styles.Summary.Title.Render(heading.In(c.Lang)+" · "+flows.StateText(m.account, c.Lang)), width)
	body := m.summaryBody()
	if !m.summaryScrolls() {
		return box.Render(title + "\n\n" + body)
	}
	room := m.summaryWindow()
	top := m.summaryOffset()
	lines := window(c, strings.Split(body, "\n"), top, top+room-2, room)
	return box.Render(title + "\n" + strings.Join(lines, "\n"))
}

// stillAsked reports whether the platform still has something to give
// Stripe now (past due or due now); not for an account whose
// requirements Stripe collects itself.
func stillAsked(a schema.Account) bool {
	return !a.StripeCollects && len(a.Requirements.PastDue)+len(a.Requirements.CurrentlyDue) > 0
}

// summaryBody is the summary under its title. It uses the width it has:
// on a wide terminal the status panel sits on the left and what the
// account waits for (each capability's missing fields, errors, v2
// entries, the answers sent) fills the rest; on a narrow one they stack,
// the panel first and as wide as the terminal.
func (m *session) summaryBody() string {
	c := m.c
	width := max(c.Width-c.Styles.Summary.Box.GetHorizontalFrameSize(), 20)
	wide := c.Width >= sideBySide
	panelW, notesW := width, width
	if wide {
		panelW = min(max(width*2/5, statusPanelWidth), 50)
		notesW = width - panelW - gap
	}
	notes := strings.Join(m.summaryNotes(notesW), "\n")
	if notes == "" {
		panelW = width // nothing to put beside it: the panel takes the room
	}
	panel := renderStatus(c, m.account, panelW)
	switch {
	case notes == "":
		return panel
	case wide:
		return lipgloss.JoinHorizontal(lipgloss.Top, panel, strings.Repeat(" ", gap), notes)
	}
	return panel + "\n\n" + notes
}

// summaryNotes are the lines beside (or under) the status panel: why the
// account is disabled, what Stripe is verifying, what each capability
// waits for, field errors, the account link, and a v2 account's entries.
// Each is wrapped to width and keeps its indent.
func (m *session) summaryNotes(width int) []string {
	c, a := m.c, m.account
	var out []string
	add := func(s string) { out = append(out, s, "") }
	if why := flows.DialectOf(a).Explain(a, c.Lang); why != "" {
		add(wrapUnder(c.Styles.Notice.Error, "", why, width))
	}
	if n := len(a.Future.CurrentlyDue) + len(a.Future.EventuallyDue); n > 0 {
		add(wrapUnder(c.Styles.Notice.Info, "", fmt.Sprintf(plural(c.Lang, n, txtFutureDueOne, txtFutureDue), n), width))
	}
	if n := len(a.Requirements.PendingVerification); n > 0 {
		add(wrapUnder(c.Styles.Notice.Info, "", fmt.Sprintf(plural(c.Lang, n, txtPendingOne, txtWaiting), n), width))
	}
	if m.plan.link != "" {
		add(c.Styles.Status.Label.Render(schema.Colon(c.Lang, txtLinkLabel.In(c.Lang))) + "\n" + m.plan.link)
	}
	if v2 := flows.DialectOf(a).Details(a); v2 != nil {
		// v2 entries show their errors beside what they restrict.
		add(v2Entries(c, v2, width))
	} else {
		out = append(out, m.v1Notes(width)...)
	}
	if m.plan.journey != nil {
		// The answers sent, to review, with the key that changes one.
		if r := review(c, a, m.plan.journey.History(), width); r != "" {
			add(r)
		}
	}
	if len(out) > 0 {
		out = out[:len(out)-1] // no blank line after the last note
	}
	return out
}

// v1Notes are a v1 account's field errors and what each capability waits
// for (a v2 account's entries say both).
func (m *session) v1Notes(width int) []string {
	c, a := m.c, m.account
	var out []string
	add := func(s string) { out = append(out, s, "") }
	for _, e := range a.Requirements.Errors {
		// An unknown requirement is labelled with Stripe's own path.
		label := untrusted.Text(schema.Lookup(e.Requirement, a.Country).Label.In(c.Lang))
		add(wrapUnder(c.Styles.Notice.Error, "✗ ", schema.LabelValue(c.Lang, label, untrusted.Text(schema.ExplainRequirementError(e, c.Lang))), width))
	}
	for _, cp := range a.Capabilities {
		if labels := flows.BlockingLabels(a, cp, c.Lang); len(labels) > 0 {
			name := schema.CapabilityLabel(cp.Name).In(c.Lang)
			line := fmt.Sprintf(plural(c.Lang, len(labels), txtWaitsForOne, txtWaitsFor), name, len(labels), strings.Join(labels, ", "))
			add(wrapUnder(c.Styles.Notice.Info, "• ", line, width))
		}
	}
	return out
}

// summaryScreen is the account's status: where a journey ends (over
// home), and mid-wizard (over the step, ctrl+t), where esc goes back to
// the step.
type summaryScreen struct{ *session }

func (s *summaryScreen) ID() screenID             { return screenSummary }
func (s *summaryScreen) Title() string            { return "" }
func (s *summaryScreen) Init() tea.Cmd            { return nil }
func (s *summaryScreen) View() string             { return s.summaryView() }
func (s *summaryScreen) SetSize(int, int) tea.Cmd { return nil }
func (s *summaryScreen) showsNotice() bool        { return true }
func (s *summaryScreen) ShortHelp() []key.Binding { return s.summaryBindings(s.summaryScrolls()) }

// midWizard reports a summary opened from a step: things are still asked.
func (m *session) midWizard() bool {
	b := m.below()
	return b != nil && b.ID() == screenWizard
}

// summaryBindings are the summary's keys; scroll adds the scroll keys.
// (The summary's room depends on the footer's height, so whether it
// scrolls is decided with them in: see summaryWindow.)
func (m *session) summaryBindings(scroll bool) []key.Binding {
	people := m.c.Keys.People
	people.SetEnabled(peopleEnabled(m.account))
	// The scroll keys first: on a cut footer they are what a summary
	// taller than the screen needs.
	// At the end of a journey q quits (as ctrl+c does); mid-wizard esc goes
	// back to the step and ctrl+c is the way out.
	quit := m.c.Keys.Quit
	if !m.midWizard() {
		quit = m.c.Keys.Advance
	}
	return append(m.scrollBindings(scroll), m.c.Keys.Home, m.c.Keys.Refresh, people, m.stepsKey(), m.c.Keys.Back, quit)
}

func (s *summaryScreen) back() tea.Cmd {
	if b := s.below(); s.midWizard() || (b != nil && b.ID() == screenAccounts) {
		return s.pop() // back to the step, or to the list it was opened from
	}
	s.gen++
	return s.reset(nil)
}

func (s *summaryScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case refreshMsg:
		if s.plan.watch == nil {
			return s, s.scheduleRefresh()
		}
		return s, lookCmd(s.c.Ctx, s.plan.watch, s.gen)
	case lookMsg:
		if msg.Read || msg.Err != nil {
			// What the look read (or why it could not) is the account's
			// news; taking it schedules the next look.
			return s, s.handleAccount(accountMsg{account: msg.Account, err: readErr(msg.Look), background: true})
		}
		return s, refreshAfter(msg.Wait, s.gen)
	case tea.KeyMsg:
		return s, s.key(msg)
	}
	return s, nil
}

func (s *summaryScreen) key(msg tea.KeyMsg) tea.Cmd {
	k := s.c.Keys
	switch {
	case key.Matches(msg, k.Steps) && s.hasSteps():
		return s.toStepList()
	case key.Matches(msg, k.People) && peopleEnabled(s.account):
		return s.toPeople()
	case s.scrollSummary(msg):
		return nil
	case key.Matches(msg, k.Refresh):
		s.gen++
		return loadCmd(s.c.Ctx, s.c.Client, s.account.ID, s.gen, true)
	case key.Matches(msg, k.Home):
		return s.reset(nil)
	case key.Matches(msg, k.Advance) && !s.midWizard():
		// The journey is over: nothing typed would be lost.
		return tea.Quit
	}
	// The summary has no field: other keys reach nothing.
	return nil
}
