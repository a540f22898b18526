package e2e

import (
	"strings"
	"testing"
	"time"
)

// The wizard's terminal checks (errors on screen, the way back, fewer
// keystrokes), typed as a person would at 80×24.

// newUSIndividualTerm opens the wizard of a new US individual, asked up
// front, on the Business profile step.
func newUSIndividualTerm(t *testing.T, w, h int, extra ...string) *term {
	t.Helper()
	args := append([]string{"new", "--country", "US", "--business-type", "individual",
		"--capabilities", "card_payments,transfers", "--upfront"}, extra...)
	tm := startTerm(t, xdgEnv(t), w, h, args...)
	tm.waitFor("┃ Merchant category", 10*time.Second)
	return tm
}

// A wrong date of birth on the Identity step shows its error on screen at
// once, under the field, which keeps the focus.
func TestTUIWrongDateOfBirthOnScreen(t *testing.T) {
	tm := newUSIndividualTerm(t, 80, 24)
	wait := 10 * time.Second
	tm.fill(wait, "Merchant category", "", "Business website", "https://accessible.stripe.com")
	tm.fill(wait, "First name", "Jenny", "Last name", "Rosen", "Date of birth", "1901-02-30")
	s := tm.waitFor("✗ Enter a real date", wait)
	dob, msg := strings.Index(s, "┃ Date of birth"), strings.Index(s, "✗ Enter a real date")
	if dob < 0 || msg < dob {
		t.Fatalf("the error is not on screen under the date of birth:\n%s", s)
	}
	tm.keys("C-c")
	tm.waitFor("[exit 130]", wait)
}

// Shift+tab on the second step's first field shows step 1 with its
// values; unchanged, enter goes on to step 2 again.
func TestTUIShiftTabShowsPreviousStep(t *testing.T) {
	tm := newUSIndividualTerm(t, 80, 24)
	wait := 10 * time.Second
	tm.fill(wait, "Merchant category", "", "Business website", "https://accessible.stripe.com")
	tm.waitFor("┃ First name", wait)
	tm.keys("BTab")
	s := tm.waitFor("Sent step 1 of 5", wait) // numbered against the plan, never "1 of 1"
	if !strings.Contains(s, "Business profile") || !strings.Contains(s, "https://accessible.stripe.com") {
		t.Fatalf("step 1 is not shown with its values:\n%s", s)
	}
	tm.keys("Enter")
	tm.waitFor("┃ Business website", wait)
	tm.keys("Enter")
	tm.waitFor("┃ First name", wait)
	tm.keys("C-c")
	tm.waitFor("[exit 130]", wait)
}

// Ctrl+c prints the command that picks the account up where it was left.
func TestTUICtrlCPrintsResume(t *testing.T) {
	tm := newUSIndividualTerm(t, 80, 24)
	s := tm.screen()
	i := strings.Index(s, "acct_")
	if i < 0 {
		t.Fatalf("no account id on screen:\n%s", s)
	}
	id := strings.Fields(s[i:])[0]
	tm.keys("C-c")
	s = tm.waitFor("[exit 130]", 10*time.Second)
	if !strings.Contains(s, "onboard resume "+id) {
		t.Fatalf("ctrl+c did not print the resume command for %s:\n%s", id, s)
	}
}

// A representative who is also a director is one person: on a GB
// company, ticking "director" on the Representative step leaves no
// Director step, and the people screen lists one person with both roles.
func TestTUIRepresentativeAlsoDirector(t *testing.T) {
	env := xdgEnv(t)
	r := onboard(t, env, "new", "--country", "GB", "--business-type", "company", "--answers", answersFile(t, map[string]any{
		"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
		"company.address.line1": "address_full_match", "company.address.city": "London",
		"company.address.postal_code": "EC1A 1BB", "company.name": "Furever Ltd",
		"company.tax_id": "000000000", "company.phone": "+442071234567",
	}), "--upfront", "--json")
	if r.code != 3 {
		t.Fatalf("setup exited %d: %s", r.code, r.stderr)
	}
	id := decode(t, r.stdout).ID
	tm := startTerm(t, env, 80, 24, "resume", id, "--upfront")
	wait := 10 * time.Second
	tm.waitFor("Representative", wait)
	tm.fill(wait, "First name", "Jenny", "Last name", "Rosen", "Email", "jenny@example.com", "Job title", "CEO")
	tm.waitFor("┃ Also holds these roles", wait)
	tm.keys("Down") // owner → director
	tm.keys("x")
	tm.keys("Enter")
	tm.waitFor("No longer asked: Director 1.", wait)
	tm.keys("C-l") // the step list: no Director step left
	s := tm.waitFor("┃ Steps", wait)
	if strings.Contains(s, "Director 1") {
		t.Fatalf("a director is still asked:\n%s", s)
	}
	tm.keys("Escape")
	tm.waitFor("┃ First name", wait) // back on Owner 1
	tm.keys("C-o")
	s = tm.waitFor("Add a person", wait)
	if !strings.Contains(s, "Jenny Rosen") || !strings.Contains(s, "director") || !strings.Contains(s, "representative") ||
		strings.Count(s, "Jenny Rosen") != 1 {
		t.Fatalf("the people screen does not list one person with both roles:\n%s", s)
	}
	tm.keys("C-c")
	tm.waitFor("[exit 130]", wait)
}

// TERM=dumb on a real terminal says why the screens are off, not that
// there is no terminal.
func TestTUIDumbTerminalSaysWhy(t *testing.T) {
	tm := startTerm(t, append(xdgEnv(t), "TERM=dumb"), 80, 24)
	s := tm.waitFor("[exit 2]", 10*time.Second)
	if !strings.Contains(s, "TERM=dumb or ACCESSIBLE is set") || strings.Contains(s, "no terminal on standard input") {
		t.Fatalf("the refusal does not say why:\n%s", s)
	}
}
