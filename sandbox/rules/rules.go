// Package rules holds the sandbox's requirement tables, country by country,
// and the verification groups: data about Stripe, not behaviour of the
// simulator. A country is added here by adding rows. The engine that reads
// them (requirements, settling, rendering) is package sandbox.
package rules

import (
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Stage says when a requirement is collected.
type Stage int

const (
	// StageNow requirements are currently_due from account creation.
	StageNow Stage = iota
	// StageLater requirements sit in eventually_due until a threshold (see
	// thresholds), a trigger or a block makes them currently_due.
	StageLater
)

// Rule is one row of a requirement table: a requirement string,
// when it is due, and which capabilities and service agreement it applies
// to. Tables are data so that a country is added by adding rows, not code.
type Rule struct {
	// Path is the requirement string, or for a Role row the leaf under each
	// person holding that role ("first_name", "dob.day").
	Path string
	// Role names the person role a row is about (representative, owner,
	// director, executive); "" for account-level rows. Until a person holds
	// the role the row shows as relationship.<role>.
	Role  string
	Stage Stage
	// Threshold names the entry of thresholds that makes a StageLater row
	// currently due; "" means only a trigger or a block does.
	Threshold string
	// Capabilities lists the capabilities this requirement gates; nil means
	// every requested capability.
	Capabilities []string
	// Agreement restricts the row to one service agreement ("full" or
	// "recipient"); "" means both.
	Agreement string
}

// Key selects a table: country × business type ("" = not given yet).
type Key struct {
	Country      string
	BusinessType string
}

// Profile holds the per-country facts that are not requirements:
// default currency and the formats the sandbox validates synchronously.
type Profile struct {
	Currency string
	// IDNumber validates id_number; nil accepts any value.
	IDNumber *Pattern
	// IDNumberHint completes the error message when IDNumber rejects a value.
	IDNumberHint string
	// SSNLast4 says whether ssn_last_4 exists in this country.
	SSNLast4 bool
	// TaxID validates company[tax_id] (after removing spaces and dashes).
	TaxID     *Pattern
	TaxIDHint string
	// Postal validates address[postal_code]; nil accepts anything.
	Postal *Pattern
	// States, when not nil, lists the accepted address[state] values (IE:
	// counties, as Stripe puts the county in state).
	States []string
	// Bank is the kind of domestic bank details (see bank_rules.go).
	Bank BankKind
	// NonProfit says whether business_type=non_profit is offered.
	NonProfit bool
	// Local describes the bank details of a BankLocal country.
	Local *BankFormat
}

// BankFormat is the shape of a BankLocal country's bank details. Numbers
// are matched without spaces and dashes.
type BankFormat struct {
	// Routing validates routing_number; nil means the country has none
	// (a Mexican CLABE, a New Zealand account number hold the bank).
	Routing     *Pattern
	RoutingHint string
	Account     *Pattern
	AccountHint string
	// Check is an extra check of the account number (a CLABE's check
	// digit); nil means none.
	Check func(string) bool
}

// Tables and Countries join the per-country files (rules_us.go,
// rules_intl.go). A new country adds rows there, not code here. The tables
// are built the first time they are read, not when the program starts (a
// run of onboard that opens no sandbox never reads them).
var (
	Tables    = sync.OnceValue(func() map[Key][]Rule { return joinTables(usTables(), intlTables()) })
	Countries = joinProfiles(map[string]Profile{"US": usProfile}, intlProfiles, worldProfiles)
)

// Pattern is a regular expression compiled the first time it is used.
type Pattern struct {
	re func() *regexp.Regexp
}

// lazyRE returns a Pattern for expr; a bad expr panics on first use, and
// TestTablesAreConsistent uses every pattern.
func lazyRE(expr string) *Pattern {
	return &Pattern{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
}

// MatchString reports whether s contains a match of the pattern.
func (p *Pattern) MatchString(s string) bool { return p.re().MatchString(s) }

// String returns the pattern's source text.
func (p *Pattern) String() string { return p.re().String() }

func joinTables(tables ...map[Key][]Rule) map[Key][]Rule {
	out := map[Key][]Rule{}
	for _, t := range tables {
		for k, v := range t {
			out[k] = v
		}
	}
	return out
}

func joinProfiles(ps ...map[string]Profile) map[string]Profile {
	out := map[string]Profile{}
	for _, p := range ps {
		for k, v := range p {
			out[k] = v
		}
	}
	return out
}

// acctBlock is the ACCT building block of the tables: what every
// account needs regardless of business type. The MCC is not asked under
// the recipient agreement ([G]).
var acctBlock = []Rule{
	{Path: "business_profile.mcc", Agreement: "full"},
	{Path: "business_profile.url"},
	{Path: "external_account"},
	{Path: "tos_acceptance.date"},
	{Path: "tos_acceptance.ip"},
}

// addressLeaves lists the address fields a country asks for: IE asks for
// the county in state and no postal code (as Stripe's 2019-2020 country specs had it).
func addressLeaves(state, postal bool) []string {
	out := []string{"address.city", "address.line1"}
	if postal {
		out = append(out, "address.postal_code")
	}
	if state {
		out = append(out, "address.state")
	}
	return out
}

// identityLeaves is the IND block relative to the person.
func identityLeaves(state, postal bool) []string {
	out := addressLeaves(state, postal)
	return append(out, "dob.day", "dob.month", "dob.year", "email", "first_name", "last_name", "phone")
}

// prefixed turns leaves into StageNow rows under prefix.
func prefixed(prefix string, leaves ...string) []Rule {
	out := make([]Rule, 0, len(leaves))
	for _, l := range leaves {
		out = append(out, Rule{Path: prefix + l})
	}
	return out
}

// roleRows turns leaves into rows for every person holding role.
func roleRows(role string, st Stage, threshold string, leaves ...string) []Rule {
	out := make([]Rule, 0, len(leaves))
	for _, l := range leaves {
		out = append(out, Rule{Path: l, Role: role, Stage: st, Threshold: threshold})
	}
	return out
}

// later marks rows as StageLater behind a threshold.
func later(threshold string, rs []Rule) []Rule {
	out := slices.Clone(rs)
	for i := range out {
		out[i].Stage, out[i].Threshold = StageLater, threshold
	}
	return out
}

// rows concatenates building blocks into one table.
func rows(blocks ...[]Rule) []Rule {
	var out []Rule
	for _, b := range blocks {
		out = append(out, b...)
	}
	return out
}

// Group is a set of requirements Stripe verifies together. The group
// runs once every Core alternative has a submitted member; its members then
// settle together, one delay after the latest submission. Members and Core
// are leaves relative to a prefix: "individual.", "person_<id>." or
// "company." (see GroupOf).
type Group struct {
	Name    string
	Scope   string // "person" (individual./person_<id>.) or "company"
	Members []string
	Core    [][]string // each entry: any one of these leaves must be submitted
}

// Groups are the verification groups of every account.
var Groups = []Group{
	{
		Name:  "identity",
		Scope: "person",
		Members: []string{
			"first_name", "last_name", "dob.day", "dob.month", "dob.year",
			"address.line1", "address.city", "address.postal_code", "address.state",
			"ssn_last_4", "id_number",
		},
		Core: [][]string{{"first_name"}, {"last_name"}, {"dob.day"}, {"address.line1"}, {"ssn_last_4", "id_number"}},
	},
	{
		Name:  "company_identity",
		Scope: "company",
		Members: []string{
			"name", "tax_id", "address.line1", "address.city", "address.postal_code", "address.state",
		},
		Core: [][]string{{"name"}, {"tax_id"}},
	},
	{Name: "business_url", Members: []string{"business_profile.url"}, Core: [][]string{{"business_profile.url"}}},
	{Name: "bank_account", Members: []string{"external_account"}, Core: [][]string{{"external_account"}}},
}

// ScopeOf splits a requirement path into its verification prefix and
// leaf: "person_x.dob.day" → ("person_x.", "person", "dob.day").
func ScopeOf(path string) (prefix, scope, leaf string) {
	switch {
	case strings.HasPrefix(path, IndividualPrefix):
		return IndividualPrefix, "person", path[len(IndividualPrefix):]
	case strings.HasPrefix(path, "person_"):
		if i := strings.IndexByte(path, '.'); i > 0 {
			return path[:i+1], "person", path[i+1:]
		}
	case strings.HasPrefix(path, "company."):
		return "company.", "company", path[len("company."):]
	}
	return "", "", path
}

// GroupOf returns the verification group of a requirement path and the
// prefix its members share, or nil when the field needs no verification
// (email, phone, mcc, ToS).
func GroupOf(path string) (*Group, string) {
	prefix, scope, leaf := ScopeOf(path)
	for i := range Groups {
		g := &Groups[i]
		if g.Scope == scope && slices.Contains(g.Members, leaf) {
			return g, prefix
		}
	}
	return nil, ""
}

// BankKind is the shape of a country's domestic bank details.
type BankKind int

const (
	BankABA   BankKind = iota // US: 9-digit ABA routing number + account
	BankCA                    // CA: transit-institution NNNNN-NNN + account
	BankGB                    // GB: 6-digit sort code + 8-digit account, or an IBAN
	BankAU                    // AU: 6-digit BSB + account
	BankIBAN                  // SEPA: IBAN in account_number, no routing number
	BankLocal                 // any other: the country's Profile.Local format
)

// IndividualPrefix is the requirement prefix of an individual account's
// person.
const IndividualPrefix = "individual."

// Supported reports whether there is a table for this combination.
func Supported(country, businessType string) bool {
	_, ok := Tables()[Key{country, businessType}]
	return ok
}
