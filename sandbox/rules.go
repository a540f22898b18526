package sandbox

import (
	"regexp"
	"slices"
)

// stage says when a requirement is collected.
type stage int

const (
	// stageNow requirements are currently_due from account creation.
	stageNow stage = iota
	// stageLater requirements only appear in eventually_due (they become due
	// at a threshold, which a later slice will model).
	stageLater
)

// requirementRule is one row of a requirement table: a requirement string,
// when it is due, and which capabilities and service agreement it applies
// to. Tables are data so that a country is added by adding rows, not code.
type requirementRule struct {
	Path  string
	Stage stage
	// Capabilities lists the capabilities this requirement gates; nil means
	// every requested capability.
	Capabilities []string
	// Agreement restricts the row to one service agreement ("full" or
	// "recipient"); "" means both.
	Agreement string
}

// ruleKey selects a table: country × business type ("" = not given yet).
type ruleKey struct {
	Country      string
	BusinessType string
}

// countryProfile holds the per-country facts that are not requirements:
// default currency and the formats of write-only identity numbers.
type countryProfile struct {
	Currency string
	// IDNumber validates individual[id_number]; nil accepts any value.
	IDNumber *regexp.Regexp
	// IDNumberHint completes the error message when IDNumber rejects a value.
	IDNumberHint string
	// SSNLast4 says whether individual[ssn_last_4] exists in this country.
	SSNLast4 bool
}

// ruleTables and countries join the per-country files (rules_us.go, ...).
// A new country adds its own file and one entry to each list below.
var (
	ruleTables = joinTables(usTables)
	countries  = map[string]countryProfile{"US": usProfile}
)

func joinTables(tables ...map[ruleKey][]requirementRule) map[ruleKey][]requirementRule {
	out := map[ruleKey][]requirementRule{}
	for _, t := range tables {
		for k, v := range t {
			out[k] = v
		}
	}
	return out
}

// acctBlock is the ACCT building block of sandbox-rules §1.2: what every
// account needs regardless of business type.
var acctBlock = []requirementRule{
	{Path: "business_profile.mcc", Agreement: "full"},
	{Path: "business_profile.url"},
	{Path: "external_account"},
	{Path: "tos_acceptance.date"},
	{Path: "tos_acceptance.ip"},
}

// individualBlock is IND (§1.2); withState adds individual.address.state.
func individualBlock(withState bool) []requirementRule {
	rows := []requirementRule{
		{Path: "individual.address.city"},
		{Path: "individual.address.line1"},
		{Path: "individual.address.postal_code"},
		{Path: "individual.dob.day"},
		{Path: "individual.dob.month"},
		{Path: "individual.dob.year"},
		{Path: "individual.email"},
		{Path: "individual.first_name"},
		{Path: "individual.last_name"},
		{Path: "individual.phone"},
	}
	if withState {
		rows = append(rows, requirementRule{Path: "individual.address.state"})
	}
	return rows
}

// rows concatenates building blocks into one table.
func rows(blocks ...[]requirementRule) []requirementRule {
	var out []requirementRule
	for _, b := range blocks {
		out = append(out, b...)
	}
	return out
}

// applicableRules returns the rows that apply to the account's country,
// business type, agreement and requested capabilities.
func applicableRules(a *accountFacts) []requirementRule {
	var out []requirementRule
	for _, r := range ruleTables[ruleKey{a.Country, a.BusinessType}] {
		if r.Agreement != "" && r.Agreement != a.TOS.ServiceAgreement {
			continue
		}
		if r.Capabilities != nil && !slices.ContainsFunc(r.Capabilities, func(c string) bool { return a.Capabilities[c] }) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// gates reports whether rule r blocks capability c.
func (r requirementRule) gates(c string) bool {
	return r.Capabilities == nil || slices.Contains(r.Capabilities, c)
}

// supported reports whether the sandbox has a table for this combination.
func supported(country, businessType string) bool {
	_, ok := ruleTables[ruleKey{country, businessType}]
	return ok
}

// knownCapabilities are the capabilities the sandbox accepts in
// capabilities[<name>][requested]; charges_enabled follows either of them.
var knownCapabilities = []string{"card_payments", "transfers"}

// verifyGroup is a set of requirements Stripe verifies together. The group
// runs once every Core alternative has a submitted member; its members then
// settle together, one delay after the latest submission.
type verifyGroup struct {
	Name    string
	Members []string
	Core    [][]string // each entry: any one of these paths must be submitted
}

var verifyGroups = []verifyGroup{
	{
		Name: "individual_identity",
		Members: []string{
			"individual.first_name", "individual.last_name",
			"individual.dob.day", "individual.dob.month", "individual.dob.year",
			"individual.address.line1", "individual.address.city",
			"individual.address.postal_code", "individual.address.state",
			"individual.ssn_last_4", "individual.id_number",
		},
		Core: [][]string{
			{"individual.first_name"}, {"individual.last_name"}, {"individual.dob.day"},
			{"individual.address.line1"}, {"individual.ssn_last_4", "individual.id_number"},
		},
	},
	{Name: "business_url", Members: []string{"business_profile.url"}, Core: [][]string{{"business_profile.url"}}},
	{Name: "bank_account", Members: []string{"external_account"}, Core: [][]string{{"external_account"}}},
}

// groupOf returns the verification group of a requirement path, or nil when
// the field needs no verification (email, phone, mcc, ToS).
func groupOf(path string) *verifyGroup {
	for i := range verifyGroups {
		if slices.Contains(verifyGroups[i].Members, path) {
			return &verifyGroups[i]
		}
	}
	return nil
}
