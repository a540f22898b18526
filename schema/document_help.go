package schema

// The papers that prove a company differ by country: an American company
// shows an IRS letter, a British one a Companies House certificate. The
// document fields name the right ones for the account's country, so a GB
// operator is never asked for an "IRS SS-4".

// companyProofs name, per country, official papers showing that the
// company exists at its address with its tax id.
var companyProofs = map[string]Text{
	"US": T("an IRS SS-4 confirmation or 147C letter"),
	"GB": T("a Companies House certificate of incorporation or an HMRC letter"),
	"FR": T("a Kbis extract or an INSEE (SIRENE) notice"),
	"DE": T("a Handelsregisterauszug or a letter from the Finanzamt"),
	"IE": T("a CRO certificate of incorporation or a Revenue letter"),
	"CA": T("a certificate of incorporation or a CRA business number letter"),
	"AU": T("an ASIC certificate of registration or an ABN registration notice"),
	"NL": T("a KvK (Chamber of Commerce) extract"),
}

// taxLetters name, per country, the tax authority's letter showing the
// company's name and tax id.
var taxLetters = map[string]Text{
	"US": T("an IRS 147C letter"),
	"GB": T("an HMRC letter with the UTR or VAT number"),
	"FR": T("an INSEE (SIRENE) notice"),
	"DE": T("a letter from the Finanzamt with the Steuernummer"),
	"IE": T("a Revenue letter with the tax reference number"),
	"CA": T("a CRA letter with the business number"),
	"AU": T("an ATO letter or the ABN registration"),
	"NL": T("a Belastingdienst letter"),
}

// companyProofHelp is the help of company.verification.document for a
// country: what to upload, with that country's papers as the example.
func companyProofHelp(country string) Text {
	ex, ok := companyProofs[country]
	if !ok {
		ex = T("a certificate of incorporation or a tax authority letter")
	}
	return Tf("An official document proving the company exists at this address with this tax ID (e.g. %s): a file or a Stripe test file token.", ex)
}

// taxLetterHelp is the help of documents.company_tax_id_verification for
// a country.
func taxLetterHelp(country string) Text {
	ex, ok := taxLetters[country]
	if !ok {
		ex = T("a letter from the tax authority")
	}
	return Tf("A letter from the tax authority showing the company's name and tax ID (e.g. %s).", ex)
}
