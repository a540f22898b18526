package schema

import "strings"

// documentTypes are the account's documents[<type>][files] (§1.7), each
// uploaded with purpose account_requirement.
var documentTypes = []struct {
	name        string
	label, help Text
}{
	{"bank_account_ownership_verification", T("Bank account ownership proof", "Justificatif de titularité du compte bancaire"),
		T("A bank statement or voided cheque that shows the holder's name and the account's last 4 digits.",
			"Un relevé ou un chèque annulé qui montre le nom du titulaire et les 4 derniers chiffres du compte.")},
	{"company_license", T("Business licence", "Licence d'exploitation"),
		T("The licence the business needs to operate.", "La licence dont l'entreprise a besoin pour exercer.")},
	{"company_memorandum_of_association", T("Memorandum of association", "Statuts de la société"),
		T("The memorandum or articles of association.", "Les statuts ou l'acte constitutif de la société.")},
	{"company_ministerial_decree", T("Ministerial decree", "Décret ministériel"),
		T("The decree that created the entity (some countries only).", "Le décret qui a créé l'entité (certains pays seulement).")},
	{"company_registration_verification", T("Company registration proof", "Justificatif d'immatriculation"),
		T("An extract from the company register (e.g. Kbis, Handelsregisterauszug).", "Un extrait du registre des sociétés (par ex. Kbis, Handelsregisterauszug).")},
	{"company_tax_id_verification", T("Tax ID proof", "Justificatif du numéro fiscal"), taxLetterHelp("")}, // per country: see document_help.go
	{"proof_of_address", T("Proof of address", "Justificatif d'adresse"),
		T("A recent utility bill or statement showing the business address.", "Une facture ou un relevé récent montrant l'adresse de l'entreprise.")},
	{"proof_of_registration", T("Proof of registration", "Preuve d'enregistrement"),
		T("A registry document listing the company's directors.", "Un document du registre qui liste les administrateurs de la société.")},
	{"proof_of_ultimate_beneficial_ownership", T("Proof of beneficial ownership", "Justificatif des bénéficiaires effectifs"),
		T("A signed document listing the company's ultimate beneficial owners.", "Un document signé listant les bénéficiaires effectifs de la société.")},
}

var documentSpecs = func() map[string]func(string) Field {
	m := map[string]func(string) Field{
		"company.verification.document": func(country string) Field {
			f := documentField("company.verification.document", "additional_verification", 5,
				T("Company verification document", "Document de vérification de la société"), companyProofHelp(country))
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
		Label: label, Help: T(help.EN+" PDF, JPG or PNG under 16 MB; several files separated by commas.",
			help.FR+" PDF, JPG ou PNG de moins de 16 Mo ; plusieurs fichiers séparés par des virgules."),
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

var msgFile = T("Give a file path, a file id (file_…) or a test token such as file_identity_document_success; up to 10, separated by commas.",
	"Indiquez un chemin de fichier, un identifiant (file_…) ou un jeton de test tel que file_identity_document_success ; 10 au maximum, séparés par des virgules.")
