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
// English, "Exigence :" (with a no-break space) in French, "要件：" (the
// full-width colon, which carries its own space) in Japanese.
func Colon(lang Lang, label string) string {
	switch lang {
	case French:
		return label + NBSP + ":"
	case Japanese:
		return label + fullWidthColon
	}
	return label + ":"
}

// fullWidthColon is the colon of Japanese (and Chinese) text. It is drawn
// two columns wide with its own space after it, so no space follows it.
const fullWidthColon = "："

// LabelValue joins a label and its value in the operator's language:
// "State: new", "État : nouveau", "状態：新規". It is the one place that
// puts a label before its value; a caller never adds its own space.
func LabelValue(lang Lang, label, value string) string {
	return LabelLead(lang, label) + value
}

// LabelLead is what comes before a value: the label, its colon and the
// space the language puts after it ("State: ", "État : ", "状態："), for a
// caller that styles the label apart from its value.
func LabelLead(lang Lang, label string) string {
	return LeadIn(Colon(lang, label))
}

// LeadIn is s, a text already translated that introduces what follows it
// ("Filter:", "waits for"), with the space that separates it from what
// follows: none after a full-width mark that ends a Japanese lead-in
// ("絞り込み：", "回答なし："), one space otherwise.
func LeadIn(s string) string {
	if strings.HasSuffix(s, fullWidthColon) || s == "" {
		return s
	}
	return s + " "
}

// Comma separates two clauses of a line: ", " in the languages written
// with spaces, the ideographic comma "、" (which carries its own space) in
// Japanese.
func Comma(lang Lang) string {
	if lang == Japanese {
		return "、"
	}
	return ", "
}

// JoinSentences puts sentence b after sentence a: after a space in the
// languages written with spaces, directly after a full-width full stop
// ("。", "！", "？"), which carries its own space, in Japanese.
func JoinSentences(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case strings.HasSuffix(a, "。") || strings.HasSuffix(a, "！") || strings.HasSuffix(a, "？"):
		return a + b
	}
	return a + " " + b
}
