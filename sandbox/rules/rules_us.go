package rules

// usProfile: SSNs and EINs are nine digits; ssn_last_4 exists only in the
// US.
var usProfile = Profile{
	Currency:     "usd",
	IDNumber:     lazyRE(`^\d{9}$`),
	IDNumberHint: "a US Social Security number has 9 digits",
	SSNLast4:     true,
	TaxID:        lazyRE(`^\d{9}$`),
	TaxIDHint:    "a US EIN has 9 digits",
	Postal:       lazyRE(`^\d{5}(-\d{4})?$`),
	States: []string{"AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN",
		"KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY",
		"OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY"},
	Bank:      BankABA,
	NonProfit: true,
}

// usTables follows Stripe's US requirements
// (https://docs.stripe.com/connect/required-verification-information; full agreement, card_payments and
// transfers): ACCT + IND with state + ssn_last_4 now, the full SSN at
// $500,000; companies add the representative (with ssn_last_4), owners and
// the owners_provided attestation, owners' full details at $750,000.
func usTables() map[Key][]Rule {
	return map[Key][]Rule{
		// Before business_type is known Stripe can only ask for it and ACCT.
		{"US", ""}: rows(acctBlock, []Rule{{Path: "business_type"}}),
		{"US", "individual"}: rows(acctBlock, prefixed(IndividualPrefix, identityLeaves(true, true)...),
			prefixed(IndividualPrefix, "ssn_last_4"),
			later("us_id_number", prefixed(IndividualPrefix, "id_number"))),
		{"US", "company"}: rows(acctBlock, companyBlock(true, true),
			roleRows("representative", StageNow, "", append(identityLeaves(true, true), "relationship.title", "ssn_last_4")...),
			roleRows("owner", StageNow, "", ownerLeaves...),
			prefixed("", "company.owners_provided"),
			roleRows("representative", StageLater, "us_id_number", "id_number"),
			roleRows("owner", StageLater, "us_id_number", "id_number"),
			roleRows("owner", StageLater, "us_owners", append(addressLeaves(true, true), "dob.day", "dob.month", "dob.year", "phone", "ssn_last_4")...)),
		{"US", "non_profit"}: rows(acctBlock, companyBlock(true, true),
			roleRows("representative", StageNow, "", append(identityLeaves(true, true), "relationship.title", "ssn_last_4")...),
			roleRows("representative", StageLater, "us_id_number", "id_number")),
	}
}

// ownerLeaves is the OWNER block: what is asked of every owner at first.
var ownerLeaves = []string{"email", "first_name", "last_name"}

// companyBlock is the CO block (the company).
func companyBlock(state, postal bool) []Rule {
	return prefixed("company.", append(addressLeaves(state, postal), "name", "phone", "tax_id")...)
}
