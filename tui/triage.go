package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/table"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"onboard/flows"
	"onboard/internal/untrusted"
	"onboard/schema"
)

// triageView is the account list: a filter that narrows the table as the
// operator types (by name, email, id, state, country, reason, or a
// person's name or email), a table of the
// accounts most urgent first, and a line that says where the list comes
// from (the cache, or a refresh under way with its progress).
type triageView struct {
	all []flows.Summary
	// hay is each account's searchable text, lower case, by index in all.
	hay []string
	// rows are the table rows of all (built once per list); shown are the
	// indexes of all that pass the filter, in order.
	rows  []table.Row
	shown []int
	// filterText is the filter the shown rows were computed for.
	filterText string
	filter     textinput.Model
	table      table.Model
	// loaded says a list (cached or fresh) has arrived.
	loaded bool
	// refreshing is set while a fresh list is read; progress says how far.
	refreshing bool
	progress   flows.ListProgress
	// listedAt is when the list shown was read from Stripe; cached says it
	// came from the triage cache.
	listedAt time.Time
	cached   bool
	// problem is the last refresh's failure, shown above the table (the
	// cached list stays usable).
	problem string
	// width is the window's: the line above the table wraps to it.
	width int
}

// TriageKeyMap holds the triage screen's keys. Letters are typed into the
// filter, so every action is on a key that types nothing.
type TriageKeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, Refresh, Clear                    key.Binding
}

func defaultTriageKeyMap(lang Lang) TriageKeyMap {
	return TriageKeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑/↓", txtTriageMove.In(lang))),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n")),
		PageUp:   key.NewBinding(key.WithKeys("pgup")),
		PageDown: key.NewBinding(key.WithKeys("pgdown")),
		Top:      key.NewBinding(key.WithKeys("home")),
		Bottom:   key.NewBinding(key.WithKeys("end")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", txtTriageOpen.In(lang))),
		Refresh:  key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", txtRefresh.In(lang))),
		Clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", txtTriageClear.In(lang))),
	}
}

func newTriage(c Common) triageView {
	ti := textinput.New()
	ti.Prompt = schema.LeadIn(txtTriageFilter.In(c.Lang))
	ti.Placeholder = txtTriageFilterHint.In(c.Lang)
	ti.PromptStyle, ti.PlaceholderStyle = c.Styles.Triage.Prompt, c.Styles.App.Subtle
	if c.Static {
		ti.Cursor.SetMode(cursor.CursorStatic)
	}
	ti.Focus()
	st := table.Styles{Header: c.Styles.Triage.Header, Cell: c.Styles.Triage.Cell, Selected: c.Styles.Triage.Selected}
	tb := table.New(table.WithStyles(st), table.WithFocused(true), table.WithKeyMap(table.KeyMap{}))
	tv := triageView{filter: ti, table: tb}
	tv.setColumns(c, max(c.Width, 40))
	return tv
}

// setList shows a new list, keeping the filter and, when it is still
// there, the account under the cursor.
func (tv *triageView) setList(c Common, list []flows.Summary, listedAt time.Time, cached bool) {
	keep := tv.selected()
	tv.all, tv.listedAt, tv.cached, tv.loaded = list, listedAt, cached, true
	tv.hay = make([]string, len(list))
	tv.rows = make([]table.Row, len(list))
	for i, s := range list {
		label := flows.StateLabel(s.State, c.Lang)
		// Names and emails are what each account typed (and the cache a
		// file): drawn, measured, cut and searched as made safe
		// (untrusted.Text), so the filter finds what the row shows.
		id, name, email, country := untrusted.Text(s.ID), untrusted.Text(s.Name), untrusted.Text(s.Email), untrusted.Text(s.Country)
		reason := untrusted.Text(flows.Reason(s, c.Lang))
		hay := []string{id, name, email, s.State, label, country, reason}
		if s.Errors > 0 { // what --state takes, so the filter understands it too
			hay = append(hay, "failed_verification", flows.StateLabel(flows.StateFailedVerification, c.Lang))
		}
		for _, p := range s.People {
			hay = append(hay, untrusted.Text(p))
		}
		tv.hay[i] = strings.ToLower(strings.Join(hay, "\x00"))
		if name == "" {
			name = txtTriageNoName.In(c.Lang)
		}
		dl := "—"
		if !s.Deadline.IsZero() {
			dl = day(s.Deadline, c.Lang)
		}
		// The last cell is the narrow layout's: the reason, or the state
		// when nothing is asked or nothing was sent yet.
		short := cmp.Or(reason, label)
		if s.State == flows.StateNew {
			short = label
		}
		tv.rows[i] = table.Row{"", id, name, email, country, label, dl, reason, short}
	}
	tv.applyFilter(keep)
}

