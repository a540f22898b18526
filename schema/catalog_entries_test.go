package schema

import (
	"regexp"
	"strings"
	"testing"
)

// entry is one catalog entry's test: a value that must be accepted and
// encoded as params, and one that must be refused. Person fields' params
// are written without the person prefix (dob[day]); the test adds
// individual[...] where the field goes on the account.
type entry struct {
	good, bad string
	params    map[string]string
}

var fileOK = "file_identity_document_success"

// entries are keyed by field key, person leaves by "~." + leaf.
var entries = map[string]entry{
	"business_type":                        {"individual", "sole_prop", map[string]string{"business_type": "individual"}},
	"business_profile.mcc":                 {"5734", "57a4", map[string]string{"business_profile[mcc]": "5734"}},
	"business_profile.url":                 {"https://accessible.stripe.com", "accessible.stripe", map[string]string{"business_profile[url]": "https://accessible.stripe.com"}},
	"business_profile.product_description": {"Hand-made ceramics sold online", "Pots", map[string]string{"business_profile[product_description]": "Hand-made ceramics sold online"}},
	"business_profile.name":                {"Rocket Rides", "<b>", map[string]string{"business_profile[name]": "Rocket Rides"}},
	"business_profile.support_phone":       {"+1 415 555 0123", "+1 555 0123", map[string]string{"business_profile[support_phone]": "+14155550123"}},
	"business_profile.support_email":       {"support@example.com", "support@", map[string]string{"business_profile[support_email]": "support@example.com"}},
	"business_profile.support_url":         {"https://example.com/help", "example", map[string]string{"business_profile[support_url]": "https://example.com/help"}},
	"business_profile.annual_revenue":      {"250000 EUR", "lots", map[string]string{"business_profile[annual_revenue][amount]": "25000000", "business_profile[annual_revenue][currency]": "eur"}},
	"business_profile.monthly_estimated_revenue": {"5000 USD", "-5", map[string]string{"business_profile[monthly_estimated_revenue][amount]": "500000",
		"business_profile[monthly_estimated_revenue][currency]": "usd"}},
	"business_profile.annual_revenue.fiscal_year_end": {"2025-12-31", "2025-02-30", map[string]string{"business_profile[annual_revenue][fiscal_year_end]": "2025-12-31"}},
	"business_profile.estimated_worker_count":         {"12", "-1", map[string]string{"business_profile[estimated_worker_count]": "12"}},
	"business_profile.minority_owned_business_designation": {"women_owned_business, lgbtqi_owned_business", "rich", map[string]string{
		"business_profile[minority_owned_business_designation][0]": "women_owned_business",
		"business_profile[minority_owned_business_designation][1]": "lgbtqi_owned_business"}},
	"settings.payments.statement_descriptor":                   {"FUREVER PETS", "12345", map[string]string{"settings[payments][statement_descriptor]": "FUREVER PETS"}},
	"settings.payments.statement_descriptor_kana":              {"フューレバー", "<x>", nil},
	"settings.payments.statement_descriptor_kanji":             {"毛皮", "<x>", nil},
	"settings.card_payments.statement_descriptor_prefix":       {"FUREVER", "X", map[string]string{"settings[card_payments][statement_descriptor_prefix]": "FUREVER"}},
	"settings.card_payments.statement_descriptor_prefix_kana":  {"フュ", "<x>", nil},
	"settings.card_payments.statement_descriptor_prefix_kanji": {"毛皮", "<x>", nil},
	"settings.payouts.statement_descriptor":                    {"FUREVER PAYOUT", "12345", map[string]string{"settings[payouts][statement_descriptor]": "FUREVER PAYOUT"}},
	"settings.card_issuing.tos_acceptance":                     {"true", "false", map[string]string{"settings[card_issuing][tos_acceptance][date]": "1795435200", "settings[card_issuing][tos_acceptance][ip]": "203.0.113.7"}},
	"settings.treasury.tos_acceptance":                         {"yes", "no", map[string]string{"settings[treasury][tos_acceptance][date]": "1795435200", "settings[treasury][tos_acceptance][user_agent]": "onboard/test"}},
	"tos_acceptance":                                           {"true", "false", map[string]string{"tos_acceptance[date]": "1795435200", "tos_acceptance[ip]": "203.0.113.7"}},
	"company.name":                                             {"Rocket Rides Inc.", "<b>", map[string]string{"company[name]": "Rocket Rides Inc."}},
	"company.name_kana":                                        {"ロケット", "<b>", nil},
	"company.name_kanji":                                       {"火箭", "<b>", nil},
	"company.vat_id":                                           {"FR 40 303265045", "X1", map[string]string{"company[vat_id]": "FR40303265045"}},
	"company.tax_id_registrar":                                 {"Amtsgericht Berlin", "<b>", map[string]string{"company[tax_id_registrar]": "Amtsgericht Berlin"}},
	"company.registration_number":                              {"HRB 12345", "#", map[string]string{"company[registration_number]": "HRB 12345"}},
	"company.registration_date":                                {"2015-06-01", "2015-06-31", map[string]string{"company[registration_date][day]": "1", "company[registration_date][month]": "6", "company[registration_date][year]": "2015"}},
	"company.phone":                                            {"+33 1 23 45 67 89", "0123", map[string]string{"company[phone]": "+33123456789"}},
	"company.structure":                                        {"private_company", "gmbh", map[string]string{"company[structure]": "private_company"}},
	"company.ownership_exemption_reason":                       {"qualifies_as_financial_institution", "nope", map[string]string{"company[ownership_exemption_reason]": "qualifies_as_financial_institution"}},
	"company.export_license_id":                                {"0305012345", "<b>", nil},
	"company.export_purpose_code":                              {"P0802", "<b>", nil},
	"company.owners_provided":                                  {"yes", "maybe", map[string]string{"company[owners_provided]": "true"}},
	"company.directors_provided":                               {"true", "maybe", map[string]string{"company[directors_provided]": "true"}},
	"company.executives_provided":                              {"oui", "peut-être", map[string]string{"company[executives_provided]": "true"}},
	"company.ownership_declaration":                            {"true", "false", map[string]string{"company[ownership_declaration][date]": "1795435200", "company[ownership_declaration][ip]": "203.0.113.7"}},
	"company.directorship_declaration":                         {"true", "false", map[string]string{"company[directorship_declaration][date]": "1795435200"}},
	"company.verification.document":                            {fileOK, "\x01", map[string]string{"company[verification][document][front]": fileOK}},
	"external_account":                                         {"btok_us", "12345", map[string]string{"external_account": "btok_us"}},
	"external_account.account_holder_name":                     {"Jenny Rosen", "<x>", map[string]string{"bank_account[account_holder_name]": "Jenny Rosen"}},

	"~.first_name":                               {"Jenny", "<b>", map[string]string{"first_name": "Jenny"}},
	"~.last_name":                                {"Rosen", "12", map[string]string{"last_name": "Rosen"}},
	"~.first_name_kana":                          {"ジェニー", "12", nil},
	"~.first_name_kanji":                         {"珍妮", "12", nil},
	"~.last_name_kana":                           {"ローゼン", "12", nil},
	"~.last_name_kanji":                          {"玫瑰", "12", nil},
	"~.maiden_name":                              {"Smith", "12", map[string]string{"maiden_name": "Smith"}},
	"~.full_name_aliases":                        {"Jen Rosen, J. R. Smith", "<x>", map[string]string{"full_name_aliases[0]": "Jen Rosen", "full_name_aliases[1]": "J. R. Smith"}},
	"~.dob":                                      {"1901-01-01", "2023-02-30", map[string]string{"dob[day]": "1", "dob[month]": "1", "dob[year]": "1901"}},
	"~.email":                                    {"jenny@example.com", "jenny@", map[string]string{"email": "jenny@example.com"}},
	"~.phone":                                    {"+1 (415) 555-0123", "+1 415 555", map[string]string{"phone": "+14155550123"}},
	"~.ssn_last_4":                               {"0000", "000", map[string]string{"ssn_last_4": "0000"}},
	"~.id_number_secondary":                      {"AB-1234567", "12", map[string]string{"id_number_secondary": "AB1234567"}},
	"~.gender":                                   {"female", "other", map[string]string{"gender": "female"}},
	"~.political_exposure":                       {"none", "maybe", map[string]string{"political_exposure": "none"}},
	"~.nationality":                              {"US", "USA", map[string]string{"nationality": "US"}},
	"~.relationship.title":                       {"CEO", "<b>", map[string]string{"relationship[title]": "CEO"}},
	"~.relationship.percent_ownership":           {"25", "101", map[string]string{"relationship[percent_ownership]": "25"}},
	"~.relationship.owner":                       {"yes", "maybe", map[string]string{"relationship[owner]": "true"}},
	"~.relationship.director":                    {"true", "maybe", map[string]string{"relationship[director]": "true"}},
	"~.relationship.executive":                   {"true", "maybe", map[string]string{"relationship[executive]": "true"}},
	"~.relationship.representative":              {"true", "maybe", map[string]string{"relationship[representative]": "true"}},
	"~.relationship.authorizer":                  {"no", "maybe", map[string]string{"relationship[authorizer]": "false"}},
	"~.relationship.legal_guardian":              {"true", "maybe", map[string]string{"relationship[legal_guardian]": "true"}},
	"~.verification.document":                    {fileOK, "\x01", map[string]string{"verification[document][front]": fileOK}},
	"~.verification.additional_document":         {fileOK, "\x01", map[string]string{"verification[additional_document][front]": fileOK}},
	"~.documents.passport.files":                 {fileOK, "\x01", map[string]string{"documents[passport][files][0]": fileOK}},
	"~.documents.visa.files":                     {"a.pdf, b.pdf", "\x01", map[string]string{"documents[visa][files][0]": "a.pdf", "documents[visa][files][1]": "b.pdf"}},
	"~.documents.company_authorization.files":    {fileOK, "\x01", map[string]string{"documents[company_authorization][files][0]": fileOK}},
	"~.additional_tos_acceptances.account":       {"true", "false", map[string]string{"additional_tos_acceptances[account][date]": "1795435200", "additional_tos_acceptances[account][ip]": "203.0.113.7"}},
	"~.us_cfpb_data.ethnicity_details.ethnicity": {"mexican, cuban", "<b>", map[string]string{"us_cfpb_data[ethnicity_details][ethnicity][1]": "cuban"}},
	"~.us_cfpb_data.race_details.race":           {"asian", "<b>", map[string]string{"us_cfpb_data[race_details][race][0]": "asian"}},
	"~.us_cfpb_data.self_identified_gender":      {"woman", "<b>", map[string]string{"us_cfpb_data[self_identified_gender]": "woman"}},
}

