package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"onboard/internal/untrusted"
	"onboard/schema"
)

// gap is the columns between the form and the status panel.
const gap = 2

// View draws the current screen.
func (m Model) View() string {
	body := m.body()
	bodyH := m.bodyHeight()
	if bodyH > 0 {
		body = lipgloss.NewStyle().MaxHeight(bodyH).Render(body)
		if pad := bodyH - lipgloss.Height(body); pad > 0 {
			body += strings.Repeat("\n", pad)
		}
	}
	// Text from Stripe or a file is made safe where it is drawn; Styled
	// keeps a place that forgot from driving the terminal.
	return untrusted.Styled(strings.Join([]string{m.header(), m.noticeLine(), body, m.footer()}, "\n"))
}

func (m Model) bodyHeight() int {
	if m.c.Height == 0 {
		return 0
	}
	// The chrome is measured: the title bar and the notice line (one line
	// each, also when the notice is empty), and the footer.
	chrome := lipgloss.Height(m.header()) + lipgloss.Height(m.noticeLine()) + lipgloss.Height(m.footer())
	return max(m.c.Height-chrome, 3)
}

// header names the program, the account and its setup on the left and
// the mode badge on the right. The badge is never cut: the left part
// gives way first, the business type, then the country, and only then
// the account id, which ends in "…".
func (m Model) header() string {
	right := m.modeBadge()
	var left string
	for _, l := range m.headerLefts() {
		left = l
		if m.c.Width == 0 || lipgloss.Width(l)+1+lipgloss.Width(right) <= m.c.Width {
			break
		}
	}
	if m.c.Width > 0 {
		left = fit(left, m.c.Width-lipgloss.Width(right)-1)
	}
	w := max(m.c.Width, lipgloss.Width(left)+lipgloss.Width(right)+1)
	return left + strings.Repeat(" ", max(w-lipgloss.Width(left)-lipgloss.Width(right), 1)) + right
}

// headerLefts are the header's left parts, longest first.
func (m Model) headerLefts() []string {
	s := m.c.Styles.App
	name := s.Title.Render("onboard")
	sc := m.screen
	if sc == screenBusy || sc == screenError {
		sc = m.back
	}
	switch sc {
	case screenWizard, screenSummary, screenPeople, screenDraft, screenSteps, screenLeave, screenLive:
		// The account's screens, the step list and the questions asked
		// on the way out or before a live write included, name it.
	default:
		// Every other screen is named, so the header never keeps the
		// previous account's id.
		if title := m.headerTitle(); title != "" {
			return []string{name + title, name}
		}
		return []string{name}
	}
	if !m.loaded {
		return []string{name}
	}
	id := name + s.Subtle.Render(" · ") + s.Account.Render(untrusted.Text(m.account.ID))
	if m.account.Country == "" {
		return []string{id}
	}
	return []string{
		id + s.Subtle.Render(fmt.Sprintf(" · %s %s", m.account.Country, businessTypeWord(m.account.BusinessType, m.c.Lang))),
		id + s.Subtle.Render(" · "+m.account.Country),
		id,
	}
}

func (m Model) modeBadge() string {
	switch m.c.Mode {
	case "live":
		return m.c.Styles.App.Live.Render(txtLive.In(m.c.Lang))
	case "test":
		return m.c.Styles.App.Sandbox.Render(txtTest.In(m.c.Lang))
	}
	return m.c.Styles.App.Sandbox.Render(txtSandbox.In(m.c.Lang))
}

func (m Model) noticeLine() string {
	if hint := m.sentAs(); hint != "" {
		return fit(m.c.Styles.Notice.Info.Render(hint), max(m.c.Width, 20))
	}
	if m.plan.notice == "" || (m.screen != screenWizard && m.screen != screenSummary && m.screen != screenPeople) {
		return ""
	}
	st := m.c.Styles.Notice.Success
	if m.plan.warn {
		st = m.c.Styles.Notice.Error
	}
	w := max(m.c.Width, 20)
	// A notice may quote Stripe ("Invalid email: …") or a name.
	lines := strings.Split(st.Width(w).Render(untrusted.Lines(m.plan.notice)), "\n")
	if len(lines) > 2 {
		lines = lines[:2]
	}
	return strings.Join(lines, "\n")
}

