package schema

import (
	"strings"
	"testing"
)

// Document help names the papers of the account's country: a GB company
// is never asked for an IRS letter, a US one is.
func TestDocumentHelpPerCountry(t *testing.T) {
	for _, path := range []string{"company.verification.document", "documents.company_tax_id_verification.files"} {
		for _, lang := range Langs {
			if h := Lookup(path, "GB").Help.In(lang); strings.Contains(h, "IRS") || !strings.Contains(h, "HMRC") {
				t.Errorf("%s GB (%s): %q", path, lang, h)
			}
			if h := Lookup(path, "US").Help.In(lang); !strings.Contains(h, "IRS") {
				t.Errorf("%s US (%s): %q", path, lang, h)
			}
			if h := Lookup(path, "FR").Help.In(lang); strings.Contains(h, "IRS") || !strings.Contains(h, "SIRENE") {
				t.Errorf("%s FR (%s): %q", path, lang, h)
			}
		}
	}
	if h := Lookup("company.verification.document", "GB").Help.In(English); !strings.Contains(h, "Companies House") {
		t.Errorf("GB company proof: %q", h)
	}
}
