package schema

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// French typography puts a space before the "high" punctuation marks
// (: ; ! ?) and inside guillemets (« »). It is a no-break space, so the
// mark never starts a line. We use U+00A0 rather than the narrow U+202F:
// terminals draw both one column wide, and the wrapping library under
// lipgloss (charmbracelet/x/ansi) never breaks at U+00A0 but does break at
// U+202F (unicode.IsSpace), which would leave a colon alone on a line.
const NBSP = "\u00a0"

// frenchSpacing applies French typography to s: the plain space before
// : ; ! ? and inside « » becomes a no-break space, and a mark glued to a
// word ("Type:") gets one. Marks inside tokens are left alone, so URLs
// (https://), times (15:04), key names and ids are unchanged: a mark only
// counts when it ends a word (followed by a space, a closing mark or the
// end of the text).
func frenchSpacing(s string) string {
	if !strings.ContainsAny(s, ":;!?«»") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == ' ' && i+1 < len(s) && strings.ContainsRune(":;!?»", rune(s[i+1])) && endsWord(s, i+2):
			b.WriteString(NBSP)
			continue
		case r == ' ' && strings.HasSuffix(s[:i], "«"):
			b.WriteString(NBSP)
			continue
		case r == ' ' && strings.HasPrefix(s[i+1:], "»"):
			b.WriteString(NBSP)
			continue
		case strings.ContainsRune(":;!?", r) && i > 0 && endsWord(s, i+1):
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if unicode.IsLetter(prev) || prev == ')' || prev == '»' || prev == '%' {
				b.WriteString(NBSP)
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// endsWord reports whether position j of s is the end of a word: the end
// of the text, a space or a closing mark.
func endsWord(s string, j int) bool {
	if j >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsSpace(r) || strings.ContainsRune(")»\"'", r)
}

// Colon writes "label:" in the operator's language: "Requirement:" in
// English, "Exigence :" (with a no-break space) in French.
func Colon(lang Lang, label string) string {
	if lang == French {
		return label + NBSP + ":"
	}
	return label + ":"
}
