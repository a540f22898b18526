package schema

// americasCountries: the Americas beyond the US and Canada (country.go).
// Bank test values are Stripe's (Connect testing guide, see
// countries.go); everything else marked guess: is the country's own
// public rule, not Stripe's.
func americasCountries() map[string]countryRules {
	return map[string]countryRules{
		"MX": {currency: "mxn",
			// guess: the state goes in address.state as its ISO 3166-2 code.
			state:  stateRule(T("State"), TC("the", "the state"), "CMX", mxStates),
			postal: digitsPostal(5, "06600"),
			// guess: Stripe's id_number in Mexico is the RFC (a CURP is accepted too).
			id: numberRule(T("RFC or CURP"), "GODE561231GR8", T(
				"13 characters (RFC: 4 letters, YYMMDD, 3 characters) or an 18-character CURP"), oneOf(validRFC, validCURP)),
			taxID: numberRule(T("Company RFC"), "ABC680524P76", T(
				"12 characters: 3 letters, the date of incorporation (YYMMDD) and 3 characters"), validRFC),
			bank:       accountOnlyBank(T("CLABE"), "000000001234567897", T("18 digits, the last a check digit"), validCLABE),
			structures: euroStructures},
		"BR": {currency: "brl",
			// guess: the state goes in address.state as its 2-letter UF code.
			state:  stateRule(T("State"), TC("the", "the state"), "SP", brStates),
			postal: postalRule("01310-100", T("8 digits (CEP, NNNNN-NNN)"), re(`^\d{5}-?\d{3}$`)),
			id:     numberRule(T("CPF"), "123.456.789-09", T("11 digits with 2 check digits (NNN.NNN.NNN-NN)"), validCPF),
			taxID:  numberRule(T("CNPJ"), "11.222.333/0001-81", T("14 digits with 2 check digits (NN.NNN.NNN/NNNN-NN)"), validCNPJ),
			// guess: 3-digit bank code and 4-digit branch code.
			bank: localBank(routingRule(T("Bank and branch code"), "110-0000", T(
				"3-digit bank code and 4-digit branch code"), digitsN(7)),
				"0001234", T("1 to 20 digits"), digitsBetween(1, 20)),
			structures: euroStructures},
	}
}

// mxStates are Mexico's 31 states and Mexico City (ISO 3166-2:MX).
var mxStates = codeOptions([][2]string{
	{"AGU", "Aguascalientes"}, {"BCN", "Baja California"}, {"BCS", "Baja California Sur"}, {"CAM", "Campeche"},
	{"CHP", "Chiapas"}, {"CHH", "Chihuahua"}, {"CMX", "Ciudad de México"}, {"COA", "Coahuila"}, {"COL", "Colima"},
	{"DUR", "Durango"}, {"GUA", "Guanajuato"}, {"GRO", "Guerrero"}, {"HID", "Hidalgo"}, {"JAL", "Jalisco"},
	{"MEX", "Estado de México"}, {"MIC", "Michoacán"}, {"MOR", "Morelos"}, {"NAY", "Nayarit"}, {"NLE", "Nuevo León"},
	{"OAX", "Oaxaca"}, {"PUE", "Puebla"}, {"QUE", "Querétaro"}, {"ROO", "Quintana Roo"}, {"SLP", "San Luis Potosí"},
	{"SIN", "Sinaloa"}, {"SON", "Sonora"}, {"TAB", "Tabasco"}, {"TAM", "Tamaulipas"}, {"TLA", "Tlaxcala"},
	{"VER", "Veracruz"}, {"YUC", "Yucatán"}, {"ZAC", "Zacatecas"},
})

// brStates are Brazil's 26 states and the Federal District (UF codes).
var brStates = codeOptions([][2]string{
	{"AC", "Acre"}, {"AL", "Alagoas"}, {"AP", "Amapá"}, {"AM", "Amazonas"}, {"BA", "Bahia"}, {"CE", "Ceará"},
	{"DF", "Distrito Federal"}, {"ES", "Espírito Santo"}, {"GO", "Goiás"}, {"MA", "Maranhão"}, {"MT", "Mato Grosso"},
	{"MS", "Mato Grosso do Sul"}, {"MG", "Minas Gerais"}, {"PA", "Pará"}, {"PB", "Paraíba"}, {"PR", "Paraná"},
	{"PE", "Pernambuco"}, {"PI", "Piauí"}, {"RJ", "Rio de Janeiro"}, {"RN", "Rio Grande do Norte"},
	{"RS", "Rio Grande do Sul"}, {"RO", "Rondônia"}, {"RR", "Roraima"}, {"SC", "Santa Catarina"}, {"SP", "São Paulo"},
	{"SE", "Sergipe"}, {"TO", "Tocantins"},
})
