package e2e

import (
	"encoding/json"
	"testing"
)

// The scripted journey on Accounts v2: the same answers file as v1, every
// requested capability active in its configuration, and status --json
// showing configurations and entries.
func TestScriptedV2JourneyReachesActive(t *testing.T) {
	env := xdgEnv(t)
	r := onboard(t, env, "new", "--accounts-api", "v2", "--email", "jenny@example.com",
		"--answers", answersFile(t, usIndividual()), "--upfront", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	id := decode(t, r.stdout).ID
	onboard(t, env, "sandbox", "advance", "5s")
	s := onboard(t, env, "status", id, "--json")
	var st struct {
		State          string                                        `json:"state"`
		Configurations map[string]map[string]struct{ Status string } `json:"configurations"`
		Requirements   struct {
			Entries []map[string]any `json:"entries"`
		} `json:"requirements"`
	}
	if err := json.Unmarshal([]byte(s.stdout), &st); err != nil {
		t.Fatalf("%v\n%s", err, s.stdout)
	}
	if st.State != "complete" || st.Configurations["merchant"]["card_payments"].Status != "active" ||
		st.Configurations["recipient"]["stripe_balance.stripe_transfers"].Status != "active" ||
		st.Requirements.Entries == nil {
		t.Fatalf("v2 status: %s", s.stdout)
	}
	if bad := onboard(t, env, "new", "--accounts-api", "v3", "--answers", answersFile(t, usIndividual())); bad.code != 2 {
		t.Errorf("--accounts-api v3 accepted: %d", bad.code)
	}
}
