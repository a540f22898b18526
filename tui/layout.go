package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/schema"
)

// Layout rules every screen shares. Sizes come from the last
// WindowSizeMsg (Common.Width, Common.Height) less the chrome, measured
// with lipgloss; nothing here assumes a terminal size.

// sideBySide is the narrowest terminal that shows the form and the status
// panel next to each other (the form keeps about 36 columns). Narrower
// ones show the status as one line above the form; ctrl+t shows it whole.
const sideBySide = 72

// fit cuts s (styled or not) to w columns; cut text ends in "…".
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// fitLines cuts every line of a block to w columns.
func fitLines(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = fit(l, w)
	}
	return strings.Join(lines, "\n")
}

// wrapUnder wraps text to width, and starts the lines it wraps onto under
// the first character after mark ("✗ ", "• "), so a wrapped message keeps
// its indent instead of restarting at column 0. The style applies to each
// line separately, so padding and colour never spill onto the indent.
func wrapUnder(st lipgloss.Style, mark, text string, width int) string {
	in := lipgloss.Width(mark)
	w := max(width-in, 10)
	wrapped := strings.Split(lipgloss.NewStyle().Width(w).Render(text), "\n")
	for i, l := range wrapped {
		l = strings.TrimRight(l, " ")
		lead := strings.Repeat(" ", in)
		if i == 0 {
			lead = mark
		}
		wrapped[i] = st.Render(lead + l)
	}
	return strings.Join(wrapped, "\n")
}

// plural picks the singular or plural form of a text for n, in lang:
// French takes the singular for 0 and 1, English for 1 only. The caller
// formats it (the forms take the same arguments).
func plural(lang Lang, n int, one, many schema.Text) string { return schema.Plural(lang, n, one, many) }

// businessTypeWord is a business type in one or two words, for the header.
func businessTypeWord(bt string, lang Lang) string { return schema.BusinessTypeLabel(bt, lang) }

// span is a short duration for countdowns, in lang: 13d 4h, 5h 12m, 40m
// in English; 13 j 4 h, 5 h 12 min, 40 min in French (a number held to
// its unit by a no-break space, in the catalog).
func span(d time.Duration, lang Lang) string {
	d = d.Round(time.Minute)
	days := int(d / (24 * time.Hour))
	hours := int(d % (24 * time.Hour) / time.Hour)
	mins := int(d % time.Hour / time.Minute)
	switch {
	case days > 0:
		return schema.Tf(txtSpanDays.EN, days, hours).In(lang)
	case hours > 0:
		return schema.Tf(txtSpanHours.EN, hours, mins).In(lang)
	}
	return schema.Tf(txtSpanMinutes.EN, mins).In(lang)
}

var (
	txtSpanDays    = tc("span", "%dd %dh")
	txtSpanHours   = tc("span", "%dh %dm")
	txtSpanMinutes = tc("span", "%dm")
)

// day writes a date the way the operator's language does: 2026-12-07 in
// English (ISO, unambiguous), 07/12/2026 in French.
func day(t time.Time, lang Lang) string {
	return t.UTC().Format(schema.DateLayout(lang))
}

// statusLine is the status panel in one line, for terminals too narrow
// for the panel beside the form: the state, what is past due and the
// deadline. It is cut to width with "…"; ctrl+t shows the whole panel.
func statusLine(c Common, a schema.Account, width int) string {
	s := c.Styles.Status
	state := flows.ListState(a)
	parts := []string{s.Label.Render(schema.LabelLead(c.Lang, txtState.In(c.Lang))) +
		stateStyle(c, state).Render(flows.StateText(a, c.Lang))}
	r := a.Requirements
	if flows.NothingProvided(a) {
		// Everything is "past due" on a new account: count it as due now,
		// as the panel does, not as missed deadlines.
		n := len(r.CurrentlyDue)
		parts = append(parts, s.CurrentlyDue.Render(fmt.Sprintf(plural(c.Lang, n, txtDueNowCountOne, txtDueNowCount), n)))
	} else if n := len(r.PastDue); n > 0 {
		parts = append(parts, s.PastDue.Render(fmt.Sprintf(txtPastDueCount.In(c.Lang), n)))
	} else if n := len(r.CurrentlyDue); n > 0 {
		parts = append(parts, s.CurrentlyDue.Render(fmt.Sprintf(plural(c.Lang, n, txtDueNowCountOne, txtDueNowCount), n)))
	}
	if !r.CurrentDeadline.IsZero() {
		parts = append(parts, fmt.Sprintf(txtDeadlineShort.In(c.Lang), deadline(c, r.CurrentDeadline)))
	}
	return fit(strings.Join(parts, s.Label.Render(" · ")), width)
}

