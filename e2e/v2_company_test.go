package e2e

import (
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
