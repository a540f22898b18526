package schema

// businessTypes are the values of business_type.
var businessTypes = []Option{
	{Value: "individual", Label: T("Individual / sole proprietor")},
	{Value: "company", Label: T("Company")},
	{Value: "non_profit", Label: T("Non-profit")},
	{Value: "government_entity", Label: T("Government entity")},
}

// BusinessTypes lists the business types an account can have.
func BusinessTypes() []Option { return businessTypes }

// mccOptions are common merchant category codes. Stripe's list is longer;
// the validator accepts any 4-digit code so a code missing here can still
// be given in an answers file.
var mccOptions = []Option{
	{Value: "5734", Label: T("5734 Computer software stores")},
	{Value: "5817", Label: T("5817 Digital goods: applications")},
	{Value: "5818", Label: T("5818 Digital goods: large merchants")},
	{Value: "7372", Label: T("7372 Computer programming, data processing")},
	{Value: "7399", Label: T("7399 Business services")},
	{Value: "8999", Label: T("8999 Professional services")},
	{Value: "5812", Label: T("5812 Restaurants")},
	{Value: "5814", Label: T("5814 Fast food")},
	{Value: "5411", Label: T("5411 Grocery stores, supermarkets")},
	{Value: "5691", Label: T("5691 Clothing stores")},
	{Value: "5942", Label: T("5942 Book stores")},
	{Value: "5945", Label: T("5945 Hobby, toy and game shops")},
	{Value: "5977", Label: T("5977 Cosmetic stores")},
	{Value: "5999", Label: T("5999 Miscellaneous retail")},
	{Value: "7230", Label: T("7230 Beauty and barber shops")},
	{Value: "7299", Label: T("7299 Personal services")},
	{Value: "7997", Label: T("7997 Clubs, gyms, memberships")},
	{Value: "8011", Label: T("8011 Doctors")},
	{Value: "8299", Label: T("8299 Schools and education")},
	{Value: "8398", Label: T("8398 Charities, social services")},
	{Value: "4121", Label: T("4121 Taxis and ride sharing")},
	{Value: "4722", Label: T("4722 Travel agencies")},
	{Value: "7011", Label: T("7011 Hotels and lodging")},
	{Value: "1520", Label: T("1520 General contractors")},
	{Value: "0742", Label: T("0742 Veterinary services")},
}

