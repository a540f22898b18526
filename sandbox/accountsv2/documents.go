package accountsv2

import (
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"onboard/sandbox/ids"
)

// Documents in Accounts v2 (stripe-go v84's
// V2CoreAccountIdentityBusinessDetailsDocuments and
// V2CoreAccountPersonDocuments): verification documents are
// {type: front_back, front_back: {front, back}}, every other document is
// {type: files, files: [...]}. Each has a v1 counterpart the engine
// already serves: company.verification.document and a person's
// verification.document / additional_document for the front_back ones,
// the account's documents[<type>][files][i] and a person's
// documents[<type>][files][i] for the files ones (Stripe's OpenAPI spec,
// documents_specs_update and person_documents_specs).

// businessFileDocuments are the business's files documents: the same
// names in v2 and in v1's documents[<type>].
var businessFileDocuments = []string{
	"bank_account_ownership_verification", "company_license", "company_memorandum_of_association",
	"company_ministerial_decree", "company_registration_verification", "company_tax_id_verification",
	"proof_of_address", "proof_of_registration", "proof_of_ultimate_beneficial_ownership",
}

// personFileDocuments are a person's files documents, the same names in
// v2 and in v1's person documents[<type>].
var personFileDocuments = []string{"company_authorization", "passport", "visa"}

// slotError refuses a documents slot the façade cannot translate, naming
// the slot and, for an unknown one, the slots there are.
func slotError(at, slot string, known []string) error {
	return unknownField{at + "." + slot + " (documents here are " + strings.Join(known, ", ") + ")"}
}

// filesToV1 writes a {type: files, files: [...]} document as v1's
// <base>[files][i], refusing another type or a files value that is not a
// list of ids.
func filesToV1(f form, base, at string, v any) error {
	d, _ := v.(map[string]any)
	if t, ok := d["type"]; ok && t != "files" {
		return invalidValue{at + ".type", "this document's type is files"}
	}
	for k := range d {
		if k != "type" && k != "files" {
			return unknownField{at + "." + k}
		}
	}
	list, ok := d["files"].([]any)
	if !ok {
		return unknownField{at + ".files (a list of file ids)"}
	}
	for i, it := range list {
		s, ok := it.(string)
		if !ok {
			return unknownField{at + ".files[" + strconv.Itoa(i) + "] (a file id)"}
		}
		f[base+"[files]["+strconv.Itoa(i)+"]"] = s
	}
	return nil
}

// frontBackToV1 writes a {type: front_back, front_back: {front, back}}
// document's sides as v1's <base>[front] and <base>[back].
func frontBackToV1(f form, base, at string, v any) error {
	d, _ := v.(map[string]any)
	if t, ok := d["type"]; ok && t != "front_back" {
		return invalidValue{at + ".type", "this document's type is front_back"}
	}
	fb, _ := d["front_back"].(map[string]any)
	for side, sv := range fb {
		if side != "front" && side != "back" {
			return unknownField{at + ".front_back." + side}
		}
		f[base+"["+side+"]"], _ = sv.(string)
	}
	return nil
}

// businessDocumentsToV1 translates identity.business_details.documents.
func businessDocumentsToV1(f form, docs map[string]any) error {
	const at = "identity.business_details.documents"
	for slot, dv := range docs {
		switch {
		case slot == "primary_verification":
			if err := frontBackToV1(f, "company[verification][document]", at+"."+slot, dv); err != nil {
				return err
			}
		case slices.Contains(businessFileDocuments, slot):
			if err := filesToV1(f, "documents["+slot+"]", at+"."+slot, dv); err != nil {
				return err
			}
		default:
			return slotError(at, slot, append([]string{"primary_verification"}, businessFileDocuments...))
		}
	}
	return nil
}

