package schema

import "strings"

// errorRecollect says what to collect again after a requirements.errors
// code (https://docs.stripe.com/connect/handling-api-verification). Entries are patterns:
//
//	$          the error's own requirement
//	@.leaf     the same owner as the requirement (individual, owners,
//	           person_x, company): @.dob for individual.dob.day
//	?path      path, only when the error names no requirement
//	company!p  p, only when the owner is the company
//
// Anything else is a literal requirement path. A code missing here
// re-collects its requirement. An empty list means "do not ask again":
// a suspected forgery must go to Stripe, not loop through the wizard.
var errorRecollect = map[string][]string{
	"unsupported_business_type":                                   {"business_type", "company.structure"},
	"verification_data_not_found":                                 {"$", "company.name", "company.tax_id"},
	"invalid_address_city_state_postal_code":                      {"@.address.city", "@.address.state", "@.address.postal_code"},
	"invalid_address_highway_contract_box":                        {"@.address.line1"},
	"invalid_address_private_mailbox":                             {"@.address.line1", "@.address.line2"},
	"invalid_street_address":                                      {"@.address.line1"},
	"invalid_business_profile_name":                               {"business_profile.name"},
	"invalid_business_profile_name_denylisted":                    {"business_profile.name"},
	"invalid_company_name_denylisted":                             {"company.name"},
	"invalid_dob_age_under_18":                                    {"@.dob"},
	"invalid_dob_age_under_minimum":                               {"@.dob"},
	"invalid_dob_age_over_maximum":                                {"@.dob"},
	"invalid_product_description_length":                          {"business_profile.product_description"},
	"invalid_product_description_url_match":                       {"business_profile.product_description"},
	"invalid_representative_country":                              {"representative.address.country"},
	"invalid_signator":                                            {"documents.proof_of_ultimate_beneficial_ownership.files"},
	"invalid_statement_descriptor_business_mismatch":              {"settings.payments.statement_descriptor"},
	"invalid_statement_descriptor_denylisted":                     {"settings.payments.statement_descriptor"},
	"invalid_statement_descriptor_length":                         {"settings.payments.statement_descriptor"},
	"invalid_statement_descriptor_prefix_denylisted":              {"settings.card_payments.statement_descriptor_prefix"},
	"invalid_statement_descriptor_prefix_mismatch":                {"settings.card_payments.statement_descriptor_prefix"},
	"invalid_tax_id":                                              {"$", "?company.tax_id"},
	"invalid_tax_id_format":                                       {"$", "?company.tax_id"},
	"invalid_tos_acceptance":                                      {"tos_acceptance.date", "tos_acceptance.ip"},
	"verification_directors_mismatch":                             {"$", "company.directors_provided"},
	"verification_extraneous_directors":                           {"$", "company.directors_provided"},
	"verification_missing_directors":                              {"relationship.director", "company.directors_provided"},
	"verification_missing_executives":                             {"relationship.executive", "company.executives_provided"},
	"verification_missing_owners":                                 {"relationship.owner", "company.owners_provided"},
	"verification_legal_entity_structure_mismatch":                {"company.structure"},
	"verification_rejected_ownership_exemption_reason":            {"company.ownership_exemption_reason", "relationship.owner", "company.owners_provided"},
	"verification_requires_additional_memorandum_of_associations": {"documents.company_memorandum_of_association.files"},
	"verification_requires_additional_proof_of_registration":      {"documents.proof_of_registration.files"},
	"verification_failed_address_match":                           {"@.address.line1", "@.address.city", "@.address.state", "@.address.postal_code", "company!documents.proof_of_address.files"},
	"verification_failed_authorizer_authority":                    {"$", "@.documents.company_authorization.files"},
	"verification_failed_representative_authority":                {"$", "representative.documents.company_authorization.files"},
	"verification_failed_business_iec_number":                     {"company.export_license_id"},
	"verification_failed_id_number_match":                         {"@.id_number"},
	"verification_failed_keyed_identity":                          {"$", "@.first_name", "@.last_name", "@.dob", "@.address.line1"},
	"verification_failed_keyed_match":                             {"company.name", "company.tax_id"},
	"verification_failed_name_match":                              {"$", "?company.name"},
	"verification_failed_residential_address":                     {"@.address.line1", "@.address.line2", "@.address.city", "@.address.postal_code"},
	"verification_failed_tax_id_match":                            {"company.name", "company.tax_id", "company!documents.company_tax_id_verification.files"},
	"verification_failed_tax_id_not_issued":                       {"company.tax_id"},
	"verification_document_directors_mismatch":                    {"$", "company.directors_provided"},
	"verification_document_dob_mismatch":                          {"$", "@.dob"},
	"verification_document_id_number_mismatch":                    {"$", "@.id_number"},
	"verification_document_name_mismatch":                         {"$", "@.first_name", "@.last_name"},
	"verification_document_nationality_mismatch":                  {"$", "@.nationality"},
	"verification_document_fraudulent":                            {},
	"verification_document_manipulated":                           {},
}

// RecollectFor returns the requirement paths (or field keys) to collect
// again after a requirements.errors entry, the error's own requirement
// first. Paths that would only be generic fields are left out; unknown
// codes re-collect the requirement.
func RecollectFor(code, requirement string) []string {
	requirement = strings.TrimSpace(requirement)
	pats, ok := errorRecollect[code]
	if !ok {
		pats = []string{"$", "?" + urlFallback(code)}
	}
	owner := ownerOf(requirement)
	var out []string
	seen := map[string]bool{}
	add := func(p string, mustKnow bool) {
		if p == "" || seen[p] || (mustKnow && !Known(p, "")) {
			return
		}
		seen[p] = true
		out = append(out, p)
	}
	for _, p := range pats {
		switch {
		case p == "$":
			add(requirement, false)
		case strings.HasPrefix(p, "?"):
			if requirement == "" {
				add(p[1:], true)
			}
		case strings.HasPrefix(p, "company!"):
			if owner == "company" {
				add(strings.TrimPrefix(p, "company!"), true)
			}
		case strings.HasPrefix(p, "@."):
			if owner != "" {
				add(owner+p[1:], true)
			}
		default:
			add(p, true)
		}
	}
	return out
}

// urlFallback is what an unknown website or document code most likely
// re-collects when the error names no requirement.
func urlFallback(code string) string {
	if strings.HasPrefix(code, "invalid_url_") {
		return "business_profile.url"
	}
	return ""
}

// ownerOf is whose requirement it is, as written in the requirement:
// individual, representative, owners, owners.1, person_x, or company.
func ownerOf(req string) string {
	if ref, leaf, ok := ParsePersonPath(req); ok {
		if ref.ID != "" {
			return ref.Prefix
		}
		return strings.TrimSuffix(req, "."+leaf)
	}
	if strings.HasPrefix(req, "company.") {
		return "company"
	}
	return ""
}
