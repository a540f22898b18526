package schema

// AlternativeChoice turns one entry of requirements.alternatives into the
// two field sets the wizard offers: providing every field of alternative
// resolves every path of original (a website, or a product description).
// A path in both sets is asked in both; an empty side gives no fields.
func AlternativeChoice(alt Alternative, country string) (original, alternative []Field) {
	return FieldsFor(alt.Original, country), FieldsFor(alt.Alternative, country)
}

// AlternativeFor returns the alternative whose original paths include
// path, if any: the wizard asks the operator to choose before asking the
// field itself.
func AlternativeFor(alts []Alternative, path string) (Alternative, bool) {
	for _, a := range alts {
		for _, p := range a.Original {
			if p == path {
				return a, true
			}
		}
	}
	return Alternative{}, false
}

// ChoiceLabel names an alternative for a choice prompt, from its fields'
// labels: "Business website" or "Product description".
func ChoiceLabel(fs []Field, lang Lang) string {
	s := ""
	for i, f := range fs {
		if i > 0 {
			s += ", "
		}
		s += f.Label.In(lang)
	}
	return s
}
