package schema

import "strings"

// State and province names are accepted as people write them, in either
// language and with or without accents: California, Québec or Quebec,
// Colombie-Britannique, New South Wales. They are sent as the code Stripe
// takes in address.state (CA, QC, BC, NSW).

// regionAliases are other names of a state or province (its French name
// when it differs), by code.
var regionAliases = map[string][]string{
	// Canada's provinces and territories in French.
	"BC": {"Colombie-Britannique"}, "NB": {"Nouveau-Brunswick"},
	"NL": {"Terre-Neuve-et-Labrador", "Newfoundland"}, "NS": {"Nouvelle-Écosse"},
	"NT": {"Territoires du Nord-Ouest"}, "PE": {"Île-du-Prince-Édouard"}, "QC": {"Québec"},
	// US names people also write.
	"DC": {"Washington DC", "Washington D.C."},
}

// foldName lowers a name, drops its accents and turns hyphens, dots and
// runs of spaces into one space, so names compare as people mean them.
func foldName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = accentFolder.Replace(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '.' || r == '\'' }), " ")
}

var accentFolder = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "î", "i", "ï", "i",
	"ô", "o", "ö", "o", "û", "u", "ù", "u", "ü", "u", "ç", "c", "é", "e")

// optionNames are the names an option answers to: its value, its label,
// its label without the leading code ("CA California" → California) and
// its aliases.
func optionNames(o Option) []string {
	names := []string{o.Value}
	for _, l := range Langs {
		label := o.Label.In(l)
		names = append(names, label)
		if rest, ok := strings.CutPrefix(label, o.Value+" "); ok {
			names = append(names, rest)
		}
	}
	return append(names, regionAliases[o.Value]...)
}
