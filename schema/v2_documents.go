package schema

import (
	"slices"
	"strings"
)

// Documents in Accounts v2. v1 names a document slot by its parameter
// (company.verification.document, documents[<type>][files][i], a
// person's documents[passport][files][i]); v2 keeps them all under
// documents objects with a type: front_back for verification documents,
// files for the rest (stripe-go v84's
// V2CoreAccountIdentityBusinessDetailsDocuments and
// V2CoreAccountPersonDocuments). This file is that translation and the
// upload purpose each side asks for.

// v2PersonFileDocuments are a person's files documents in v2 (stripe-go
// v84's V2CoreAccountPersonDocuments): the same names as v1's person
// documents[<type>] (Stripe's OpenAPI spec, person_documents_specs).
var v2PersonFileDocuments = []string{"company_authorization", "passport", "visa"}

// isBusinessDocument reports whether name is one of the account's
// documents[<type>] (catalog_documents.go), every one of which is a files
// document of the same name under identity.business_details.documents in
// v2 (stripe-go v84, V2CoreAccountIdentityBusinessDetailsDocuments).
func isBusinessDocument(name string) bool {
	for _, d := range documentTypes {
		if d.name == name {
			return true
		}
	}
	return false
}

// FrontBackPurpose is the Files API purpose of an upload for a side of
// an Accounts v2 front_back document whose v1 purpose is purpose. v1
// asks additional_verification for the sides of
// company.verification.document (stripe-ruby's
// AccountCreateParams::Company::Verification::Document: "a file upload
// with a purpose value of additional_verification") and identity_document
// for a person's verification documents. Accounts v2 sends the company's
// as a front_back document, primary_verification, whose reference says
// "The purpose of the uploaded file should be 'identity_document'"
// (stripe-go v84,
// V2CoreAccountIdentityBusinessDetailsDocumentsPrimaryVerificationFrontBack;
// the person FrontBack types say the same). Files documents
// (documents.<type>.files) are account_requirement in both. Which API an
// account speaks is not schema's to know: the account's dialect
// (flows.Dialect.UploadPurpose) calls this for v2 only.
func FrontBackPurpose(purpose string) string {
	if purpose == "additional_verification" {
		return "identity_document"
	}
	return purpose
}

// putFilesDocument appends file to the v2 files document name under base
// ({type: files, files: [...]}); files keep the order v1 numbered them in.
func putFilesDocument(body map[string]any, base, name, file string) {
	doc := subMap(body, base+"."+name)
	doc["type"] = "files"
	list, _ := doc["files"].([]any)
	doc["files"] = append(list, file)
}

// v1DocumentPath maps a v2 documents description (the part after
// "documents.", e.g. proof_of_registration or passport) to the v1
// requirement path under v1base ("" for the account, "individual." for
// the individual), and reports whether it knows it. person says the
// documents are a person's (or the individual's), not the business's.
func v1DocumentPath(rest, v1base string, person bool) (string, bool) {
	slot, _, _ := strings.Cut(rest, ".")
	switch {
	case person && slot == "primary_verification":
		return v1base + "verification.document", true
	case person && slot == "secondary_verification":
		return v1base + "verification.additional_document", true
	case person && slices.Contains(v2PersonFileDocuments, slot):
		return v1base + "documents." + slot + ".files", true
	case !person && slot == "primary_verification":
		return "company.verification.document", true
	case !person && isBusinessDocument(slot):
		return "documents." + slot + ".files", true
	}
	return "", false
}
