package schema

import (
	"regexp"
	"strings"
	"sync"
)

// Per-country facts: what the state, the postal code, the personal id,
// the company tax id and the bank details are called and look like. They
// live in this one table so a wrong fact is corrected in one place.
// Sources: Stripe's API reference, its required verification information
// (https://docs.stripe.com/connect/required-verification-information) and
// its Connect testing guide (https://docs.stripe.com/connect/testing) for
// the US/CA/GB/FR/DE postal codes, US numbers and the bank fields; the
// national formats (SIN, SIREN, ACN/ABN, CRO, KvK, Eircode, HRB), the
// account-number lengths outside the US and GB, and the structures
// offered per country are public national rules, not Stripe's, and are
// marked "guess:" where Stripe may be looser. Stripe's test ids pass every
// check (validate_ids.go).

// rule is how one value is named and checked in a country.
type rule struct {
	label, help Text
	// msg says what a right value looks like; it is shown when valid fails.
	msg     Text
	example string
	// valid gets the value normalized by the caller (trimmed, upper case,
	// separators removed for numbers). nil accepts any plain text.
	valid func(string) bool
	// options are the accepted values (suggestions for a typed field).
	options []Option
	// none marks a value the country does not have (no states in GB): the
	// field stays, optional, in case Stripe asks anyway.
	none bool
	// keepSpaces sends the value as typed instead of without separators
	// (German register numbers: "HRB 12345").
	keepSpaces bool
	// public marks a number anyone can look up in a public register (a
	// company registration number): it is typed in clear, not masked.
	public bool
	// why, when set, says what is wrong with a value valid refuses (too
	// short, a wrong check digit); "" falls back to msg.
	why func(string) Text
}

// bankRule is how a country's payout bank account is entered.
type bankRule struct {
	// iban: the account number is an IBAN and there is no routing number.
	iban bool
	// noRouting: the account number alone names the account (a Mexican
	// CLABE, a New Zealand account number holds the bank and branch).
	noRouting bool
	routing   rule
	account   rule
	// routingForm rewrites a valid routing number in the form Stripe wants.
	routingForm func(string) string
}

// countryRules is everything per country. A zero rule falls back to the
// default one.
type countryRules struct {
	// currency is the default currency of the country's accounts
	// (ISO 4217, lower case), as Stripe's country specs give it.
	currency                 string
	state, postal, id, taxID rule
	bank                     bankRule
	// structures are the company.structure values offered first; any of
	// the 23 values is accepted, as Stripe decides what applies.
	structures []string
}

// re is a check by regular expression, compiled the first time it runs:
// the country tables are built at once, and most of their checks never run
// in a given session (an invalid pattern still fails every table test).
func re(s string) func(string) bool {
	compiled := sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(s) })
	return func(v string) bool { return compiled().MatchString(v) }
}

func digitsN(n int) func(string) bool {
	return func(s string) bool { return len(s) == n && isDigits(s) }
}

func digitsBetween(lo, hi int) func(string) bool {
	return func(s string) bool { return len(s) >= lo && len(s) <= hi && isDigits(s) }
}

var noState = rule{none: true,
	label: T("Region (optional)"),
	help:  T("Addresses in this country have no state; leave empty unless Stripe insists.")}

var euroStructures = []string{"private_company", "public_company", "sole_proprietorship",
	"limited_liability_partnership", "incorporated_partnership", "unincorporated_partnership",
	"incorporated_non_profit", "unincorporated_non_profit", "unincorporated_association",
	"government_instrumentality"}

// ibanBank is the bank rule of a SEPA country, with one of Stripe's test
// IBANs of that country as its example; an IBAN of another country is
// refused, as Stripe refuses a bank account whose IBAN is not of its
// country
// (https://docs.stripe.com/connect/testing#payouts): a French form
// shows a French IBAN.
func ibanBank(example string) bankRule {
	spaced := groupsOf4(example)
	return bankRule{iban: true, account: rule{example: example,
		label: T("IBAN"),
		help:  T("The account's IBAN: country code, 2 check digits, then the account (spaces allowed). Masked once typed."),
		msg:   Tf("Enter a valid IBAN for this country, e.g. %s (its check digits must match).", spaced),
		valid: func(s string) bool { return ValidIBAN(s) && strings.HasPrefix(s, example[:2]) }}}
}