func (m Model) body() string {
	if m.reqs.open {
		return m.requestsView()
	}
	switch m.screen {
	case screenBusy:
		spin := m.spin.View()
		if m.c.Static {
			spin = "…"
		}
		return "\n " + spin + " " + m.busy
	case screenError:
		return m.errorView()
	case screenSummary:
		return m.summaryView()
	case screenWizard:
		return m.wizardView()
	case screenExplore:
		return m.explorer.view(m.c.Width, m.bodyHeight())
	case screenAccounts:
		spin := m.spin.View()
		if m.c.Static {
			spin = "…"
		}
		return m.triage.view(m.c, spin)
	}
	if m.form == nil {
		return ""
	}
	return m.form.View()
}

// wizardView puts the step's form beside the status panel, or, on a
// terminal narrower than sideBySide, under a one-line status.
func (m Model) wizardView() string {
	w, h := m.wizardFormSize()
	form := m.steps.render(m.c, m.form, m.plan.problems, w, h)
	if m.c.Width >= sideBySide {
		panel := renderStatus(m.c, m.account, statusPanelWidth)
		fw := wizardFormWidth(m.c.Width)
		left := lipgloss.NewStyle().Width(fw).Render(form)
		return lipgloss.JoinHorizontal(lipgloss.Top, left, strings.Repeat(" ", gap), panel)
	}
	return statusLine(m.c, m.account, m.c.Width) + "\n" + form
}

func (m Model) errorView() string {
	c := m.c
	msg := "?"
	if m.err != nil {
		msg = untrusted.Lines(errorMessage(m.err, c.Lang)) // it may quote Stripe
	}
	w := max(min(c.Width-2, 76), 20) // a paragraph reads best under 80 columns
	resume := ""
	if m.account.ID != "" {
		resume = c.Styles.App.Subtle.Render(fmt.Sprintf(txtResumeLater.In(c.Lang), m.account.ID)) + "\n"
	}
	return "\n" + c.Styles.Summary.Title.Render(txtErrorTitle.In(c.Lang)) + "\n\n" +
		wrapUnder(c.Styles.Notice.Error, "", msg, w) + "\n\n" + resume +
		c.Styles.App.Subtle.Render(txtErrorBack.In(c.Lang))
}

func (m Model) footer() string {
	return m.footerWith(m.screen == screenSummary && m.summaryScrolls())
}

// footerWith is the footer; scroll adds the summary's scroll keys. (The
// summary's room depends on the footer's height, so whether it scrolls
// is decided with them in: see summaryWindow.)
func (m Model) footerWith(scroll bool) string {
	var binds []key.Binding
	// The people keys show (and match) only where there are people.
	people, peopleWiz := m.c.Keys.People, m.c.Keys.PeopleInWizard
	people.SetEnabled(peopleEnabled(m.account))
	peopleWiz.SetEnabled(peopleEnabled(m.account))
	reqKey := m.c.Keys.Requests
	reqKey.SetEnabled(m.c.Requests != nil)
	switch {
	case m.reqs.open:
		binds = append(m.reqs.bindings(m.c.Copy != nil), m.c.Keys.Quit)
	case m.screen == screenSummary:
		// The scroll keys first: on a cut footer they are what a summary
		// taller than the screen needs.
		binds = append(m.scrollBindings(scroll), m.c.Keys.Home, m.c.Keys.Refresh, people, m.backKeys()[1], m.c.Keys.Back, m.c.Keys.Quit)
	case m.screen == screenError, m.screen == screenBusy:
		binds = []key.Binding{m.c.Keys.Back, m.c.Keys.Quit}
	case m.screen == screenExplore:
		binds = append(m.explorer.bindings(), m.c.Keys.Back, m.c.Keys.Quit)
	case m.screen == screenAccounts:
		binds = append(m.triage.bindings(m.c), m.c.Keys.Quit)
	default:
		if m.screen == screenWizard && m.c.Width < sideBySide {
			// Narrow: the status is one line, and the key that shows it
			// whole comes first so the cut footer never hides it.
			binds = append(binds, m.c.Keys.Status)
		}
		if m.form != nil {
			binds = append(binds, m.withoutIdleCompletion(m.form.KeyBinds())...)
		}
		if m.screen == screenWizard && m.c.Width >= sideBySide {
			binds = append(binds, m.c.Keys.Status)
		}
		if m.screen == screenWizard {
			if m.focusedTestValue() != "" {
				binds = append(binds, m.c.Keys.TestValue)
			}
			binds = append(binds, m.backKeys()...)
			binds = append(binds, peopleWiz)
		}
		if m.screen != screenHome {
			binds = append(binds, m.c.Keys.Back)
		}
		binds = append(binds, m.c.Keys.Quit)
	}
	helpKey := m.c.Keys.Help
	helpKey.SetEnabled(!m.typing())
	if m.fullHelp {
		helpKey.SetHelp("?", txtFewerHelp.In(m.c.Lang))
	}
	binds = append(binds, helpKey)
	if !m.reqs.open {
		// Last: on a narrow footer it is the one cut, not "? more keys".
		binds = append(binds, reqKey)
	}
	if m.c.Lang == schema.French {
		binds = frenchKeys(binds)
	}
	h := m.help
	h.Width = m.c.Width
	if m.fullHelp && !m.typing() {
		return m.fitWidth(m.c.Styles.Footer.Bar.Render(fullHelpFit(h, binds, m.c.Width)))
	}
	return m.fitWidth(m.c.Styles.Footer.Bar.Render(shortHelpFit(h, binds, m.c.Width)))
}