// addressEntries are the address leaves with country-independent values.
var addressEntries = map[string]entry{
	"line1":   {"address_full_match", "a<b", nil},
	"line2":   {"Suite 5", "<x>", nil},
	"city":    {"San Francisco", strings.Repeat("x", 101), nil},
	"country": {"us", "USA", nil},
	"town":    {"千代田", "<b>", nil},
}

// japanAddress are the kana/kanji address values, checked loosely.
var japanAddress = map[string]entry{"state": {"東京都", "<b>", nil}, "postal_code": {"100-0001", "!!", nil}}

// countryEntries are the values that depend on the country: state,
// postal code, id numbers and bank details (country.go).
var countryEntries = map[string]map[string]entry{
	"US": {"state": {"ca", "ZZ", nil}, "postal_code": {"94107-1234", "9410", nil},
		"id_number": {"000-00-0000", "12345", map[string]string{"id_number": "000000000"}},
		"tax_id":    {"12-3456789", "12345", map[string]string{"company[tax_id]": "123456789"}},
		"routing":   {"110000000", "110000001", map[string]string{"bank_account[routing_number]": "110000000", "bank_account[country]": "US"}},
		"account":   {"000123456789", "12ab", map[string]string{"bank_account[account_number]": "000123456789"}}},
	"CA": {"state": {"QC", "ZZ", nil}, "postal_code": {"k1a 0b1", "12345", nil},
		"id_number": {"046 454 286", "046454287", map[string]string{"id_number": "046454286"}},
		"tax_id":    {"123456789", "12345", map[string]string{"company[tax_id]": "123456789"}},
		"routing":   {"11000 000", "1100-000", map[string]string{"bank_account[routing_number]": "11000-000"}},
		"account":   {"000123456789", "12", nil}},
	"GB": {"state": {"Greater London", "<b>", nil}, "postal_code": {"ec1a 1bb", "12345", nil},
		"id_number": {"AB123456C", "12", nil},
		"tax_id":    {"SC123456", "1234567", map[string]string{"company[tax_id]": "SC123456"}},
		"routing":   {"10-88-00", "10880", map[string]string{"bank_account[routing_number]": "108800"}},
		"account":   {"00012345", "0001234", nil}},
	"FR": {"state": {"Île-de-France", "<b>", nil}, "postal_code": {"75001", "7500", nil},
		"id_number": {"1850575123456", "12", nil},
		"tax_id":    {"732 829 320", "732829321", map[string]string{"company[tax_id]": "732829320"}},
		"account":   {"FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02605", map[string]string{"bank_account[account_number]": "FR1420041010050500013M02606"}}},
	"DE": {"state": {"Berlin", "<b>", nil}, "postal_code": {"10115", "1011", nil},
		"id_number": {"T22000129", "12", nil},
		"tax_id":    {"HRB 12345", "ABCDEFG", map[string]string{"company[tax_id]": "HRB 12345"}},
		"account":   {"DE89 3704 0044 0532 0130 00", "DE89370400440532013001", map[string]string{"bank_account[account_number]": "DE89370400440532013000"}}},
	"IE": {"state": {"Co. Cork", "Narnia", nil}, "postal_code": {"a65 f4e2", "12345", nil},
		"id_number": {"1234567T", "12", nil},
		"tax_id":    {"123456", "1234567", nil},
		"account":   {"IE29AIBK93115212345678", "IE29AIBK9311521234567", nil}},
	"AU": {"state": {"NSW", "XYZ", nil}, "postal_code": {"2000", "200", nil},
		"id_number": {"123456782", "12", nil},
		"tax_id":    {"51 824 753 556", "51824753557", map[string]string{"company[tax_id]": "51824753556"}},
		"routing":   {"110-000", "11000", map[string]string{"bank_account[routing_number]": "110000"}},
		"account":   {"000123456", "1234", nil}},
	"NL": {"state": {"Noord-Holland", "<b>", nil}, "postal_code": {"1012 ab", "0123 AB", nil},
		"id_number": {"123456782", "12", nil},
		"tax_id":    {"12345678", "1234567", nil},
		"account":   {"NL39 RABO 0300 0652 64", "NL39RABO0300065265", map[string]string{"bank_account[account_number]": "NL39RABO0300065264"}}},
	"JP": {"state": {"Tokyo", "<b>", nil}, "postal_code": {"100-0001", "!!", nil},
		"id_number": {"AB1234", "12", nil},
		"tax_id":    {"7000012050002", "1234567890123", nil},
		"routing":   {"1100000", "1", nil},
		"account":   {"0001234", "12ab", nil}},
}

