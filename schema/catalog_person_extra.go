package schema

import "strings"

// personExtraSpecs are the leaves Stripe asks of people in some countries
// only: Japanese name variants, former names and aliases, gender,
// documents that prove a person's status, and the acceptance of terms by a
// guardian or authorizer.
var personExtraSpecs = []spec{
	{leaf: "first_name_kana", field: kanaField(nameField(11, T("First name (kana)"), helpJapanese))},
	{leaf: "first_name_kanji", field: nameField(12, T("First name (kanji)"), helpJapanese)},
	{leaf: "last_name_kana", field: kanaField(nameField(21, T("Last name (kana)"), helpJapanese))},
	{leaf: "last_name_kanji", field: nameField(22, T("Last name (kanji)"), helpJapanese)},
	{leaf: "maiden_name", field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 25, Kind: KindText,
			Label: T("Maiden name"),
			Help:  T("The last name at birth, if it changed."),
			check: checkName}
	}},
	{leaf: "full_name_aliases", field: func(p, _ string) Field {
		path := under(p, "full_name_aliases")
		return Field{Group: GroupIdentity, Order: 26, Kind: KindText, Placeholder: "Jenny R. Smith, J. Rosen",
			Label: T("Other full names"),
			Help:  T("Other names the person is known by, separated by commas."),
			check: func(v string, c Context) error {
				for _, a := range splitList(v) {
					if err := checkPlain(300)(a, c); err != nil {
						return err
					}
				}
				return nil
			},
			encode: func(v string, _ Context) []Param { return listParams(path, splitList(v)) }}
	}},
	{leaf: "gender", field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 85, Kind: KindSelect,
			Label: T("Gender"),
			Help:  T("As on the identity document."),
			Options: []Option{
				{Value: "female", Label: T("Female")},
				{Value: "male", Label: T("Male")},
			}}
	}},
	{leaf: "relationship.authorizer", field: relationFlag("authorizer")},
	{leaf: "relationship.legal_guardian", field: relationFlag("legal_guardian")},
	{leaf: "documents.passport.files", field: func(p, _ string) Field {
		return filesField(under(p, "documents.passport.files"), 30, T("Passport"),
			T("A scan or photo of the passport's photo page."))
	}},
	{leaf: "documents.visa.files", field: func(p, _ string) Field {
		return filesField(under(p, "documents.visa.files"), 31, T("Visa"),
			T("The visa or residence permit that lets the person live or work in the country."))
	}},
	{leaf: "documents.company_authorization.files", field: func(p, _ string) Field {
		return filesField(under(p, "documents.company_authorization.files"), 32,
			T("Authorization to act for the company"),
			T("A document proving the person may act for the company (power of attorney, board resolution)."))
	}},
	{leaf: "additional_tos_acceptances.account", covers: []string{"additional_tos_acceptances.account",
		"additional_tos_acceptances.account.date", "additional_tos_acceptances.account.ip",
		"additional_tos_acceptances.account.user_agent"}, field: func(p, _ string) Field {
		f := acceptanceField(under(p, "additional_tos_acceptances.account"), GroupTerms, 20,
			T("Terms accepted by this person"),
			T("The legal guardian or authorizer accepts Stripe's terms for the account; date, IP address and user agent are recorded."))
		f.Covers = nil // bind derives them from the spec, with the person's prefix
		return f
	}},
	{leaf: "us_cfpb_data.ethnicity_details.ethnicity", field: cfpbField("ethnicity_details.ethnicity", 200,
		T("Ethnicity (optional)"))},
	{leaf: "us_cfpb_data.race_details.race", field: cfpbField("race_details.race", 201,
		T("Race (optional)"))},
	{leaf: "us_cfpb_data.self_identified_gender", field: cfpbField("self_identified_gender", 202,
		T("Self-identified gender (optional)"))},
}

var helpJapanese = T("As written in Japanese on the official ID.")

// cfpbField is US demographic data for CFPB reporting: optional, free
// text (several values separated by commas), never required to onboard.
func cfpbField(leaf string, order int, label Text) func(string, string) Field {
	return func(p, _ string) Field {
		path := under(p, "us_cfpb_data."+leaf)
		f := Field{Group: GroupIdentity, Order: order, Kind: KindText, Optional: true, Label: label,
			Help:  T("US demographic data the person may choose to give; Stripe's values, separated by commas."),
			check: checkPlain(500)}
		if leaf != "self_identified_gender" {
			f.encode = func(v string, _ Context) []Param { return listParams(path, splitList(v)) }
		}
		return f
	}
}

// splitList splits a comma-separated answer into its trimmed, non-empty
// items.
func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// listParams sends items as an array: path[0], path[1], ...
func listParams(path string, items []string) []Param {
	ps := make([]Param, 0, len(items))
	for i, it := range items {
		ps = append(ps, Param{Key: Brackets(path) + "[" + itoa(i) + "]", Value: it})
	}
	return ps
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
