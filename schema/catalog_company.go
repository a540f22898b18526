package schema

import (
	"strings"
	"unicode"
)

// companySpecs are company.* (§1.2): the legal entity, its numbers, and the
// attestations about its people.
var companySpecs = map[string]func(country string) Field{
	"company.name": func(string) Field {
		return Field{Group: GroupCompany, Order: 10, Kind: KindText,
			Label: T("Legal company name"),
			Help:  T("The name registered with the authorities."),
			check: checkCompanyName}
	},
	"company.name_kana": func(string) Field {
		return Field{Group: GroupCompany, Order: 11, Kind: KindText,
			Label: T("Legal company name (kana)"), Help: helpJapanese, check: checkKana}
	},
	"company.name_kanji": func(string) Field {
		return Field{Group: GroupCompany, Order: 12, Kind: KindText,
			Label: T("Legal company name (kanji)"), Help: helpJapanese, check: checkPlain(100)}
	},
	"company.tax_id": func(country string) Field {
		r := rulesFor(country).taxID
		kind := KindSecret
		if r.public {
			kind = KindText
		}
		help := r.help
		if tv := testLeaf["tax_id"]; r.valid != nil && !r.valid(tv) {
			// Stripe's test number is not of the national format: the
			// help names it, so what ctrl+e types is no surprise.
			help = Tf("%s Test value: %s.", help, tv)
		}
		return Field{Group: GroupCompany, Order: 20, Kind: kind, Sensitive: true,
			Label: r.label, Help: help, Placeholder: r.example,
			check: func(v string, c Context) error {
				rr := r
				if country == "" {
					rr = rulesFor(c.Country).taxID
				}
				return ruleCheck(rr, idClean, true)(v, c)
			},
			encode: encodeID("company.tax_id", r.keepSpaces)}
	},
	"company.vat_id": func(country string) Field {
		// A VAT number is public (the EU's VIES looks it up): typed in clear.
		return Field{Group: GroupCompany, Order: 25, Kind: KindText, Sensitive: true, Placeholder: vatExamples[country],
			Label: T("VAT number"),
			Help:  T("The VAT registration number, with or without its country prefix."),
			check: func(v string, c Context) error {
				s := idClean(v)
				if len(s) < 4 || len(s) > 16 || !isAlnum(s) {
					return fail(c.Lang, T("Enter the VAT number: 4 to 16 letters or digits, e.g. FR40303265045 or GB123456789."))
				}
				return nil
			},
			encode: encodeID("company.vat_id", false)}
	},
	"company.tax_id_registrar": func(string) Field {
		return Field{Group: GroupCompany, Order: 30, Kind: KindText, Placeholder: "Amtsgericht Berlin (Charlottenburg)",
			Label: T("Registry office"),
			Help:  T("The office that keeps the company's registration, e.g. the German local court."),
			check: checkPlain(200)}
	},
	"company.registration_number": func(string) Field {
		return Field{Group: GroupCompany, Order: 35, Kind: KindText,
			Label: T("Registration number"),
			Help:  T("The number in the company register, when it differs from the tax ID."),
			check: func(v string, c Context) error {
				s := idClean(v)
				if len(s) < 2 || len(s) > 40 || !isAlnum(s) {
					return fail(c.Lang, T("Enter the registration number: letters and digits, e.g. HRB 12345 or 12345678."))
				}
				return nil
			}}
	},
	"company.registration_date": func(string) Field {
		return Field{Group: GroupCompany, Order: 40, Kind: KindDate, Placeholder: "YYYY-MM-DD",
			Covers: []string{"company.registration_date", "company.registration_date.day", "company.registration_date.month", "company.registration_date.year"},
			Label:  T("Registration date"),
			Help:   T("When the company was registered, YYYY-MM-DD; sent whole."),
			check:  checkPastDate, encode: encodeDate("company.registration_date")}
	},
	"company.phone": func(country string) Field {
		return Field{Group: GroupCompany, Order: 50, Kind: KindPhone, Placeholder: PhoneExample(country),
			Label: T("Company phone"),
			Help:  phoneHelp,
			check: checkPhone, encode: encodePhone("company.phone")}
	},
	"company.structure": func(country string) Field {
		return Field{Group: GroupCompany, Order: 60, Kind: KindSelect, Options: structureOptions(country),
			Label: T("Company structure"),
			Help:  T("The precise legal structure; it decides which people Stripe asks for."),
			check: func(v string, c Context) error {
				if !containsStr(structureValues, strings.TrimSpace(v)) {
					return fail(c.Lang, msgNotAnOption)
				}
				return nil
			}}
	},
	"company.ownership_exemption_reason": func(string) Field {
		return Field{Group: GroupPeople, Order: 5, Kind: KindSelect,
			Label: T("Ownership exemption"),
			Help:  T("Why the company need not declare its owners."),
			Options: []Option{
				{Value: "qualified_entity_exceeds_ownership_threshold", Label: T("A qualified entity owns more than the threshold")},
				{Value: "qualifies_as_financial_institution", Label: T("The company is a financial institution")},
			}}
	},
	"company.export_license_id": func(string) Field {
		return Field{Group: GroupCompany, Order: 70, Kind: KindText,
			Label: T("Export licence (IEC)"),
			Help:  T("India's Importer-Exporter Code."),
			check: checkPlain(100)}
	},
	"company.export_purpose_code": func(string) Field {
		return Field{Group: GroupCompany, Order: 71, Kind: KindText,
			Label: T("Export purpose code"),
			Help:  T("India's purpose code for export payments, e.g. P0802."),
			check: checkPlain(100)}
	},
	"company.owners_provided":     provided(RoleOwner, 90),
	"company.directors_provided":  provided(RoleDirector, 91),
	"company.executives_provided": provided(RoleExecutive, 92),
	"company.ownership_declaration": func(string) Field {
		return acceptanceField("company.ownership_declaration", GroupPeople, 95,
			T("Beneficial owners declaration"),
			T("The representative attests that the owners given are complete and correct; date, IP address and user agent are recorded."))
	},
	"company.directorship_declaration": func(string) Field {
		return acceptanceField("company.directorship_declaration", GroupPeople, 96,
			T("Directors declaration"),
			T("The representative attests that the directors given are complete and correct; date, IP address and user agent are recorded."))
	},
}

// provided is company.<role>s_provided: a yes/no attestation, answered
// once every person of the role has been added (Stripe never sets it).
func provided(role string, order int) func(string) Field {
	plural := map[string]Text{
		RoleOwner:     T("owners"),
		RoleDirector:  T("directors"),
		RoleExecutive: T("executives"),
	}[role]
	return func(string) Field {
		return yesNoField("company."+RolePrefix(role)+"_provided", GroupPeople, order,
			Tf("All %s have been added", plural),
			T("Confirm once every person with this role is on the account."))
	}
}

func checkCompanyName(v string, c Context) error {
	if err := checkPlain(100)(v, c); err != nil {
		return err
	}
	if strings.IndexFunc(v, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return fail(c.Lang, T("Enter the legal name as registered, e.g. Rocket Rides Inc."))
	}
	return nil
}

// checkPastDate accepts a real date that is not in the future.
func checkPastDate(v string, c Context) error {
	d, ok := ParseDateIn(v, c)
	if !ok {
		return fail(c.Lang, msgDate, DateFormat(c))
	}
	if !c.Now.IsZero() && d.After(c.Now) {
		return fail(c.Lang, msgDateFuture)
	}
	return nil
}
