package schema

import (
	"strconv"
	"strings"
)

// personSpecs are the leaves a person can be asked for, relative to the
// person's prefix (individual., and later representative., owners., ...).
var personSpecs = []spec{
	{leaf: "first_name", field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 10, Kind: KindText,
			Label: T("First name", "Prénom"),
			Help:  T("Legal first name, as on an official ID.", "Prénom légal, tel qu'il figure sur une pièce d'identité."),
			check: checkName}
	}},
	{leaf: "last_name", field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 20, Kind: KindText,
			Label: T("Last name", "Nom"),
			Help:  T("Legal last name, as on an official ID.", "Nom de famille légal, tel qu'il figure sur une pièce d'identité."),
			check: checkName}
	}},
	{leaf: "dob", covers: []string{"dob", "dob.day", "dob.month", "dob.year"}, field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 30, Kind: KindDate, Placeholder: "YYYY-MM-DD",
			Label: T("Date of birth", "Date de naissance"),
			Help: T("YYYY-MM-DD. The account holder must be at least 18. Sent whole: Stripe refuses a partial date.",
				"AAAA-MM-JJ. Le titulaire doit avoir au moins 18 ans. Envoyée entière : Stripe refuse une date partielle."),
			check:  checkBirthDate(18),
			encode: encodeDate(under(p, "dob"))}
	}},
	{leaf: "email", field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 40, Kind: KindEmail, Placeholder: "jenny@example.com",
			Label: T("Email", "E-mail"),
			Help:  T("Where Stripe may contact the person.", "Adresse où Stripe peut contacter la personne."),
			check: checkEmail}
	}},
	{leaf: "phone", field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 50, Kind: KindPhone, Placeholder: "+14155550123",
			Label: T("Phone", "Téléphone"),
			Help:  T("International format: + country code and number.", "Format international : + indicatif et numéro."),
			check: checkPhone,
			encode: func(v string, _ Context) []Param {
				return []Param{{Key: Brackets(under(p, "phone")), Value: NormalizePhone(v)}}
			}}
	}},
	{leaf: "ssn_last_4", field: func(p, _ string) Field {
		return Field{Group: GroupIdentity, Order: 60, Kind: KindSecret, Sensitive: true, Placeholder: "0000",
			Label: T("Last 4 digits of the SSN", "4 derniers chiffres du SSN"),
			Help: T("The last four digits of the US Social Security number. Never stored or shown again.",
				"Les quatre derniers chiffres du numéro de sécurité sociale américain. Jamais enregistrés ni réaffichés."),
			check:  checkDigits(4),
			encode: encodeDigits(under(p, "ssn_last_4"))}
	}},
	{leaf: "id_number", field: func(p, country string) Field {
		f := Field{Group: GroupIdentity, Order: 70, Kind: KindSecret, Sensitive: true,
			Label: T("National ID number", "Numéro d'identification national"),
			Help: T("The full government ID number. Never stored or shown again.",
				"Le numéro d'identification officiel complet. Jamais enregistré ni réaffiché."),
			check:  checkPlain(100),
			encode: encodeDigits(under(p, "id_number"))}
		if country == "US" {
			f.Label = T("Social Security number (SSN)", "Numéro de sécurité sociale (SSN)")
			f.Help = T("All 9 digits of the US Social Security number. Never stored or shown again.",
				"Les 9 chiffres du numéro de sécurité sociale américain. Jamais enregistré ni réaffiché.")
			f.Placeholder = "000000000"
			f.check = checkSSN
		}
		return f
	}},
	{leaf: "address.line1", field: func(p, _ string) Field {
		return Field{Group: GroupAddress, Order: 10, Kind: KindText,
			Label: T("Address line 1", "Adresse, ligne 1"),
			Help: T("Street and number of the home address; no PO box.",
				"Numéro et rue de l'adresse personnelle ; pas de boîte postale."),
			check: checkPlain(200)}
	}},
	{leaf: "address.line2", field: func(p, _ string) Field {
		return Field{Group: GroupAddress, Order: 20, Kind: KindText, Optional: true,
			Label: T("Address line 2", "Adresse, ligne 2"),
			Help:  T("Apartment, suite, floor (optional).", "Appartement, étage, bâtiment (facultatif)."),
			check: checkPlain(200)}
	}},
	{leaf: "address.city", field: func(p, _ string) Field {
		return Field{Group: GroupAddress, Order: 30, Kind: KindText,
			Label: T("City", "Ville"),
			Help:  T("City or town.", "Ville ou commune."),
			check: checkPlain(100)}
	}},
	{leaf: "address.state", field: func(p, country string) Field { return stateField(p, country) }},
	{leaf: "address.postal_code", field: func(p, country string) Field { return postalField(country) }},
	{leaf: "address.country", field: func(p, _ string) Field {
		return Field{Group: GroupAddress, Order: 60, Kind: KindText, Placeholder: "US",
			Label: T("Country", "Pays"),
			Help:  T("Two-letter country code (ISO 3166-1), e.g. US.", "Code pays sur deux lettres (ISO 3166-1), par ex. FR."),
			check: func(v string, c Context) error {
				if !reState2.MatchString(strings.ToUpper(v)) {
					return fail(c.Lang, T("Enter a two-letter country code such as US.", "Saisissez un code pays sur deux lettres, par ex. FR."))
				}
				return nil
			}}
	}},
}

func stateField(p, country string) Field {
	f := Field{Group: GroupAddress, Order: 40, Kind: KindText,
		Label: T("State / region", "État / région"),
		Help:  T("State, province or region.", "État, province ou région."),
		check: checkState}
	if country == "US" {
		// Typed, not picked: 56 entries are slow to scroll through, and
		// the two-letter code is what people know. Options feed the
		// input's suggestions and the check.
		f.Label = T("State", "État")
		f.Help = T("Two-letter code of the US state, e.g. CA.", "Code à deux lettres de l'État américain, par ex. CA.")
		f.Placeholder = "CA"
		f.Options = usStates
		f.check = checkOption(usStates, msgState)
		f.encode = func(v string, _ Context) []Param {
			return []Param{{Key: Brackets(under(p, "address.state")), Value: strings.ToUpper(strings.TrimSpace(v))}}
		}
	}
	return f
}

func postalField(country string) Field {
	f := Field{Group: GroupAddress, Order: 50, Kind: KindText,
		Label: T("Postal code", "Code postal"),
		Help:  T("Postal code of the address.", "Code postal de l'adresse."),
		check: checkPostalCode}
	if country == "US" {
		f.Label = T("ZIP code", "Code ZIP")
		f.Help = T("5 digits, or ZIP+4.", "5 chiffres, ou ZIP+4.")
		f.Placeholder = "94107"
	}
	return f
}

// encodeDate sends a YYYY-MM-DD value as its three parts, always together.
func encodeDate(path string) func(string, Context) []Param {
	return func(v string, _ Context) []Param {
		d, _ := ParseDate(v)
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