var currencies = map[string]string{"US": "usd", "CA": "cad", "GB": "gbp", "FR": "eur", "DE": "eur", "IE": "eur", "AU": "aud", "NL": "eur", "JP": "jpy"}

// entryFor finds the test entry of a field in a country.
func entryFor(f Field, country string) (entry, bool) {
	key := f.Key
	if f.Person != nil {
		key = "~." + strings.TrimPrefix(f.Key, f.Person.Prefix+".")
	}
	ce := countryEntries[country]
	switch {
	case key == "company.tax_id":
		return ce["tax_id"], true
	case key == "external_account.routing_number":
		return ce["routing"], true
	case key == "external_account.account_number":
		return ce["account"], true
	case strings.HasSuffix(key, ".id_number"):
		return ce["id_number"], true
	}
	if e, ok := entries[key]; ok {
		return e, true
	}
	if strings.HasPrefix(key, "documents.") && strings.HasSuffix(key, ".files") {
		return entry{fileOK, "\x01", map[string]string{Brackets(key) + "[0]": fileOK}}, true
	}
	leaf := key[strings.LastIndex(key, ".")+1:]
	if strings.Contains(key, "address") {
		if e, ok := addressEntries[leaf]; ok {
			return e, true
		}
		if strings.Contains(key, "address_kan") {
			e, ok := japanAddress[leaf]
			return e, ok
		}
		if e, ok := ce[leaf]; ok {
			return e, true
		}
	}
	return entry{}, false
}