// applyFilter recomputes the shown rows for the filter's text; every word
// typed must appear in the account's id, name, email, state, country,
// reason, or its people's names and emails.
func (tv *triageView) applyFilter(keep string) {
	tv.filterText = tv.filter.Value()
	words := strings.Fields(strings.ToLower(tv.filterText))
	tv.shown = tv.shown[:0]
	for i, h := range tv.hay {
		ok := true
		for _, w := range words {
			if !strings.Contains(h, w) {
				ok = false
				break
			}
		}
		if ok {
			tv.shown = append(tv.shown, i)
		}
	}
	rows := make([]table.Row, len(tv.shown))
	at := 0
	for k, i := range tv.shown {
		rows[k] = tv.rows[i]
		if tv.all[i].ID == keep {
			at = k
		}
	}
	tv.table.SetRows(rows)
	tv.table.SetCursor(at)
	tv.mark()
}

// mark puts the › marker on the row under the cursor only, so the
// selection shows without colour (NO_COLOR drops reverse video too).
func (tv *triageView) mark() {
	rows := tv.table.Rows()
	cur := tv.table.Cursor()
	for i := range rows {
		// Rows are shared with tv.rows: a marker left by an earlier
		// cursor or filter is cleared wherever it shows.
		if rows[i][0] != "" && i != cur {
			rows[i][0] = ""
		}
	}
	if cur >= 0 && cur < len(rows) {
		rows[cur][0] = "›"
	}
	tv.table.SetRows(rows)
}

// selected is the id of the account under the cursor, or "".
func (tv triageView) selected() string {
	// The account's own id, not the row's text (drawn escaped).
	if i := tv.table.Cursor(); i >= 0 && i < len(tv.shown) && len(tv.table.Rows()) == len(tv.shown) {
		return tv.all[tv.shown[i]].ID
	}
	return ""
}

// update handles a key; open is the id to open when enter was pressed.
func (tv triageView) update(c Common, msg tea.KeyMsg) (triageView, tea.Cmd, string) {
	k := c.Keys.Triage
	move := func(f func()) (triageView, tea.Cmd, string) {
		f()
		tv.mark()
		return tv, nil, ""
	}
	switch {
	case key.Matches(msg, k.Open):
		return tv, nil, tv.selected()
	case key.Matches(msg, k.Up):
		return move(func() { tv.table.MoveUp(1) })
	case key.Matches(msg, k.Down):
		return move(func() { tv.table.MoveDown(1) })
	case key.Matches(msg, k.PageUp):
		return move(func() { tv.table.MoveUp(tv.table.Height()) })
	case key.Matches(msg, k.PageDown):
		return move(func() { tv.table.MoveDown(tv.table.Height()) })
	case key.Matches(msg, k.Top):
		return move(tv.table.GotoTop)
	case key.Matches(msg, k.Bottom):
		return move(tv.table.GotoBottom)
	}
	var cmd tea.Cmd
	tv.filter, cmd = tv.filter.Update(msg)
	// The text input drops control characters, not bidi overrides: a
	// name pasted from elsewhere shows as the rows show it.
	if v := tv.filter.Value(); untrusted.Text(v) != v {
		tv.filter.SetValue(untrusted.Text(v))
		tv.filter.CursorEnd()
	}
	if tv.filter.Value() != tv.filterText {
		tv.applyFilter(tv.selected())
	}
	return tv, cmd, ""
}

// clearFilter empties the filter; it reports false when it was empty
// (esc then goes back).
func (tv *triageView) clearFilter() bool {
	if tv.filter.Value() == "" {
		return false
	}
	tv.filter.SetValue("")
	tv.applyFilter(tv.selected())
	return true
}

// chromeLines is what the screen draws besides the table's rows: the
// filter, the source line, a blank line and the table's header.
const chromeLines = 4

// setSize fits the table to the room the screen has.
func (tv *triageView) setSize(c Common, w, h int) {
	tv.width = w
	tv.setColumns(c, w)
	tv.filter.Width = max(w-lipgloss.Width(tv.filter.Prompt)-6, 10)
	tv.table.SetHeight(max(h-chromeLines+1, 3))
	tv.mark()
}

