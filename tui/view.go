package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"onboard/flows"
	"onboard/schema"
)

// Layout constants: the chrome around the body, in lines.
const (
	headerLines = 2 // title bar and the notice line
	gap         = 2 // columns between the form and the status panel
	// sideBySide is the narrowest terminal that shows the form and the
	// status panel next to each other; narrower ones stack them.
	sideBySide = 72
)

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
	return strings.Join([]string{m.header(), m.noticeLine(), body, m.footer()}, "\n")
}

func (m Model) bodyHeight() int {
	if m.c.Height == 0 {
		return 0
	}
	return max(m.c.Height-headerLines-lipgloss.Height(m.footer()), 3)
}

func (m Model) header() string {
	s := m.c.Styles.App
	left := s.Title.Render("onboard") + m.headerTitle()
	right := m.modeBadge()
	w := max(m.c.Width, lipgloss.Width(left)+lipgloss.Width(right)+1)
	return left + strings.Repeat(" ", max(w-lipgloss.Width(left)-lipgloss.Width(right), 1)) + right
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
		return m.c.Styles.Notice.Info.MaxWidth(max(m.c.Width, 20)).Render(hint)
	}
	if m.plan.notice == "" || (m.screen != screenWizard && m.screen != screenSummary && m.screen != screenPeople) {
		return ""
	}
	st := m.c.Styles.Notice.Success
	if m.plan.warn {
		st = m.c.Styles.Notice.Error
	}
	return st.MaxWidth(max(m.c.Width, 20)).Render(m.plan.notice)
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

func (m Model) wizardView() string {
	form := m.form.View()
	panel := renderStatus(m.c, m.account, statusPanelWidth)
	if m.c.Width >= sideBySide {
		fw := m.c.Width - statusPanelWidth - gap
		left := lipgloss.NewStyle().Width(fw).Render(form)
		return lipgloss.JoinHorizontal(lipgloss.Top, left, strings.Repeat(" ", gap), panel)
	}
	return lipgloss.JoinVertical(lipgloss.Left, form, panel)
}

func (m Model) summaryView() string {
	c := m.c
	heading := txtAllDone
	if m.statusFromWizard {
		heading = txtStatusTitle // opened mid-wizard: things are still asked
	}
	title := c.Styles.Summary.Title.Render(heading.In(c.Lang) + " · " + flows.StateLabel(flows.State(m.account), c.Lang))
	lines := []string{title, ""}
	// v2 accounts have no disabled_reason of their own: their entries say it.
	if why := flows.ExplainDisabled(m.account.Requirements.DisabledReason, c.Lang); why != "" && m.account.V2 == nil {
		lines = append(lines, c.Styles.Notice.Error.Width(min(max(c.Width-2, 20), 76)).Render(why), "")
	}
	if n := len(m.account.Future.CurrentlyDue) + len(m.account.Future.EventuallyDue); n > 0 {
		lines = append(lines, c.Styles.Notice.Info.Render(fmt.Sprintf(txtFutureDue.In(c.Lang), len(m.account.Future.EventuallyDue))), "")
	}
	if n := len(m.account.Requirements.PendingVerification); n > 0 {
		lines = append(lines, c.Styles.Notice.Info.Render(fmt.Sprintf(txtWaiting.In(c.Lang), n)), "")
	}
	if m.plan.link != "" {
		lines = append(lines, c.Styles.Status.Label.Render(txtLinkLabel.In(c.Lang)+":"), m.plan.link, "")
	}
	if m.account.V2 == nil { // v2 entries show their errors beside what they restrict
		for _, e := range m.account.Requirements.Errors {
			label := schema.Lookup(e.Requirement, m.account.Country).Label.In(c.Lang)
			lines = append(lines, c.Styles.Notice.Error.Width(min(max(c.Width-2, 20), 76)).
				Render("✗ "+label+": "+schema.ExplainError(e.Code, c.Lang)))
		}
	}
	if v := m.account.V2; v != nil {
		// v2: the panel, and beside it (or under it when narrow) the
		// entries with what they hold up and who must act.
		if c.Width >= sideBySide {
			w := c.Width - statusPanelWidth - gap - c.Styles.Summary.Box.GetHorizontalFrameSize()
			lines = append(lines, lipgloss.JoinHorizontal(lipgloss.Top,
				renderStatus(c, m.account, statusPanelWidth), strings.Repeat(" ", gap), v2Entries(c, v, w)))
		} else {
			w := max(c.Width-c.Styles.Summary.Box.GetHorizontalFrameSize(), 20)
			lines = append(lines, renderStatus(c, m.account, min(w, 60)), v2Entries(c, v, w))
		}
		return c.Styles.Summary.Box.Render(strings.Join(lines, "\n"))
	}
	for _, cp := range m.account.Capabilities {
		if labels := flows.BlockingLabels(m.account, cp, c.Lang); len(labels) > 0 {
			line := fmt.Sprintf(txtWaitsFor.In(c.Lang), cp.Name, len(labels), strings.Join(labels, ", "))
			lines = append(lines, c.Styles.Notice.Info.MaxWidth(min(max(c.Width-2, 20), 78)).Render(line))
		}
	}
	width := min(max(c.Width, 40), 60)
	lines = append(lines, renderStatus(c, m.account, width))
	return c.Styles.Summary.Box.Render(strings.Join(lines, "\n"))
}