// localKeys renames keys in help lines the way lang's keyboards label
// them (entrée, échap, maj+tab in French). The bindings are copies:
// matching is unchanged.
func localKeys(bs []key.Binding, lang Lang) []key.Binding {
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		b.SetHelp(keyName(b.Help().Key, lang), b.Help().Desc)
		out[i] = b
	}
	return out
}

// errorMessage is the one line shown for an error, in the operator's
// language where we know the case (flows.LocalMessage, which the command
// line prints too).
func errorMessage(err error, lang Lang) string {
	return flows.LocalMessage(err, lang)
}

// localTime is a moment (a draft saved, a list read) in local time, as
// lang writes it: 25/11/2026 18:42 in French.
func localTime(t time.Time, lang Lang) string {
	return t.Local().Format(schema.DateTimeLayout(lang))
}

// fitWidth cuts each line of a block to the terminal's width (when known),
// so a help line or a long value never wraps onto the next row.
func (m *session) fitWidth(s string) string {
	if m.c.Width <= 0 {
		return s
	}
	return fitLines(s, m.c.Width)
}

// dateMask is a date field's placeholder in lang: YYYY-MM-DD in English;
// in French JJ/MM/AAAA when the field accepts that national form, else
// AAAA-MM-JJ, so the mask is always one the field takes and never an
// English mask under a French help.
func dateMask(lang Lang, check func(string) error) string {
	if lang == schema.English {
		return "YYYY-MM-DD"
	}
	if check != nil && check("31/12/1990") == nil {
		return schema.DateFormat(schema.Context{Lang: lang})
	}
	return txtISOMask.In(lang)
}

var txtISOMask = tc("mask", "YYYY-MM-DD")

// onePiece keeps abbreviations whole in text that huh wraps. huh wraps
// descriptions with cellbuf.Wrap(s, w, ",.-; "), which may break after any
// ASCII full stop, so "e.g." could end a line at "e." and start the next
// at "g.". While huh wraps, its dots are U+2024 (one dot leader: one
// column), which is not a breakpoint, and the example after it is held
// on by a no-break space; plainDots turns them back into full stops in
// the frame drawn, so text copied from the terminal reads "e.g.". French
// "par ex." gets no-break spaces the same way.
func onePiece(s string) string {
	return abbreviations.Replace(s)
}

// plainDots writes the dots onePiece put in as plain full stops. Both are
// one column wide, so the frame's layout is unchanged.
func plainDots(frame string) string {
	return strings.ReplaceAll(frame, "\u2024", ".")
}

var abbreviations = strings.NewReplacer(
	"e.g. ", "e\u2024g\u2024"+schema.NBSP,
	"e.g.", "e\u2024g\u2024",
	"i.e. ", "i\u2024e\u2024"+schema.NBSP,
	"par ex. ", "par"+schema.NBSP+"ex\u2024"+schema.NBSP,
)

// capabilityOption offers a capability by its words, the API name after
// them for those who know it.
func capabilityOption(c Common, name string) huh.Option[string] {
	return huh.NewOption(schema.CapabilityLabel(name).In(c.Lang)+" ("+name+")", name)
}

// wizardFormWidth is the width of a step's form in a terminal of width
// columns: beside the status panel, or the whole width when narrow.
func wizardFormWidth(width int) int {
	if width >= sideBySide {
		return width - statusPanelWidth - gap
	}
	return width
}

// optionPrefix is what huh draws before a select's option: the group's
// bar and the cursor ("┃ > ").
const optionPrefix = 4

// optionLabel cuts a select option to the step form's width, ending in
// "…". huh wraps a long option onto a second line that the select's
// window then hides, which cut it without a mark. Before the first window
// size is known the label is whole; fittedSelect cuts it again at every
// size.
func optionLabel(c Common, label string) string {
	if c.Width <= 0 {
		return label
	}
	return fit(label, wizardFormWidth(c.Width)-optionPrefix)
}

// fittedSelect is a select field with its options' whole labels, so a
// resize (or the first size, when the form was built before it came) cuts
// them to the new width instead of keeping the old cut.
type fittedSelect struct {
	field  *huh.Select[string]
	labels []string
	values []string
}

// refit sets the options again, cut for a terminal width columns wide.
// huh keeps the choice: the option whose value is the field's stays
// selected.
func (f fittedSelect) refit(c Common) {
	opts := make([]huh.Option[string], len(f.labels))
	for i := range f.labels {
		opts[i] = huh.NewOption(optionLabel(c, f.labels[i]), f.values[i])
	}
	f.field.Options(opts...)
}
