package schema

// The papers that prove a company differ by country: an American company
// shows an IRS letter, a British one a Companies House certificate. The
// document fields name the right ones for the account's country, so a GB
// operator is never asked for an "IRS SS-4".

// companyProofs name, per country, official papers showing that the
// company exists at its address with its tax id.
var companyProofs = map[string]Text{
	"US": T("an IRS SS-4 confirmation or 147C letter", "une lettre de confirmation SS-4 ou 147C de l'IRS"),
	"GB": T("a Companies House certificate of incorporation or an HMRC letter", "un certificat d'immatriculation de Companies House ou un courrier du HMRC"),
	"FR": T("a Kbis extract or an INSEE (SIRENE) notice", "un extrait Kbis ou un avis de situation SIRENE de l'INSEE"),
	"DE": T("a Handelsregisterauszug or a letter from the Finanzamt", "un Handelsregisterauszug ou un courrier du Finanzamt"),
	"IE": T("a CRO certificate of incorporation or a Revenue letter", "un certificat d'immatriculation du CRO ou un courrier des Revenue"),
	"CA": T("a certificate of incorporation or a CRA business number letter", "un certificat de constitution ou une lettre de l'ARC sur le numéro d'entreprise"),
	"AU": T("an ASIC certificate of registration or an ABN registration notice", "un certificat d'enregistrement de l'ASIC ou une attestation d'ABN"),
	"NL": T("a KvK (Chamber of Commerce) extract", "un extrait du registre de la KvK"),
}

// taxLetters name, per country, the tax authority's letter showing the
// company's name and tax id.
var taxLetters = map[string]Text{
	"US": T("an IRS 147C letter", "une lettre 147C de l'IRS"),
	"GB": T("an HMRC letter with the UTR or VAT number", "un courrier du HMRC avec l'UTR ou le numéro de TVA"),
	"FR": T("an INSEE (SIRENE) notice", "un avis de situation SIRENE de l'INSEE"),
	"DE": T("a letter from the Finanzamt with the Steuernummer", "un courrier du Finanzamt avec le Steuernummer"),
	"IE": T("a Revenue letter with the tax reference number", "un courrier des Revenue avec le numéro fiscal"),
	"CA": T("a CRA letter with the business number", "une lettre de l'ARC avec le numéro d'entreprise"),
	"AU": T("an ATO letter or the ABN registration", "un courrier de l'ATO ou l'attestation d'ABN"),
	"NL": T("a Belastingdienst letter", "un courrier de la Belastingdienst"),
}

// companyProofHelp is the help of company.verification.document for a
// country: what to upload, with that country's papers as the example.
func companyProofHelp(country string) Text {
	ex, ok := companyProofs[country]
	if !ok {
		ex = T("a certificate of incorporation or a tax authority letter", "un certificat de constitution ou un courrier de l'administration fiscale")
	}
	return T("An official document proving the company exists at this address with this tax ID (e.g. "+ex.EN+"): a file or a Stripe test file token.",
		"Un document officiel prouvant que la société existe à cette adresse avec ce numéro fiscal (par ex. "+ex.FR+") : un fichier ou un jeton de fichier de test Stripe.")
}

// taxLetterHelp is the help of documents.company_tax_id_verification for
// a country.
func taxLetterHelp(country string) Text {
	ex, ok := taxLetters[country]
	if !ok {
		ex = T("a letter from the tax authority", "un courrier de l'administration fiscale")
	}
	return T("A letter from the tax authority showing the company's name and tax ID (e.g. "+ex.EN+").",
		"Une lettre de l'administration fiscale montrant le nom et le numéro fiscal de la société (par ex. "+ex.FR+").")
}
