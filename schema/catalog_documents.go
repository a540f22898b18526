package schema

import "strings"

// documentTypes are the account's documents[<type>][files] (§1.7), each
// uploaded with purpose account_requirement.
var documentTypes = []struct {
	name        string
	label, help Text
}{
	{"bank_account_ownership_verification", T("Bank account ownership proof"),
		T("A bank statement or voided cheque that shows the holder's name and the account's last 4 digits.")},
	{"company_license", T("Business licence"),
		T("The licence the business needs to operate.")},
	{"company_memorandum_of_association", T("Memorandum of association"),
		T("The memorandum or articles of association.")},
	{"company_ministerial_decree", T("Ministerial decree"),
		T("The decree that created the entity (some countries only).")},
	{"company_registration_verification", T("Company registration proof"),
		T("An extract from the company register (e.g. Kbis, Handelsregisterauszug).")},
	{"company_tax_id_verification", T("Tax ID proof"), taxLetterHelp("")}, // per country: see document_help.go
	{"proof_of_address", T("Proof of address"),
		T("A recent utility bill or statement showing the business address.")},
	{"proof_of_registration", T("Proof of registration"),
		T("A registry document listing the company's directors.")},
	{"proof_of_ultimate_beneficial_ownership", T("Proof of beneficial ownership"),
		T("A signed document listing the company's ultimate beneficial owners.")},
}

var documentSpecs = func() map[string]func(string) Field {
	m := map[string]func(string) Field{
		"company.verification.document": func(country string) Field {
			f := documentField("company.verification.document", "additional_verification", 5,
				T("Company verification document"), companyProofHelp(country))
			f.Covers = []string{"company.verification.document", "company.verification.document.front", "company.verification.document.back"}
			return f
		},
	}
	for i, d := range documentTypes {
		d, order := d, 40+i
		path := "documents." + d.name + ".files"
		m[path] = func(country string) Field {
			help := d.help
			if d.name == "company_tax_id_verification" {
				help = taxLetterHelp(country) // the tax authority's name differs by country
			}
			return filesField(path, order, d.label, help)
		}
	}
	return m
}()

// filesField is documents.<type>.files: one or more files (paths to upload,
// file ids or Stripe test tokens, separated by commas), purpose
// account_requirement, sent as path[0], path[1], ...
func filesField(path string, order int, label, help Text) Field {
	return Field{Group: GroupDocuments, Order: order, Kind: KindFile, Sensitive: true,
		Label: label, Help: Tf("%s PDF, JPG or PNG under 16 MB; several files separated by commas.", help),
		Placeholder: "file_identity_document_success",
		check:       checkFiles,
		encode: func(v string, _ Context) []Param {
			var ps []Param
			for i, f := range splitList(v) {
				ps = append(ps, Param{Target: TargetFile, Key: Brackets(path) + "[" + itoa(i) + "]", Value: f, Purpose: "account_requirement"})
			}
			return ps
		}}
}

// checkFiles accepts file ids, test tokens and paths: anything without
// control characters, at most ten, each under 4096 bytes.
func checkFiles(v string, c Context) error {
	items := splitList(v)
	bad := len(items) == 0 || len(items) > 10
	for _, it := range items {
		if len(it) > 4096 || strings.IndexFunc(it, func(r rune) bool { return r < ' ' || r == 0x7f }) >= 0 {
			bad = true
		}
	}
	if bad {
		return fail(c.Lang, msgFile)
	}
	return nil
}

var msgFile = T("Give a file path, a file id (file_…) or a test token such as file_identity_document_success; up to 10, separated by commas.")
