package tui

import (
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"onboard/flows/wire"
	"onboard/schema"
)

// The requests pane lists the requests made so far (method, path, status,
// request id, duration, retries) and shows the selected one as a curl
// command or a stripe-go call, with the key and sensitive values as
// placeholders: records come from the wire package already redacted, so
// nothing the pane shows, copies or saves holds a secret. It opens over
// any screen and esc closes it.

// requestsKeyMap are the pane's own keys.
type requestsKeyMap struct {
	Up, Down, Format, Copy, Save, Close key.Binding
	// Scroll is the detail view's own paging (viewport keys), listed so
	// the help tells it.
	Scroll key.Binding
}

func defaultRequestsKeys(lang Lang) requestsKeyMap {
	return requestsKeyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", txtReqPrev.In(lang))),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", txtReqNext.In(lang))),
		Format: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", txtReqFormat.In(lang))),
		Copy:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", txtReqCopy.In(lang))),
		Save:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", txtReqSave.In(lang))),
		Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", txtBack.In(lang))),
		Scroll: key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", txtReqScroll.In(lang))),
	}
}

// requestsPane is the pane's state; the model holds it by value.
type requestsPane struct {
	open    bool
	keys    requestsKeyMap
	records []wire.Record
	cursor  int
	format  string
	lang    Lang
	detail  viewport.Model
	// saving is set while the file name is typed.
	saving bool
	path   textinput.Model
	note   string
}

// copiedMsg and savedMsg report a copy or a save.
type copiedMsg struct{ err error }

type savedMsg struct {
	path string
	err  error
}

// openRequests shows the pane with the requests made so far, the last
// one selected.
func (m *session) openRequests() {
	p := requestsPane{open: true, keys: defaultRequestsKeys(m.c.Lang), format: "curl", lang: m.c.Lang}
	p.records = m.c.Requests()
	p.cursor = max(len(p.records)-1, 0)
	p.path = textinput.New()
	p.path.Prompt = txtReqSavePrompt.In(m.c.Lang)
	p.path.SetValue("onboard-requests.sh")
	p.path.Cursor.SetMode(cursor.CursorStatic)
	m.reqs = p
	m.layoutRequests()
}

// layoutRequests sizes the detail view and fills it with the selection.
func (m *session) layoutRequests() {
	p := &m.reqs
	listH := min(len(p.records), max(m.bodyHeight()/3, 3))
	p.detail.Width = max(m.c.Width, 20)
	// The title wraps in a narrow window (or a long language): its
	// lines past the first come out of the detail's height.
	p.detail.Height = max(m.bodyHeight()-listH-2-lipgloss.Height(m.requestsTitle()), 3)
	// Wrapped to the width: the copy key copies the unwrapped text.
	p.detail.SetContent(lipgloss.NewStyle().Width(p.detail.Width).Render(p.selected()))
}

func (p requestsPane) selected() string {
	if len(p.records) == 0 {
		return ""
	}
	return wire.Render(p.format, p.records[p.cursor], p.lang)
}

