package flows_test

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/stripeapi/stripetest"
	"onboard/sandbox"
)

// exampleAnswers reads an example answers file as a map, for a test to
// change before parsing it.
func exampleAnswers(t *testing.T, name string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// writePNG writes a small PNG on disk, a real file to upload.
func writePNG(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte("\x89PNG\r\n\x1a\n0000"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// uploadedPurposes lists the purpose of every file uploaded to the
// sandbox, read back through its Files API.
func uploadedPurposes(t *testing.T, sb *sandbox.Sandbox) map[string]string {
	t.Helper()
	sc, _ := stripetest.Client("sk_test_files", sandbox.APIBase, sb.Transport())
	out, err := stripetest.Files(t.Context(), sc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// withV2Files is withV2 with uploads on the sandbox transport's files
// host, as stripe-go sends them to Stripe's.
func withV2Files(t *testing.T) env {
	t.Helper()
	e := withV2(t)
	sc, v2 := stripetest.ClientWithFiles("sk_test_v2", sandbox.APIBase, sandbox.FilesBase, e.sb.Transport())
	e.cl = flows.New(sc, flows.WithClock(func() time.Time { return epoch }),
		flows.WithAcceptance("203.0.113.9", "onboard-test"), flows.WithV2(v2))
	return e
}

// runToComplete creates an account of api for ans and runs the answers
// until the account completes: a document Stripe asks only once a check
// has run (bank ownership) is asked by the next run, as when the user
// resumes. It returns the answers every run left unused.
func runToComplete(t *testing.T, e env, ans answers.Answers, api string) []string {
	t.Helper()
	a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: ans.Setup.Country, BusinessType: ans.Setup.BusinessType,
		Capabilities: []string{"card_payments", "transfers"}, API: api, Email: "jenny@example.com"})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	var unused []string
	for run := 0; run < 3; run++ {
		rep, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{Upfront: true}, ans, io.Discard)
		if err != nil {
			t.Fatal(flows.Message(err))
		}
		if len(rep.Outstanding) > 0 || len(rep.StillDue) > 0 || len(rep.Missing) > 0 {
			t.Fatalf("run %d: outstanding %v, still due %v, missing %v", run, rep.Outstanding, rep.StillDue, rep.Missing)
		}
		if run == 0 {
			unused = rep.Unused
		} else {
			unused = slices.DeleteFunc(unused, func(k string) bool { return !slices.Contains(rep.Unused, k) })
		}
		e.advance(t, 5*time.Second) // verification settles
		if a, err = e.cl.Load(e.ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if flows.State(a) == flows.StateComplete {
			if api == "v2" && (a.V2 == nil || len(a.V2.Entries) > 0) {
				t.Fatalf("v2 entries left: %+v", a.V2)
			}
			return unused
		}
	}
	t.Fatalf("state %q, due %v", flows.State(a), a.Requirements.EventuallyDue)
	return nil
}

// A v2 US company whose bank account needs proof of ownership (test
// number 000999999992) is asked
// identity.business_details.documents.bank_account_ownership_verification,
// read as v1's documents.bank_account_ownership_verification.files; a PNG
// from disk is uploaded as account_requirement, sent in v2's
// {type: files, files} shape, and the account completes.
func TestV2CompanyBankOwnershipDocument(t *testing.T) {
	e := withV2Files(t)
	m := exampleAnswers(t, "us-company.json")
	m["external_account"].(map[string]any)["account_number"] = "000999999992"
	const key = "documents.bank_account_ownership_verification.files"
	m[key] = writePNG(t, "statement.png")
	ans, err := answers.Parse(m)
	if err != nil {
		t.Fatal(err)
	}
	if unused := runToComplete(t, e, ans, "v2"); slices.Contains(unused, key) {
		t.Fatalf("%s was never asked (unused answers %v)", key, unused)
	}
	if got := uploadedPurposes(t, e.sb)["statement.png"]; got != "account_requirement" {
		t.Errorf("the bank statement was uploaded with purpose %q, want account_requirement", got)
	}
}

// The company's verification document uploads with the purpose its API
// gives: additional_verification on v1 (company.verification.document),
// identity_document on v2 (primary_verification's front_back, stripe-go
// v84). The sandbox's v2 façade refuses a v1-purpose upload there, so a
// client that kept v1's purpose does not complete.
func TestCompanyDocumentPurposePerAPI(t *testing.T) {
	for api, want := range map[string]string{"v1": "additional_verification", "v2": "identity_document"} {
		t.Run(api, func(t *testing.T) {
			e := withV2Files(t)
			m := exampleAnswers(t, "fr-company.json")
			m["company.verification.document"] = writePNG(t, "kbis.png")
			ans, err := answers.Parse(m)
			if err != nil {
				t.Fatal(err)
			}
			runToComplete(t, e, ans, api)
			if got := uploadedPurposes(t, e.sb)["kbis.png"]; got != want {
				t.Errorf("the company document was uploaded with purpose %q on %s, want %q", got, api, want)
			}
		})
	}
}
