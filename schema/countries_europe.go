package schema

import "strings"

// europeCountries: the EEA countries, Switzerland and Gibraltar beyond the
// first eight (country.go). Bank accounts are IBANs (Stripe's Connect
// testing guide: "you can use these test IBANs for any EU country"),
// except Gibraltar's. Sources and guesses: countries.go.
//
// guess: every postal code shape, national number shape and checksum
// here is the country's own public rule, not Stripe's.
func europeCountries() map[string]countryRules {
	return map[string]countryRules{
		"AT": {currency: "eur", state: noState,
			postal: digitsPostal(4, "1010"),
			taxID: numberRule(T("Company register number (Firmenbuchnummer)"),
				"123456a", T("up to 6 digits and a check letter"), re(`^(FN)?\d{1,6}[A-Z]$`)),
			bank: ibanBank("AT611904300234573201"), structures: euroStructures},
		"BE": {currency: "eur", state: noState,
			postal: digitsPostal(4, "1000"),
			taxID: numberRule(T("Enterprise number"),
				"0403170701", T("10 digits starting with 0 or 1, the last two a mod-97 check"),
				func(s string) bool { return validBEEnterprise(strings.TrimPrefix(s, "BE")) }),
			bank: ibanBank("BE62510007547061"), structures: euroStructures},
		"BG": {currency: "eur", state: noState, // guess: eur since Bulgaria's 2026 euro adoption
			postal: digitsPostal(4, "1000"),
			taxID: numberRule(T("UIC (EIK/BULSTAT)"), "123456789", T(
				"9 or 13 digits"), oneOf(digitsN(9), digitsN(13))),
			bank: ibanBank("BG80BNBG96611020345678"), structures: euroStructures},
		"HR": {currency: "eur", state: noState,
			postal: digitsPostal(5, "10000"),
			id: numberRule(T("Personal identification number (OIB)"), "69435151530", T(
				"11 digits with a check digit"), validOIB),
			taxID: numberRule(T("OIB"), "69435151530", T("11 digits with a check digit"), validOIB),
			bank:  ibanBank("HR1210010051863000160"), structures: euroStructures},
		"CY": {currency: "eur", state: noState,
			postal: digitsPostal(4, "1010"),
			taxID: numberRule(T("Tax identification code (TIC)"), "12345678A", T(
				"8 digits and a letter"), re(`^\d{8}[A-Z]$`)),
			bank: ibanBank("CY17002001280000001200527600"), structures: euroStructures},
		"CZ": {currency: "czk", state: noState,
			postal: postalRule("110 00", T("5 digits (NNN NN)"), re(`^\d{3} ?\d{2}$`)),
			taxID: numberRule(T("Company ID (IČO)"), "25596608", T(
				"8 digits with a check digit"), validICO),
			bank: ibanBank("CZ6508000000192000145399"), structures: euroStructures},
		"DK": {currency: "dkk", state: noState,
			postal: digitsPostal(4, "1050"),
			taxID: numberRule(T("CVR number"), "13585601", T(
				"8 digits with a mod-11 check"), func(s string) bool { return validCVR(strings.TrimPrefix(s, "DK")) }),
			bank: ibanBank("DK5000400440116243"), structures: euroStructures},
		"EE": {currency: "eur", state: noState,
			postal: digitsPostal(5, "10111"),
			taxID:  numberRule(T("Registry code"), "12345678", T("8 digits"), digitsN(8)),
			bank:   ibanBank("EE382200221020145685"), structures: euroStructures},
		"FI": {currency: "eur", state: noState,
			postal: digitsPostal(5, "00100"),
			taxID: numberRule(T("Business ID (Y-tunnus)"), "0112030-3", T(
				"7 digits, a dash and a check digit"), validYTunnus),
			bank: ibanBank("FI2112345600000785"), structures: euroStructures},
		"GR": {currency: "eur", state: noState,
			postal: postalRule("105 57", T("5 digits (NNN NN)"), re(`^\d{3} ?\d{2}$`)),
			taxID:  numberRule(T("Tax number (AFM)"), "123456789", T("9 digits"), digitsN(9)),
			bank:   ibanBank("GR1601101250000000012300695"), structures: euroStructures},
		"HU": {currency: "huf", state: noState,
			postal: digitsPostal(4, "1051"),
			taxID: numberRule(T("Tax number (adószám)"), "12345678-1-12", T(
				"11 digits (NNNNNNNN-N-NN)"), oneOf(digitsN(11), digitsN(8))),
			bank: ibanBank("HU42117730161111101800000000"), structures: euroStructures},
		"IT": {currency: "eur", state: noState, // guess: Stripe does not ask for the province
			postal: postalRule("00184", T("5 digits (CAP)"), digitsN(5)),
			id: numberRule(T("Tax code (codice fiscale)"), "RSSMRA85T10A562S", T(
				"16 letters and digits ending with a check letter"), validCodiceFiscale),
			taxID: numberRule(T("VAT number (partita IVA)"), "07643520567", T(
				"11 digits with a check digit"),
				func(s string) bool { s = strings.TrimPrefix(s, "IT"); return len(s) == 11 && validLuhn(s) }),
			bank: ibanBank("IT60X0542811101000000123456"), structures: euroStructures},
		"LV": {currency: "eur", state: noState,
			postal: postalRule("LV-1010", T("LV- and 4 digits"), re(`^(LV-?)?\d{4}$`)),
			taxID:  numberRule(T("Registration number"), "40003032949", T("11 digits"), digitsN(11)),
			bank:   ibanBank("LV80BANK0000435195001"), structures: euroStructures},
		"LI": {currency: "chf", state: noState,
			postal: digitsPostal(4, "9490"),
			taxID: numberRule(T("Commercial register number"), "FL00012345678", T(
				"FL and 11 digits"), oneOf(re(`^FL\d{11}$`), alnumBetween(5, 20))),
			bank: ibanBank("LI0508800636123378777"), structures: euroStructures},
		"LT": {currency: "eur", state: noState,
			postal: postalRule("LT-01100", T("LT- and 5 digits"), re(`^(LT-?)?\d{5}$`)),
			taxID:  numberRule(T("Company code"), "123456789", T("9 digits"), digitsN(9)),
			bank:   ibanBank("LT121000011101001000"), structures: euroStructures},
		"LU": {currency: "eur", state: noState,
			postal: postalRule("1111", T("4 digits, optionally after L-"), re(`^(L-?)?\d{4}$`)),
			taxID: numberRule(T("RCS number"), "B123456", T("a letter and up to 6 digits"),
				oneOf(re(`^[A-Z]\d{1,6}$`), digitsN(11), digitsN(13))),
			bank: ibanBank("LU280019400644750000"), structures: euroStructures},
		"MT": {currency: "eur", state: noState,
			postal: postalRule("VLT 1117", T("3 letters and 4 digits"), re(`^[A-Z]{3} ?\d{4}$`)),
			taxID: numberRule(TC("MT", "Company registration number"), "C12345", T("C and up to 6 digits"),
				oneOf(re(`^C\d{1,6}$`), digitsN(9))),
			bank: ibanBank("MT84MALT011000012345MTLCAST001S"), structures: euroStructures},
		"NO": {currency: "nok", state: noState,
			postal: digitsPostal(4, "0150"),
			taxID: numberRule(T("Organisation number"), "923609016", T(
				"9 digits with a mod-11 check"), func(s string) bool { return validNOOrg(strings.TrimSuffix(strings.TrimPrefix(s, "NO"), "MVA")) }),
			bank: ibanBank("NO9386011117947"), structures: euroStructures},
		"PL": {currency: "pln", state: noState,
			postal: postalRule("00-950", T("5 digits (NN-NNN)"), re(`^\d{2}-?\d{3}$`)),
			id:     numberRule(T("PESEL number"), "44051401359", T("11 digits with a check digit"), validPESEL),
			taxID: numberRule(T("Tax number (NIP)"), "1234563218", T("10 digits with a check digit"),
				func(s string) bool { return validNIP(strings.TrimPrefix(s, "PL")) }),
			bank: ibanBank("PL61109010140000071219812874"), structures: euroStructures},
		"PT": {currency: "eur", state: noState,
			postal: postalRule("1000-001", T("7 digits (NNNN-NNN)"), re(`^\d{4}-?\d{3}$`)),
			id:     numberRule(T("Tax number (NIF)"), "123456789", T("9 digits with a check digit"), validPTNIF),
			taxID: numberRule(T("Company tax number (NIPC)"), "500100144", T(
				"9 digits with a check digit"), func(s string) bool { return validPTNIF(strings.TrimPrefix(s, "PT")) }),
			bank: ibanBank("PT50000201231234567890154"), structures: euroStructures},
		"RO": {currency: "ron", state: noState, // guess: Stripe does not ask for the county
			postal: digitsPostal(6, "010011"),
			taxID: numberRule(T("Tax code (CUI/CIF)"), "18547290", T("2 to 10 digits"),
				func(s string) bool { return digitsBetween(2, 10)(strings.TrimPrefix(s, "RO")) }),
			bank: ibanBank("RO49AAAA1B31007593840000"), structures: euroStructures},
		"SK": {currency: "eur", state: noState,
			postal: postalRule("811 01", T("5 digits (NNN NN)"), re(`^\d{3} ?\d{2}$`)),
			taxID: numberRule(T("Company ID (IČO)"), "25596608", T("8 digits with a check digit"),
				oneOf(validICO, digitsN(10))),
			bank: ibanBank("SK3112000000198742637541"), structures: euroStructures},
		"SI": {currency: "eur", state: noState,
			postal: digitsPostal(4, "1000"),
			taxID: numberRule(T("Registration number"), "1234567000", T("7 or 10 digits (or the 8-digit tax number)"),
				oneOf(digitsN(7), digitsN(8), digitsN(10))),
			bank: ibanBank("SI56263300012039086"), structures: euroStructures},
		"ES": {currency: "eur", state: noState, // guess: Stripe does not ask for the province
			postal: digitsPostal(5, "28013"),
			id:     numberRule(T("DNI or NIE"), "12345678Z", T("8 digits and a letter (DNI), or X, Y or Z, 7 digits and a letter (NIE)"), validDNI),
			taxID: numberRule(T("Company tax number (NIF/CIF)"), "B12345674", T(
				"a letter, 7 digits and a check digit or letter"),
				func(s string) bool { s = strings.TrimPrefix(s, "ES"); return validCIF(s) || validDNI(s) }),
			bank: ibanBank("ES0700120345030000067890"), structures: euroStructures},
		"SE": {currency: "sek", state: noState,
			postal: postalRule("114 55", T("5 digits (NNN NN)"), re(`^\d{3} ?\d{2}$`)),
			id: numberRule(T("Personal identity number (personnummer)"), "811228-9874", T(
				"10 or 12 digits (YYMMDD-NNNN) with a check digit"),
				func(s string) bool {
					s = strings.TrimPrefix(s, "19")
					s = strings.TrimPrefix(s, "20")
					return len(s) == 10 && validLuhn(s)
				}),
			taxID: numberRule(T("Organisation number"), "556036-0793", T("10 digits (NNNNNN-NNNN) with a check digit"), func(s string) bool { return len(s) == 10 && validLuhn(s) }),
			bank:  ibanBank("SE3550000000054910000003"), structures: euroStructures},
		"IS": {currency: "isk", state: noState,
			postal: digitsPostal(3, "101"),
			taxID:  numberRule(T("Company ID (kennitala)"), "5101692989", T("10 digits"), digitsN(10)),
			bank:   ibanBank("IS140159260076545510730339"), structures: euroStructures},
		"CH": {currency: "chf", state: noState, // guess: Stripe does not ask for the canton
			postal: digitsPostal(4, "8001"),
			taxID: numberRule(T("Business ID (UID)"), "CHE-109.322.516", T(
				"CHE and 9 digits with a check digit"), validCHUID),
			bank: ibanBank("CH9300762011623852957"), structures: euroStructures},
		// guess: Stripe pays Gibraltar accounts in GBP to a UK-style sort code
		// and account number (a platform's test helpers use 10-88-00 /
		// 00012345, the GB test values).
		"GI": {currency: "gbp", state: noState,
			postal: postalRule("GX11 1AA", T("GX11 1AA"), re(`^GX11 ?1AA$`)),
			taxID:  numberRule(T("Company number"), "123456", T("up to 6 digits"), digitsBetween(1, 6)),
			bank: bankRule{
				routing: routingRule(T("Sort code"), "108800", T("6 digits, often written 10-88-00"), digitsN(6)),
				account: rule{example: "00012345", valid: digitsN(8),
					msg: T("Enter the 8-digit account number, e.g. 00012345.")}},
			structures: euroStructures},
	}
}
