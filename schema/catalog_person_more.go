package schema

import (
	"strconv"
	"strings"
)

// personRelationSpecs are the leaves only people of a company have: their
// relationship to it, and documents that prove who they are.
var personRelationSpecs = []spec{
	{leaf: "relationship.title", field: func(p, _ string) Field {
		// No placeholder: an example is a word of one language (CEO,
		// PDG), and the help gives it in the operator's.
		return Field{Group: GroupPeople, Order: 60, Kind: KindText,
			Label: T("Job title"),
			Help:  T("The person's title in the company, e.g. CEO."),
			check: checkPlain(5000)}
	}},
	{leaf: "relationship.percent_ownership", field: func(p, _ string) Field {
		return Field{Group: GroupPeople, Order: 70, Kind: KindText, Placeholder: "25",
			Label: T("Ownership (%)"),
			Help:  T("Share of the company the person owns, from 0 to 100."),
			check: checkPercent}
	}},
	{leaf: "relationship.owner", field: relationFlag(RoleOwner)},
	{leaf: "relationship.director", field: relationFlag(RoleDirector)},
	{leaf: "relationship.executive", field: relationFlag(RoleExecutive)},
	{leaf: "relationship.representative", field: relationFlag(RoleRepresentative)},
	{leaf: "nationality", field: func(p, country string) Field {
		return Field{Group: GroupIdentity, Order: 80, Kind: KindText, Placeholder: countryExample(country),
			Label: T("Nationality"),
			Help:  T("Two-letter country code of the person's nationality (XX if none)."),
			check: checkCountryCode}
	}},
	{leaf: "political_exposure", field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 90, Kind: KindSelect,
			Label: T("Politically exposed person"),
			Help:  T("Whether the person holds, or held, a prominent public position."),
			Options: []Option{
				{Value: "none", Label: T("No")},
				{Value: "existing", Label: T("Yes")},
			}}
	}},
	{leaf: "verification.document", field: func(p, _ string) Field {
		return documentField(under(p, "verification.document"), "identity_document", 10,
			T("Identity document"),
			T("Passport, ID card or driving licence: a file to upload (colour, under 10 MB) or a Stripe test file token."))
	}},
	{leaf: "verification.additional_document", field: func(p, _ string) Field {
		return documentField(under(p, "verification.additional_document"), "identity_document", 20,
			TC("home", "Proof of address"),
			T("A document that shows the home address (utility bill, bank statement): a file or a Stripe test file token."))
	}},
}

func relationFlag(role string) func(string, string) Field {
	return func(p, _ string) Field {
		return Field{Group: GroupPeople, Order: 80, Kind: KindYesNo,
			Label: Tf("Is the company's %s", roleNames[role]),
			Help:  T("Confirm that the person holds this role."),
			check: checkBool, encode: encodeBool(under(p, "relationship."+role))}
	}
}

// documentField is a file: a path to upload with purpose, or a file id /
// Stripe test token (file_identity_document_success). Only the front is
// asked; a two-sided document's back can be given as path2 after a comma.
func documentField(path, purpose string, order int, label, help Text) Field {
	return Field{Group: GroupDocuments, Order: order, Kind: KindFile, Sensitive: true,
		Label: label, Help: help, Placeholder: "file_identity_document_success",
		check: checkFiles,
		encode: func(v string, _ Context) []Param {
			front, back, _ := strings.Cut(v, ",")
			ps := []Param{{Target: TargetFile, Key: Brackets(path + ".front"), Value: strings.TrimSpace(front), Purpose: purpose}}
			if b := strings.TrimSpace(back); b != "" {
				ps = append(ps, Param{Target: TargetFile, Key: Brackets(path + ".back"), Value: b, Purpose: purpose})
			}
			return ps
		}}
}

func checkPercent(v string, c Context) error {
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), "%"), 64)
	if err != nil || f < 0 || f > 100 {
		return fail(c.Lang, T("Enter a percentage from 0 to 100, e.g. 25 or 12.5."))
	}
	return nil
}

func checkBool(v string, c Context) error {
	if _, ok := parseYesNo(v); !ok {
		return fail(c.Lang, T("Answer yes (true) or no (false)."))
	}
	return nil
}

func checkCountryCode(v string, c Context) error {
	if !reState2.MatchString(strings.ToUpper(strings.TrimSpace(v))) {
		return fail(c.Lang, T("Enter a two-letter country code such as US."))
	}
	return nil
}
