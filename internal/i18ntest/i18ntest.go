// Package i18ntest is for tests: it tells the English words of the user
// interface apart, so that a screen or an output in another language can
// be read word by word for English left in it (docs/TRANSLATING.md).
package i18ntest

import (
	"sort"
	"strings"
	"testing"
	"unicode"

	"onboard/i18n"
	"onboard/schema"
)

// ProgramNames are words that read the same in every language: the
// program's own name.
var ProgramNames = map[string]bool{"onboard": true}

// languageNames are the words of each language's name in itself: the
// list of languages (--lang's help, the settings) says "en (English)" in
// every language.
var languageNames = func() map[string]bool {
	names := map[string]bool{}
	for _, l := range schema.Langs {
		AddWords(names, l.Name())
	}
	return names
}()

// EnglishWords is the set of English interface words that must not show
// in lang: the words of every catalog id (every English text of the
// program, read from the French catalog, which holds them all), less
// every word that also appears in lang's catalog (Stripe, IBAN, CEO…:
// words a language borrows are not left-over English), less ProgramNames
// and the languages' names in themselves (English, Deutsch…).
func EnglishWords(t testing.TB, lang schema.Lang) map[string]bool {
	t.Helper()
	ids, err := i18n.Load(string(schema.French))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := i18n.Load(string(lang))
	if err != nil {
		t.Fatal(err)
	}
	en, local := map[string]bool{}, map[string]bool{}
	for id := range ids {
		if _, s, ok := strings.Cut(id, "\x04"); ok {
			id = s
		}
		AddWords(en, id)
	}
	for _, e := range cat {
		AddWords(local, e.Text)
		for _, f := range e.Plural {
			AddWords(local, f)
		}
	}
	english := map[string]bool{}
	for w := range en {
		if !local[w] && !ProgramNames[w] && !languageNames[w] {
			english[w] = true
		}
	}
	if len(english) < 200 {
		t.Fatalf("only %d English words for %s: the catalog is not read", len(english), lang)
	}
	return english
}

// Found returns, sorted and once each, the words of text that are in
// english.
func Found(english map[string]bool, text string) []string {
	var found []string
	seen := map[string]bool{}
	for _, w := range Words(text) {
		if english[w] && !seen[w] {
			seen[w] = true
			found = append(found, w)
		}
	}
	sort.Strings(found)
	return found
}

// AddWords adds the words of s to set.
func AddWords(set map[string]bool, s string) {
	for _, w := range Words(s) {
		set[w] = true
	}
}

// Words splits text into lower-case words of at least three letters,
// leaving out API names and paths (anything with an underscore, a digit or
// an inner dot: configuration.merchant.mcc, owners.0.phone), format verbs
// and all-capital acronyms (MCC, SSN, IBAN read the same in every
// language).
func Words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("_%.", r)
	}) {
		w = strings.Trim(w, ".") // a full stop ends a sentence; a dot inside a token makes it a path
		if strings.ContainsAny(w, "_%.") || strings.ContainsFunc(w, unicode.IsDigit) || len([]rune(w)) < 3 || strings.ToUpper(w) == w {
			continue
		}
		out = append(out, strings.ToLower(w))
	}
	return out
}

// ContainsWord reports whether s holds w as a whole token (not inside a
// longer identifier such as stripe_balance.stripe_transfers).
func ContainsWord(s, w string) bool { return ReplaceWord(s, w, "\x00") != s }

// ReplaceWord replaces every whole-token occurrence of w in s.
func ReplaceWord(s, w, by string) string {
	isID := func(r byte) bool {
		return r == '_' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		j += i
		end := j + len(w)
		whole := (j == 0 || !isID(s[j-1])) && (end == len(s) || !isID(s[end]))
		b.WriteString(s[i:j])
		if whole {
			b.WriteString(by)
		} else {
			b.WriteString(w)
		}
		i = end
	}
	return b.String()
}

// WithoutCapabilities drops Stripe's capability names (card_payments,
// transfers…) written as whole tokens: API names shown beside their words.
func WithoutCapabilities(s string) string {
	for _, name := range schema.KnownCapabilities() {
		s = ReplaceWord(s, name, "")
	}
	return s
}
