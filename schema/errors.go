package schema

import "strings"

// errorTexts explain requirements.errors codes in the operator's language.
// Stripe's own reason is shown next to it, verbatim.
var errorTexts = map[string]Text{
	"information_missing":                                 T("Something is missing; Stripe's reason says what.", "Il manque une information ; le motif de Stripe précise laquelle."),
	"invalid_value_other":                                 T("The value was refused; enter it again.", "La valeur a été refusée ; saisissez-la de nouveau."),
	"invalid_address_city_state_postal_code":              T("City, state and postal code do not match each other.", "La ville, l'État et le code postal ne correspondent pas entre eux."),
	"invalid_street_address":                              T("The street name or number is not valid.", "Le nom ou le numéro de rue n'est pas valide."),
	"invalid_dob_age_under_18":                            T("The person is under 18.", "La personne a moins de 18 ans."),
	"invalid_dob_age_under_minimum":                       T("The person is under the minimum age.", "La personne n'a pas l'âge minimum."),
	"invalid_dob_age_over_maximum":                        T("The date of birth is not plausible.", "La date de naissance n'est pas plausible."),
	"invalid_product_description_length":                  T("The product description is too short or too long.", "La description des produits est trop courte ou trop longue."),
	"invalid_tos_acceptance":                              T("The terms acceptance is invalid; accept again.", "L'acceptation des conditions est invalide ; acceptez de nouveau."),
	"invalid_url_denylisted":                              T("This website is on a deny list; give another one.", "Ce site est sur une liste d'exclusion ; indiquez-en un autre."),
	"invalid_url_format":                                  T("The website address is malformed.", "L'adresse du site est mal formée."),
	"invalid_url_web_presence_detected":                   T("A website exists for this business; give its address.", "Un site existe pour cette entreprise ; indiquez son adresse."),
	"invalid_url_website_business_information_mismatch":   T("The website does not match the business details.", "Le site ne correspond pas aux informations de l'entreprise."),
	"invalid_url_website_empty":                           T("The website has no content.", "Le site n'a pas de contenu."),
	"invalid_url_website_inaccessible":                    T("Stripe could not reach the website.", "Stripe n'a pas pu accéder au site."),
	"invalid_url_website_inaccessible_geoblocked":         T("The website blocks Stripe's region.", "Le site bloque la région de Stripe."),
	"invalid_url_website_inaccessible_password_protected": T("The website is behind a password.", "Le site est protégé par un mot de passe."),
	"invalid_url_website_incomplete":                      T("The website is incomplete.", "Le site est incomplet."),
	"invalid_url_website_incomplete_under_construction":   T("The website is under construction.", "Le site est en construction."),
	"invalid_url_website_other":                           T("Stripe found a problem with the website.", "Stripe a relevé un problème avec le site."),
	"verification_failed_address_match":                   T("The address could not be matched to the person.", "L'adresse n'a pas pu être rattachée à la personne."),
	"verification_failed_id_number_match":                 T("The ID number does not match the name and date of birth.", "Le numéro d'identification ne correspond pas au nom et à la date de naissance."),
	"verification_failed_keyed_identity":                  T("Name, date of birth, address or ID could not be verified; check them.", "Le nom, la date de naissance, l'adresse ou la pièce n'ont pas pu être vérifiés ; contrôlez-les."),
	"verification_failed_name_match":                      T("The name does not match official records.", "Le nom ne correspond pas aux registres officiels."),
	"verification_failed_residential_address":             T("The address is not residential (PO box or business address).", "L'adresse n'est pas résidentielle (boîte postale ou adresse professionnelle)."),
	"verification_failed_tax_id_match":                    T("The tax ID and legal name do not match.", "Le numéro fiscal et la raison sociale ne correspondent pas."),
	"verification_failed_tax_id_not_issued":               T("This tax ID was never issued.", "Ce numéro fiscal n'a jamais été attribué."),
	"verification_failed_other":                           T("Verification failed; Stripe's reason says why.", "La vérification a échoué ; le motif de Stripe précise pourquoi."),
	"verification_document_failed_test_mode":              T("The test document was set to fail; use file_identity_document_success.", "Le document de test est prévu pour échouer ; utilisez file_identity_document_success."),
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
		return T("The document was not accepted; upload another.", "Le document n'a pas été accepté ; envoyez-en un autre.").In(lang)
	}
	return T("Stripe could not accept this value.", "Stripe n'a pas pu accepter cette valeur.").In(lang)
}