var reParamKey = regexp.MustCompile(`^[a-z0-9_]+(\[[a-z0-9_]+\])*$`)

// catalogFields is every field of the catalog in a country: each
// reference path looked up, and expanded as the wizard asks it.
func catalogFields(t testing.TB, country string) []Field {
	paths := readPaths(t)
	byKey := map[string]Field{}
	var out []Field
	add := func(f Field) {
		if _, ok := byKey[f.Key]; !ok {
			byKey[f.Key] = f
			out = append(out, f)
		}
	}
	for _, p := range paths {
		add(Lookup(p, country))
	}
	for _, f := range FieldsFor(paths, country) {
		add(f)
	}
	return out
}

func TestCatalogEveryEntryEveryCountry(t *testing.T) {
	for _, country := range testCountries {
		ctx := testCtx
		ctx.Country, ctx.Currency = country, currencies[country]
		for _, f := range catalogFields(t, country) {
			t.Run(country+"/"+f.Key, func(t *testing.T) {
				if f.Generic {
					t.Fatal("generic fallback")
				}
				if f.Kind == KindLink || f.Kind == KindRole {
					return // answered by a link, or expanded into the person's fields
				}
				e, ok := entryFor(f, country)
				if !ok {
					t.Fatalf("no test entry")
				}
				ps, err := f.Encode(e.good, ctx)
				if err != nil {
					t.Fatalf("good value %q refused: %v", e.good, err)
				}
				if len(ps) == 0 {
					t.Fatalf("good value %q encodes to nothing", e.good)
				}
				got := map[string]string{}
				for _, p := range ps {
					got[p.Key] = p.Value
					if !reParamKey.MatchString(p.Key) {
						t.Errorf("malformed parameter %q", p.Key)
					}
					onAccount := f.Person == nil || f.Person.OnAccount()
					if onAccount && p.Target != TargetBankToken && p.Key != "external_account" {
						if back := FieldForParam(p.Key, country); back != f.Key {
							t.Errorf("param %s maps back to %q, not %q", p.Key, back, f.Key)
						}
					}
				}
				for k, v := range e.params {
					if f.Person != nil && f.Person.OnAccount() && !strings.HasPrefix(k, "bank_account") {
						head, rest, _ := strings.Cut(k, "[")
						if rest != "" {
							rest = "[" + rest
						}
						k = "individual[" + head + "]" + rest
					}
					if got[k] != v {
						t.Errorf("param %s = %q, want %q (all: %v)", k, got[k], v, got)
					}
				}
				msgs := make([]string, len(Langs))
				for i, l := range Langs {
					c := ctx
					c.Lang = l
					err := f.Validate(e.bad, c)
					if err == nil {
						t.Fatalf("bad value %q accepted", e.bad)
					}
					if len(err.Error()) < 10 {
						t.Errorf("message too thin: %q", err)
					}
					msgs[i] = err.Error()
				}
				for i := 1; i < len(msgs); i++ {
					if msgs[i] == msgs[0] {
						t.Errorf("%s message is the English one: %q", Langs[i], msgs[0])
					}
				}
				if !f.Optional && f.Validate("", ctx) == nil {
					t.Errorf("empty value accepted for a required field")
				}
			})
		}
	}
}

