package schema

import "strings"

// errorTexts explain requirements.errors codes in the operator's language
// (every code of Stripe's spec, account_requirements_error.code). Stripe's own reason is shown next to
// it, verbatim.
var errorTexts = map[string]Text{
	"information_missing":       T("Something is missing; Stripe's reason says what.", "Il manque une information ; le motif de Stripe précise laquelle."),
	"invalid_value_other":       T("The value was refused; enter it again.", "La valeur a été refusée ; saisissez-la de nouveau."),
	"external_request":          T("An outside request raised a problem; Stripe's reason says which.", "Une demande externe a soulevé un problème ; le motif de Stripe précise lequel."),
	"unsupported_business_type": T("This business type or structure is not supported here; choose another.", "Ce type ou cette structure d'entreprise n'est pas pris en charge ici ; choisissez-en un autre."),
	"verification_data_not_found": T("No registry record matches these details; check the legal name and tax ID.",
		"Aucun enregistrement du registre ne correspond ; vérifiez la raison sociale et le numéro fiscal."),
	"invalid_address_city_state_postal_code":                      T("City, state and postal code do not match each other.", "La ville, l'État et le code postal ne correspondent pas entre eux."),
	"invalid_address_highway_contract_box":                        T("Highway contract box addresses are not accepted; give a street address.", "Les adresses de type « highway contract box » ne sont pas acceptées ; indiquez une adresse postale."),
	"invalid_address_private_mailbox":                             T("Private mailbox addresses are not accepted; give a street address.", "Les boîtes aux lettres privées ne sont pas acceptées ; indiquez une adresse postale."),
	"invalid_street_address":                                      T("The street name or number is not valid.", "Le nom ou le numéro de rue n'est pas valide."),
	"invalid_business_profile_name":                               T("The public business name is unclear or too generic; give the name customers know.", "Le nom commercial est flou ou trop générique ; indiquez le nom que connaissent les clients."),
	"invalid_business_profile_name_denylisted":                    T("The public business name is not allowed; give another.", "Le nom commercial n'est pas autorisé ; indiquez-en un autre."),
	"invalid_company_name_denylisted":                             T("The legal company name is not allowed; check it.", "La raison sociale n'est pas autorisée ; vérifiez-la."),
	"invalid_dob_age_under_18":                                    T("The person is under 18.", "La personne a moins de 18 ans."),
	"invalid_dob_age_under_minimum":                               T("The person is under the minimum age.", "La personne n'a pas l'âge minimum."),
	"invalid_dob_age_over_maximum":                                T("The date of birth is not plausible.", "La date de naissance n'est pas plausible."),
	"invalid_product_description_length":                          T("The product description is too short or too long.", "La description des produits est trop courte ou trop longue."),
	"invalid_product_description_url_match":                       T("The product description only repeats the website; describe the products.", "La description des produits ne fait que répéter le site ; décrivez les produits."),
	"invalid_representative_country":                              T("The representative's country is not allowed for this account.", "Le pays du représentant n'est pas autorisé pour ce compte."),
	"invalid_signator":                                            T("The signer of the document could not be verified.", "Le signataire du document n'a pas pu être vérifié."),
	"invalid_statement_descriptor_business_mismatch":              T("The statement descriptor does not resemble the business name.", "Le libellé de relevé ne ressemble pas au nom de l'entreprise."),
	"invalid_statement_descriptor_denylisted":                     T("The statement descriptor is not allowed or too generic.", "Le libellé de relevé n'est pas autorisé ou est trop générique."),
	"invalid_statement_descriptor_length":                         T("The statement descriptor must have 5 to 22 characters.", "Le libellé de relevé doit compter de 5 à 22 caractères."),
	"invalid_statement_descriptor_prefix_denylisted":              T("The statement descriptor prefix is not allowed.", "Le préfixe du libellé de relevé n'est pas autorisé."),
	"invalid_statement_descriptor_prefix_mismatch":                T("The statement descriptor prefix does not match the business.", "Le préfixe du libellé ne correspond pas à l'entreprise."),
	"invalid_tax_id":                                              T("The tax ID is not valid.", "Le numéro fiscal n'est pas valide."),
	"invalid_tax_id_format":                                       T("The tax ID has the wrong format.", "Le numéro fiscal n'a pas le bon format."),
	"invalid_tos_acceptance":                                      T("The terms acceptance is invalid; accept again.", "L'acceptation des conditions est invalide ; acceptez de nouveau."),
	"invalid_url_denylisted":                                      T("This website is on a deny list; give another one.", "Ce site est sur une liste d'exclusion ; indiquez-en un autre."),
	"invalid_url_format":                                          T("The website address is malformed.", "L'adresse du site est mal formée."),
	"invalid_url_length":                                          T("The website address is too long.", "L'adresse du site est trop longue."),
	"invalid_url_web_presence_detected":                           T("A website exists for this business; give its address.", "Un site existe pour cette entreprise ; indiquez son adresse."),
	"invalid_url_website_business_information_mismatch":           T("The website does not match the business details.", "Le site ne correspond pas aux informations de l'entreprise."),
	"invalid_url_website_empty":                                   T("The website has no content.", "Le site n'a pas de contenu."),
	"invalid_url_website_inaccessible":                            T("Stripe could not reach the website.", "Stripe n'a pas pu accéder au site."),
	"invalid_url_website_inaccessible_geoblocked":                 T("The website blocks Stripe's region.", "Le site bloque la région de Stripe."),
	"invalid_url_website_inaccessible_password_protected":         T("The website is behind a password.", "Le site est protégé par un mot de passe."),
	"invalid_url_website_incomplete":                              T("The website is incomplete.", "Le site est incomplet."),
	"invalid_url_website_incomplete_cancellation_policy":          T("The website shows no cancellation policy.", "Le site n'affiche pas de conditions d'annulation."),
	"invalid_url_website_incomplete_customer_service_details":     T("The website shows no customer service contact.", "Le site n'affiche pas de contact pour le service client."),
	"invalid_url_website_incomplete_legal_restrictions":           T("The website shows no legal, age or region restrictions.", "Le site n'affiche pas les restrictions légales, d'âge ou de région."),
	"invalid_url_website_incomplete_refund_policy":                T("The website shows no refund policy.", "Le site n'affiche pas de politique de remboursement."),
	"invalid_url_website_incomplete_return_policy":                T("The website shows no return policy.", "Le site n'affiche pas de politique de retour."),
	"invalid_url_website_incomplete_terms_and_conditions":         T("The website shows no terms and conditions.", "Le site n'affiche pas de conditions générales."),
	"invalid_url_website_incomplete_under_construction":           T("The website is under construction.", "Le site est en construction."),
	"invalid_url_website_other":                                   T("Stripe found a problem with the website.", "Stripe a relevé un problème avec le site."),
	"verification_directors_mismatch":                             T("The directors given do not match the company register.", "Les administrateurs indiqués ne correspondent pas au registre."),
	"verification_extraneous_directors":                           T("Some directors given are not in the company register; remove or correct them.", "Certains administrateurs indiqués ne figurent pas au registre ; retirez-les ou corrigez-les."),
	"verification_missing_directors":                              T("The register lists directors that are missing; add them.", "Le registre liste des administrateurs manquants ; ajoutez-les."),
	"verification_missing_executives":                             T("Executives are missing; add them.", "Des dirigeants manquent ; ajoutez-les."),
	"verification_missing_owners":                                 T("Owners are missing; add them.", "Des propriétaires manquent ; ajoutez-les."),
	"verification_legal_entity_structure_mismatch":                T("The company structure differs from the register.", "La structure juridique diffère de celle du registre."),
	"verification_rejected_ownership_exemption_reason":            T("The ownership exemption was refused; add the owners.", "L'exemption de déclaration a été refusée ; ajoutez les propriétaires."),
	"verification_requires_additional_memorandum_of_associations": T("Another memorandum of association is needed.", "Un autre exemplaire des statuts est nécessaire."),
	"verification_requires_additional_proof_of_registration":      T("Another proof of registration is needed.", "Une autre preuve d'enregistrement est nécessaire."),
	"verification_supportability":                                 T("Stripe is reviewing whether it can support this business; the account holder answers through an account link.", "Stripe examine s'il peut accepter cette activité ; le titulaire répond via un lien de compte."),
	"verification_failed_address_match":                           T("The address could not be matched to the person or company.", "L'adresse n'a pas pu être rattachée à la personne ou à la société."),
	"verification_failed_authorizer_authority":                    T("The authorizer's authority could not be verified.", "Le pouvoir de la personne habilitée n'a pas pu être vérifié."),
	"verification_failed_representative_authority":                T("The representative's authority could not be verified; add an authorizer or an authorization document.", "Le pouvoir du représentant n'a pas pu être vérifié ; ajoutez une personne habilitée ou un document d'autorisation."),
	"verification_failed_business_iec_number":                     T("The Indian export (IEC) number could not be verified.", "Le numéro d'exportation indien (IEC) n'a pas pu être vérifié."),
	"verification_failed_document_match":                          T("The document does not match the details typed in.", "Le document ne correspond pas aux informations saisies."),
	"verification_failed_id_number_match":                         T("The ID number does not match the name and date of birth.", "Le numéro d'identification ne correspond pas au nom et à la date de naissance."),
	"verification_failed_keyed_identity":                          T("Name, date of birth, address or ID could not be verified; check them.", "Le nom, la date de naissance, l'adresse ou la pièce n'ont pas pu être vérifiés ; contrôlez-les."),
	"verification_failed_keyed_match":                             T("The company details (name, tax ID) could not be matched.", "Les informations de la société (nom, numéro fiscal) n'ont pas pu être rapprochées."),
	"verification_failed_name_match":                              T("The name does not match official records.", "Le nom ne correspond pas aux registres officiels."),
	"verification_failed_residential_address":                     T("The address is not residential (PO box or business address).", "L'adresse n'est pas résidentielle (boîte postale ou adresse professionnelle)."),
	"verification_failed_tax_id_match":                            T("The tax ID and legal name do not match.", "Le numéro fiscal et la raison sociale ne correspondent pas."),
	"verification_failed_tax_id_not_issued":                       T("This tax ID was never issued.", "Ce numéro fiscal n'a jamais été attribué."),
	"verification_failed_other":                                   T("Verification failed; Stripe's reason says why.", "La vérification a échoué ; le motif de Stripe précise pourquoi."),
	"verification_document_address_mismatch":                      T("The address on the document differs from the address given.", "L'adresse du document diffère de l'adresse indiquée."),
	"verification_document_address_missing":                       T("The document shows no address; upload another.", "Le document n'indique pas d'adresse ; envoyez-en un autre."),
	"verification_document_corrupt":                               T("The file could not be read; upload it again.", "Le fichier est illisible ; envoyez-le de nouveau."),
	"verification_document_country_not_supported":                 T("Documents from this country are not accepted; upload another.", "Les documents de ce pays ne sont pas acceptés ; envoyez-en un autre."),
	"verification_document_directors_mismatch":                    T("The company document lists other directors.", "Le document de la société liste d'autres administrateurs."),
	"verification_document_dob_mismatch":                          T("The date of birth on the document differs from the one given.", "La date de naissance du document diffère de celle indiquée."),
	"verification_document_duplicate_type":                        T("The same document was used twice; give a different second document.", "Le même document a servi deux fois ; fournissez un second document différent."),
	"verification_document_expired":                               T("The document has expired; upload a valid one.", "Le document a expiré ; envoyez-en un en cours de validité."),
	"verification_document_failed_copy":                           T("This is a photo of a copy or a screen; photograph the original.", "C'est la photo d'une copie ou d'un écran ; photographiez l'original."),
	"verification_document_failed_greyscale":                      T("The image is in greyscale; upload a colour image.", "L'image est en niveaux de gris ; envoyez une image en couleur."),
	"verification_document_failed_other":                          T("The document was not accepted; upload another.", "Le document n'a pas été accepté ; envoyez-en un autre."),
	"verification_document_failed_test_mode":                      T("The test document was set to fail; use file_identity_document_success.", "Le document de test est prévu pour échouer ; utilisez file_identity_document_success."),
	"verification_document_fraudulent":                            T("The document is suspected to be fraudulent; contact Stripe rather than retrying.", "Le document est soupçonné d'être frauduleux ; contactez Stripe plutôt que de réessayer."),
	"verification_document_id_number_mismatch":                    T("The ID number on the document differs from the one given.", "Le numéro du document diffère de celui indiqué."),
	"verification_document_id_number_missing":                     T("The document shows no ID number; upload another.", "Le document n'indique pas de numéro ; envoyez-en un autre."),
	"verification_document_incomplete":                            T("The document is cropped or partial; show all of it.", "Le document est rogné ou partiel ; montrez-le en entier."),
	"verification_document_invalid":                               T("This is not an accepted type of document.", "Ce type de document n'est pas accepté."),
	"verification_document_issue_or_expiry_date_missing":          T("The document shows no issue or expiry date; upload another.", "Le document n'indique pas de date d'émission ou d'expiration ; envoyez-en un autre."),
	"verification_document_manipulated":                           T("The document appears altered; contact Stripe rather than retrying.", "Le document semble modifié ; contactez Stripe plutôt que de réessayer."),
	"verification_document_missing_back":                          T("The back of the document is missing; upload both sides.", "Le verso du document manque ; envoyez les deux faces."),
	"verification_document_missing_front":                         T("The front of the document is missing; upload it.", "Le recto du document manque ; envoyez-le."),
	"verification_document_name_mismatch":                         T("The name on the document differs from the name given.", "Le nom du document diffère du nom indiqué."),
	"verification_document_name_missing":                          T("The document shows no name; upload another.", "Le document n'indique pas de nom ; envoyez-en un autre."),
	"verification_document_nationality_mismatch":                  T("The nationality on the document differs from the one given.", "La nationalité du document diffère de celle indiquée."),
	"verification_document_not_readable":                          T("The document is blurry or has glare; upload a clearer image.", "Le document est flou ou a des reflets ; envoyez une image plus nette."),
	"verification_document_not_signed":                            T("The document must be signed; upload a signed copy.", "Le document doit être signé ; envoyez un exemplaire signé."),
	"verification_document_not_uploaded":                          T("The document was not uploaded; upload it again.", "Le document n'a pas été envoyé ; envoyez-le de nouveau."),
	"verification_document_photo_mismatch":                        T("The photo on the document does not match; upload another document.", "La photo du document ne correspond pas ; envoyez un autre document."),
	"verification_document_too_large":                             T("The file is too large: under 10 MB and 8000×8000 pixels.", "Le fichier est trop volumineux : moins de 10 Mo et de 8000×8000 pixels."),
	"verification_document_type_not_supported":                    T("This document type is not supported; upload an accepted type.", "Ce type de document n'est pas pris en charge ; envoyez un type accepté."),
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

var msgUnknownError = T("Stripe could not accept this value.", "Stripe n'a pas pu accepter cette valeur.")

// ErrorCodes lists every requirements.errors code the catalog explains.
func ErrorCodes() []string {
	out := make([]string, 0, len(errorTexts))
	for c := range errorTexts {
		out = append(out, c)
	}
	return out
}