// personDocumentsToV1 translates a person's documents; key builds the v1
// parameter under the person's prefix. For the individual of an
// individual account (key's prefix "individual") the files documents come
// out as individual[documents][…], which v1's individual hash does not
// take: individualDocuments moves them to the individual's person.
func personDocumentsToV1(f form, key func(...string) string, docs map[string]any, at string) error {
	for slot, dv := range docs {
		switch {
		case slot == "primary_verification" || slot == "secondary_verification":
			kind := "document"
			if slot == "secondary_verification" {
				kind = "additional_document"
			}
			if err := frontBackToV1(f, key("verification", kind), at+".documents."+slot, dv); err != nil {
				return err
			}
		case slices.Contains(personFileDocuments, slot):
			if err := filesToV1(f, key("documents", slot), at+".documents."+slot, dv); err != nil {
				return err
			}
		default:
			return slotError(at+".documents", slot, append([]string{"primary_verification", "secondary_verification"}, personFileDocuments...))
		}
	}
	return nil
}

// individualDocuments takes the individual's files documents out of an
// account form, as parameters of the individual's person: v1 takes them
// on /v1/accounts/{id}/persons/{person} only (Stripe's OpenAPI spec has
// no documents in the account's individual hash, and person_documents_specs
// on persons), where v2 takes them in identity.individual.documents.
func individualDocuments(f form) form {
	pf := form{}
	for k, v := range f {
		if rest, ok := strings.CutPrefix(k, "individual[documents]"); ok {
			pf["documents"+rest] = v
			delete(f, k)
		}
	}
	return pf
}

// sendIndividualDocuments writes pf (from individualDocuments) on the
// individual's person of acct, a v1 account as its last step answered
// it, and reads the account back into acct.
func (c *call) sendIndividualDocuments(acct *map[string]any, pf form) error {
	if len(pf) == 0 {
		return nil
	}
	ind, _ := (*acct)["individual"].(map[string]any)
	pid, _ := ind["id"].(string)
	id, _ := (*acct)["id"].(string)
	if pid == "" {
		return invalidFields("identity.individual.documents needs an account whose entity_type is individual.", "identity.individual.documents")
	}
	country, _ := (*acct)["country"].(string)
	if status, e := c.v1(http.MethodPost, "/v1/accounts/"+id+"/persons/"+pid, pf, nil); e != nil {
		return fromV1(status, e, country)
	}
	if status, e := c.v1(http.MethodGet, "/v1/accounts/"+id, nil, acct); e != nil {
		return fromV1(status, e, country)
	}
	return nil
}

// frontBackSides lists the front_back document sides a translated form
// carries, as v1 parameter → the v2 field it came from.
func frontBackSides(f form) map[string]string {
	out := map[string]string{}
	for k := range f {
		parts := strings.FieldsFunc(k, func(r rune) bool { return r == '[' || r == ']' })
		n := len(parts)
		if n < 3 || (parts[n-1] != "front" && parts[n-1] != "back") {
			continue
		}
		slot := ""
		switch parts[n-2] {
		case "document":
			slot = "primary_verification"
		case "additional_document":
			slot = "secondary_verification"
		default:
			continue
		}
		switch {
		case n == 4 && parts[0] == "company" && parts[1] == "verification":
			out[k] = "identity.business_details.documents." + slot + ".front_back." + parts[n-1]
		case n == 4 && parts[0] == "individual" && parts[1] == "verification":
			out[k] = "identity.individual.documents." + slot + ".front_back." + parts[n-1]
		case n == 3 && parts[0] == "verification":
			out[k] = "documents." + slot + ".front_back." + parts[n-1]
		}
	}
	return out
}

// checkPurposes refuses a front_back document side that names a file
// uploaded (through /v1/files) with a purpose other than
// identityPurpose, with an invalid_fields error naming the v2 field.
// Stripe's test tokens (file_identity_document_success…) are no uploads
// and pass; an id that names no file is left to the v1 step, which says
// so.
func (c *call) checkPurposes(f form) error {
	sides := frontBackSides(f)
	keys := make([]string, 0, len(sides))
	for k := range sides {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		id := f[k]
		if !strings.HasPrefix(id, "file_") || !ids.Valid(id) {
			continue
		}
		var file struct {
			Purpose string `json:"purpose"`
		}
		if status, e := c.v1(http.MethodGet, "/v1/files/"+id, nil, &file); e != nil || status != http.StatusOK {
			continue
		}
		if file.Purpose != identityPurpose {
			return invalidFields("The file "+id+" given for "+sides[k]+" was uploaded with purpose "+file.Purpose+
				"; a verification document's sides are files uploaded with purpose "+identityPurpose+".", sides[k])
		}
	}
	return nil
}
