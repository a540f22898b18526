package tui

import (
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"onboard/schema"
)

// wizardScreen is one step's form beside the account's status (the step
// is the session's: m.plan.step).
type wizardScreen struct {
	formScreen
	// steps draws the form (its fields, in order).
	steps stepView
}

func (w *wizardScreen) ID() screenID      { return screenWizard }
func (w *wizardScreen) Title() string     { return "" }
func (w *wizardScreen) Init() tea.Cmd     { return w.buildStep() }
func (w *wizardScreen) View() string      { return w.wizardView() }
func (w *wizardScreen) typing() bool      { return w.formTyping() }
func (w *wizardScreen) showsNotice() bool { return true }

func (w *wizardScreen) SetSize(int, int) tea.Cmd { return w.resizeStep() }

// resizeStep gives the step's form the room beside the status panel, or
// under the one-line status on a narrow terminal.
func (m *wizardScreen) resizeStep() tea.Cmd {
	if m.form == nil || m.c.Width == 0 {
		return nil
	}
	for _, s := range m.steps.selects {
		s.refit(m.c)
	}
	for _, t := range m.steps.texts {
		t.refit(m.c, formContentWidth(m.c, m.c.Width))
	}
	return m.resizeFormTo(m.wizardFormSize())
}

// back is esc on a step: back to the people list it was opened from, a
// question when something typed would be lost, or home.
func (w *wizardScreen) back() tea.Cmd {
	if b := w.below(); b != nil && b.ID() == screenPeople {
		return w.toPeople() // a person's step: back to the list
	}
	if w.plan.edit != nil {
		return w.leaveEdit() // a correction: back where it was asked
	}
	if w.shouldAskToLeave() {
		return w.toLeave()
	}
	w.gen++
	if b := w.below(); b != nil && (b.ID() == screenFix || b.ID() == screenAccounts) {
		return w.pop() // back to the question or the list it came from
	}
	return w.reset(nil)
}

func (w *wizardScreen) ShortHelp() []key.Binding {
	var binds []key.Binding
	if w.c.Width < sideBySide {
		// Narrow: the status is one line, and the key that shows it
		// whole comes first so the cut footer never hides it.
		binds = append(binds, w.c.Keys.Status)
	}
	if w.form != nil {
		binds = append(binds, w.withoutIdleCompletion(formBinds(w.form))...)
	}
	if w.c.Width >= sideBySide {
		binds = append(binds, w.c.Keys.Status)
	}
	if w.focusedTestValue() != "" {
		binds = append(binds, w.c.Keys.TestValue)
	}
	binds = append(binds, w.backKeys()...)
	// The people key shows (and matches) only where there are people.
	people := w.c.Keys.PeopleInWizard
	people.SetEnabled(peopleEnabled(w.account))
	return append(binds, people, w.c.Keys.Back, w.c.Keys.Quit)
}

func (w *wizardScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case draftTickMsg:
		if msg.gen != w.draftGen {
			return w, nil // typing went on: a later pause saves
		}
		return w, saveDraftCmd(w.c.Drafts, w.account, w.draftValues(), w.c.Now())
	case tea.KeyMsg:
		if cmd, ok := w.key(msg); ok {
			return w, cmd
		}
	}
	cmd, done := w.formUpdate(msg)
	if w.form != nil {
		w.steps.syncEcho(w.form)
	}
	if !done {
		if _, typed := msg.(tea.KeyMsg); typed && w.c.Drafts != nil {
			w.draftGen++
			gen := w.draftGen
			cmd = tea.Batch(cmd, tea.Tick(draftPause, func(time.Time) tea.Msg { return draftTickMsg{gen: gen} }))
		}
		return w, cmd
	}
	return w, w.submitStep()
}

// key applies the wizard's own keys; ok reports that the key was used.
func (w *wizardScreen) key(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := w.c.Keys
	switch {
	case key.Matches(msg, k.PrevStep) && w.canGoBack():
		return w.goBackStep(), true
	case key.Matches(msg, k.Steps) && w.hasSteps():
		return w.toStepList(), true
	case key.Matches(msg, k.TestValue):
		if cmd, ok := w.fillTestValue(); ok {
			return cmd, true
		}
	}
	switch {
	case key.Matches(msg, k.Status):
		// The full status, mid-wizard; esc comes back to the same step.
		w.scrollSummaryToTop()
		return w.push(&summaryScreen{w.session}), true
	case key.Matches(msg, k.PeopleInWizard) && peopleEnabled(w.account):
		return w.toPeople(), true
	}
	return nil, false
}

// submitStep sends the step the form was completed for, and saves the
// draft.
func (m *session) submitStep() tea.Cmd {
	// The send first: it settles the answers shown as No, which the
	// draft then keeps.
	if m.plan.edit != nil {
		return m.submitEdit()
	}
	if m.plan.revisiting {
		return tea.Batch(m.submitRevisit(), saveDraftCmd(m.c.Drafts, m.account, m.draftValues(), m.c.Now()))
	}
	return tea.Batch(m.startSubmit(), saveDraftCmd(m.c.Drafts, m.account, m.draftValues(), m.c.Now()))
}

// FullHelp is the step's keys that act on some of its fields only: the
// test value (in an empty field that has one) and the previous step (on
// the first field), enabled and named with where they act.
func (w *wizardScreen) FullHelp() []key.Binding {
	var out []key.Binding
	if w.c.Mode == "sandbox" && slices.ContainsFunc(w.plan.step.Fields, func(f schema.Field) bool {
		return f.Kind != schema.KindFile && schema.TestValue(f, w.c.Client.Context(w.account)) != ""
	}) {
		tv := w.c.Keys.TestValue
		tv.SetHelp(tv.Help().Key, txtTestValueWhere.In(w.c.Lang))
		out = append(out, tv)
	}
	if !w.plan.fromPeople && w.plan.edit == nil && w.plan.journey != nil && len(w.plan.journey.History()) > 0 {
		prev := w.c.Keys.PrevStep
		prev.SetHelp(prev.Help().Key, txtPrevStepWhere.In(w.c.Lang))
		out = append(out, prev)
	}
	return out
}