// groupsOf4 writes an IBAN as it is printed: in groups of four.
func groupsOf4(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// coreCountries are the first eight countries; the others are in
// countries_*.go, one file per region, joined in countries.go.
func coreCountries() map[string]countryRules {
	return map[string]countryRules{
		"US": {
			currency: "usd",
			state: rule{label: T("State"), example: "CA", options: usStates,
				help: T("Two-letter code of the US state, e.g. CA."),
				msg:  msgState},
			postal: rule{label: T("ZIP code"), example: "94107", valid: re(`^\d{5}(-\d{4})?$`),
				help: T("5 digits, or ZIP+4."), msg: msgPostalUS},
			id: rule{label: T("Social Security number (SSN)"), example: "000000000",
				help: T("All 9 digits of the US Social Security number. Never stored or shown again."),
				msg:  msgSSN, valid: digitsN(9)},
			taxID: rule{label: T("Employer Identification Number (EIN)"), example: "000000000",
				help:  T("The 9-digit EIN from the IRS (12-3456789). Never stored or shown again."),
				msg:   T("Enter the 9-digit EIN, with or without the dash (12-3456789)."),
				valid: digitsN(9)},
			bank: bankRule{
				routing: rule{label: T("ABA routing number"), example: "110000000",
					help: T("9 digits, printed at the bottom left of a check (test: 110000000)."),
					msg:  msgRouting, valid: ValidABA, why: whyABA},
				account: rule{example: "000123456789", valid: digitsBetween(4, 17), msg: msgAccountNum}},
			structures: []string{"sole_proprietorship", "single_member_llc", "multi_member_llc", "private_corporation",
				"public_corporation", "private_partnership", "public_partnership", "incorporated_non_profit",
				"unincorporated_non_profit", "unincorporated_association", "governmental_unit",
				"government_instrumentality", "tax_exempt_government_instrumentality"},
		},
		"CA": {
			currency: "cad",
			state: rule{label: T("Province or territory"), example: "ON", options: caProvinces,
				help: T("Two-letter code of the province or territory, e.g. ON."),
				msg:  T("Enter the 2-letter province code, e.g. ON, QC or BC.")},
			postal: rule{label: T("Postal code"), example: "K1A 0B1",
				valid: re(`^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$`),
				help:  T("Letter-digit-letter digit-letter-digit, e.g. K1A 0B1."),
				msg:   T("Enter a Canadian postal code such as K1A 0B1.")},
			id: rule{label: T("Social Insurance Number (SIN)"), example: "046454286",
				help:  T("The 9-digit SIN. Never stored or shown again."),
				msg:   T("Enter the 9-digit SIN (123 456 782); its check digit must be right."),
				valid: func(s string) bool { return len(s) == 9 && validLuhn(s) }},
			// guess: Stripe may also take the 15-character program account.
			taxID: rule{label: T("Business Number (BN)"), example: "123456789",
				help:  T("The 9-digit CRA Business Number (a 15-character program account such as 123456789RC0001 also works)."),
				msg:   T("Enter the 9-digit Business Number, e.g. 123456789."),
				valid: re(`^\d{9}([A-Z]{2}\d{4})?$`)},
			bank: bankRule{
				routing: rule{label: T("Transit and institution number"), example: "11000-000",
					help:  T("5-digit transit number, a dash, 3-digit institution number (test: 11000-000)."),
					msg:   T("Enter the transit and institution numbers as NNNNN-NNN, e.g. 11000-000."),
					valid: digitsN(8)},
				routingForm: func(s string) string { return s[:5] + "-" + s[5:] },
				// guess: Canadian account numbers are 5 to 12 digits.
				account: rule{example: "000123456789", valid: digitsBetween(5, 12),
					msg: T("Enter the account number: 5 to 12 digits.")}},
			structures: []string{"private_corporation", "public_corporation", "sole_proprietorship", "private_partnership",
				"incorporated_non_profit", "unincorporated_non_profit", "registered_charity", "government_instrumentality"},
		},
		"GB": {
			currency: "gbp",
			state:    noState,
			postal: rule{label: T("Postcode"), example: "EC1A 1BB",
				valid: re(`^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$`),
				help:  T("Outward and inward code, e.g. EC1A 1BB."),
				msg:   T("Enter a UK postcode such as EC1A 1BB or SW1A 2AA.")},
			taxID: rule{label: T("Company registration number"), example: "12345678", public: true,
				help:  T("The 8-character Companies House number, e.g. 12345678 or SC123456."),
				msg:   T("Enter the 8-character company number: 8 digits, or 2 letters and 6 digits (SC123456)."),
				valid: re(`^(\d{8}|[A-Z]{2}\d{6})$`)},
			bank: bankRule{
				routing: rule{label: T("Sort code"), example: "108800",
					help:  T("6 digits, often written 10-88-00 (test: 108800)."),
					msg:   T("Enter the 6-digit sort code, e.g. 10-88-00."),
					valid: digitsN(6)},
				account: rule{example: "00012345", valid: digitsN(8),
					msg: T("Enter the 8-digit account number, e.g. 00012345.")}},
			structures: append([]string{"registered_charity"}, euroStructures...),
		},
		"FR": {
			currency: "eur",
			state:    noState,
			postal: rule{label: T("Postal code"), example: "75001", valid: digitsN(5),
				help: T("5 digits, e.g. 75001."),
				msg:  T("Enter a French postal code: 5 digits, e.g. 75001.")},
			taxID: rule{label: T("SIREN number"), example: "732829320", public: true,
				help:  T("The company's 9-digit SIREN (the first 9 digits of the SIRET)."),
				msg:   T("Enter the 9-digit SIREN, e.g. 732 829 320; its check digit must be right."),
				valid: func(s string) bool { return len(s) == 9 && validLuhn(s) }},
			bank:       ibanBank("FR1420041010050500013M02606"),
			structures: euroStructures,
		},
		"DE": {
			currency: "eur",
			state:    noState,
			postal: rule{label: T("Postal code (PLZ)"), example: "10115", valid: digitsN(5),
				help: T("5 digits, e.g. 10115."),
				msg:  T("Enter a German postal code: 5 digits, e.g. 10115.")},
			// guess: Stripe calls this "tax_id"; in Germany it is the register
			// number (Stripe's 2020 country specs), with a type prefix and court suffix.
			taxID: rule{label: T("Commercial register number"), example: "HRB 12345", public: true,
				help:       T("The Handelsregister number with its type, e.g. HRB 12345; give the court in the registrar field."),
				msg:        T("Enter the register number, e.g. HRB 12345: letters, then 1 to 8 digits."),
				valid:      re(`^([A-Z]{1,4} ?)?\d{1,8}( ?[A-Z]{1,3})?$`),
				keepSpaces: true},
			bank:       ibanBank("DE89370400440532013000"),
			structures: euroStructures,
		},
		"IE": {
			currency: "eur",
			// guess: Stripe takes the county's name in address.state.
			state: rule{label: T("County"), example: "Dublin", options: ieCounties,
				help: T("The county, e.g. Dublin or Co. Cork."),
				msg:  T("Enter an Irish county, e.g. Dublin, Cork or Galway.")},
			postal: rule{label: T("Eircode"), example: "A65 F4E2",
				valid: re(`^([AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$`),
				help:  T("Routing key and unique identifier, e.g. A65 F4E2."),
				msg:   T("Enter an Eircode such as A65 F4E2 or D6W 1234.")},
			taxID: rule{label: T("CRO number"), example: "123456", public: true,
				help:  T("The Companies Registration Office number, up to 6 digits."),
				msg:   T("Enter the CRO number: 1 to 6 digits, e.g. 123456."),
				valid: digitsBetween(1, 6)},
			bank:       ibanBank("IE29AIBK93115212345678"),
			structures: append([]string{"registered_charity"}, euroStructures...),
		},
		"AU": {
			currency: "aud",
			state: rule{label: T("State or territory"), example: "NSW", options: auStates,
				help: T("Abbreviation of the state or territory, e.g. NSW."),
				msg:  T("Enter the state or territory, e.g. NSW, VIC or QLD.")},
			postal: rule{label: T("Postcode"), example: "2000", valid: digitsN(4),
				help: T("4 digits, e.g. 2000."),
				msg:  T("Enter an Australian postcode: 4 digits, e.g. 2000.")},
			taxID: rule{label: T("ACN or ABN"), example: "004085616", public: true,
				help:  T("The 9-digit Australian Company Number or the 11-digit Australian Business Number."),
				msg:   T("Enter a 9-digit ACN (004 085 616) or an 11-digit ABN (51 824 753 556) with valid check digits."),
				valid: func(s string) bool { return validACN(s) || validABN(s) }},
			bank: bankRule{
				routing: rule{label: T("BSB"), example: "110000",
					help:  T("The 6-digit bank-state-branch number, e.g. 110-000."),
					msg:   T("Enter the 6-digit BSB, e.g. 110-000."),
					valid: digitsN(6)},
				// guess: Australian account numbers are 5 to 10 digits.
				account: rule{example: "000123456", valid: digitsBetween(5, 10),
					msg: T("Enter the account number: 5 to 10 digits.")}},
			structures: []string{"private_company", "public_company", "sole_proprietorship", "private_partnership",
				"incorporated_non_profit", "unincorporated_non_profit", "unincorporated_association", "government_instrumentality"},
		},
		"NL": {
			currency: "eur",
			state:    noState,
			postal: rule{label: T("Postcode"), example: "1012 AB", valid: re(`^[1-9]\d{3} ?[A-Z]{2}$`),
				help: T("4 digits and 2 letters, e.g. 1012 AB."),
				msg:  T("Enter a Dutch postcode such as 1012 AB.")},
			taxID: rule{label: T("KvK number"), example: "12345678", public: true,
				help:  T("The 8-digit Chamber of Commerce (KvK) number."),
				msg:   T("Enter the 8-digit KvK number, e.g. 12345678."),
				valid: digitsN(8)},
			bank:       ibanBank("NL39RABO0300065264"),
			structures: euroStructures,
		},
	}
}

// defaultRules apply to a country without an entry, and to the parts an
// entry leaves out.
var defaultRules = countryRules{
	state: rule{label: T("State / region"),
		help: T("State, province or region.")},
	postal: rule{label: T("Postal code"),
		help:  T("Postal code of the address."),
		msg:   T("Enter the postal code: letters, digits, spaces or dashes, up to 12."),
		valid: re(`^[A-Z0-9][A-Z0-9 -]{1,11}$`)},
	id: rule{label: T("National ID number"),
		help:  T("The full government ID number. Never stored or shown again."),
		msg:   T("Enter the ID number: 4 to 30 letters or digits (spaces and dashes allowed)."),
		valid: func(s string) bool { return len(s) >= 4 && len(s) <= 30 && isAlnum(s) }},
	taxID: rule{label: T("Company tax ID"),
		help:  T("The company's tax or registration number. Never stored or shown again."),
		msg:   T("Enter the tax ID: 2 to 30 letters or digits (spaces and dashes allowed)."),
		valid: func(s string) bool { return len(s) >= 2 && len(s) <= 30 && isAlnum(s) }},
	bank: bankRule{
		routing: rule{label: T("Routing number"),
			help:  T("The bank's routing or branch code."),
			msg:   T("Enter the bank code: 3 to 15 letters or digits."),
			valid: func(s string) bool { return len(s) >= 3 && len(s) <= 15 && isAlnum(s) }},
		account: rule{msg: msgAccountNum, valid: digitsBetween(4, 17)}},
}

// rulesFor returns a country's rules, each missing part taken from the
// default.
func rulesFor(country string) countryRules {
	r, ok := countries()[strings.ToUpper(strings.TrimSpace(country))]
	if !ok {
		return defaultRules
	}
	d := defaultRules
	pick := func(a, b rule) rule {
		if a.label.EN == "" && !a.none {
			b.example, b.valid = pickStr(a.example, b.example), pickFn(a.valid, b.valid)
			return b
		}
		if a.help.EN == "" {
			a.help = b.help
		}
		if a.msg.EN == "" {
			a.msg = b.msg
		}
		return a
	}
	r.state = pick(r.state, d.state)
	r.postal = pick(r.postal, d.postal)
	r.id = pick(r.id, d.id)
	r.taxID = pick(r.taxID, d.taxID)
	if !r.bank.iban && !r.bank.noRouting {
		r.bank.routing = pick(r.bank.routing, d.bank.routing)
		acc := d.bank.account
		acc.example, acc.valid = pickStr(r.bank.account.example, acc.example), pickFn(r.bank.account.valid, acc.valid)
		if r.bank.account.msg.EN != "" {
			acc.msg = r.bank.account.msg
		}
		r.bank.account = acc
	}
	if len(r.structures) == 0 {
		r.structures = structureValues
	}
	return r
}

func pickStr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func pickFn(a, b func(string) bool) func(string) bool {
	if a != nil {
		return a
	}
	return b
}

// ruleCheck checks a value against a rule after norm, accepting one of the
// rule's options in any case and Stripe's test ids.
func ruleCheck(r rule, norm func(string) string, testIDs bool) func(string, Context) error {
	return func(v string, c Context) error {
		n := norm(v)
		if testIDs && isTestID(n) {
			return nil
		}
		if len(r.options) > 0 {
			if optionMatch(r.options, v) != "" {
				return nil
			}
			return fail(c.Lang, r.msg)
		}
		if r.valid != nil && !r.valid(n) {
			if r.why != nil {
				if t := r.why(n); t.EN != "" {
					return fail(c.Lang, t)
				}
			}
			return fail(c.Lang, r.msg)
		}
		return checkPlain(100)(v, c)
	}
}

// optionMatch returns the value of the option v names, by value or label,
// in any letter case (Co. Cork, county cork and CORK are Cork).
func optionMatch(opts []Option, v string) string {
	v = strings.TrimSpace(v)
	for _, pre := range []string{"Co. ", "Co ", "County "} {
		if len(v) > len(pre) && strings.EqualFold(v[:len(pre)], pre) {
			v = v[len(pre):]
		}
	}
	want := foldName(v)
	for _, o := range opts {
		for _, n := range optionNames(o) {
			if foldName(n) == want {
				return o.Value
			}
		}
	}
	return ""
}

// upperSpaces is a postal code trimmed and upper-cased with single spaces.
func upperSpaces(v string) string { return strings.ToUpper(strings.Join(strings.Fields(v), " ")) }
