package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"onboard/schema"
)

// Japanese has no spaces between words: a line may break between any two
// wide characters, except before a mark that never starts a line (a
// closing bracket, a comma or full stop, the prolonged sound mark ー, a
// small kana) and after one that never ends it (an opening bracket): the
// rules of kinsoku shori (JIS X 4051). The wrapping under lipgloss and huh
// breaks only at spaces and a few ASCII marks, so a long Japanese run is
// either pushed whole under a short ASCII word ("Stripe" left alone on its
// line) or cut at the width wherever it falls ("ユーザーエ" / "ージェント").
// wrapJapanese breaks the text itself, and huh leaves lines that fit alone.
const (
	// noLineStart never starts a line: it stays with what comes before.
	noLineStart = "ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・、。，．）」』】〕〉》］｝！？：；ゝゞヽヾ々…‥"
	// noLineEnd never ends a line: it stays with what comes after.
	noLineEnd = "（「『【〔〈《［｛"
)

// wrapJapanese wraps s to width columns: between two wide characters
// (but never before a closing, prolonged or small-kana mark nor after an
// opening one), and at spaces, which a break drops; a run of narrow
// characters (an ASCII word, a number, a code) is kept whole unless it is
// wider than the line by itself. The lines of s stay lines.
func wrapJapanese(s string, width int) string {
	if width <= 0 {
		return s
	}
	paras := strings.Split(s, "\n")
	for i, p := range paras {
		paras[i] = wrapParagraph(p, width)
	}
	return strings.Join(paras, "\n")
}

// wrapParagraph wraps one line of text (see wrapJapanese).
func wrapParagraph(s string, width int) string {
	var lines []string
	var line strings.Builder
	lineW := 0
	pendingSpace := "" // spaces between the line and the next segment
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lineW = 0
	}
	for _, seg := range segments(s) {
		if strings.TrimSpace(seg) == "" {
			pendingSpace += seg
			continue
		}
		w := ansi.StringWidth(seg)
		sp := ansi.StringWidth(pendingSpace)
		if lineW > 0 && lineW+sp+w > width {
			flush()
		} else if lineW > 0 {
			line.WriteString(pendingSpace)
			lineW += sp
		}
		pendingSpace = ""
		for w > width { // a segment wider than the line: cut it
			head := ansi.Truncate(seg, width-lineW, "")
			if head == "" && lineW > 0 {
				flush()
				continue
			}
			if head == "" { // narrower than one character: one a line
				_, n := utf8.DecodeRuneInString(seg)
				head = seg[:n]
			}
			line.WriteString(head)
			flush()
			seg = seg[len(head):]
			w = ansi.StringWidth(seg)
		}
		line.WriteString(seg)
		lineW += w
	}
	if line.Len() > 0 || len(lines) == 0 {
		lines = append(lines, line.String())
	}
	return strings.Join(lines, "\n")
}