// usStates are the US states, the District of Columbia and the territories
// Stripe accepts in address.state.
var usStates = func() []Option {
	names := [][2]string{
		{"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"}, {"CA", "California"},
		{"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"}, {"DC", "District of Columbia"},
		{"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"},
		{"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"},
		{"ME", "Maine"}, {"MD", "Maryland"}, {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"},
		{"MS", "Mississippi"}, {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
		{"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
		{"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"},
		{"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"},
		{"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"},
		{"WA", "Washington"}, {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"},
		{"PR", "Puerto Rico"}, {"GU", "Guam"}, {"VI", "U.S. Virgin Islands"}, {"AS", "American Samoa"},
		{"MP", "Northern Mariana Islands"},
	}
	out := make([]Option, len(names))
	for i, n := range names {
		// State names are proper nouns, the same in both languages.
		out[i] = Option{Value: n[0], Label: Verbatim(n[0] + " " + n[1])}
	}
	return out
}()

// codeOptions builds options whose label is the code and a proper noun,
// the same in both languages.
func codeOptions(pairs [][2]string) []Option {
	out := make([]Option, len(pairs))
	for i, n := range pairs {
		out[i] = Option{Value: n[0], Label: Verbatim(n[0] + " " + n[1])}
	}
	return out
}

// caProvinces are Canada's provinces and territories (ISO 3166-2:CA).
var caProvinces = codeOptions([][2]string{
	{"AB", "Alberta"}, {"BC", "British Columbia"}, {"MB", "Manitoba"}, {"NB", "New Brunswick"},
	{"NL", "Newfoundland and Labrador"}, {"NS", "Nova Scotia"}, {"NT", "Northwest Territories"},
	{"NU", "Nunavut"}, {"ON", "Ontario"}, {"PE", "Prince Edward Island"}, {"QC", "Quebec"},
	{"SK", "Saskatchewan"}, {"YT", "Yukon"},
})

// auStates are Australia's states and territories (ISO 3166-2:AU).
var auStates = codeOptions([][2]string{
	{"ACT", "Australian Capital Territory"}, {"NSW", "New South Wales"}, {"NT", "Northern Territory"},
	{"QLD", "Queensland"}, {"SA", "South Australia"}, {"TAS", "Tasmania"}, {"VIC", "Victoria"},
	{"WA", "Western Australia"},
})

// ieCounties are Ireland's 26 counties; Stripe takes the county in
// address.state. The value is the county's name.
var ieCounties = func() []Option {
	names := []string{"Carlow", "Cavan", "Clare", "Cork", "Donegal", "Dublin", "Galway", "Kerry",
		"Kildare", "Kilkenny", "Laois", "Leitrim", "Limerick", "Longford", "Louth", "Mayo", "Meath",
		"Monaghan", "Offaly", "Roscommon", "Sligo", "Tipperary", "Waterford", "Westmeath", "Wexford", "Wicklow"}
	out := make([]Option, len(names))
	for i, n := range names {
		out[i] = Option{Value: n, Label: Verbatim(n)}
	}
	return out
}()

// structureValues are every company.structure Stripe knows (§1.2).
var structureValues = []string{"sole_proprietorship", "single_member_llc", "multi_member_llc", "llc",
	"private_corporation", "public_corporation", "private_company", "public_company", "private_partnership",
	"public_partnership", "limited_liability_partnership", "incorporated_partnership", "unincorporated_partnership",
	"incorporated_non_profit", "unincorporated_non_profit", "unincorporated_association", "registered_charity",
	"government_instrumentality", "governmental_unit", "tax_exempt_government_instrumentality",
	"free_zone_establishment", "free_zone_llc", "sole_establishment"}

// structureNames name each company.structure value.
var structureNames = map[string]Text{
	"sole_proprietorship":                   T("Sole proprietorship"),
	"single_member_llc":                     T("Single-member LLC"),
	"multi_member_llc":                      T("Multi-member LLC"),
	"llc":                                   T("Limited liability company"),
	"private_corporation":                   T("Private corporation"),
	"public_corporation":                    T("Public corporation"),
	"private_company":                       T("Private company (e.g. Ltd, SAS, GmbH)"),
	"public_company":                        T("Public company (e.g. PLC, SA, AG)"),
	"private_partnership":                   T("Private partnership"),
	"public_partnership":                    T("Public partnership"),
	"limited_liability_partnership":         T("Limited liability partnership (LLP)"),
	"incorporated_partnership":              T("Incorporated partnership"),
	"unincorporated_partnership":            T("Unincorporated partnership"),
	"incorporated_non_profit":               T("Incorporated non-profit"),
	"unincorporated_non_profit":             T("Unincorporated non-profit"),
	"unincorporated_association":            T("Unincorporated association"),
	"registered_charity":                    T("Registered charity"),
	"government_instrumentality":            T("Government instrumentality"),
	"governmental_unit":                     T("Governmental unit"),
	"tax_exempt_government_instrumentality": T("Tax-exempt government instrumentality"),
	"free_zone_establishment":               T("Free zone establishment"),
	"free_zone_llc":                         T("Free zone LLC"),
	"sole_establishment":                    T("Sole establishment"),
}

// structureOptions are the structures offered for a country.
func structureOptions(country string) []Option {
	var out []Option
	for _, v := range rulesFor(country).structures {
		out = append(out, Option{Value: v, Label: structureNames[v]})
	}
	return out
}
