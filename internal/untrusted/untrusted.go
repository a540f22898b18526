// Package untrusted makes text that came from outside the program (a
// connected account's names and email as Stripe returns them, a reason
// Stripe wrote, a value read from a file) safe to draw on a terminal or to
// print as JSON.
//
// A terminal interprets some characters instead of drawing them: C0 and C1
// control characters start escape sequences (ESC ] 0 ; … BEL retitles the
// window, OSC 52 writes the clipboard, ESC [ 2 J clears the screen, and
// U+009B is CSI on its own), and the explicit bidi controls reorder what
// follows them ("Trojan source", https://trojansource.codes). Each of
// these characters is replaced by a visible escape (\x1b, \u202e) so the
// operator sees that it is there and the terminal never acts on it; a
// sequence cut in the middle is harmless for the same reason: its
// introducer is no longer a control character. Width measuring and
// truncation then work on the result, which holds printable characters
// only.
package untrusted

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// IsControl reports the C0 controls, DEL and the C1 controls
// (U+0000–U+001F, U+007F–U+009F).
func IsControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// IsBidi reports the explicit bidi formatting characters: embeddings and
// overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the marks
// (U+200E, U+200F, U+061C), plus the line and paragraph separators
// (U+2028, U+2029), which some terminals break lines on.
func IsBidi(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e, r == 0x200f, r == 0x061c, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// unsafe reports a rune Text and JSON escape.
func unsafe(r rune) bool { return IsControl(r) || IsBidi(r) }

// escape is the visible form of an unsafe rune: \x1b for a control below
// U+0100, \u202e above.
func escape(r rune) string {
	if r < 0x100 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// Text returns s safe to draw on one line: every control character
// (new lines and tabs too) and every bidi control becomes a visible escape,
// and bytes that are not UTF-8 become U+FFFD.
func Text(s string) string { return clean(s, false) }

// Lines is Text for a message of several lines: new lines are kept (and
// only them), so a multi-line error keeps its shape.
func Lines(s string) string { return clean(s, true) }

func clean(s string, keepNewlines bool) string {
	if isClean(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case keepNewlines && r == '\n':
			b.WriteByte('\n')
		case unsafe(r):
			b.WriteString(escape(r))
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// isClean is the fast path: most names hold nothing to escape.
func isClean(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return cleanRunes(s[i:], keepNewlines)
		}
		if (c < 0x20 && (!keepNewlines || c != '\n')) || c == 0x7f {
			return false
		}
	}
	return true
}

func cleanRunes(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || (unsafe(r) && (!keepNewlines || r != '\n')) {
			return false
		}
		i += n
	}
	return true
}

// JSON escapes, in JSON that encoding/json wrote, the characters it leaves
// as they are although a terminal acts on them: DEL, the C1 controls and
// the bidi controls become \u007f, \u009b, \u202e. encoding/json escapes
// the C0 controls itself. Outside strings JSON is ASCII, so every such
// character is inside a string and its \u escape is the same value: the
// output stays valid JSON that decodes to the same data. Bytes that are
// not UTF-8 were already replaced by encoding/json.
func JSON(b []byte) []byte {
	if isClean(string(b), true) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if unsafe(r) && r >= 0x7f {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

// writer applies Lines to everything written through it.
type writer struct{ w io.Writer }

// NewWriter returns a writer that passes what is written to w through
// Lines: for plain-text output (a status, the lines of a scripted run, the
// line-by-line prompter) where the program's own text and a connected
// account's text are printed together. Each Write should hold whole
// characters, as fmt's functions do: a character split between two
// writes is not UTF-8 in either and becomes U+FFFD.
func NewWriter(w io.Writer) io.Writer {
	if _, ok := w.(writer); ok {
		return w
	}
	return writer{w}
}

func (u writer) Write(p []byte) (int, error) {
	s := string(p)
	if isClean(s, true) {
		return u.w.Write(p)
	}
	if _, err := io.WriteString(u.w, Lines(s)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Styled is the last guard on a whole screen that onboard drew itself: it
// keeps the colour and weight sequences its styles emit (SGR: ESC [ … m),
// new lines and tabs, and escapes every other control character, escape
// sequence and bidi control, as Text does. Text that came from outside is
// made safe where it is drawn (Text), so that widths are measured on what
// is shown; Styled makes sure that a place that forgot cannot retitle the
// window, write the clipboard or clear the screen.
func Styled(s string) string {
	if isStyledClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		if n := sgrLen(s[i:]); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\n', r == '\t':
			b.WriteRune(r)
		case unsafe(r):
			b.WriteString(escape(r))
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// sgrLen is the length of the SGR sequence s starts with, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == ';', c == ':':
		case c == 'm':
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

// isStyledClean is Styled's fast path: nothing to change.
func isStyledClean(s string) bool {
	for i := 0; i < len(s); {
		if n := sgrLen(s[i:]); n > 0 {
			i += n
			continue
		}
		c := s[i]
		if c < 0x80 {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || unsafe(r) {
			return false
		}
		i += n
	}
	return true
}