// updateRequests handles a key while the pane is open.
func (m *session) updateRequests(msg tea.KeyMsg) tea.Cmd {
	p := &m.reqs
	if p.saving {
		switch msg.Type {
		case tea.KeyEnter:
			p.saving = false
			return saveRequestsCmd(strings.TrimSpace(p.path.Value()), p.format, p.records, p.lang)
		case tea.KeyEsc:
			p.saving = false
			return nil
		}
		var cmd tea.Cmd
		p.path, cmd = p.path.Update(msg)
		return cmd
	}
	// Requests may have completed since the last key.
	p.records = m.c.Requests()
	p.cursor = min(p.cursor, max(len(p.records)-1, 0))
	switch {
	case key.Matches(msg, p.keys.Close):
		p.open = false
		return nil
	case key.Matches(msg, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
		p.detail.GotoTop()
	case key.Matches(msg, p.keys.Down):
		p.cursor = min(p.cursor+1, max(len(p.records)-1, 0))
		p.detail.GotoTop()
	case key.Matches(msg, p.keys.Format):
		p.format = map[string]string{"curl": "go", "go": "curl"}[p.format]
	case key.Matches(msg, p.keys.Copy) && len(p.records) > 0 && m.c.Copy != nil:
		return copyCmd(m.c.Copy, wire.Preamble(p.format, p.lang)+"\n"+p.selected())
	case key.Matches(msg, p.keys.Save) && len(p.records) > 0:
		p.saving = true
		p.note = ""
		return p.path.Focus()
	default:
		var cmd tea.Cmd
		p.detail, cmd = p.detail.Update(msg) // pgup/pgdown scroll the detail
		return cmd
	}
	m.layoutRequests()
	return nil
}

// copyCmd copies text to the clipboard (OSC 52) off the UI loop.
func copyCmd(copyFn func(string) error, text string) tea.Cmd {
	return func() tea.Msg { return copiedMsg{err: copyFn(text)} }
}

// saveRequestsCmd writes every request in format to path (mode 0600).
func saveRequestsCmd(path, format string, rs []wire.Record, lang Lang) tea.Cmd {
	return func() tea.Msg {
		var b strings.Builder
		wire.WriteAll(&b, format, rs, lang)
		err := os.WriteFile(path, []byte(b.String()), 0o600)
		return savedMsg{path: path, err: err}
	}
}

// handleRequestsResult notes the outcome of a copy or a save.
func (m *session) handleRequestsResult(msg tea.Msg) {
	lang := m.c.Lang
	switch msg := msg.(type) {
	case copiedMsg:
		m.reqs.note = txtReqCopied.In(lang)
		if msg.err != nil {
			m.reqs.note = schema.LeadIn(txtReqFailed.In(lang)) + msg.err.Error()
		}
	case savedMsg:
		m.reqs.note = fmt.Sprintf(txtReqSaved.In(lang), msg.path)
		if msg.err != nil {
			m.reqs.note = schema.LeadIn(txtReqFailed.In(lang)) + msg.err.Error()
		}
	}
}

// requestsView is the pane: the list (a window around the selection),
// then the selected request in full.
func (m *session) requestsView() string {
	p := m.reqs
	st := m.c.Styles
	if len(p.records) == 0 {
		return "\n " + st.App.Subtle.Render(txtReqNone.In(m.c.Lang))
	}
	listH := min(len(p.records), max(m.bodyHeight()/3, 3))
	first := min(max(p.cursor-listH/2, 0), len(p.records)-listH)
	lines := []string{m.requestsTitle()}
	for i := first; i < first+listH; i++ {
		line := wire.Line(p.records[i], m.c.Lang)
		style := st.Requests.Item
		switch {
		case i == p.cursor:
			style = st.Requests.Selected
		case p.records[i].Err != "" || p.records[i].Status >= 400:
			style = st.Requests.Failed
		}
		lines = append(lines, style.Render(truncate(line, max(m.c.Width-2, 10))))
	}
	bottom := st.App.Subtle.Render(p.note)
	if p.saving {
		bottom = p.path.View()
	}
	return lipgloss.JoinVertical(lipgloss.Left, strings.Join(lines, "\n"), p.detail.View(), bottom)
}

// requestsTitle is the pane's title (how many requests, in which form),
// wrapped to the window's width.
func (m *session) requestsTitle() string {
	p := m.reqs
	if len(p.records) == 0 {
		return ""
	}
	title := fmt.Sprintf(plural(m.c.Lang, len(p.records), txtReqTitleOne, txtReqTitle), len(p.records), p.format)
	return m.c.Styles.Status.Heading.Width(max(m.c.Width, 20)).Render(title)
}

// requestsBindings are the pane's keys for the footer.
func (p requestsPane) bindings(canCopy bool) []key.Binding {
	cp := p.keys.Copy
	cp.SetEnabled(canCopy && len(p.records) > 0)
	sv := p.keys.Save
	sv.SetEnabled(len(p.records) > 0)
	return []key.Binding{p.keys.Up, p.keys.Down, p.keys.Scroll, p.keys.Format, cp, sv, p.keys.Close}
}

func truncate(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && lipgloss.Width(string(r))+1 > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
