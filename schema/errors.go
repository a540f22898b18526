package schema

import "strings"

// errorTexts explain requirements.errors codes in the operator's language
// (every code of Stripe's spec, account_requirements_error.code). Stripe's own reason is shown next to
// it, verbatim.
var errorTexts = map[string]Text{
	"information_missing":                                         T("Something is missing; Stripe's reason says what."),
	"invalid_value_other":                                         T("The value was refused; enter it again."),
	"external_request":                                            T("An outside request raised a problem; Stripe's reason says which."),
	"unsupported_business_type":                                   T("This business type or structure is not supported here; choose another."),
	"verification_data_not_found":                                 T("No registry record matches these details; check the legal name and tax ID."),
	"invalid_address_city_state_postal_code":                      T("City, state and postal code do not match each other."),
	"invalid_address_highway_contract_box":                        T("Highway contract box addresses are not accepted; give a street address."),
	"invalid_address_private_mailbox":                             T("Private mailbox addresses are not accepted; give a street address."),
	"invalid_street_address":                                      T("The street name or number is not valid."),
	"invalid_business_profile_name":                               T("The public business name is unclear or too generic; give the name customers know."),
	"invalid_business_profile_name_denylisted":                    T("The public business name is not allowed; give another."),
	"invalid_company_name_denylisted":                             T("The legal company name is not allowed; check it."),
	"invalid_dob_age_under_18":                                    T("The person is under 18."),
	"invalid_dob_age_under_minimum":                               T("The person is under the minimum age."),
	"invalid_dob_age_over_maximum":                                T("The date of birth is not plausible."),
	"invalid_product_description_length":                          T("The product description is too short or too long."),
	"invalid_product_description_url_match":                       T("The product description only repeats the website; describe the products."),
	"invalid_representative_country":                              T("The representative's country is not allowed for this account."),
	"invalid_signator":                                            T("The signer of the document could not be verified."),
	"invalid_statement_descriptor_business_mismatch":              T("The statement descriptor does not resemble the business name."),
	"invalid_statement_descriptor_denylisted":                     T("The statement descriptor is not allowed or too generic."),
	"invalid_statement_descriptor_length":                         T("The statement descriptor must have 5 to 22 characters."),
	"invalid_statement_descriptor_prefix_denylisted":              T("The statement descriptor prefix is not allowed."),
	"invalid_statement_descriptor_prefix_mismatch":                T("The statement descriptor prefix does not match the business."),
	"invalid_tax_id":                                              T("The tax ID is not valid."),
	"invalid_tax_id_format":                                       T("The tax ID has the wrong format."),
	"invalid_tos_acceptance":                                      T("The terms acceptance is invalid; accept again."),
	"invalid_url_denylisted":                                      T("This website is on a deny list; give another one."),
	"invalid_url_format":                                          T("The website address is malformed."),
	"invalid_url_length":                                          T("The website address is too long."),
	"invalid_url_web_presence_detected":                           T("A website exists for this business; give its address."),
	"invalid_url_website_business_information_mismatch":           T("The website does not match the business details."),
	"invalid_url_website_empty":                                   T("The website has no content."),
	"invalid_url_website_inaccessible":                            T("Stripe could not reach the website."),
	"invalid_url_website_inaccessible_geoblocked":                 T("The website blocks Stripe's region."),
	"invalid_url_website_inaccessible_password_protected":         T("The website is behind a password."),
	"invalid_url_website_incomplete":                              T("The website is incomplete."),
	"invalid_url_website_incomplete_cancellation_policy":          T("The website shows no cancellation policy."),
	"invalid_url_website_incomplete_customer_service_details":     T("The website shows no customer service contact."),
	"invalid_url_website_incomplete_legal_restrictions":           T("The website shows no legal, age or region restrictions."),
	"invalid_url_website_incomplete_refund_policy":                T("The website shows no refund policy."),
	"invalid_url_website_incomplete_return_policy":                T("The website shows no return policy."),
	"invalid_url_website_incomplete_terms_and_conditions":         T("The website shows no terms and conditions."),
	"invalid_url_website_incomplete_under_construction":           T("The website is under construction."),
	"invalid_url_website_other":                                   T("Stripe found a problem with the website."),
	"verification_directors_mismatch":                             T("The directors given do not match the company register."),
	"verification_extraneous_directors":                           T("Some directors given are not in the company register; remove or correct them."),
	"verification_missing_directors":                              T("The register lists directors that are missing; add them."),
	"verification_missing_executives":                             T("Executives are missing; add them."),
	"verification_missing_owners":                                 T("Owners are missing; add them."),
	"verification_legal_entity_structure_mismatch":                T("The company structure differs from the register."),
	"verification_rejected_ownership_exemption_reason":            T("The ownership exemption was refused; add the owners."),
	"verification_requires_additional_memorandum_of_associations": T("Another memorandum of association is needed."),
	"verification_requires_additional_proof_of_registration":      T("Another proof of registration is needed."),
	"verification_supportability":                                 T("Stripe is reviewing whether it can support this business; the account holder answers through an account link."),
	"verification_failed_address_match":                           T("The address could not be matched to the person or company."),
	"verification_failed_authorizer_authority":                    T("The authorizer's authority could not be verified."),
	"verification_failed_representative_authority":                T("The representative's authority could not be verified; add an authorizer or an authorization document."),
	"verification_failed_business_iec_number":                     T("The Indian export (IEC) number could not be verified."),
	"verification_failed_document_match":                          T("The document does not match the details typed in."),
	"verification_failed_id_number_match":                         T("The ID number does not match the name and date of birth."),
	"verification_failed_keyed_identity":                          T("Name, date of birth, address or ID could not be verified; check them."),
	"verification_failed_keyed_match":                             T("The company details (name, tax ID) could not be matched."),
	"verification_failed_name_match":                              T("The name does not match official records."),
	"verification_failed_residential_address":                     T("The address is not residential (PO box or business address)."),
	"verification_failed_tax_id_match":                            T("The tax ID and legal name do not match."),
	"verification_failed_tax_id_not_issued":                       T("This tax ID was never issued."),
	"verification_failed_other":                                   T("Verification failed; Stripe's reason says why."),
	"verification_document_address_mismatch":                      T("The address on the document differs from the address given."),
	"verification_document_address_missing":                       T("The document shows no address; upload another."),
	"verification_document_corrupt":                               T("The file could not be read; upload it again."),
	"verification_document_country_not_supported":                 T("Documents from this country are not accepted; upload another."),
	"verification_document_directors_mismatch":                    T("The company document lists other directors."),
	"verification_document_dob_mismatch":                          T("The date of birth on the document differs from the one given."),
	"verification_document_duplicate_type":                        T("The same document was used twice; give a different second document."),
	"verification_document_expired":                               T("The document has expired; upload a valid one."),
	"verification_document_failed_copy":                           T("This is a photo of a copy or a screen; photograph the original."),
	"verification_document_failed_greyscale":                      T("The image is in greyscale; upload a colour image."),
	"verification_document_failed_other":                          T("The document was not accepted; upload another."),
	"verification_document_failed_test_mode":                      T("The test document was set to fail; use file_identity_document_success."),
	"verification_document_fraudulent":                            T("The document is suspected to be fraudulent; contact Stripe rather than retrying."),
	"verification_document_id_number_mismatch":                    T("The ID number on the document differs from the one given."),
	"verification_document_id_number_missing":                     T("The document shows no ID number; upload another."),
	"verification_document_incomplete":                            T("The document is cropped or partial; show all of it."),
	"verification_document_invalid":                               T("This is not an accepted type of document."),
	"verification_document_issue_or_expiry_date_missing":          T("The document shows no issue or expiry date; upload another."),
	"verification_document_manipulated":                           T("The document appears altered; contact Stripe rather than retrying."),
	"verification_document_missing_back":                          T("The back of the document is missing; upload both sides."),
	"verification_document_missing_front":                         T("The front of the document is missing; upload it."),
	"verification_document_name_mismatch":                         T("The name on the document differs from the name given."),
	"verification_document_name_missing":                          T("The document shows no name; upload another."),
	"verification_document_nationality_mismatch":                  T("The nationality on the document differs from the one given."),
	"verification_document_not_readable":                          T("The document is blurry or has glare; upload a clearer image."),
	"verification_document_not_signed":                            T("The document must be signed; upload a signed copy."),
	"verification_document_not_uploaded":                          T("The document was not uploaded; upload it again."),
	"verification_document_photo_mismatch":                        T("The photo on the document does not match; upload another document."),
	"verification_document_too_large":                             T("The file is too large: under 10 MB and 8000×8000 pixels."),
	"verification_document_type_not_supported":                    T("This document type is not supported; upload an accepted type."),
}