func (m Model) errorView() string {
	c := m.c
	msg := "?"
	if m.err != nil {
		msg = flows.Message(m.err)
	}
	w := max(min(c.Width-2, 76), 20)
	return "\n" + c.Styles.Summary.Title.Render(txtErrorTitle.In(c.Lang)) + "\n\n" +
		c.Styles.Notice.Error.Width(w).Render(msg) + "\n\n" +
		c.Styles.App.Subtle.Render(txtErrorBack.In(c.Lang))
}

func (m Model) footer() string {
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
		binds = []key.Binding{m.c.Keys.Home, m.c.Keys.Refresh, people, m.c.Keys.Back, m.c.Keys.Quit}
	case m.screen == screenError, m.screen == screenBusy:
		binds = []key.Binding{m.c.Keys.Back, m.c.Keys.Quit}
	case m.screen == screenExplore:
		binds = append(m.explorer.bindings(), m.c.Keys.Back, m.c.Keys.Quit)
	case m.screen == screenAccounts:
		binds = append(m.triage.bindings(m.c), m.c.Keys.Quit)
	default:
		if m.form != nil {
			binds = append(binds, m.form.KeyBinds()...)
		}
		if m.screen == screenWizard {
			binds = append(binds, m.c.Keys.Status, peopleWiz)
		}
		if m.screen != screenHome {
			binds = append(binds, m.c.Keys.Back)
		}
		binds = append(binds, m.c.Keys.Quit)
	}
	helpKey := m.c.Keys.Help
	helpKey.SetEnabled(!m.typing())
	binds = append(binds, helpKey)
	if !m.reqs.open {
		// Last: on a narrow footer it is the one cut, not "? more keys".
		binds = append(binds, reqKey)
	}
	h := m.help
	h.Width = m.c.Width
	if m.fullHelp && !m.typing() {
		return m.c.Styles.Footer.Bar.Render(h.FullHelpView(columns(binds, 4)))
	}
	return m.c.Styles.Footer.Bar.Render(h.ShortHelpView(binds))
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
	if m.screen == screenAccounts {
		return true // the filter has focus
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

// resizeForm gives the active form the room it has: the terminal less the
// chrome and, in the wizard, less the status panel.
func (m *Model) resizeForm() tea.Cmd {
	if m.form == nil || m.c.Width == 0 {
		return nil
	}
	w, h := min(m.c.Width, 76), m.bodyHeight()
	if m.screen == screenWizard {
		if m.c.Width >= sideBySide {
			w = m.c.Width - statusPanelWidth - gap
		} else {
			w = m.c.Width
			h = max(h-lipgloss.Height(renderStatus(m.c, m.account, statusPanelWidth)), 5)
		}
	}
	f, cmd := m.form.Update(tea.WindowSizeMsg{Width: w, Height: h})
	if hf, ok := f.(*huh.Form); ok {
		m.form = hf
	}
	return cmd
}
