package schema

import (
	"regexp"
	"strings"
)

// pseudoLetters maps ASCII letters to accented look-alikes of the same
// display width.
var pseudoLetters = strings.NewReplacer(
	"a", "á", "b", "ƀ", "c", "ç", "d", "ď", "e", "é", "g", "ĝ", "h", "ĥ", "i", "í",
	"j", "ĵ", "k", "ķ", "l", "ĺ", "n", "ñ", "o", "ó", "r", "ŕ", "s", "š", "t", "ţ",
	"u", "ú", "w", "ŵ", "y", "ý", "z", "ž",
	"A", "Á", "C", "Ç", "D", "Ď", "E", "É", "G", "Ĝ", "H", "Ĥ", "I", "Í", "L", "Ĺ",
	"N", "Ñ", "O", "Ó", "R", "Ŕ", "S", "Š", "T", "Ţ", "U", "Ú", "Y", "Ý", "Z", "Ž",
)

// pseudo turns an English message into the pseudo-language: letters
// accented, about 40% longer ("~" padding) and bracketed, with fmt verbs,
// URLs, key names (ctrl+l), API names and ids (card_payments, acct_…) and
// line breaks left as they are, so the message still formats and still
// reads. A text on screen that is not accented did not go through the
// catalog; one whose closing bracket is missing was cut.
func pseudo(s string) string {
	if s == "" {
		return s
	}
	var b strings.Builder
	letters := 0
	for i := 0; i < len(s); {
		switch {
		case s[i] == '%':
			j := i + 1
			for j < len(s) && strings.IndexByte("+-# 0123456789.[]*", s[j]) >= 0 {
				j++
			}
			if j < len(s) {
				j++
			}
			b.WriteString(s[i:j])
			i = j
		case strings.HasPrefix(s[i:], "{{"):
			// A template action (cobra's usage template) stays as it is.
			j := strings.Index(s[i:], "}}")
			if j < 0 {
				j = len(s) - i - 2
			}
			b.WriteString(s[i : i+j+2])
			i += j + 2
		case keyNameAt(s[i:]) > 0:
			// A key name (ctrl+l) is typed as it is in every language.
			j := i + keyNameAt(s[i:])
			b.WriteString(s[i:j])
			i = j
		case strings.HasPrefix(s[i:], "http://") || strings.HasPrefix(s[i:], "https://") || strings.HasPrefix(s[i:], "--"):
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\n' && s[j] != ')' {
				j++
			}
			b.WriteString(s[i:j])
			i = j
		default:
			j := i + 1
			for j < len(s) && s[j] != '%' && !strings.HasPrefix(s[j:], "http") && !strings.HasPrefix(s[j:], "--") && !strings.HasPrefix(s[j:], "{{") && keyNameAt(s[j:]) == 0 {
				j++
			}
			chunk := s[i:j]
			// An API name or an id (card_payments, acct_1Nv0…) is written
			// as it is in every language: only the words around it change.
			last := 0
			for _, id := range apiName.FindAllStringIndex(chunk, -1) {
				letters += countLetters(chunk[last:id[0]])
				b.WriteString(pseudoLetters.Replace(chunk[last:id[0]]))
				b.WriteString(chunk[id[0]:id[1]])
				last = id[1]
			}
			letters += countLetters(chunk[last:])
			b.WriteString(pseudoLetters.Replace(chunk[last:]))
			i = j
		}
	}
	out := b.String()
	pad := max((letters*4+9)/10, 1) // one at least: "[shift+tab ~]", not "[shift+tab ]"
	// Keep a multi-line text's lines: pad the first one only.
	first, rest, multi := strings.Cut(out, "\n")
	first = "[" + first + " " + strings.Repeat("~", pad) + "]"
	if multi {
		return first + "\n" + rest
	}
	return first
}

// keyNameAt is the length of the key name s starts with (ctrl+l,
// shift+tab, alt+enter), 0 if it starts with none.
func keyNameAt(s string) int {
	for _, mod := range []string{"ctrl+", "shift+", "alt+"} {
		if !strings.HasPrefix(s, mod) {
			continue
		}
		j := len(mod)
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9' || s[j] == '+') {
			j++
		}
		if j > len(mod) {
			return j
		}
	}
	return 0
}

// apiName is a token with an underscore: an API name or an object id.
var apiName = regexp.MustCompile(`[A-Za-z0-9]*_[A-Za-z0-9_]*`)

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n
}
