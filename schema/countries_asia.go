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
			state:  stateRule("Prefecture", "Préfecture", "la préfecture", "Tokyo", jpPrefectures),
			postal: postalRule("100-0001", "7 digits (NNN-NNNN)", "7 chiffres (NNN-NNNN)", re(`^\d{3}-?\d{4}$`)),
			// guess: the corporate number (hōjin bangō), 13 digits.
			taxID: numberRule("Corporate number", "Numéro d'entreprise (hōjin bangō)", "7000012050002",
				"13 digits, the first a check digit", "13 chiffres, le premier de contrôle", validJPCorporate),
			bank: localBank(routingRule("Bank and branch code", "Code banque et code agence", "1100000",
				"4-digit bank code and 3-digit branch code, 7 digits", "code banque à 4 chiffres et code agence à 3 chiffres, 7 chiffres", digitsN(7)),
				"0001234", "1 to 8 digits", "1 à 8 chiffres", digitsBetween(1, 8)),
			structures: []string{"private_corporation", "public_corporation", "sole_proprietorship", "incorporated_partnership",
				"unincorporated_partnership", "incorporated_non_profit", "unincorporated_non_profit", "government_instrumentality"}},
		"SG": {currency: "sgd", state: noState,
			postal: digitsPostal(6, "018956"),
			id: numberRule("NRIC or FIN", "NRIC ou FIN", "S1234567D", "a letter (S, T, F, G or M), 7 digits and a check letter",
				"une lettre (S, T, F, G ou M), 7 chiffres et une lettre de contrôle", validNRIC),
			taxID: numberRule("Unique Entity Number (UEN)", "Numéro d'entité unique (UEN)", "201912345K",
				"9 or 10 digits and letters ending with a letter", "9 ou 10 chiffres et lettres finissant par une lettre",
				re(`^(\d{8}[A-Z]|\d{9}[A-Z]|[ST]\d{2}[A-Z]{2}\d{4}[A-Z])$`)),
			bank: localBank(routingRule("Bank and branch code", "Code banque et code agence", "1100-000",
				"4-digit bank code and 3-digit branch code", "code banque à 4 chiffres et code agence à 3 chiffres", digitsN(7)),
				"000123456", "6 to 17 digits", "6 à 17 chiffres", digitsBetween(6, 17)),
			structures: euroStructures},
		"HK": {currency: "hkd", state: noState, postal: noPostal,
			id: numberRule("HKID number", "Numéro HKID", "A123456(3)", "1 or 2 letters, 6 digits and a check digit or A in brackets",
				"1 ou 2 lettres, 6 chiffres et un chiffre (ou A) de contrôle entre parenthèses",
				func(s string) bool { return validHKID(strings.NewReplacer("(", "", ")", "").Replace(s)) }),
			taxID: numberRule("Business registration number (BRN)", "Numéro d'enregistrement (BRN)", "12345678",
				"8 digits (the first 8 of the certificate number)", "8 chiffres (les 8 premiers du certificat)", oneOf(digitsN(8), digitsN(11))),
			bank: localBank(routingRule("Clearing and branch code", "Code de compensation et code agence", "110-000",
				"3-digit clearing code and 3-digit branch code", "code de compensation à 3 chiffres et code agence à 3 chiffres", digitsN(6)),
				"000123456", "6 to 12 digits", "6 à 12 chiffres", digitsBetween(6, 12)),
			structures: euroStructures},
		"MY": {currency: "myr",
			state:  stateRule("State", "État", "l'État", "Kuala Lumpur", myStates),
			postal: digitsPostal(5, "50450"),
			id: numberRule("MyKad number (NRIC)", "Numéro MyKad (NRIC)", "850101-14-5123", "12 digits (YYMMDD-PB-NNNN)", "12 chiffres (AAMMJJ-PB-NNNN)",
				re(`^\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{6}$`)),
			taxID: numberRule("SSM registration number", "Numéro d'immatriculation SSM", "201901000005",
				"12 digits (or the old form 1234567-X)", "12 chiffres (ou l'ancienne forme 1234567-X)", oneOf(digitsN(12), re(`^\d{1,7}[A-Z]$`))),
			bank: localBank(routingRule("SWIFT/BIC code", "Code SWIFT/BIC", "HBMBMYKL", "8 or 11 letters and digits", "8 ou 11 lettres et chiffres",
				re(`^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$`)),
				"000123456000", "8 to 17 digits", "8 à 17 chiffres", digitsBetween(8, 17)),
			structures: euroStructures},
		"TH": {currency: "thb",
			// guess: Stripe asks for the province in address.state, as free text.
			state: rule{label: T("Province"), example: "Bangkok",
				help: T("The province (changwat), e.g. Bangkok."),
				msg:  T("Enter the province, e.g. Bangkok.")},
			postal: digitsPostal(5, "10200"),
			id: numberRule("Thai national ID number", "Numéro d'identité thaïlandais", "1101700230708",
				"13 digits, the last a check digit", "13 chiffres, le dernier de contrôle", validThaiID),
			taxID: numberRule("Tax ID", "Numéro fiscal", "0105536046000", "13 digits", "13 chiffres", digitsN(13)),
			bank: localBank(routingRule("Bank code", "Code banque", "999", "3 digits", "3 chiffres", digitsN(3)),
				"000123456789", "10 to 12 digits", "10 à 12 chiffres", digitsBetween(10, 12)),
			structures: euroStructures},
		"NZ": {currency: "nzd", state: noState,
			postal: digitsPostal(4, "6011"),
			taxID: numberRule("NZBN", "NZBN (numéro d'entreprise néo-zélandais)", "9429041535004",
				"13 digits starting with 94, the last a check digit", "13 chiffres commençant par 94, le dernier de contrôle",
				func(s string) bool { return len(s) == 13 && strings.HasPrefix(s, "94") && validGS1(s) }),
			bank: accountOnlyBank("bank account number", "numéro de compte bancaire", "11-0000-0000000-010",
				"bank, branch, account and suffix, 15 or 16 digits (BB-bbbb-AAAAAAA-SSS)", "banque, agence, compte et suffixe, 15 ou 16 chiffres (BB-bbbb-AAAAAAA-SSS)",
				oneOf(digitsN(15), digitsN(16))),
			structures: euroStructures},
		"AE": {currency: "aed", postal: noPostal,
			// guess: the emirate goes in address.state as its ISO 3166-2 code.
			state: stateRule("Emirate", "Émirat", "l'émirat", "DU", aeEmirates),
			id: numberRule("Emirates ID number", "Numéro d'identité émirien", "784-1987-1234560-6", "15 digits starting with 784, the last a check digit",
				"15 chiffres commençant par 784, le dernier de contrôle",
				func(s string) bool { return len(s) == 15 && strings.HasPrefix(s, "784") && validLuhn(s) }),
			taxID: numberRule("Trade licence number", "Numéro de licence commerciale", "123456", "letters and digits, 4 to 20", "lettres et chiffres, 4 à 20",
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
