package rules

// intlSpec is the shape of one non-US country's tables. The rows follow
// https://docs.stripe.com/connect/required-verification-information,
// mostly [S20] (Stripe's 2019-2020 country specs); the later
// rows and thresholds are [G].
type intlSpec struct {
	Code string
	// State and Postal say which address fields are asked (IE: the county
	// in state, no postal code).
	State, Postal bool
	// Roles are the company roles beyond the representative and owners.
	Directors, Executives bool
	// IndLater are the individual's later rows (behind intl_more).
	IndLater []string
	// IDNow asks the national id number up front, of the individual and
	// the representative.
	IDNow bool
	// Japanese asks names and addresses in kana and kanji instead of the
	// plain ones (Japan).
	Japanese bool
}

// identity is what a person is asked at once in s's country.
func (s intlSpec) identity() []string {
	if s.Japanese {
		return japaneseIdentity
	}
	out := identityLeaves(s.State, s.Postal)
	if s.IDNow {
		out = append(out, "id_number")
	}
	return out
}

var intlSpecs = []intlSpec{
	{Code: "CA", State: true, Postal: true, Directors: true, IndLater: []string{"id_number"}},
	{Code: "GB", Postal: true, Directors: true, Executives: true, IndLater: []string{"verification.document"}},
	{Code: "FR", Postal: true, Directors: true, Executives: true, IndLater: []string{"verification.document"}},
	{Code: "DE", Postal: true, Directors: true, Executives: true, IndLater: []string{"verification.document"}},
	{Code: "NL", Postal: true, Directors: true, Executives: true, IndLater: []string{"verification.document"}},
	{Code: "IE", State: true, Directors: true, Executives: true, IndLater: []string{"verification.document"}},
	{Code: "AU", State: true, Postal: true, Directors: true, IndLater: []string{"verification.document", "verification.additional_document"}},
}

// intlTables builds the rule tables of intlSpecs.
func intlTables() map[Key][]Rule {
	out := map[Key][]Rule{}
	for _, s := range append(intlSpecs, worldSpecs...) {
		out[Key{s.Code, ""}] = rows(acctBlock, []Rule{{Path: "business_type"}})
		out[Key{s.Code, "individual"}] = rows(acctBlock,
			prefixed(IndividualPrefix, s.identity()...),
			later("intl_more", prefixed(IndividualPrefix, s.IndLater...)))
		people := rows(
			roleRows("representative", StageNow, "", append(s.identity(), "relationship.title")...),
			later("intl_more", roleRows("representative", StageNow, "", "verification.document")))
		if s.Directors {
			people = rows(people, roleRows("director", StageNow, "", "first_name", "last_name"),
				prefixed("", "company.directors_provided"))
		}
		if s.Executives {
			people = rows(people,
				roleRows("executive", StageNow, "", append(addressLeaves(s.State, s.Postal), "dob.day", "dob.month", "dob.year", "email", "first_name", "last_name")...),
				prefixed("", "company.executives_provided"))
		}
		company := companyBlock(s.State, s.Postal)
		if s.Japanese {
			company = prefixed("company.", japaneseCompany...)
		}
		co := rows(acctBlock, company, people,
			later("intl_more", prefixed("", "company.verification.document")))
		out[Key{s.Code, "company"}] = rows(co, roleRows("owner", StageNow, "", ownerLeaves...),
			prefixed("", "company.owners_provided"))
		if Countries[s.Code].NonProfit {
			// Non-profits have no owners.
			out[Key{s.Code, "non_profit"}] = co
		}
	}
	return out
}

// genericTaxID accepts the registry numbers of countries whose format the
// sandbox does not check precisely (and Stripe's 9-digit test values).
var genericTaxID = lazyRE(`^[A-Za-z0-9]{5,20}$`)

// intlProfiles are the per-country formats
// (https://docs.stripe.com/connect/required-verification-information).
var intlProfiles = map[string]Profile{
	"CA": {Currency: "cad", IDNumber: lazyRE(`^\d{9}$`), IDNumberHint: "a Canadian SIN has 9 digits",
		TaxID: lazyRE(`^\d{9}([A-Za-z]{2}\d{4})?$`), TaxIDHint: "a Canadian business number has 9 digits",
		Postal: lazyRE(`^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$`),
		States: []string{"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"},
		Bank:   BankCA, NonProfit: true},
	"GB": {Currency: "gbp", TaxID: genericTaxID, TaxIDHint: "a company number has 5 to 20 letters or digits",
		Postal: lazyRE(`^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$`), Bank: BankGB, NonProfit: true},
	"FR": {Currency: "eur", TaxID: lazyRE(`^\d{9}(\d{5})?$`), TaxIDHint: "a SIREN has 9 digits (a SIRET 14)",
		Postal: lazyRE(`^\d{5}$`), Bank: BankIBAN},
	"DE": {Currency: "eur", TaxID: genericTaxID, TaxIDHint: "a register number has 5 to 20 letters or digits",
		Postal: lazyRE(`^\d{5}$`), Bank: BankIBAN},
	"NL": {Currency: "eur", TaxID: genericTaxID, TaxIDHint: "a KvK number has 8 digits",
		Postal: lazyRE(`^\d{4} ?[A-Za-z]{2}$`), Bank: BankIBAN},
	"IE": {Currency: "eur", TaxID: genericTaxID, TaxIDHint: "a CRO number has 5 to 20 letters or digits",
		Postal: lazyRE(`^[A-Za-z]\d[\dWw] ?[A-Za-z\d]{4}$`),
		States: []string{"CARLOW", "CAVAN", "CLARE", "CORK", "DONEGAL", "DUBLIN", "GALWAY", "KERRY", "KILDARE", "KILKENNY",
			"LAOIS", "LEITRIM", "LIMERICK", "LONGFORD", "LOUTH", "MAYO", "MEATH", "MONAGHAN", "OFFALY", "ROSCOMMON",
			"SLIGO", "TIPPERARY", "WATERFORD", "WESTMEATH", "WEXFORD", "WICKLOW"},
		Bank: BankIBAN, NonProfit: true},
	"AU": {Currency: "aud", TaxID: lazyRE(`^\d{9}(\d{2})?$`), TaxIDHint: "an ACN has 9 digits (an ABN 11)",
		Postal: lazyRE(`^\d{4}$`),
		States: []string{"ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"},
		Bank:   BankAU, NonProfit: true},
}
