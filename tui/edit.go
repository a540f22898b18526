package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"onboard/flows"
	"onboard/schema"
)

// Correcting what Stripe holds. Any group of the account (its business
// profile, company, identity, address, each person, the bank account)
// opens prefilled with the values Stripe returns (flows.EditSteps); enter
// sends only what changed (flows.Changed) and the notice says which values
// it replaced. The correction opens over the screen it was asked from
// (the summary, the step list's step, the fixes of a failed verification)
// and esc, or the send, goes back there.

var (
	txtEditHeading    = schema.T("Correct what Stripe holds · only the values you change are sent")
	txtReplaced       = schema.T("Replaced: %s")
	txtNothingChanged = schema.T("Nothing changed: nothing sent.")
	txtFixTitle       = schema.T("How do you fix it?")
	txtGiven          = schema.T("provided")
	txtTestValueWhere = schema.T("test value (in an empty field)")
	txtPrevStepWhere  = schema.T("previous step (from the first field)")
)

// editing is a correction in progress: the planned step it interrupted,
// restored when it ends, and what its send replaced.
type editing struct {
	step       flows.Step
	hidden     map[string]bool
	problems   map[string]string
	done       int
	total      int
	revisiting bool
	revisitAt  int
	// had is set when a planned step was on screen.
	had      bool
	replaced []string
}

// openEdit opens st, a correction step: over the summary or the fixes
// it was asked from, or in place of the step on screen.
func (m *session) openEdit(st flows.Step) tea.Cmd {
	if m.plan.edit == nil {
		m.plan.edit = &editing{step: m.plan.step, hidden: m.plan.hidden, problems: m.plan.problems,
			done: m.plan.done, total: m.plan.total, revisiting: m.plan.revisiting, revisitAt: m.plan.revisitAt,
			had: len(m.plan.step.Fields) > 0}
	}
	// The account is the truth: the form starts from what Stripe holds,
	// not from what was typed before.
	for _, f := range st.Fields {
		delete(m.plan.again, f.Key)
		if v, ok := st.Values[f.Key]; ok {
			m.plan.values[f.Key] = v
		} else {
			delete(m.plan.values, f.Key)
		}
	}
	m.plan.step, m.plan.hidden, m.plan.problems = st, nil, map[string]string{}
	m.plan.revisiting = false
	m.plan.notice, m.plan.warn = "", false
	w := &wizardScreen{formScreen: formScreen{session: m}}
	if m.current() == screenWizard {
		return m.replace(w)
	}
	return m.push(w)
}

// endEdit restores the planned step the correction interrupted.
func (m *session) endEdit() {
	e := m.plan.edit
	if e == nil {
		return
	}
	m.plan.edit = nil
	m.plan.step, m.plan.hidden, m.plan.problems = e.step, e.hidden, e.problems
	m.plan.done, m.plan.total, m.plan.revisiting, m.plan.revisitAt = e.done, e.total, e.revisiting, e.revisitAt
}

// leaveEdit is esc on a correction: back to the screen it was opened
// over, or to the planned step it replaced.
func (m *session) leaveEdit() tea.Cmd {
	had := m.plan.edit != nil && m.plan.edit.had
	m.endEdit()
	if b := m.below(); b != nil && b.ID() != screenHome && b.ID() != screenWizard {
		return m.pop()
	}
	if had {
		return m.replace(&wizardScreen{formScreen: formScreen{session: m}})
	}
	return m.nextStep()
}

// submitEdit sends what the operator changed in the correction; with
// nothing changed, it sends nothing and goes back.
func (m *session) submitEdit() tea.Cmd {
	st := flows.Changed(m.plan.step, m.plan.values)
	if len(st.Fields) == 0 {
		cmd := m.leaveEdit()
		m.plan.notice, m.plan.warn = txtNothingChanged.In(m.c.Lang), false
		return cmd
	}
	ctx, ask := m.writeCtx(m.account.Country, liveSubmit)
	if ask != nil {
		return ask
	}
	m.plan.edit.replaced = flows.Replaced(m.plan.step, m.plan.values, m.c.Lang)
	sub := m.plan.journey.Prepare(st, m.plan.values)
	// A correction is no step of the plan: it is not counted as one.
	sub.Aside = true
	tick := m.busyWith(fmt.Sprintf(txtSubmitting.In(m.c.Lang), st.Title(m.account, m.c.Lang)))
	return tea.Batch(tick, submitCmd(ctx, sub, m.gen))
}

