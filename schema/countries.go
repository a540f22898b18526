package schema

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The country table: one row per country Stripe lets a platform onboard
// connected accounts in, split by region (country.go holds the first
// eight and the types; countries_europe.go, countries_asia.go and
// countries_americas.go the others). A country is added by adding a row;
// no code path names a country.
//
// Which countries: Stripe's global availability list and its Connect
// cross-border payouts page (https://stripe.com/global,
// https://docs.stripe.com/connect/cross-border-payouts): the EEA
// countries, CH, GB, GI, US, CA, MX, BR, JP, SG, HK, MY, TH, AU, NZ and AE.
// Currencies are each country's own currency, as Stripe's country specs
// give it (GET /v1/country_specs/{country}.default_currency).
//
// Test values: Stripe's Connect testing guide
// (https://docs.stripe.com/connect/testing#payouts) gives, per country,
// a bank account that pays out: routing 110000000 / account 000123456789
// (US), 11000-000 (CA), sort code 108800 / 00012345 (GB), BSB 110000 /
// 000123456 (AU), 1100000 / 0001234 (JP), 1100-000 / 000123456 (SG),
// 110-000 / 000123456 (HK), 110-0000 / 0001234 (BR), CLABE
// 000000001234567897 (MX), 1100000000000010 (NZ), HBMBMYKL / 000123456000
// (MY), 999 / 000123456789 (TH), and one test IBAN per IBAN country
// (each passes its mod-97 check, which a test asserts). Its id numbers
// (000000000 and the others in testIDNumbers) pass every check below.
//
// Index of guesses (facts not read in Stripe's docs or API reference;
// each is marked "guess:" where it is used):
//   - every national format and checksum of validate_national.go and
//     validate_ids.go (postal code shapes, id and company number shapes):
//     the countries' own published rules, which Stripe may apply more
//     loosely;
//   - the labels of the national numbers Stripe asks in id_number and
//     company.tax_id outside the US, CA and GB (which number Stripe means
//     is inferred from its field descriptions and the country);
//   - account-number lengths outside the US and GB;
//   - the state lists: which countries ask address.state at all (MX, BR,
//     MY, JP, AE, TH) and the codes sent (ISO 3166-2 subdivision codes,
//     prefecture names in Japan);
//   - Gibraltar's bank form (a UK sort code and account, in GBP), BR's and
//     TH's routing number shapes, the per-country test IBANs of the
//     countries other than DE, FR, IE and NL (ISO 13616's registry
//     examples, which Stripe's guide lists per country as remembered);
//   - Bulgaria's currency (eur from 2026, when Bulgaria adopted the euro).

// joinCountries merges the regional tables; a country in two tables is a
// mistake a test catches (TestCountryTableHasNoDuplicates).
func joinCountries(tables ...map[string]countryRules) map[string]countryRules {
	out := map[string]countryRules{}
	for _, t := range tables {
		for k, v := range t {
			out[k] = v
		}
	}
	return out
}

// countryTables are the regional tables, for the duplicate check. They
// are built the first time a country is looked up, not when the program
// starts: most runs of onboard read a handful of countries, and --help none.
func countryTables() []map[string]countryRules {
	return []map[string]countryRules{coreCountries(), europeCountries(), asiaCountries(), americasCountries()}
}

var countries = sync.OnceValue(func() map[string]countryRules { return joinCountries(countryTables()...) })

