package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"onboard/internal/untrusted"
	"onboard/schema"
)

// gap is the columns between the form and the status panel.
const gap = 2

// View draws the current screen.
func (m *session) View() string { return m.view() }

func (m *session) view() string {
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
	return untrusted.Styled(plainDots(strings.Join([]string{m.header(), m.noticeLine(), body, m.footer()}, "\n")))
}

func (m *session) bodyHeight() int {
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
func (m *session) header() string {
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
func (m *session) headerLefts() []string {
	s := m.c.Styles.App
	name := s.Title.Render("onboard")
	// Every screen but the account's is named, so the header never keeps
	// the previous account's id; the account's screens (the step list and
	// the questions asked on the way out or before a live write included)
	// name the account.
	if title := m.top().Title(); title != "" {
		return []string{name + s.Subtle.Render(" · ") + s.Account.Render(title), name}
	}
	if !m.loaded {
		return []string{name}
	}
	id := name + s.Subtle.Render(" · ") + s.Account.Render(untrusted.Text(m.account.ID))
	if m.foreseen {
		// The account is being created: no id yet.
		id = name + s.Subtle.Render(" · "+txtCreating.In(m.c.Lang))
	}
	if m.account.Country == "" {
		return []string{id}
	}
	return []string{
		id + s.Subtle.Render(fmt.Sprintf(" · %s %s", m.account.Country, businessTypeWord(m.account.BusinessType, m.c.Lang))),
		id + s.Subtle.Render(" · "+m.account.Country),
		id,
	}
}

func (m *session) modeBadge() string {
	switch m.c.Mode {
	case "live":
		return m.c.Styles.App.Live.Render(txtLive.In(m.c.Lang))
	case "test":
		return m.c.Styles.App.Sandbox.Render(txtTest.In(m.c.Lang))
	}
	return m.c.Styles.App.Sandbox.Render(txtSandbox.In(m.c.Lang))
}

func (m *session) noticeLine() string {
	if h, ok := m.top().(hinter); ok && h.sentAs() != "" {
		return fit(m.c.Styles.Notice.Info.Render(h.sentAs()), max(m.c.Width, 20))
	}
	if n, ok := m.top().(noticer); m.plan.notice == "" || !ok || !n.showsNotice() {
		return ""
	}
	st := m.c.Styles.Notice.Success
	if m.plan.warn {
		st = m.c.Styles.Notice.Error
	}
	w := max(m.c.Width, 20)
	// A notice may quote Stripe ("Invalid email: …") or a name.
	return st.Render(noticeLines(untrusted.Lines(m.plan.notice), w))
}

// noticeLines wraps a notice to w columns on two lines at most; a longer
// one ends in "…" on its second line, so it reads as shortened, not cut.
func noticeLines(notice string, w int) string {
	lines := strings.Split(lipgloss.NewStyle().Width(w).Render(notice), "\n")
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = fit(strings.TrimRight(lines[1], " ")+" …", w)
	}
	return strings.Join(lines, "\n")
}

func (m *session) body() string {
	if m.reqs.open {
		return m.requestsView()
	}
	return m.top().View()
}

// wizardView puts the step's form beside the status panel, or, on a
// terminal narrower than sideBySide, under a one-line status.
func (m *wizardScreen) wizardView() string {
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

func (m *session) footer() string {
	if m.reqs.open {
		return m.renderFooter(append(m.reqs.bindings(m.c.Copy != nil), m.c.Keys.Quit), false)
	}
	return m.renderFooter(m.top().ShortHelp(), true)
}

// renderFooter lays out a screen's bindings and the root's own (the help
// key; requests, the pane's key): in one line, or in columns for the
// full help.
func (m *session) renderFooter(binds []key.Binding, requests bool) string {
	reqKey := m.c.Keys.Requests
	reqKey.SetEnabled(m.c.Requests != nil)
	helpKey := m.c.Keys.Help
	helpKey.SetEnabled(!m.textFocused())
	if m.fullHelp {
		helpKey.SetHelp("?", txtFewerHelp.In(m.c.Lang))
	}
	binds = append(slices.Clip(binds), helpKey)
	if requests {
		// Last: on a narrow footer it is the one cut, not "? more keys".
		binds = append(binds, reqKey)
	}
	if m.c.Lang != schema.English {
		binds = localKeys(binds, m.c.Lang)
	}
	h := m.help
	h.Width = m.c.Width
	if m.fullHelp && !m.textFocused() {
		if f, ok := m.top().(fullHelper); ok && requests {
			// Every key of the screen, also those that act on another
			// of its fields.
			binds = withKeys(binds, f.FullHelp())
		}
		return m.fitWidth(m.c.Styles.Footer.Bar.Render(fullHelpFit(h, binds, m.c.Width)))
	}
	return m.fitWidth(m.c.Styles.Footer.Bar.Render(shortHelpFit(h, binds, m.c.Width)))
}

// shortHelpFit is the one-line help with as many whole bindings as fit in
// width, then "…" when some were left out. bubbles' help adds a binding
// that overflows when no room is left for its "…", and the line was then
// cut mid-word ("ctrl+c quitte…" at 60 columns in French).
//
// From wrapAt columns on, nothing is left out: the bindings that do not
// fit go on a second line (the body gives up that row), so a screen's
// own keys are never hidden behind "…" on a common terminal.
func shortHelpFit(h help.Model, binds []key.Binding, width int) string {
	items := newShortItems(h, binds)
	if width <= 0 {
		return items.join(0, len(items.text))
	}
	if width >= wrapAt {
		return items.wrap(width)
	}
	tail := " " + h.Styles.Ellipsis.Inline(true).Render(h.Ellipsis)
	for n := len(items.text); n > 0; n-- {
		w := items.width(0, n)
		if n < len(items.text) {
			w += lipgloss.Width(tail)
		}
		if w <= width {
			if n < len(items.text) {
				return items.join(0, n) + tail
			}
			return items.join(0, n)
		}
	}
	// Not even the first binding fits; bubbles' line without it is the
	// "…" alone when a binding it skips (disabled) came first.
	if len(items.text) > 0 && len(binds) > 0 && !binds[0].Enabled() && lipgloss.Width(tail) <= width {
		return tail
	}
	return ""
}

// wrapAt is the width from which the one-line help wraps instead of
// ending in "…".
const wrapAt = 80

// shortItems are the enabled bindings of a one-line help, each drawn once
// as bubbles' help.Model.ShortHelpView draws it ("key desc", the
// separator between two), with its width: the lines are then laid out by
// adding widths, where drawing the whole line again for every binding
// tried cost most of a frame.
type shortItems struct {
	text   []string
	widths []int
	sep    string
	sepW   int
}

func newShortItems(h help.Model, binds []key.Binding) shortItems {
	s := shortItems{sep: h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator)}
	s.sepW = lipgloss.Width(s.sep)
	for _, b := range binds {
		if !b.Enabled() {
			continue
		}
		item := h.Styles.ShortKey.Inline(true).Render(b.Help().Key) + " " + h.Styles.ShortDesc.Inline(true).Render(b.Help().Desc)
		s.text = append(s.text, item)
		s.widths = append(s.widths, lipgloss.Width(item))
	}
	return s
}

// join is items i to j (excluded) on one line.
func (s shortItems) join(i, j int) string {
	return strings.Join(s.text[i:j], s.sep)
}

// width is the width of join(i, j).
func (s shortItems) width(i, j int) int {
	if j <= i {
		return 0
	}
	w := s.sepW * (j - i - 1)
	for _, iw := range s.widths[i:j] {
		w += iw
	}
	return w
}

// wrap is every item on as many lines as it needs in width, whole items
// on each.
func (s shortItems) wrap(width int) string {
	var lines []string
	from := 0
	for i := range s.text {
		if i > from && s.width(from, i+1) > width {
			lines = append(lines, s.join(from, i))
			from = i
		}
	}
	if from < len(s.text) {
		lines = append(lines, s.join(from, len(s.text)))
	}
	return strings.Join(lines, "\n")
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

// textFocused reports whether a text field has focus: keys then belong to it.
func (m *session) textFocused() bool {
	t, ok := m.top().(typer)
	return ok && t.typing()
}

// wizardFormSize is the room of a step's form: beside the status panel,
// or under the one-line status when the terminal is narrow.
func (m *session) wizardFormSize() (w, h int) {
	w, h = wizardFormWidth(m.c.Width), m.bodyHeight()
	if m.c.Width < sideBySide {
		h = max(h-lipgloss.Height(statusLine(m.c, m.account, m.c.Width)), 5)
	}
	return w, h
}
