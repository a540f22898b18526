package rules

// The countries beyond the first eight: the EEA, Switzerland, Gibraltar,
// Japan, Singapore, Hong Kong, Malaysia, Thailand, New Zealand, the United
// Arab Emirates, Mexico and Brazil, the rest of the countries Stripe lets
// a platform onboard connected accounts in (https://stripe.com/global,
// https://docs.stripe.com/connect/cross-border-payouts).
//
// The rows follow Stripe's required verification information
// (https://docs.stripe.com/connect/required-verification-information) as
// the first eight do: the same blocks, the address fields each country
// uses, and the identity number up front where Stripe asks for it at once
// (SG, HK, MY, TH, MX, BR). [G] Which countries ask for directors and
// executives, the id number up front, and the later rows are modelled on
// the first eight (EEA like FR and DE, Asia-Pacific like AU), not read
// country by country. Japan asks names and addresses in kana and kanji
// (Stripe's API reference for individual.*_kana and address_kana).

// japaneseIdentity is what a Japanese person is asked at once.
var japaneseIdentity = append(append(append([]string{
	"first_name_kana", "first_name_kanji", "last_name_kana", "last_name_kanji"},
	japaneseAddress("address_kana")...), japaneseAddress("address_kanji")...),
	"dob.day", "dob.month", "dob.year", "email", "phone")

// japaneseCompany is the company block of a Japanese company.
var japaneseCompany = append(append([]string{"name", "name_kana", "name_kanji", "phone", "tax_id"},
	japaneseAddress("address_kana")...), japaneseAddress("address_kanji")...)

func japaneseAddress(kind string) []string {
	out := []string{}
	for _, p := range []string{"city", "line1", "postal_code", "state", "town"} {
		out = append(out, kind+"."+p)
	}
	return out
}

var eeaLater = []string{"verification.document"}

var worldSpecs = []intlSpec{
	{Code: "AT", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "BE", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "BG", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "HR", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "CY", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "CZ", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "DK", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "EE", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "FI", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "GR", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "HU", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "IT", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "LV", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "LI", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "LT", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "LU", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "MT", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "NO", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "PL", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "PT", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "RO", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "SK", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "SI", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "ES", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "SE", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "IS", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "CH", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "GI", Postal: true, Directors: true, Executives: true, IndLater: eeaLater},
	{Code: "JP", Japanese: true, IndLater: eeaLater},
	{Code: "SG", Postal: true, Directors: true, IDNow: true, IndLater: eeaLater},
	{Code: "HK", Directors: true, IDNow: true, IndLater: eeaLater},
	{Code: "MY", State: true, Postal: true, Directors: true, IDNow: true, IndLater: eeaLater},
	{Code: "TH", State: true, Postal: true, Directors: true, IDNow: true, IndLater: eeaLater},
	{Code: "NZ", Postal: true, Directors: true, IndLater: eeaLater},
	{Code: "AE", State: true, Directors: true, IndLater: eeaLater},
	{Code: "MX", State: true, Postal: true, IDNow: true, IndLater: eeaLater},
	{Code: "BR", State: true, Postal: true, IDNow: true, IndLater: eeaLater},
}

func rx(s string) *Pattern { return lazyRE(s) }

// eea is the profile of an IBAN country: its currency and postal code.
func eea(currency, postal string) Profile {
	return Profile{Currency: currency, TaxID: genericTaxID, TaxIDHint: "a registry number has 5 to 20 letters or digits",
		Postal: rx(postal), Bank: BankIBAN}
}