// Countries lists the codes of every country in the table, sorted.
func Countries() []string {
	out := make([]string, 0, len(countries()))
	for c := range countries() {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// CountryCurrency is the default currency of country's accounts, "" for
// a country not in the table.
func CountryCurrency(country string) string { return countries()[country].currency }

// postalRule is a postal code of the given shape, with an example that
// fits it. shape is "4 digits", "5 digits (NNN NN)"...
func postalRule(example string, shape Text, valid func(string) bool) rule {
	return rule{label: T("Postal code"), example: example, valid: valid,
		help: Tf("%s, e.g. %s.", capitalized(shape), example),
		msg:  Tf("Enter the postal code: %s, e.g. %s.", shape, example)}
}

// capitalized is t with its first letter in capitals, in every language.
func capitalized(t Text) func(Lang) string {
	return func(l Lang) string { return capitalize(t.In(l)) }
}

// theLabel is a label as the object of "Enter …": "the tax ID" in
// English, with its article in French (frThe), the label itself in the
// languages whose catalogs quote it.
func theLabel(label Text, frThe func(string) string) func(Lang) string {
	return func(l Lang) string {
		switch l {
		case English, Pseudo:
			return lowerFirst(label.In(l))
		case French:
			return frThe(label.In(l))
		}
		return label.In(l)
	}
}

// digitsPostal is a postal code of n digits.
func digitsPostal(n int, example string) rule {
	return postalRule(example, Tf("%d digits", n), digitsN(n))
}

// noPostal is the postal code of a country without postal codes (Hong
// Kong, the United Arab Emirates): optional, any short text.
var noPostal = rule{none: true,
	label: T("Postal code (optional)"),
	help:  T("Addresses in this country have no postal code; leave empty.")}

// numberRule is a national number (identity, company, tax), with what it
// looks like in both languages.
func numberRule(label Text, example string, shape Text, valid func(string) bool) rule {
	return rule{label: label, example: example, valid: valid,
		help: Tf("%s: %s. Never stored or shown again.", label, shape),
		msg:  Tf("Enter the %s: %s, e.g. %s.", theLabel(label, frNumber), shape, example)}
}

// frNumber is a number's French label as the object of "Saisissez":
// "le numéro fiscal (NIP)", "l'identifiant…", "le numéro (DNI ou NIE)".
func frNumber(label string) string {
	switch {
	case strings.HasPrefix(label, "Numéro "), strings.HasPrefix(label, "Code "):
		return "le " + lowerFirst(label)
	case strings.HasPrefix(label, "Identifiant "):
		return "l'" + lowerFirst(label)
	}
	return "le numéro (" + label + ")"
}

// stateRule is a state, province or prefecture chosen from a list;
// frThe is the French name with its article ("l'État", "la préfecture").
func stateRule(label, the Text, example string, options []Option) rule {
	return rule{label: label, example: example, options: options,
		help: Tf("%s of the address, e.g. %s.", capitalized(the), example),
		msg:  Tf("Enter %s, e.g. %s (a name or code from the list).", the, example)}
}

// localBank is the bank form of a country with a routing number (bank,
// branch or both) and an account number.
func localBank(routing rule, accountExample string, accountShape Text, account func(string) bool) bankRule {
	return bankRule{routing: routing, account: rule{example: accountExample, valid: account,
		msg: Tf("Enter the account number: %s, e.g. %s.", accountShape, accountExample)}}
}

// routingRule is the bank code part of a local bank form.
func routingRule(label Text, example string, shape Text, valid func(string) bool) rule {
	return rule{label: label, example: example, valid: valid,
		help: Tf("%s (test: %s).", capitalized(shape), example),
		msg:  Tf("Enter the %s: %s, e.g. %s.", theLabel(label, frLe), shape, example)}
}

// frLe is a French label after "Saisissez": "le code banque".
func frLe(label string) string { return "le " + lowerFirst(label) }

// accountOnlyBank is the bank form of a country whose account number
// holds the bank and branch (a CLABE, a New Zealand account number).
func accountOnlyBank(label Text, example string, shape Text, valid func(string) bool) bankRule {
	return bankRule{noRouting: true, account: rule{label: capitalizedText(label), example: example, valid: valid,
		help: Tf("%s. Masked once typed.", capitalized(shape)),
		msg:  Tf("Enter the %s: %s, e.g. %s.", theLabel(label, func(s string) string { return "le " + s }), shape, example)}}
}

// capitalizedText is a label given in lower case (it is also used inside
// sentences), capitalized to stand alone.
func capitalizedText(t Text) Text { return Tf("%s", capitalized(t)) }

// oneOf accepts a value any of the checks accepts.
func oneOf(fs ...func(string) bool) func(string) bool {
	return func(s string) bool {
		for _, f := range fs {
			if f(s) {
				return true
			}
		}
		return false
	}
}

// lettersDigits accepts 1 to n letters or digits after optional letters:
// the loose shape of registry numbers with no public checksum.
func alnumBetween(lo, hi int) func(string) bool {
	return func(s string) bool { return len(s) >= lo && len(s) <= hi && isAlnum(s) }
}

func capitalize(s string) string { return Capitalize(s) }

// Capitalize puts the first letter of s in capitals, whatever its script
// ("état" → "État"; a Japanese text is unchanged, never cut in a
// character).
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