// shortHelpFit is the one-line help with as many whole bindings as fit in
// width, then "…" when some were left out. bubbles' help adds a binding
// that overflows when no room is left for its "…", and the line was then
// cut mid-word ("ctrl+c quitte…" at 60 columns in French).
func shortHelpFit(h help.Model, binds []key.Binding, width int) string {
	h.Width = 0 // measured here, whole bindings at a time
	if width <= 0 {
		return h.ShortHelpView(binds)
	}
	tail := " " + h.Styles.Ellipsis.Inline(true).Render(h.Ellipsis)
	for n := len(binds); n > 0; n-- {
		s := h.ShortHelpView(binds[:n])
		if slices.ContainsFunc(binds[n:], key.Binding.Enabled) {
			s += tail
		}
		if lipgloss.Width(s) <= width {
			return s
		}
	}
	return ""
}

// fullHelpFit is every enabled binding in columns of four rows, or of
// more rows where four do not fit in width: the full help shows every
// key. bubbles' help drops the columns past the width, and at 60 columns
// the full help showed fewer keys than the one line it replaced.
func fullHelpFit(h help.Model, binds []key.Binding, width int) string {
	h.Width = 0 // measured here
	on := slices.DeleteFunc(slices.Clone(binds), func(b key.Binding) bool { return !b.Enabled() })
	if len(on) == 0 {
		return ""
	}
	for rows := 4; ; rows++ {
		s := h.FullHelpView(columns(on, rows))
		if width <= 0 || lipgloss.Width(s) <= width || rows >= len(on) {
			return s
		}
	}
}

// columns splits bindings into columns of n for the full help.
func columns(bs []key.Binding, n int) [][]key.Binding {
	var out [][]key.Binding
	for len(bs) > 0 {
		k := min(n, len(bs))
		out = append(out, bs[:k])
		bs = bs[k:]
	}
	return out
}

// typing reports whether a text field has focus: keys then belong to it.
func (m Model) typing() bool {
	switch m.screen {
	case screenAccounts:
		return true // the filter has focus
	case screenSummary:
		return false // opened mid-wizard, the step's form is kept, unfocused
	}
	if m.form == nil {
		return false
	}
	switch m.form.GetFocusedField().(type) {
	case *huh.Input, *huh.Text:
		return true
	}
	return false
}

// wizardFormSize is the room of a step's form: beside the status panel,
// or under the one-line status when the terminal is narrow.
func (m Model) wizardFormSize() (w, h int) {
	w, h = wizardFormWidth(m.c.Width), m.bodyHeight()
	if m.c.Width < sideBySide {
		h = max(h-lipgloss.Height(statusLine(m.c, m.account, m.c.Width)), 5)
	}
	return w, h
}

// resizeForm gives the active form the room it has: the terminal less the
// chrome and, in the wizard, less the status panel.
func (m *Model) resizeForm() tea.Cmd {
	if m.form == nil || m.c.Width == 0 {
		return nil
	}
	// Forms stop at 100 columns: longer lines are hard to read, and the
	// help under each field would stretch into one line.
	w, h := min(m.c.Width, 100), m.bodyHeight()
	if m.screen == screenAccounts {
		w = m.c.Width // the list's rows are wide
	}
	if m.screen == screenWizard {
		w, h = m.wizardFormSize()
		for _, s := range m.steps.selects {
			s.refit(m.c)
		}
	}
	f, cmd := m.form.Update(tea.WindowSizeMsg{Width: w, Height: h})
	if hf, ok := f.(*huh.Form); ok {
		m.form = hf
	}
	return cmd
}
