package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A scripted Accounts v2 journey for a French company reaches complete:
// the company's verification document (v2's
// identity.business_details.documents.primary_verification) is sent from
// the example's Stripe test token like its v1 counterpart.
func TestScriptedV2FrenchCompanyReachesComplete(t *testing.T) {
	env := xdgEnv(t)
	file, err := filepath.Abs(filepath.Join("..", "examples", "fr-company.json"))
	if err != nil {
		t.Fatal(err)
	}
	r := onboard(t, env, "new", "--answers", file, "--accounts-api", "v2", "--upfront", "--json")
	if r.code != 0 || strings.Contains(r.stderr, "primary_verification") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	id := decode(t, r.stdout).ID
	onboard(t, env, "sandbox", "advance", "5s")
	if st := decode(t, onboard(t, env, "status", id, "--json").stdout); st.State != "complete" {
		t.Fatalf("state %q after verification settled", st.State)
	}
}

// A scripted Accounts v2 US company whose bank account needs proof of
// ownership (test number 000999999992) is asked
// identity.business_details.documents.bank_account_ownership_verification
// once the check has run; resuming with a PNG from disk uploads it and
// sends it as v2's {type: files, files} document, and the account
// completes.
func TestScriptedV2BankOwnershipDocumentFromDisk(t *testing.T) {
	env := xdgEnv(t)
	raw, err := os.ReadFile(filepath.Join("..", "examples", "us-company.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ans map[string]any
	if err := json.Unmarshal(raw, &ans); err != nil {
		t.Fatal(err)
	}
	ans["external_account"].(map[string]any)["account_number"] = "000999999992"
	png := filepath.Join(t.TempDir(), "statement.png")
	if err := os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n0000"), 0o600); err != nil {
		t.Fatal(err)
	}
	ans["documents.bank_account_ownership_verification.files"] = png
	file := answersFile(t, ans)
	r := onboard(t, env, "new", "--answers", file, "--accounts-api", "v2", "--email", "ops@furever.example", "--upfront", "--json")
	if r.code != 0 {
		t.Fatalf("new: exit %d\n%s", r.code, r.stderr)
	}
	id := decode(t, r.stdout).ID
	onboard(t, env, "sandbox", "advance", "5s")
	if st := onboard(t, env, "status", id); !strings.Contains(st.stdout, "documents.bank_account_ownership_verification.files") {
		t.Fatalf("the bank ownership document is not asked:\n%s", st.stdout)
	}
	if r := onboard(t, env, "resume", id, "--answers", file, "--upfront", "--json"); r.code != 0 || strings.Contains(r.stderr, "unknown field") {
		t.Fatalf("resume: exit %d\n%s", r.code, r.stderr)
	}
	onboard(t, env, "sandbox", "advance", "5s")
	if st := decode(t, onboard(t, env, "status", id, "--json").stdout); st.State != "complete" {
		t.Fatalf("state %q after the document was verified", st.State)
	}
}