// ExplainError returns a short explanation of a requirements.errors code.
// Codes it does not know get a generic sentence: Stripe adds codes, and the
// reason Stripe gives is shown beside it anyway.
func ExplainError(code string, lang Lang) string {
	if t, ok := errorTexts[code]; ok {
		return t.In(lang)
	}
	switch {
	case strings.HasPrefix(code, "invalid_url_"):
		return errorTexts["invalid_url_website_other"].In(lang)
	case strings.HasPrefix(code, "verification_document_"):
		return errorTexts["verification_document_failed_other"].In(lang)
	}
	return msgUnknownError.In(lang)
}

var msgUnknownError = T("Stripe could not accept this value.")

// ExplainRequirementError is what an operator reads of one of
// requirements.errors: the catalog's explanation of its code, in lang.
// Stripe's reason is an English sentence: it is shown only when the
// catalog does not know the code, and marked as Stripe's words.
func ExplainRequirementError(e RequirementError, lang Lang) string {
	if knownErrorCode(e.Code) || strings.TrimSpace(e.Reason) == "" {
		return ExplainError(e.Code, lang)
	}
	return Tf("Stripe says: “%s”", strings.TrimSpace(e.Reason)).In(lang)
}

// knownErrorCode reports whether the catalog explains code (itself or its
// family).
func knownErrorCode(code string) bool {
	_, ok := errorTexts[code]
	return ok || strings.HasPrefix(code, "invalid_url_") || strings.HasPrefix(code, "verification_document_")
}

// ErrorCodes lists every requirements.errors code the catalog explains.
func ErrorCodes() []string {
	out := make([]string, 0, len(errorTexts))
	for c := range errorTexts {
		out = append(out, c)
	}
	return out
}
