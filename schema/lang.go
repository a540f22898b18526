// Package schema is the pure data model of onboarding: requirements as Stripe
// sends them, the catalog of fields that answer them, validation, texts in
// every language (through the catalogs of package i18n), and how each value
// is encoded for the API. It does no I/O, so every rule in it is testable
// with a table.
package schema

import (
	"fmt"
	"strings"

	"onboard/i18n"
)

// Lang is a user-interface language: the code of its catalog file in
// i18n/locales.
type Lang string

// The languages onboard speaks.
const (
	English  Lang = "en"
	French   Lang = "fr"
	German   Lang = "de"
	Spanish  Lang = "es"
	Italian  Lang = "it"
	Japanese Lang = "ja"
	// Pseudo is a hidden test language: English with accented letters,
	// about 40% longer and bracketed, so a text cut on screen or one that
	// does not go through the catalog shows (docs/TRANSLATING.md).
	Pseudo Lang = "qps"
)

// languages is the one list of the languages offered, English first (the
// fallback), each with its name in itself. Adding a language is its
// catalog file in i18n/locales and a line here (docs/TRANSLATING.md).
var languages = [...]struct {
	Lang Lang
	Name string
}{
	{English, "English"},
	{French, "Français"},
	{German, "Deutsch"},
	{Spanish, "Español"},
	{Italian, "Italiano"},
	{Japanese, "日本語"},
}

// Langs lists the supported languages, English first (the fallback).
var Langs = langs()

func langs() []Lang {
	out := make([]Lang, len(languages))
	for i, l := range languages {
		out[i] = l.Lang
	}
	return out
}

// Name is the language's name in itself ("Français"); the code for a
// language onboard does not offer.
func (l Lang) Name() string {
	for _, x := range languages {
		if x.Lang == l {
			return x.Name
		}
	}
	return string(l)
}

// LangList is the offered languages as "en (English), fr (Français)…",
// for --lang's help and its errors.
func LangList() string {
	parts := make([]string, len(languages))
	for i, l := range languages {
		parts[i] = string(l.Lang) + " (" + l.Name + ")"
	}
	return strings.Join(parts, ", ")
}

// ParseLang accepts a language code of Langs ("fr") and locale strings
// such as "fr_FR.UTF-8"; it reports false for anything else. The hidden
// pseudo-language "qps" is accepted too.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, sep := range []string{"_", "-", ".", "@"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	if Lang(s) == Pseudo {
		return Pseudo, true
	}
	for _, l := range languages {
		if string(l.Lang) == s {
			return l.Lang, true
		}
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
		if l, ok := ParseLang(v); ok && l != Pseudo {
			return l
		}
		// The first variable that is set wins, even when we do not speak
		// its language: that is how setlocale resolves it.
		return English
	}
	return English
}

// Text is a message: its English text, which is also its id in every
// language's catalog (i18n/locales/<lang>.json), and for a message
// composed at run time the arguments of its format.
type Text struct {
	EN string
	// FR is transitional: code written before the catalogs still says
	// T("English", "Français"); the codemod (internal/i18n/codemod) moves
	// the French into i18n/locales/fr.json and drops it from the call.
	// In uses it only when the catalog has no French for EN.
	FR string
	c  *composed
}

// composed is what a Text built by Tf, Count or Verbatim carries: the
// arguments of its format, the count that picks its plural form, or that
// it is the same in every language.
type composed struct {
	args     []any
	n        int
	plural   bool
	verbatim bool
}

// Verbatim is a text that is the same in every language and has no
// catalog entry: a proper noun (a prefecture, a US state), a value of
// Stripe's API shown as it is.
func Verbatim(s string) Text { return Text{EN: s, c: &composed{verbatim: true}} }

// T is the message whose English text is en. The optional second argument
// is a French form left by code not yet moved to the catalogs.
func T(en string, fr ...string) Text {
	t := Text{EN: en}
	if len(fr) > 0 {
		t.FR = fr[0]
	}
	return t
}

// TC is a message whose English text means different things in different
// places ("State" of an account, "State" of an address): ctx tells them
// apart in the catalogs, gettext's way (the id is ctx, U+0004, en); the
// English shown is en.
func TC(ctx, en string, fr ...string) Text {
	t := T(en, fr...)
	t.EN = ctx + ctxSep + en
	return t
}

// ctxSep separates a message's context from its English text in its id.
const ctxSep = "\x04"

// Tf is a message composed at run time: format is the English text with
// fmt verbs (its id in the catalogs), args fill them in. An argument that
// is a Text, or a func(Lang) string, is shown in the same language as the
// message.
func Tf(format string, args ...any) Text {
	return Text{EN: format, c: &composed{args: args}}
}

// Count is a message whose form depends on the count n, under each
// language's plural rules: the catalogs hold it as {"one": …, "other": …}
// under the id format (English has its own forms in en.json). args fill
// the format's verbs; without args, n fills them.
func Count(n int, format string, args ...any) Text {
	if len(args) == 0 {
		args = []any{n}
	}
	return Text{EN: format, c: &composed{args: args, n: n, plural: true}}
}

// In returns the text in lang: the catalog's translation of EN (for French
// the transitional FR when the code still carries one), else English — a missing translation is a
// failure of the catalog tests, not something a user should see. French
// comes out with French typography (see frenchSpacing), applied here once
// so no string has to carry its no-break spaces by hand.
func (t Text) In(lang Lang) string {
	if t.EN == "" {
		return ""
	}
	if t.c != nil && t.c.verbatim {
		return t.EN
	}
	s := t.message(lang)
	if t.c != nil && len(t.c.args) > 0 {
		args := make([]any, len(t.c.args))
		for i, a := range t.c.args {
			switch x := a.(type) {
			case Text:
				a = x.In(lang)
			case func(Lang) string:
				a = x(lang)
			}
			args[i] = a
		}
		s = fmt.Sprintf(s, args...)
	}
	if lang == French {
		return frenchSpacing(s)
	}
	return s
}

// message is the format of t in lang, before its arguments are filled in.
func (t Text) message(lang Lang) string {
	n, plural := 0, false
	if t.c != nil {
		n, plural = t.c.n, t.c.plural
	}
	english := func() string {
		if e, ok := i18n.Lookup(string(English), t.EN); ok {
			return e.Form(string(English), n)
		}
		if _, en, ok := strings.Cut(t.EN, ctxSep); ok {
			return en
		}
		return t.EN
	}
	switch lang {
	case English, "":
		return english()
	case Pseudo:
		return pseudo(english())
	}
	if lang == French && t.FR != "" {
		return t.FR
	}
	if e, ok := i18n.Lookup(string(lang), t.EN); ok {
		if plural {
			return e.Form(string(lang), n)
		}
		if e.Plural != nil {
			return e.Form(string(lang), 2)
		}
		return e.Text
	}
	return english()
}

// Has reports whether lang has a text of its own for t (its catalog, or
// the transitional FR), as opposed to the English fallback. English always
// has.
func (t Text) Has(lang Lang) bool {
	switch {
	case lang == English || lang == Pseudo || t.c != nil && t.c.verbatim:
		return true
	case lang == French && t.FR != "":
		return true
	}
	_, ok := i18n.Lookup(string(lang), t.EN)
	return ok
}
