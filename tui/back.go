package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/internal/untrusted"
)

// The way back. The journey remembers every step Stripe
// accepted (flows.Journey.History); shift+tab on a step's first field
// shows the step sent before it with what was typed, editable. Enter on
// it sends again only when a value changed (a new idempotency key; the
// same values would change nothing), then goes on. A list of steps, sent
// and to come, jumps to any of them.

// onFirstField reports whether the focus is on the step's first field.
func (m *wizardScreen) onFirstField() bool {
	return m.form != nil && m.steps.focusIndex(m.form) == 0
}

// canGoBack reports whether shift+tab leaves the step for the one sent
// before it.
func (m *wizardScreen) canGoBack() bool {
	if m.plan.fromPeople || m.plan.journey == nil || !m.onFirstField() {
		return false
	}
	n := len(m.plan.journey.History())
	if m.plan.revisiting {
		return m.plan.revisitAt > 0
	}
	return n > 0
}

// goBackStep shows the step sent before the one on screen.
func (m *session) goBackStep() tea.Cmd {
	i := len(m.plan.journey.History()) - 1
	if m.plan.revisiting {
		i = m.plan.revisitAt - 1
	}
	return m.goToSent(i)
}

// goToSent shows the i-th step sent, with the values typed for it.
func (m *session) goToSent(i int) tea.Cmd {
	h := m.plan.journey.History()
	if i < 0 || i >= len(h) {
		return nil
	}
	m.plan.revisiting, m.plan.revisitAt = true, i
	m.plan.step, m.plan.hidden, m.plan.problems = h[i].Step, nil, nil
	m.plan.notice, m.plan.warn = "", false
	return m.showStep()
}

// revisitHeading is the line under a sent step's title.
func (m *session) revisitHeading() string {
	// Numbered as the plan numbers its steps: a step sent is one of the
	// journey's, never "1 of 1" while the plan counts more.
	return fmt.Sprintf(txtRevisitHeading.In(m.c.Lang), m.plan.revisitAt+1, max(m.plan.total, len(m.plan.journey.History())))
}

// submitRevisit sends a sent step again when a value changed; unchanged,
// it goes on to the next sent step, or back to the plan.
func (m *session) submitRevisit() tea.Cmd {
	st := m.plan.step
	if m.plan.journey.Answered(st, m.plan.values) {
		if next := m.plan.revisitAt + 1; next < len(m.plan.journey.History()) {
			return m.goToSent(next)
		}
		m.plan.revisiting = false
		return m.nextStep()
	}
	ctx, ask := m.writeCtx(m.account.Country, liveSubmit)
	if ask != nil {
		return ask
	}
	answerShownNo(st, m.plan.values, m.plan.hidden)
	sub := m.plan.journey.Prepare(st, m.plan.values)
	// Sent again, it is not one more step done; its paths were tried.
	sub.Aside = true
	tick := m.busyWith(fmt.Sprintf(txtSubmitting.In(m.c.Lang), st.Title(m.account, m.c.Lang)))
	return tea.Batch(tick, submitCmd(ctx, sub, m.gen))
}

// Step list: every group the account holds (✓) and every step to come, to jump to.

const (
	editPrefix = "edit:"
	planPrefix = "plan:"
)

// toStepList opens the list of steps: each group the account holds, once,
// with the values Stripe returns (open one to correct it), then each step
// to come. A group also planned is listed once, as the step to come.
func (m *session) toStepList() tea.Cmd {
	from := m.current()
	var opts []huh.Option[string]
	plan := m.plan.journey.Plan()
	width := max(min(m.c.Width, 100)-6, 30)
	for i, st := range flows.EditSteps(m.account, m.c.Lang) {
		if slices.ContainsFunc(plan, func(p flows.Step) bool { return stepKey(p) == stepKey(st) }) {
			continue
		}
		line := untrusted.Text(groupLine(m.c, m.account, st, st.Values))
		opts = append(opts, huh.NewOption(ansi.Truncate("✓ "+line, width, "…"), fmt.Sprint(editPrefix, i)))
	}
	for i, st := range plan {
		label := "  " + st.Title(m.account, m.c.Lang)
		if from == screenWizard && !m.plan.revisiting && stepKey(st) == stepKey(m.plan.step) {
			label += " · " + txtStepHere.In(m.c.Lang) // the step left to open the list
		}
		opts = append(opts, huh.NewOption(label, fmt.Sprint(planPrefix, i)))
	}
	if len(opts) == 0 {
		return nil
	}
	m.in.jump = opts[0].Value
	return m.push(&stepsScreen{formScreen{session: m}, opts})
}

// stepsScreen is the list of steps, over the step or the summary it was
// opened from (esc goes back there).
type stepsScreen struct {
	formScreen
	opts []huh.Option[string]
}

func (s *stepsScreen) ID() screenID             { return screenSteps }
func (s *stepsScreen) Title() string            { return "" }
func (s *stepsScreen) ShortHelp() []key.Binding { return s.formHelp(true) }

func (s *stepsScreen) Init() tea.Cmd {
	s.form = newMenu(s.c, huh.NewGroup(huh.NewSelect[string]().Key("step").
		Title(txtStepsTitle.In(s.c.Lang)).Description(txtStepsHelp.In(s.c.Lang)).
		Options(s.opts...).Height(min(len(s.opts)+2, max(s.bodyHeight()-3, 4))).Value(&s.in.jump)))
	return s.started()
}

func (s *stepsScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	cmd, done := s.formUpdate(msg)
	if !done {
		return s, cmd
	}
	return s, s.jumpDone()
}

// jumpDone opens the step picked in the list.
func (m *session) jumpDone() tea.Cmd {
	// The option values are ours (a prefix and an index), so a value
	// that does not parse cannot happen; 0 would open the first step.
	var i int
	switch {
	case strings.HasPrefix(m.in.jump, editPrefix):
		i, _ = strconv.Atoi(strings.TrimPrefix(m.in.jump, editPrefix))
		if steps := flows.EditSteps(m.account, m.c.Lang); i < len(steps) {
			m.popQuiet() // the list: the correction opens over what it was opened from
			return m.openEdit(steps[i])
		}
	case strings.HasPrefix(m.in.jump, planPrefix):
		i, _ = strconv.Atoi(strings.TrimPrefix(m.in.jump, planPrefix))
		plan := m.plan.journey.Plan()
		if i < len(plan) {
			m.plan.revisiting = false
			m.plan.step, m.plan.hidden = plan[i], nil
			m.plan.problems, _ = placeProblems(plan[i], plan[i].Problems, m.account.Country, m.c.Lang)
			m.plan.done, m.plan.total = m.plan.journey.Done()+i, m.plan.journey.Total()
			return m.showStep()
		}
	}
	return m.nextStep()
}

// backKeys are the bindings of the way back, enabled where they apply.
func (m *wizardScreen) backKeys() []key.Binding {
	prev := m.c.Keys.PrevStep
	prev.SetEnabled(m.canGoBack())
	return []key.Binding{prev, m.stepsKey()}
}

// stepsKey is the key of the list of steps, enabled when it lists
// something: a group the account holds, or a step to come.
func (m *session) stepsKey() key.Binding {
	list := m.c.Keys.Steps
	list.SetEnabled(m.hasSteps())
	return list
}

// hasSteps reports whether the list of steps has an entry.
func (m *session) hasSteps() bool {
	return m.plan.journey != nil && (len(flows.EditSteps(m.account, m.c.Lang)) > 0 || len(m.plan.journey.Plan()) > 0)
}
