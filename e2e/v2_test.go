package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
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

// The v2 journey typed in a terminal: the same forms as v1, the status
// panel grouped by configuration, and complete at the end.
func TestTUIV2IndividualToComplete(t *testing.T) {
	tm := startTerm(t, xdgEnv(t), 80, 24, "new", "--accounts-api", "v2", "--email", "jenny@example.com",
		"--country", "US", "--business-type", "individual", "--capabilities", "card_payments,transfers", "--upfront")
	wait := 10 * time.Second
	s := tm.waitFor("Merchant category", wait)
	// A brand-new v2 account reads as new, as a v1 one does (it read
	// "restricted (past due)"); its capabilities are restricted.
	for _, want := range []string{"Merchant", "Recipient", "Card payments", "restricted", "new, nothing sent"} {
		if !strings.Contains(s, want) {
			t.Fatalf("v2 panel lacks %q:\n%s", want, s)
		}
	}
	tm.fill(wait, "Merchant category", "", "Business website", "https://accessible.stripe.com")
	tm.fill(wait, "First name", "Jenny", "Last name", "Rosen", "Date of birth", "1901-01-01",
		"Email", "", // the contact email given with --email
		"Phone", "+14155550123",
		"Social Security number (SSN)", "000000000")
	tm.fill(wait, "Address line 1", "address_full_match", "City", "San Francisco", "State", "CA", "ZIP code", "94107")
	tm.fill(wait, "Account holder name", "", "ABA routing number", "110000000", "Account number", "000123456789",
		"Account number again", "000123456789")
	tm.waitFor("Stripe Connected Account Agreement", wait)
	tm.keys("Left")
	tm.keys("Enter")
	tm.waitFor("┃ IP address of the acceptance", wait)
	tm.keys("Enter")
	s = tm.waitFor("complete", 20*time.Second)
	if !strings.Contains(s, "active") {
		t.Fatalf("summary:\n%s", s)
	}
	tm.keys("C-c")
	tm.waitFor("[exit 0]", wait)
}
