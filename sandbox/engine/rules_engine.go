package engine

import (
	"slices"

	"onboard/sandbox/rules"
)

// applicableRules, publicCompany and representativeRoleItems read the
// tables of package rules against an account's facts.

// ApplicableRules returns the rows that apply to the account's country,
// business type, agreement and requested capabilities.
func ApplicableRules(a *Account) []rules.Rule {
	var out []rules.Rule
	for _, r := range rules.Tables()[rules.Key{Country: a.Country, BusinessType: a.BusinessType}] {
		if r.Agreement != "" && r.Agreement != a.TOS.ServiceAgreement {
			continue
		}
		if r.Capabilities != nil && !slices.ContainsFunc(r.Capabilities, func(c string) bool { return RequestsModel(a, c) }) {
			continue
		}
		if publicCompany(a) && (r.Role == "owner" || r.Path == "company.owners_provided") {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Supported reports whether the sandbox has a table for this combination.
func Supported(country, businessType string) bool { return rules.Supported(country, businessType) }

// publicCompany: a US public company needs no owners
// (https://docs.stripe.com/connect/required-verification-information).
func publicCompany(a *Account) bool {
	return a.Country == "US" && a.Company != nil &&
		(a.Company.Structure == "public_corporation" || a.Company.Structure == "public_partnership")
}

// representativeRoleItems: in the US the representative must also be an
// executive or an owner (Stripe's US walkthrough: REP includes
// relationship.executive, or owner); one who is neither is asked
// relationship.executive.
func representativeRoleItems(a *Account) []item {
	if a.Country != "US" || !IsCompanyType(a) {
		return nil
	}
	var out []item
	for _, p := range a.Holders("representative") {
		if !p.Executive && !p.Owner {
			out = append(out, item{Path: p.Prefix() + "relationship.executive", Stage: rules.StageNow})
		}
	}
	return out
}

// IsCompanyType reports whether the account keeps its people as Persons.
func IsCompanyType(a *Account) bool {
	return a.BusinessType == "company" || a.BusinessType == "non_profit"
}
