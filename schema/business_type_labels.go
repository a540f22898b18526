package schema

// businessTypeLabels name each business type in a word or two, for
// headers and command lines (the API's names are not words).
var businessTypeLabels = map[string]Text{
	"individual":        T("individual", "particulier"),
	"company":           T("company", "société"),
	"non_profit":        T("non-profit", "association"),
	"government_entity": T("government entity", "entité publique"),
}

// BusinessTypeLabel is a business type in words, in lang; an unknown one
// is given as the API names it.
func BusinessTypeLabel(bt string, lang Lang) string {
	if t, ok := businessTypeLabels[bt]; ok {
		return t.In(lang)
	}
	return bt
}

// Plural picks the singular or plural form for n, in lang: French takes
// the singular for 0 and 1, English for 1 only.
func Plural(lang Lang, n int, one, many Text) string {
	if n == 1 || (lang == French && n == 0) {
		return one.In(lang)
	}
	return many.In(lang)
}
