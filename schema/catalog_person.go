package schema

import (
	"strconv"
	"strings"
)

// personSpecs are the leaves a person can be asked for, relative to the
// person's prefix (individual., representative., owners.N., person_x.).
var personSpecs = []spec{
	{leaf: "first_name", field: nameField(10, T("First name"),
		T("Legal first name, as on an official ID."))},
	{leaf: "last_name", field: nameField(20, T("Last name"),
		T("Legal last name, as on an official ID."))},
	{leaf: "dob", covers: []string{"dob", "dob.day", "dob.month", "dob.year"}, field: func(p, country string) Field {
		return Field{Group: GroupIdentity, Order: 30, Kind: KindDate, Placeholder: "YYYY-MM-DD",
			Label:  T("Date of birth"),
			Help:   Tf("YYYY-MM-DD or %s. The account holder must be at least 18. Sent whole: Stripe refuses a partial date.", dateFormatIn(country)),
			check:  checkBirthDate(18),
			encode: encodeDate(under(p, "dob"))}
	}},
	{leaf: "email", field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 40, Kind: KindEmail, Placeholder: "jenny@example.com",
			Label: T("Email"),
			Help:  T("Where Stripe may contact the person."),
			check: checkEmail}
	}},
	{leaf: "phone", field: func(p, country string) Field {
		return Field{Group: GroupIdentity, Order: 50, Kind: KindPhone, Placeholder: PhoneExample(country),
			Label: T("Phone"),
			Help:  phoneHelp,
			check: checkPhone, encode: encodePhoneAt(under(p, "phone"))}
	}},
	{leaf: "ssn_last_4", field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 60, Kind: KindSecret, Sensitive: true, Placeholder: "0000",
			Label:  T("Last 4 digits of the SSN"),
			Help:   T("The last four digits of the US Social Security number. Never stored or shown again."),
			check:  checkDigits(4),
			encode: encodeDigits(under(p, "ssn_last_4"))}
	}},
	{leaf: "id_number", field: func(p, country string) Field {
		return idNumberField(under(p, "id_number"), country)
	}},
	{leaf: "id_number_secondary", field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 75, Kind: KindSecret, Sensitive: true,
			Label:  T("Secondary ID number"),
			Help:   T("A second government number Stripe asks for in some countries (e.g. the Thai laser code). Never stored or shown again."),
			check:  ruleCheck(defaultRules.id, idClean, true),
			encode: encodeID(under(p, "id_number_secondary"), false)}
	}},
}

func nameField(order int, label, help Text) func(string, string) Field {
	return func(string, string) Field {
		return Field{Group: GroupIdentity, Order: order, Kind: KindText, Label: label, Help: help, check: checkName}
	}
}

// idNumberField is the full national id: SSN in the US, SIN in Canada, a
// national id number elsewhere (country.go).
func idNumberField(path, country string) Field {
	r := rulesFor(country).id
	return Field{Group: GroupIdentity, Order: 70, Kind: KindSecret, Sensitive: true,
		Label: r.label, Help: r.help, Placeholder: r.example,
		check: func(v string, c Context) error {
			rr := r
			if country == "" {
				rr = rulesFor(c.Country).id
			}
			return ruleCheck(rr, idClean, true)(v, c)
		},
		encode: encodeID(path, r.keepSpaces)}
}

// encodeID sends an id number without separators, or as typed when the
// separators are part of it or it is a Stripe.js token.
func encodeID(path string, keepSpaces bool) func(string, Context) []Param {
	return func(v string, _ Context) []Param {
		v = strings.TrimSpace(v)
		if !keepSpaces && !strings.HasPrefix(strings.ToLower(v), "pii_") {
			v = idClean(v)
		}
		return []Param{{Key: Brackets(path), Value: v}}
	}
}

// minAge is the youngest a person may be: 18 for the account holder and
// the representative (who sign for the account), 13 for anyone else,
// which is Stripe's own floor (invalid_dob_age_under_minimum).
func minAge(ref PersonRef) int {
	if ref.OnAccount() || ref.Role == RoleRepresentative {
		return 18
	}
	return 13
}

// withAge adapts a date-of-birth field to the person it is for.
func withAge(f Field, ref PersonRef, country string) Field {
	n := minAge(ref)
	if n == 18 {
		return f
	}
	f.check = checkBirthDate(n)
	// The national form is the one the error names (MM/DD/YYYY on a US
	// account): help and error never disagree.
	f.Help = Tf("YYYY-MM-DD or %s; the person must be at least 13. Sent whole: Stripe refuses a partial date.", dateFormatIn(country))
	return f
}

// encodeDate sends a YYYY-MM-DD value as its three parts, always together.
func encodeDate(path string) func(string, Context) []Param {
	return func(v string, c Context) []Param {
		d, _ := ParseDateIn(v, c)
		return []Param{
			{Key: Brackets(path + ".day"), Value: strconv.Itoa(d.Day())},
			{Key: Brackets(path + ".month"), Value: strconv.Itoa(int(d.Month()))},
			{Key: Brackets(path + ".year"), Value: strconv.Itoa(d.Year())},
		}
	}
}

// encodeDigits sends a number without the separators people type.
func encodeDigits(path string) func(string, Context) []Param {
	return func(v string, _ Context) []Param {
		return []Param{{Key: Brackets(path), Value: Digits(v)}}
	}
}
