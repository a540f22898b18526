package schema

import (
	"strings"
	"sync"
)

// Stripe's test values (https://docs.stripe.com/connect/testing) for any
// field of any country in the table: what the wizard's ctrl+e types on
// the sandbox, and what the tests answer every due field with.

// testLeaf are Stripe's test values by the last part of a field's key;
// fields not listed use their example (the country table's) when it is
// valid.
var testLeaf = map[string]string{
	"dob":            "1901-01-01",
	"line1":          "address_full_match",
	"url":            "https://accessible.stripe.com",
	"first_name":     "Jenny",
	"last_name":      "Rosen",
	"email":          "jenny.rosen@example.com",
	"ssn_last_4":     "0000",
	"id_number":      "000000000",
	"tax_id":         "000000000",
	"account_number": "000123456789",
	"name":           "Furever LLC",
	"title":          "CEO",
	"document":       "file_identity_document_success",
	// Japanese name variants: kana is katakana, kanji any Japanese script.
	"first_name_kana":  "ジェニー",
	"last_name_kana":   "ローゼン",
	"first_name_kanji": "ジェニー",
	"last_name_kanji":  "ローゼン",
	"name_kana":        "ファーエバー",
	"name_kanji":       "ファーエバー株式会社",
}

// testJapaneseAddress are the parts of a kana and a kanji address, as in
// Stripe's Japanese address examples (a Shibuya, Tokyo address).
var testJapaneseAddress = map[string]map[string]string{
	"address_kana": {"postal_code": "1500001", "state": "トウキョウト", "city": "シブヤク",
		"town": "ジングウマエ 3-", "line1": "27-15"},
	"address_kanji": {"postal_code": "1500001", "state": "東京都", "city": "渋谷区",
		"town": "神宮前 3丁目", "line1": "27-15"},
}

// testPeople are the test names of the people a company adds, by role
// (the representative keeps Stripe's Jenny Rosen).
var testPeople = map[string][2]string{"owners": {"Ada", "Owner"}, "directors": {"Dan", "Director"}, "executives": {"Eve", "Exec"}}

// testCities go with the countries' example postal codes. A test checks
// that every country of the table has one.
var testCities = map[string]string{"US": "San Francisco", "GB": "London", "CA": "Toronto", "FR": "Paris",
	"DE": "Berlin", "IE": "Dublin", "AU": "Sydney", "NL": "Amsterdam",
	"AT": "Wien", "BE": "Bruxelles", "BG": "Sofia", "HR": "Zagreb", "CY": "Nicosia", "CZ": "Praha",
	"DK": "København", "EE": "Tallinn", "FI": "Helsinki", "GR": "Athina", "HU": "Budapest", "IT": "Roma",
	"LV": "Riga", "LI": "Vaduz", "LT": "Vilnius", "LU": "Luxembourg", "MT": "Valletta", "NO": "Oslo",
	"PL": "Warszawa", "PT": "Lisboa", "RO": "București", "SK": "Bratislava", "SI": "Ljubljana", "ES": "Madrid",
	"SE": "Stockholm", "IS": "Reykjavík", "CH": "Zürich", "GI": "Gibraltar", "JP": "Chiyoda", "SG": "Singapore",
	"HK": "Hong Kong", "MY": "Kuala Lumpur", "TH": "Bangkok", "NZ": "Wellington", "AE": "Dubai",
	"MX": "Ciudad de México", "BR": "São Paulo"}

// TestValue is Stripe's test value for f in c's country, "" when there is
// none the field's own check accepts (a French SIREN is not a US SSN).
func TestValue(f Field, c Context) string {
	leaf := f.Key[strings.LastIndex(f.Key, ".")+1:]
	check := f.Check(c)
	v := testLeaf[leaf]
	if leaf == "city" {
		v = testCities[c.Country]
	}
	for kind, parts := range testJapaneseAddress {
		if strings.Contains(f.Key, "."+kind+".") || strings.HasPrefix(f.Key, kind+".") {
			v = parts[leaf]
		}
	}
	if names, ok := testPeople[f.Key[:max(strings.Index(f.Key, "."), 0)]]; ok && (leaf == "first_name" || leaf == "last_name") {
		// One name per role, as in examples/: every person read
		// "Jenny Rosen", so steps titled by a person's name could not
		// be told apart.
		v = names[map[string]int{"first_name": 0, "last_name": 1}[leaf]]
	}
	for _, v := range []string{v, f.Placeholder} {
		if v != "" && check(v) == nil {
			return v
		}
	}
	return ""
}

// Stripe's published test values for sensitive fields
// (https://docs.stripe.com/connect/testing): numbers that are no one's
// and only mean something in test mode. A journey may hand these on (to
// record an answers file that replays to the same state) where it never
// hands on what an operator typed.
var stripeTestValues = map[string]bool{
	// id numbers, SSNs and tax ids: verified, verified at once, not
	// issued, and their last four.
	"000000000": true, "000000001": true, "222222222": true, "111111111": true, "111111112": true,
	"0000": true, "2222": true,
	// bank account numbers: success, no account, closed, insufficient
	// funds, debits refused, (GB) success, and the test IBANs.
	"000123456789": true, "000111111116": true, "000111111113": true, "000222222227": true,
	"000333333335": true, "000444444440": true, "00012345": true,
	"DE89370400440532013000": true, "FR1420041010050500013M02606": true, "IE29AIBK93115212345678": true,
	"GB82WEST12345698765432": true, "NL39RABO0300065264": true,
}

// IsTestValue reports whether v is one of Stripe's test values for f
// (or the catalog's example for it, which is one): a value that says
// nothing about anyone, safe to write down.
func IsTestValue(f Field, v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return false
	}
	if f.Kind == KindFile {
		return strings.HasPrefix(v, "file_identity_document_") || strings.HasPrefix(v, "file_verification_")
	}
	if v == f.Placeholder {
		return true
	}
	v = strings.ToUpper(strings.ReplaceAll(v, " ", ""))
	return stripeTestValues[v] || countryTestNumbers()[v]
}

// countryTestNumbers are the test numbers of the country table (the id,
// company and bank examples of every country, Stripe's test IBANs among
// them), normalised as IsTestValue compares them.
var countryTestNumbers = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, r := range countries() {
		for _, ex := range []string{r.id.example, r.taxID.example, r.bank.routing.example, r.bank.account.example} {
			if ex != "" {
				out[strings.ToUpper(strings.ReplaceAll(ex, " ", ""))] = true
			}
		}
	}
	return out
})
