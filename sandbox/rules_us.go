package sandbox

import "regexp"

// usProfile: SSNs are nine digits; ssn_last_4 exists only in the US.
var usProfile = countryProfile{
	Currency:     "usd",
	IDNumber:     regexp.MustCompile(`^\d{9}$`),
	IDNumberHint: "a US Social Security number has 9 digits",
	SSNLast4:     true,
}

// usTables follows sandbox-rules §1.3 (full agreement, card_payments and
// transfers): ACCT + IND with state + ssn_last_4 now, the full SSN later.
var usTables = map[ruleKey][]requirementRule{
	// Before business_type is known Stripe can only ask for it and ACCT.
	{"US", ""}: rows(acctBlock, []requirementRule{{Path: "business_type"}}),
	{"US", "individual"}: rows(acctBlock, individualBlock(true), []requirementRule{
		{Path: "individual.ssn_last_4"},
		{Path: "individual.id_number", Stage: stageLater},
	}),
}
