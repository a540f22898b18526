package tui

import (
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/schema"
)

// stepView draws a wizard step itself instead of leaving it to huh. huh
// lists a group's errors under the whole group, which on a tall step is
// below the screen (a wrong date of birth showed nothing at 80×24), and its viewport has no room for them. Here each field's error
// is drawn right under that field, and the window over the step follows
// the focused field so that the field and its error are always on screen.
// huh still owns focus, keys and values: only the drawing is ours.
type stepView struct {
	title, heading string
	fields         []huh.Field
	// keys is the value key of each field, for the problems reported on it.
	keys []string
	// selects are the step's select fields with their whole option
	// labels, cut again to the form's width whenever it changes.
	selects []fittedSelect
	// texts are the fields' descriptions kept whole, wrapped again in
	// Japanese to the form's width whenever it changes.
	texts []fittedText
	// shown are the revealed fields' values when the step was drawn: a
	// value brought back (after a refusal) stays masked until edited.
	shown map[string]string
}

// focusIndex is the position of form's focused field among v's fields.
func (v stepView) focusIndex(form *huh.Form) int {
	if form == nil {
		return 0
	}
	foc := form.GetFocusedField()
	for i, f := range v.fields {
		if f == foc {
			return i
		}
	}
	return 0
}

// render draws the step in at most height lines (0: no limit). problems
// are reported by field key (a refused submit, Stripe's errors); a
// field's own validation error wins over them, as it is newer.
func (v stepView) render(c Common, form *huh.Form, problems map[string]string, width, height int) string {
	th := c.Styles.Form
	head := []string{th.Group.Title.Render(v.title)}
	if v.heading != "" {
		head = append(head, th.Group.Description.Render(v.heading))
	}
	if len(v.fields) == 0 {
		return strings.Join(head, "\n")
	}
	focus := v.focusIndex(form)
	if f := v.fields[focus]; f.Zoom() {
		// A file picker being browsed takes the whole step.
		return strings.Join(append(head, f.View()), "\n")
	}
	errStyle := c.Styles.Field.Error
	var lines []string
	top, bottom := 0, 0
	for i, f := range v.fields {
		if i > 0 {
			lines = append(lines, "")
		}
		start := len(lines)
		for _, l := range strings.Split(f.View(), "\n") {
			// huh's viewport used to cut lines at the width; keep doing so.
			lines = append(lines, ansi.Truncate(l, max(width, 1), ""))
		}
		if msg := fieldProblem(f, problems[v.keys[i]]); msg != "" {
			// Wrapped under its first word, not back at the margin.
			inner := max(width, 20) - errStyle.GetHorizontalFrameSize()
			lines = append(lines, strings.Split(wrapUnder(errStyle, "✗ ", msg, inner), "\n")...)
		}
		if i == focus {
			top, bottom = start, len(lines)
		}
	}
	room := height - len(head)
	if height <= 0 || len(lines) <= room {
		return strings.Join(append(head, lines...), "\n")
	}
	return strings.Join(append(head, window(c, lines, top, bottom, room)...), "\n")
}

// window is the part of lines that fits in room lines and shows lines
// top..bottom (the focused field and its error), with a marker where
// lines are cut off above or below.
func window(c Common, lines []string, top, bottom, room int) []string {
	room = max(room, 3)
	inner := room - 2 // a marker line above and below
	off := max(0, bottom-inner)
	if top < off {
		off = top // a field taller than the window: its title first
	}
	off = min(off, max(len(lines)-inner, 0))
	end := min(off+inner, len(lines))
	above, below := "", ""
	if off > 0 {
		above = c.Styles.Field.More.Render(txtMoreAbove.In(c.Lang))
	}
	if end < len(lines) {
		below = c.Styles.Field.More.Render(txtMoreBelow.In(c.Lang))
	}
	out := append([]string{above}, lines[off:end]...)
	return append(out, below)
}

// fieldProblem is the message to draw under f: its validation error, or
// else what the last submit reported on it.
func fieldProblem(f huh.Field, reported string) string {
	if err := f.Error(); err != nil {
		return err.Error()
	}
	return reported
}

// placeProblems puts every reported problem on a field of the step: a
// problem whose key is not a field's (a document's front side, a date's
// day) goes to the field that covers it. The rest, which no field of the
// step answers, come back as lines naming their field, for the notice, so
// "fix the fields marked ✗" never shows with nothing marked.
func placeProblems(st flows.Step, problems map[string]string, country string, lang Lang) (map[string]string, []string) {
	placed := map[string]string{}
	var rest []string
	for k, msg := range problems {
		if f, ok := fieldFor(st, k); ok {
			placed[f] = msg
			continue
		}
		rest = append(rest, schema.LabelValue(lang, schema.Lookup(k, country).Label.In(lang), msg))
	}
	return placed, rest
}

// fieldFor is the key of the step's field that answers key: the field of
// that key, the one covering it, or its parent (individual.dob for
// individual.dob.day).
func fieldFor(st flows.Step, key string) (string, bool) {
	if key == acceptanceIPKey {
		return key, true
	}
	for _, f := range st.Fields {
		if f.Key == key || strings.HasPrefix(key, f.Key+".") || strings.HasPrefix(f.Key, key+".") {
			return f.Key, true
		}
		for _, p := range f.Covers {
			if p == key {
				return f.Key, true
			}
		}
	}
	// A key without the person's prefix (the Persons API's param dob[day],
	// or an error code's field, tax_id): the step field it ends.
	for _, f := range st.Fields {
		if strings.HasSuffix(f.Key, "."+key) || strings.HasSuffix("."+key, "."+leafOf(f)) ||
			strings.HasPrefix(key, leafOf(f)+".") {
			return f.Key, true
		}
	}
	return "", false
}

// leafOf is f's key without its person's prefix (dob for person_x.dob).
func leafOf(f schema.Field) string {
	if f.Person != nil {
		return strings.TrimPrefix(f.Key, f.Person.Prefix+".")
	}
	return f.Key
}

// firstProblem is the position of the first field with a problem, or -1.
func (v stepView) firstProblem(problems map[string]string) int {
	for i, k := range v.keys {
		if problems[k] != "" {
			return i
		}
	}
	return -1
}
