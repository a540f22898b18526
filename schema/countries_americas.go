package schema

// americasCountries: the Americas beyond the US and Canada (country.go).
// Bank test values are Stripe's (Connect testing guide, see
// countries.go); everything else marked guess: is the country's own
// public rule, not Stripe's.
func americasCountries() map[string]countryRules {
	return map[string]countryRules{
		"MX": {currency: "mxn",
			// guess: the state goes in address.state as its ISO 3166-2 code.
			state:  stateRule("State", "État", "l'État", "CMX", mxStates),
			postal: digitsPostal(5, "06600"),
			// guess: Stripe's id_number in Mexico is the RFC (a CURP is accepted too).
			id: numberRule("RFC or CURP", "RFC ou CURP", "GODE561231GR8",
				"13 characters (RFC: 4 letters, YYMMDD, 3 characters) or an 18-character CURP",
				"13 caractères (RFC : 4 lettres, AAMMJJ, 3 caractères) ou une CURP de 18 caractères", oneOf(validRFC, validCURP)),
			taxID: numberRule("Company RFC", "RFC de la société", "ABC680524P76",
				"12 characters: 3 letters, the date of incorporation (YYMMDD) and 3 characters",
				"12 caractères : 3 lettres, la date de constitution (AAMMJJ) et 3 caractères", validRFC),
			bank: accountOnlyBank("CLABE", "CLABE", "000000001234567897", "18 digits, the last a check digit",
				"18 chiffres, le dernier de contrôle", validCLABE),
			structures: euroStructures},
		"BR": {currency: "brl",
			// guess: the state goes in address.state as its 2-letter UF code.
			state:  stateRule("State", "État", "l'État", "SP", brStates),
			postal: postalRule("01310-100", "8 digits (CEP, NNNNN-NNN)", "8 chiffres (CEP, NNNNN-NNN)", re(`^\d{5}-?\d{3}$`)),
			id: numberRule("CPF", "CPF", "123.456.789-09", "11 digits with 2 check digits (NNN.NNN.NNN-NN)",
				"11 chiffres dont 2 de contrôle (NNN.NNN.NNN-NN)", validCPF),
			taxID: numberRule("CNPJ", "CNPJ", "11.222.333/0001-81", "14 digits with 2 check digits (NN.NNN.NNN/NNNN-NN)",
				"14 chiffres dont 2 de contrôle (NN.NNN.NNN/NNNN-NN)", validCNPJ),
			// guess: 3-digit bank code and 4-digit branch code.
			bank: localBank(routingRule("Bank and branch code", "Code banque et code agence", "110-0000",
				"3-digit bank code and 4-digit branch code", "code banque à 3 chiffres et code agence à 4 chiffres", digitsN(7)),
				"0001234", "1 to 20 digits", "1 à 20 chiffres", digitsBetween(1, 20)),
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