// segments cuts s where a line may break: a segment is a run of spaces, a
// run of narrow characters, or one wide character, joined to the next
// when the break between them is forbidden.
func segments(s string) []string {
	var toks []string
	var cur strings.Builder
	kind := 0  // of cur: 0 none, 1 space, 2 narrow, 3 wide
	esc := 0   // end of the escape sequence being skipped
	held := "" // escape sequences met in a run of spaces
	end := func() {
		if cur.Len() > 0 {
			toks = append(toks, cur.String())
			cur.Reset()
		}
		kind = 0
	}
	for i, r := range s {
		if esc > i {
			continue // inside an escape sequence, written whole below
		}
		if r == '\x1b' {
			// A style's escape sequence takes no room: it stays with the
			// text beside it.
			n := escapeLen(s[i:])
			if kind == 1 {
				held += s[i : i+n] // not on a space that a break drops
			} else {
				cur.WriteString(s[i : i+n])
			}
			esc = i + n
			continue
		}
		k := 2
		switch w := ansi.StringWidth(string(r)); {
		case r == ' ' || (unicode.IsSpace(r) && r != '\u00a0'):
			k = 1
		case w == 0 && cur.Len() > 0: // a combining mark stays on its letter
			cur.WriteRune(r)
			continue
		case w > 1 || strings.ContainsRune(noLineStart+noLineEnd, r):
			k = 3
		}
		if k != kind || k == 3 {
			end()
		}
		if k != 1 {
			cur.WriteString(held)
			held = ""
		}
		cur.WriteRune(r)
		kind = k
	}
	if held != "" {
		toks = append(toks, held)
	}
	end()
	// Join across forbidden breaks.
	var out []string
	for _, t := range toks {
		if n := len(out); n > 0 && strings.TrimSpace(t) != "" && strings.TrimSpace(out[n-1]) != "" &&
			(startsWithAny(t, noLineStart) || endsWithAny(out[n-1], noLineEnd)) {
			out[n-1] += t
			continue
		}
		out = append(out, t)
	}
	return out
}

// escapeLen is the length of the escape sequence at the start of s: a CSI
// sequence (a style) up to its final byte, else the escape and the byte
// after it.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	if s[1] != '[' {
		return 2
	}
	for j := 2; j < len(s); j++ {
		if s[j] >= 0x40 && s[j] <= 0x7e {
			return j + 1
		}
	}
	return len(s)
}

// wrapText wraps s (which may be styled) to width columns: Japanese with
// wrapJapanese, any other language at spaces.
func wrapText(c Common, s string, width int) string {
	if c.Lang == schema.Japanese {
		return wrapJapanese(s, width)
	}
	return ansi.Wrap(s, width, " ")
}

func startsWithAny(s, set string) bool {
	for _, r := range s {
		return strings.ContainsRune(set, r)
	}
	return false
}

func endsWithAny(s, set string) bool {
	rs := []rune(s)
	return len(rs) > 0 && strings.ContainsRune(set, rs[len(rs)-1])
}

// fittedText is a field's description kept whole, so that in Japanese it
// is wrapped again (wrapJapanese) whenever the form's width changes; in
// any other language huh's own wrapping, at spaces, is right.
type fittedText struct {
	set  func(string)
	text string
}

// describedBy is the setter of f's description, nil for a field that has
// none this package sets.
func describedBy(f huh.Field) func(string) {
	switch f := f.(type) {
	case *huh.Input:
		return func(s string) { f.Description(s) }
	case *huh.Select[string]:
		return func(s string) { f.Description(s) }
	case *huh.MultiSelect[string]:
		return func(s string) { f.Description(s) }
	case *huh.Confirm:
		return func(s string) { f.Description(s) }
	case *huh.FilePicker:
		return func(s string) { f.Description(s) }
	}
	return nil
}

// refit sets the description again for a field content columns wide.
func (t fittedText) refit(c Common, content int) {
	if c.Lang != schema.Japanese || content <= 0 {
		return
	}
	t.set(wrapJapanese(t.text, content))
}

// formContentWidth is the room a step form's field has for its text in a
// terminal width columns wide: the form's width less the bar (or the
// padding) huh draws before each field.
func formContentWidth(c Common, width int) int {
	th := c.Styles.Form
	frame := max(th.Focused.Base.GetHorizontalFrameSize(), th.Blurred.Base.GetHorizontalFrameSize())
	return wizardFormWidth(width) - frame
}

// describe keeps field's description text, in Japanese, to wrap it again
// at each width, and wraps it now when the width is already known.
func (v *stepView) describe(c Common, field huh.Field, text string) {
	set := describedBy(field)
	if c.Lang != schema.Japanese || set == nil || text == "" {
		return
	}
	t := fittedText{set: set, text: text}
	v.texts = append(v.texts, t)
	if c.Width > 0 {
		t.refit(c, formContentWidth(c, c.Width))
	}
}
