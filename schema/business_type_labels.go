package schema

import "onboard/i18n"

// businessTypeLabels name each business type in a word or two, for
// headers and command lines (the API's names are not words).
var businessTypeLabels = map[string]Text{
	"individual":        T("individual"),
	"company":           T("company"),
	"non_profit":        T("non-profit"),
	"government_entity": T("government entity"),
}

// BusinessTypeLabel is a business type in words, in lang; an unknown one
// is given as the API names it.
func BusinessTypeLabel(bt string, lang Lang) string {
	if t, ok := businessTypeLabels[bt]; ok {
		return t.In(lang)
	}
	return bt
}

// Plural picks the singular or plural form for n, in lang, by the
// language's CLDR plural rules (i18n.Category): French takes the singular
// for 0 and 1, English for 1 only, Japanese never.
func Plural(lang Lang, n int, one, many Text) string {
	rules := lang
	if rules == Pseudo {
		rules = English
	}
	if i18n.Category(string(rules), n) == "one" {
		return one.In(lang)
	}
	return many.In(lang)
}
