package schema

import "strings"

// asiaCountries: Asia-Pacific and the Middle East beyond Australia
// (country.go). Bank test values are Stripe's (Connect testing guide,
// see countries.go); everything else marked guess: is the country's own
// public rule, not Stripe's.
func asiaCountries() map[string]countryRules {
	return map[string]countryRules{
		"JP": {currency: "jpy",
			// guess: the prefecture is sent by its romanized name.
			state:  stateRule(T("Prefecture"), TC("the", "the prefecture"), "Tokyo", jpPrefectures),
			postal: postalRule("100-0001", T("7 digits (NNN-NNNN)"), re(`^\d{3}-?\d{4}$`)),
			// guess: the corporate number (hōjin bangō), 13 digits.
			taxID: numberRule(T("Corporate number"), "7000012050002", T(
				"13 digits, the first a check digit"), validJPCorporate),
			bank: localBank(routingRule(T("Bank and branch code"), "1100000", T(
				"4-digit bank code and 3-digit branch code, 7 digits"), digitsN(7)),
				"0001234", T("1 to 8 digits"), digitsBetween(1, 8)),
			structures: []string{"private_corporation", "public_corporation", "sole_proprietorship", "incorporated_partnership",
				"unincorporated_partnership", "incorporated_non_profit", "unincorporated_non_profit", "government_instrumentality"}},
		"SG": {currency: "sgd", state: noState,
			postal: digitsPostal(6, "018956"),
			id:     numberRule(T("NRIC or FIN"), "S1234567D", T("a letter (S, T, F, G or M), 7 digits and a check letter"), validNRIC),
			taxID: numberRule(T("Unique Entity Number (UEN)"), "201912345K", T(
				"9 or 10 digits and letters ending with a letter"),
				re(`^(\d{8}[A-Z]|\d{9}[A-Z]|[ST]\d{2}[A-Z]{2}\d{4}[A-Z])$`)),
			bank: localBank(routingRule(T("Bank and branch code"), "1100-000", T(
				"4-digit bank code and 3-digit branch code"), digitsN(7)),
				"000123456", T("6 to 17 digits"), digitsBetween(6, 17)),
			structures: euroStructures},
		"HK": {currency: "hkd", state: noState, postal: noPostal,
			id: numberRule(T("HKID number"), "A123456(3)", T("1 or 2 letters, 6 digits and a check digit or A in brackets"),
				func(s string) bool { return validHKID(strings.NewReplacer("(", "", ")", "").Replace(s)) }),
			taxID: numberRule(T("Business registration number (BRN)"), "12345678", T(
				"8 digits (the first 8 of the certificate number)"), oneOf(digitsN(8), digitsN(11))),
			bank: localBank(routingRule(T("Clearing and branch code"), "110-000", T(
				"3-digit clearing code and 3-digit branch code"), digitsN(6)),
				"000123456", T("6 to 12 digits"), digitsBetween(6, 12)),
			structures: euroStructures},
		"MY": {currency: "myr",
			state:  stateRule(T("State"), TC("the", "the state"), "Kuala Lumpur", myStates),
			postal: digitsPostal(5, "50450"),
			id: numberRule(T("MyKad number (NRIC)"), "850101-14-5123", T("12 digits (YYMMDD-PB-NNNN)"),
				re(`^\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{6}$`)),
			taxID: numberRule(T("SSM registration number"), "201901000005", T(
				"12 digits (or the old form 1234567-X)"), oneOf(digitsN(12), re(`^\d{1,7}[A-Z]$`))),
			bank: localBank(routingRule(T("SWIFT/BIC code"), "HBMBMYKL", T("8 or 11 letters and digits"),
				re(`^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$`)),
				"000123456000", T("8 to 17 digits"), digitsBetween(8, 17)),
			structures: euroStructures},
		"TH": {currency: "thb",
			// guess: Stripe asks for the province in address.state, as free text.
			state: rule{label: T("Province"), example: "Bangkok",
				help: T("The province (changwat), e.g. Bangkok."),
				msg:  T("Enter the province, e.g. Bangkok.")},
			postal: digitsPostal(5, "10200"),
			id: numberRule(T("Thai national ID number"), "1101700230708", T(
				"13 digits, the last a check digit"), validThaiID),
			taxID: numberRule(T("Tax ID"), "0105536046000", T("13 digits"), digitsN(13)),
			bank: localBank(routingRule(T("Bank code"), "999", T("3 digits"), digitsN(3)),
				"000123456789", T("10 to 12 digits"), digitsBetween(10, 12)),
			structures: euroStructures},
		"NZ": {currency: "nzd", state: noState,
			postal: digitsPostal(4, "6011"),
			taxID: numberRule(T("NZBN"), "9429041535004", T(
				"13 digits starting with 94, the last a check digit"),
				func(s string) bool { return len(s) == 13 && strings.HasPrefix(s, "94") && validGS1(s) }),
			bank: accountOnlyBank(T("bank account number"), "11-0000-0000000-010", T(
				"bank, branch, account and suffix, 15 or 16 digits (BB-bbbb-AAAAAAA-SSS)"),
				oneOf(digitsN(15), digitsN(16))),
			structures: euroStructures},
		"AE": {currency: "aed", postal: noPostal,
			// guess: the emirate goes in address.state as its ISO 3166-2 code.
			state: stateRule(T("Emirate"), TC("the", "the emirate"), "DU", aeEmirates),
			id: numberRule(T("Emirates ID number"), "784-1987-1234560-6", T("15 digits starting with 784, the last a check digit"),
				func(s string) bool { return len(s) == 15 && strings.HasPrefix(s, "784") && validLuhn(s) }),
			taxID: numberRule(T("Trade licence number"), "123456", T("letters and digits, 4 to 20"),
				alnumBetween(4, 20)),
			bank: ibanBank("AE070331234567890123456"),
			structures: []string{"sole_establishment", "free_zone_establishment", "free_zone_llc", "llc", "private_company",
				"public_company", "government_instrumentality"}},
	}
}