// editSent takes an accepted correction: the notice says what it
// replaced, and the operator is back where they asked for it (the
// summary), or on what the plan asks now.
func (m *session) editSent() tea.Cmd {
	replaced := m.plan.edit.replaced
	m.endEdit()
	m.truncateTo(screenWizard) // the busy screen
	m.popQuiet()               // the correction
	m.plan.notice, m.plan.warn = fmt.Sprintf(txtReplaced.In(m.c.Lang), strings.Join(replaced, " · ")), false
	switch m.current() {
	case screenSummary:
		return tea.Batch(m.top().Init(), m.scheduleRefresh())
	case screenFix:
		m.popQuiet()
	}
	notice := m.plan.notice
	cmd := m.nextStep()
	m.plan.notice = notice
	return cmd
}

// groupLine is a group's entry in the step list and the summary: its
// title and each value it holds, with its label ("Business profile ·
// MCC: 5734 · Website: https://…"); write-only values read "provided".
func groupLine(c Common, a schema.Account, st flows.Step, values map[string]string) string {
	parts := []string{st.Title(a, c.Lang)}
	for _, f := range st.Fields {
		v, ok := values[f.Key]
		switch {
		case f.Sensitive && a.Provided[f.Key]:
			v = txtGiven.In(c.Lang)
		case !ok || v == "":
			continue
		case f.Sensitive:
			v = f.Mask(v)
		case f.Kind == schema.KindFile:
			v = txtGiven.In(c.Lang)
		case f.Kind == schema.KindAcceptance || f.Kind == schema.KindYesNo:
			yes, no := confirmWords(c, f.Kind)
			v = map[bool]string{true: yes, false: no}[v == "true"]
		}
		parts = append(parts, schema.LabelValue(c.Lang, f.Label.In(c.Lang), v))
	}
	return strings.Join(parts, " · ")
}

// Fixes of a failed verification: exactly what Stripe accepts (correct
// the values it could not match, or give the document), asked before the
// document step.

// fixScreen asks how to fix a failed verification.
type fixScreen struct {
	formScreen
	fixes []flows.Fix
	pick  int
}

func (f *fixScreen) ID() screenID             { return screenFix }
func (f *fixScreen) Title() string            { return "" }
func (f *fixScreen) ShortHelp() []key.Binding { return f.formHelp(true) }

func (f *fixScreen) Init() tea.Cmd {
	var opts []huh.Option[int]
	for i, fx := range f.fixes {
		opts = append(opts, huh.NewOption(fx.Label.In(f.c.Lang), i))
	}
	var why []string
	for _, p := range f.plan.step.Problems {
		why = append(why, p)
	}
	f.form = newMenu(f.c, huh.NewGroup(huh.NewSelect[int]().Key("fix").
		Title(txtFixTitle.In(f.c.Lang)).Description(strings.Join(why, "\n")).
		Options(opts...).Value(&f.pick)))
	return f.started()
}

func (f *fixScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	cmd, done := f.formUpdate(msg)
	if !done {
		return f, cmd
	}
	fx := f.fixes[f.pick]
	if fx.Correct {
		return f, f.openEdit(fx.Step)
	}
	// The document: the planned step, over this question (esc comes back).
	return f, f.push(&wizardScreen{formScreen: formScreen{session: f.session}})
}

// offerFixes asks how to fix the failure that planned the step on screen,
// when Stripe accepts more than the document; it reports false when
// there is nothing to choose.
func (m *session) offerFixes() (tea.Cmd, bool) {
	if m.plan.fromPeople || m.plan.revisiting || m.plan.edit != nil {
		return nil, false
	}
	fixes := flows.Fixes(m.account, m.plan.step, m.c.Lang)
	if len(fixes) == 0 {
		return nil, false
	}
	return m.openFlow(&fixScreen{formScreen: formScreen{session: m}, fixes: fixes}), true
}

// openFlow shows s as the journey's screen: in place of the step (or
// question) on the stack, over the account list it was opened from, or
// over home.
func (m *session) openFlow(s screen) tea.Cmd {
	for i := len(m.stack) - 1; i > 0; i-- {
		switch m.stack[i].ID() {
		case screenWizard, screenFix:
			m.stack = m.stack[:i]
			return m.push(s)
		case screenAccounts:
			m.stack = m.stack[:i+1]
			return m.push(s)
		}
	}
	return m.reset(s)
}
