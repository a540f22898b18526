package flows_test

import (
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
)

// Accounts v2 companies outside the US finish too: the company's
// verification document, which v2 asks as
// identity.business_details.documents.primary_verification, is the
// catalog's company.verification.document, asked as a document and sent
// as v2's front_back document. Every company example (FR, GB, DE, IE, AU,
// CA, US) reaches complete on v2 with the sandbox's test document.
func TestCompanyExamplesOnboardOnV2(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "*-company.json"))
	if err != nil || len(files) < 7 {
		t.Fatalf("%d company examples (%v), want 7", len(files), err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			e := withV2(t)
			ans, err := answers.Load(file, answers.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if ans.Setup.Country == "JP" {
				// Not yet: v2 names the kana and kanji variants
				// identity.*.script_names and script_addresses, which
				// neither the v2 encoding nor the sandbox's v2 façade
				// translate; the JP example is checked on v1.
				t.Skip("Japanese kana and kanji have no Accounts v2 translation yet")
			}
			a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: ans.Setup.Country, BusinessType: ans.Setup.BusinessType,
				Capabilities: []string{"card_payments", "transfers"}, API: "v2", Email: "jenny@example.com"})
			if err != nil {
				t.Fatal(flows.Message(err))
			}
			doc := a.Country != "US" && slices.Contains(a.Requirements.EventuallyDue, "company.verification.document")
			rep, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{Upfront: true}, ans, io.Discard)
			if err != nil {
				t.Fatal(flows.Message(err))
			}
			if len(rep.Outstanding) > 0 || len(rep.StillDue) > 0 || len(rep.Missing) > 0 {
				t.Fatalf("outstanding %v, still due %v, missing %v", rep.Outstanding, rep.StillDue, rep.Missing)
			}
			e.advance(t, 5*time.Second) // verification settles
			got, err := e.cl.Load(e.ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if s := flows.State(got); s != flows.StateComplete || got.V2 == nil || len(got.V2.Entries) > 0 {
				t.Fatalf("state %q, entries %+v", s, got.V2)
			}
			if a.Country != "US" && !doc {
				t.Errorf("the v2 entry for the company document was not read as company.verification.document: %v", a.Requirements.EventuallyDue)
			}
		})
	}
}
