// Package schema is the pure data model of onboarding: requirements as Stripe
// sends them, the catalog of fields that answer them, validation, labels in
// English and French, and how each value is encoded for the API. It does no
// I/O, so every rule in it is testable with a table.
package schema

import "strings"

// Lang is a user-interface language.
type Lang string

// The languages every label, help text and message exists in.
const (
	English Lang = "en"
	French  Lang = "fr"
)

// Langs lists the supported languages, English first (the fallback).
var Langs = []Lang{English, French}

// ParseLang accepts "en", "fr" and locale strings such as "fr_FR.UTF-8"; it
// reports false for anything else.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, sep := range []string{"_", "-", ".", "@"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	switch s {
	case "en":
		return English, true
	case "fr":
		return French, true
	}
	return "", false
}

// DetectLang picks the language from the POSIX locale variables in their
// order of precedence (LC_ALL, LC_MESSAGES, LANG). getenv is passed in so
// the caller decides where the environment comes from; "C" and "POSIX"
// locales and unknown languages give English.
func DetectLang(getenv func(string) string) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if l, ok := ParseLang(v); ok {
			return l
		}
		// The first variable that is set wins, even when we do not speak
		// its language: that is how setlocale resolves it.
		return English
	}
	return English
}

// Text is a string in every supported language.
type Text struct {
	EN string
	FR string
}

// In returns the text in lang, falling back to English only when the
// translation is missing (the catalog tests make that a failure). French
// comes out with French typography (see frenchSpacing), applied here once
// so no string has to carry its no-break spaces by hand.
func (t Text) In(lang Lang) string {
	if lang == French && t.FR != "" {
		return frenchSpacing(t.FR)
	}
	return t.EN
}

// T builds a Text from its English and French forms.
func T(en, fr string) Text { return Text{EN: en, FR: fr} }
