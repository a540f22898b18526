package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// The summary scrolls when it is taller than the terminal: a v2 account's
// requirement entries alone can fill 24 rows, and the review of the
// answers sent comes after them. The title stays on top and the footer
// below; the part between scrolls, with the wizard's markers ("↑ more
// above", "↓ more below") where it is cut.

// ScrollKeyMap holds the keys that scroll the summary. None types a
// character into a field: the summary has none.
type ScrollKeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

func defaultScrollKeyMap(lang Lang) ScrollKeyMap {
	return ScrollKeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", txtScroll.In(lang))),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", txtScrollPage.In(lang))),
		PageDown: key.NewBinding(key.WithKeys("pgdown")),
		Top:      key.NewBinding(key.WithKeys("home"), key.WithHelp("home/end", txtScrollEnds.In(lang))),
		Bottom:   key.NewBinding(key.WithKeys("end")),
	}
}

var (
	txtScroll     = t("scroll")
	txtScrollPage = t("by page")
	txtScrollEnds = t("top/bottom")
)

// summaryWindow is the room the summary's scrolled part has: the body
// less the title line, under the header and the notice and above the
// footer with its scroll keys. 0 means no limit (the size is not known
// yet).
func (m *session) summaryWindow() int {
	if m.c.Height == 0 {
		return 0
	}
	chrome := lipgloss.Height(m.header()) + lipgloss.Height(m.noticeLine()) + lipgloss.Height(m.renderFooter(m.summaryBindings(true), true))
	return max(m.c.Height-chrome-1, 3)
}

// summaryMaxTop is the largest scroll offset: the last line of the body
// then sits above the bottom marker. 0 when everything fits.
func (m *session) summaryMaxTop() int {
	room := m.summaryWindow()
	n := strings.Count(m.summaryBody(), "\n") + 1
	// Below the title there is one spare line; when the body fits there,
	// nothing scrolls.
	if room == 0 || n <= room-1 {
		return 0
	}
	return n - (room - 2) // two marker lines
}

// summaryScrolls reports whether the summary is taller than its room.
func (m *session) summaryScrolls() bool { return m.summaryMaxTop() > 0 }

// summaryOffset is the first line of the body on screen. The room
// changes under a kept offset (? opens the taller full help, the window
// is resized, a refresh lengthens the body): the offset is clamped to the
// room there is now, and a summary scrolled to its end stays at its end,
// so its last lines are never hidden behind a taller footer.
func (m *session) summaryOffset() int {
	maxTop := m.summaryMaxTop()
	if m.summaryAtEnd {
		return maxTop
	}
	return min(m.summaryTop, maxTop)
}

// scrollSummary applies a scroll key; it reports false for other keys.
func (m *session) scrollSummary(msg tea.KeyMsg) bool {
	k := m.c.Keys.Scroll
	page := max(m.summaryWindow()-3, 1) // a page keeps one line in view
	top := m.summaryOffset()
	switch {
	case key.Matches(msg, k.Up):
		top--
	case key.Matches(msg, k.Down):
		top++
	case key.Matches(msg, k.PageUp):
		top -= page
	case key.Matches(msg, k.PageDown):
		top += page
	case key.Matches(msg, k.Top):
		top = 0
	case key.Matches(msg, k.Bottom):
		top = m.summaryMaxTop()
	default:
		return false
	}
	maxTop := m.summaryMaxTop()
	m.summaryTop = min(max(top, 0), maxTop)
	m.summaryAtEnd = maxTop > 0 && m.summaryTop == maxTop
	return true
}

// scrollSummaryToTop shows the summary from its first line.
func (m *session) scrollSummaryToTop() { m.summaryTop, m.summaryAtEnd = 0, false }

// scrollBindings are the scroll keys for the footer, shown only when the
// summary scrolls (scroll); the full help adds paging and the ends.
func (m *session) scrollBindings(scroll bool) []key.Binding {
	if !scroll {
		return nil
	}
	k := m.c.Keys.Scroll
	if m.fullHelp {
		return []key.Binding{k.Up, k.PageUp, k.Top}
	}
	return []key.Binding{k.Up}
}