// worldProfiles are the formats the sandbox checks synchronously. [G]
// Postal code shapes are the countries' own; Stripe's synchronous checks
// are not documented. Id numbers are not checked (any value, Stripe's test
// values included, reaches verification).
var worldProfiles = map[string]Profile{
	"AT": eea("eur", `^\d{4}$`), "BE": eea("eur", `^\d{4}$`), "BG": eea("eur", `^\d{4}$`),
	"HR": eea("eur", `^\d{5}$`), "CY": eea("eur", `^\d{4}$`), "CZ": eea("czk", `^\d{3} ?\d{2}$`),
	"DK": eea("dkk", `^\d{4}$`), "EE": eea("eur", `^\d{5}$`), "FI": eea("eur", `^\d{5}$`),
	"GR": eea("eur", `^\d{3} ?\d{2}$`), "HU": eea("huf", `^\d{4}$`), "IT": eea("eur", `^\d{5}$`),
	"LV": eea("eur", `^(?i:LV-?)?\d{4}$`), "LI": eea("chf", `^\d{4}$`), "LT": eea("eur", `^(?i:LT-?)?\d{5}$`),
	"LU": eea("eur", `^(?i:L-?)?\d{4}$`), "MT": eea("eur", `^[A-Za-z]{3} ?\d{4}$`), "NO": eea("nok", `^\d{4}$`),
	"PL": eea("pln", `^\d{2}-?\d{3}$`), "PT": eea("eur", `^\d{4}-?\d{3}$`), "RO": eea("ron", `^\d{6}$`),
	"SK": eea("eur", `^\d{3} ?\d{2}$`), "SI": eea("eur", `^\d{4}$`), "ES": eea("eur", `^\d{5}$`),
	"SE": eea("sek", `^\d{3} ?\d{2}$`), "IS": eea("isk", `^\d{3}$`), "CH": eea("chf", `^\d{4}$`),
	// [G] Gibraltar: a UK sort code and account, in GBP.
	"GI": {Currency: "gbp", TaxID: genericTaxID, TaxIDHint: "a company number has 5 to 20 letters or digits",
		Postal: rx(`^(?i:GX11 ?1AA)$`), Bank: BankGB},
	"JP": {Currency: "jpy", TaxID: genericTaxID, TaxIDHint: "a corporate number has 13 digits",
		Postal: rx(`^\d{3}-?\d{4}$`), Bank: BankLocal,
		Local: &BankFormat{Routing: rx(`^\d{7}$`), RoutingHint: "a Japanese routing number is the 4-digit bank code and the 3-digit branch code (for example 1100000)",
			Account: rx(`^\d{1,8}$`), AccountHint: "a Japanese account number has up to 8 digits (for example 0001234)"}},
	"SG": {Currency: "sgd", TaxID: genericTaxID, TaxIDHint: "a UEN has 9 or 10 characters",
		Postal: rx(`^\d{6}$`), Bank: BankLocal,
		Local: &BankFormat{Routing: rx(`^\d{7}$`), RoutingHint: "a Singapore routing number is the 4-digit bank code and the 3-digit branch code (for example 1100-000)",
			Account: rx(`^\d{6,17}$`), AccountHint: "a Singapore account number has 6 to 17 digits (for example 000123456)"}},
	"HK": {Currency: "hkd", TaxID: genericTaxID, TaxIDHint: "a business registration number has 8 digits",
		Bank: BankLocal,
		Local: &BankFormat{Routing: rx(`^\d{6}$`), RoutingHint: "a Hong Kong routing number is the 3-digit clearing code and the 3-digit branch code (for example 110-000)",
			Account: rx(`^\d{6,12}$`), AccountHint: "a Hong Kong account number has 6 to 12 digits (for example 000123456)"}},
	"MY": {Currency: "myr", TaxID: genericTaxID, TaxIDHint: "an SSM registration number has 12 digits",
		Postal: rx(`^\d{5}$`),
		States: []string{"JOHOR", "KEDAH", "KELANTAN", "MELAKA", "NEGERI SEMBILAN", "PAHANG", "PERAK", "PERLIS",
			"PULAU PINANG", "SABAH", "SARAWAK", "SELANGOR", "TERENGGANU", "KUALA LUMPUR", "LABUAN", "PUTRAJAYA"},
		Bank: BankLocal,
		Local: &BankFormat{Routing: rx(`^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$`), RoutingHint: "a Malaysian routing number is the bank's SWIFT code (for example HBMBMYKL)",
			Account: rx(`^\d{8,17}$`), AccountHint: "a Malaysian account number has 8 to 17 digits (for example 000123456000)"}},
	"TH": {Currency: "thb", TaxID: genericTaxID, TaxIDHint: "a Thai tax id has 13 digits",
		Postal: rx(`^\d{5}$`), Bank: BankLocal,
		Local: &BankFormat{Routing: rx(`^\d{3}$`), RoutingHint: "a Thai routing number is the 3-digit bank code (for example 999)",
			Account: rx(`^\d{10,12}$`), AccountHint: "a Thai account number has 10 to 12 digits (for example 000123456789)"}},
	"NZ": {Currency: "nzd", TaxID: genericTaxID, TaxIDHint: "an NZBN has 13 digits",
		Postal: rx(`^\d{4}$`), Bank: BankLocal,
		Local: &BankFormat{Account: rx(`^\d{15,16}$`),
			AccountHint: "a New Zealand account number has 15 or 16 digits: bank, branch, account and suffix (for example 1100000000000010)"}},
	"AE": {Currency: "aed", TaxID: genericTaxID, TaxIDHint: "a trade licence number has 5 to 20 letters or digits",
		States: []string{"AZ", "AJ", "DU", "FU", "RK", "SH", "UQ"}, Bank: BankIBAN},
	"MX": {Currency: "mxn", TaxID: genericTaxID, TaxIDHint: "an RFC has 12 or 13 characters",
		Postal: rx(`^\d{5}$`),
		States: []string{"AGU", "BCN", "BCS", "CAM", "CHP", "CHH", "CMX", "COA", "COL", "DUR", "GUA", "GRO", "HID", "JAL",
			"MEX", "MIC", "MOR", "NAY", "NLE", "OAX", "PUE", "QUE", "ROO", "SLP", "SIN", "SON", "TAB", "TAM", "TLA", "VER",
			"YUC", "ZAC"},
		Bank: BankLocal,
		Local: &BankFormat{Account: rx(`^\d{18}$`), Check: clabeValid,
			AccountHint: "a CLABE has 18 digits, the last a check digit (for example 000000001234567897)"}},
	"BR": {Currency: "brl", TaxID: genericTaxID, TaxIDHint: "a CNPJ has 14 digits",
		Postal: rx(`^\d{5}-?\d{3}$`),
		States: []string{"AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR", "PE",
			"PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO"},
		Bank: BankLocal,
		Local: &BankFormat{Routing: rx(`^\d{7}$`), RoutingHint: "a Brazilian routing number is the 3-digit bank code and the 4-digit branch code (for example 110-0000)",
			Account: rx(`^\d{1,20}$`), AccountHint: "a Brazilian account number has up to 20 digits (for example 0001234)"}},
}

// clabeValid checks a CLABE's check digit: weights 3, 7, 1 over the first
// 17 digits, each product mod 10; the last digit completes the sum to a
// multiple of 10.
func clabeValid(s string) bool {
	if len(s) != 18 {
		return false
	}
	w := [3]int{3, 7, 1}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(s[i]-'0') * w[i%3] % 10
	}
	return (10-sum%10)%10 == int(s[17]-'0')
}