// sameInBothLanguages are labels that are the same word in French.
var sameInBothLanguages = map[string]bool{"IBAN": true, "Eircode": true, "Visa": true, "Documents": true}

func TestFrenchIsNeverEnglishFallback(t *testing.T) {
	check := func(what string, tx Text, mustDiffer bool) {
		t.Helper()
		for _, l := range Langs {
			if tx.EN == "" || !tx.Has(l) {
				t.Errorf("%s: missing %s: %q", what, l, tx.EN)
			}
		}
		if mustDiffer && tx.In(English) == tx.In(French) && !sameInBothLanguages[tx.EN] {
			t.Errorf("%s: French is the English text %q", what, tx.EN)
		}
	}
	for _, country := range testCountries {
		for _, f := range catalogFields(t, country) {
			if f.Generic {
				continue
			}
			check(country+" "+f.Key+" label", f.Label, true)
			check(country+" "+f.Key+" help", f.Help, true)
			for _, o := range f.Options {
				check(country+" "+f.Key+" option "+o.Value, o.Label, false)
			}
		}
	}
	for g, tx := range groupTitles {
		check("group "+g.String(), tx, true)
	}
	for code, tx := range errorTexts {
		check("error "+code, tx, true)
	}
	for _, d := range documentTypes {
		check("document "+d.name, d.label, true)
	}
}

// TestNoEmptyFrenchInSource catches T("…", "") anywhere in the package,
// including messages only shown on a path the table does not reach.
func TestNoEmptyFrenchInSource(t *testing.T) {
	re := regexp.MustCompile(`T\("(?:[^"\\]|\\.)*",\s*""\)`)
	for _, name := range sourceFiles(t) {
		if m := re.FindString(readFile(t, name)); m != "" {
			t.Errorf("%s: %s has no French", name, m)
		}
	}
}