// setColumns lays the table out for width w. The deadline and the reason
// always show, so an overdue account says so at any width; the name takes
// what is left; the id and the country from 72 columns, the state in a
// column of its own from 100 (narrower, the reason column says the state
// when nothing is asked), the email from 110.
func (tv *triageView) setColumns(c Common, w int) {
	pad := c.Styles.Triage.Cell.GetHorizontalFrameSize()
	reason := txtTriageReason.In(c.Lang)
	titles := []string{"", txtTriageID.In(c.Lang), txtTriageName.In(c.Lang), txtTriageEmail.In(c.Lang),
		txtTriageCountry.In(c.Lang), txtState.In(c.Lang), txtTriageDeadline.In(c.Lang), reason, reason}
	widths := []int{1, 0, 0, 0, 0, 0, max(lipgloss.Width(titles[6]), 10), 0, 0}
	wide := w >= 100
	if w >= 72 {
		widths[1] = 21
		widths[4] = max(lipgloss.Width(titles[4]), 2)
	}
	fixed := 0
	for _, x := range widths {
		if x > 0 {
			fixed += x + pad
		}
	}
	flex := max(w-fixed-2*pad, 20) // name, reason (state, email)
	if w >= 110 {
		widths[3] = flex * 2 / 10
		flex -= widths[3] + pad
	}
	if !wide {
		widths[8] = flex * 7 / 10
		widths[2] = max(flex-widths[8]-pad, 6)
	} else {
		// The state up to its longest label (room allowing), the reason a
		// good part of the rest; the name what is left.
		widths[7] = flex * 28 / 100
		rest := flex - widths[7] - pad
		longest := 0
		for _, st := range flows.States {
			longest = max(longest, lipgloss.Width(flows.StateLabel(st, c.Lang)))
		}
		widths[5] = min(longest, max(rest*55/100, 12))
		widths[2] = max(rest-widths[5]-pad, 6)
	}
	cols := make([]table.Column, len(titles))
	for i := range titles {
		cols[i] = table.Column{Title: titles[i], Width: widths[i]}
	}
	tv.table.SetColumns(cols)
}

// view draws the screen.
func (tv triageView) view(c Common, spin string) string {
	source := tv.sourceLine(c, spin)
	if tv.width > 0 {
		// Wrapped, never cut: a long language or a narrow window gives
		// the table's last rows to its second line.
		source = lipgloss.NewStyle().Width(tv.width).Render(source)
		if extra := lipgloss.Height(source) - 1; extra > 0 {
			tv.table.SetHeight(max(tv.table.Height()-extra, 1))
		}
	}
	lines := []string{tv.filter.View(), source, ""}
	switch {
	case !tv.loaded:
	case len(tv.all) == 0:
		lines = append(lines, c.Styles.App.Subtle.Render(txtNoAccounts.In(c.Lang)))
	case len(tv.shown) == 0:
		lines = append(lines, c.Styles.App.Subtle.Render(fmt.Sprintf(txtTriageNoMatch.In(c.Lang), tv.filterText)))
	default:
		lines = append(lines, tv.table.View())
	}
	return strings.Join(lines, "\n")
}

// sourceLine says how many accounts show, and where the list comes from:
// a refresh under way (pages and accounts read so far), the cache, or
// Stripe at some time.
func (tv triageView) sourceLine(c Common, spin string) string {
	s := c.Styles.App.Subtle
	count := fmt.Sprintf(txtTriageCount.In(c.Lang), len(tv.shown), len(tv.all))
	if tv.problem != "" {
		return c.Styles.Notice.Error.Render(tv.problem)
	}
	if tv.refreshing {
		p := fmt.Sprintf(txtTriageRefreshing.In(c.Lang), tv.progress.Pages, tv.progress.Accounts)
		if !tv.loaded {
			return s.Render(spin + " " + p)
		}
		return s.Render(count + " · " + spin + " " + p)
	}
	if !tv.loaded {
		return ""
	}
	when := localTime(tv.listedAt, c.Lang)
	if tv.cached {
		return s.Render(count + " · " + fmt.Sprintf(txtTriageCached.In(c.Lang), when))
	}
	return s.Render(count + " · " + fmt.Sprintf(txtTriageListed.In(c.Lang), when))
}

// bindings are the keys the footer shows on the triage screen.
func (tv triageView) bindings(c Common) []key.Binding {
	k := c.Keys.Triage
	esc := k.Clear
	if tv.filter.Value() == "" {
		esc = c.Keys.Back // esc on an empty filter goes back
	}
	refresh := k.Refresh
	refresh.SetEnabled(!tv.refreshing)
	open := k.Open
	open.SetEnabled(len(tv.shown) > 0)
	return []key.Binding{k.Up, open, refresh, esc}
}

// suggestions are the ids open-by-id completes from: the accounts opened
// recently, then those listed, without repeats.
func suggestions(recent []string, list []flows.Summary) []string {
	out := slices.Clone(recent)
	seen := make(map[string]bool, len(recent)+len(list))
	for _, id := range recent {
		seen[id] = true
	}
	for _, s := range list {
		if !seen[s.ID] {
			seen[s.ID] = true
			out = append(out, s.ID)
		}
	}
	return out
}