// jpPrefectures are Japan's 47 prefectures by romanized name.
var jpPrefectures = namedOptions(
	"Hokkaido", "Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima", "Ibaraki", "Tochigi", "Gunma",
	"Saitama", "Chiba", "Tokyo", "Kanagawa", "Niigata", "Toyama", "Ishikawa", "Fukui", "Yamanashi", "Nagano",
	"Gifu", "Shizuoka", "Aichi", "Mie", "Shiga", "Kyoto", "Osaka", "Hyogo", "Nara", "Wakayama", "Tottori",
	"Shimane", "Okayama", "Hiroshima", "Yamaguchi", "Tokushima", "Kagawa", "Ehime", "Kochi", "Fukuoka", "Saga",
	"Nagasaki", "Kumamoto", "Oita", "Miyazaki", "Kagoshima", "Okinawa")

// myStates are Malaysia's 13 states and 3 federal territories.
var myStates = namedOptions("Johor", "Kedah", "Kelantan", "Melaka", "Negeri Sembilan", "Pahang", "Perak", "Perlis",
	"Pulau Pinang", "Sabah", "Sarawak", "Selangor", "Terengganu", "Kuala Lumpur", "Labuan", "Putrajaya")

// aeEmirates are the seven emirates (ISO 3166-2:AE).
var aeEmirates = codeOptions([][2]string{
	{"AZ", "Abu Dhabi"}, {"AJ", "Ajman"}, {"DU", "Dubai"}, {"FU", "Fujairah"}, {"RK", "Ras al-Khaimah"},
	{"SH", "Sharjah"}, {"UQ", "Umm al-Quwain"},
})

// namedOptions are options whose value is their name.
func namedOptions(names ...string) []Option {
	out := make([]Option, len(names))
	for i, n := range names {
		out[i] = Option{Value: n, Label: Verbatim(n)}
	}
	return out
}
