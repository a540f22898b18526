package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// term is the binary running in a real terminal: a tmux server of its
// own, driven with send-keys and read with capture-pane.
type term struct {
	t      *testing.T
	socket string
	// presses counts the keys a person would press: each character typed
	// and each named key.
	presses int
}

func startTerm(t *testing.T, env []string, w, h int, args ...string) *term {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatal("tmux is required for the terminal journeys (apt-get install tmux)")
	}
	tm := &term{t: t, socket: fmt.Sprintf("onboard-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	cmdline := "env " + shellQuote(env...) + " " + shellQuote(append([]string{binary}, args...)...) +
		"; echo \"[exit $?]\"; sleep 600"
	tm.tmux("new-session", "-d", "-s", "app", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), cmdline)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// screen is what the terminal shows now.
func (tm *term) screen() string { return tm.tmux("capture-pane", "-p", "-t", "app") }

// waitFor polls the screen until it shows text, failing after d.
func (tm *term) waitFor(text string, d time.Duration) string {
	tm.t.Helper()
	deadline := time.Now().Add(d)
	for {
		s := tm.screen()
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q; it shows:\n%s", text, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// fill answers a form as a person does: for each (field title, value)
// pair it waits until that field has focus (huh marks it with ┃), types
// the value and presses Enter.
func (tm *term) fill(d time.Duration, pairs ...string) {
	tm.t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		tm.waitFor("┃ "+pairs[i], d)
		tm.typeLine(pairs[i+1])
	}
}

// typeLine types literal text then Enter.
func (tm *term) typeLine(text string) {
	tm.t.Helper()
	if text != "" {
		tm.tmux("send-keys", "-t", "app", "-l", text)
	}
	tm.tmux("send-keys", "-t", "app", "Enter")
	tm.presses += utf8.RuneCountInString(text) + 1
}

// typeText types literal text without Enter.
func (tm *term) typeText(text string) {
	tm.t.Helper()
	tm.tmux("send-keys", "-t", "app", "-l", text)
	tm.presses += utf8.RuneCountInString(text)
}

func (tm *term) keys(keys ...string) {
	tm.t.Helper()
	tm.tmux(append([]string{"send-keys", "-t", "app"}, keys...)...)
	tm.presses += len(keys)
}

// testValue answers the focused field with the sandbox's test value
// (ctrl+e) and Enter, after waiting for the field to have focus.
func (tm *term) testValue(d time.Duration, titles ...string) {
	tm.t.Helper()
	for _, title := range titles {
		tm.waitFor("┃ "+title, d)
		tm.keys("C-e")
		tm.keys("Enter")
	}
}

func shellQuote(args ...string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}

// The first journey, with the wizard's shortcuts: from the home screen,
// create a US individual, answer every form with the sandbox's test values
// (ctrl+e on an empty field), and watch the status reach complete once
// verification settles. It counts the keys pressed: 187 before the shortcuts.
func TestTUINewUSIndividualToComplete(t *testing.T) {
	tm := startTerm(t, xdgEnv(t), 80, 24)
	wait := 10 * time.Second

	s := tm.waitFor("What do you want to do?", wait)
	if !strings.Contains(s, "SANDBOX") {
		t.Fatalf("home screen lacks the SANDBOX badge:\n%s", s)
	}
	tm.typeLine("") // Onboard a new account

	tm.waitFor("Country", wait)
	tm.typeLine("") // US
	tm.waitFor("┃ Business type", wait)
	tm.typeLine("") // individual
	tm.waitFor("┃ Accounts API", wait)
	tm.typeLine("") // v1
	tm.waitFor("┃ Contact email", wait)
	tm.typeLine("") // optional on v1
	tm.waitFor("Capabilities", wait)
	tm.typeLine("") // card_payments and transfers, preselected
	tm.waitFor("┃ Service agreement", wait)
	tm.typeLine("") // full
	tm.waitFor("┃ What to collect", wait)
	tm.typeLine("") // everything, up front

	s = tm.waitFor("Merchant category", wait)
	for _, want := range []string{"SANDBOX", "Status", "Card payments", "inactive", "new, nothing sent"} {
		if !strings.Contains(s, want) {
			t.Fatalf("wizard screen lacks %q:\n%s", want, s)
		}
	}
	tm.fill(wait, "Merchant category", "") // 5734, preselected
	tm.testValue(wait, "Business website")
	s = tm.testValue2(wait, "First name", "Last name", "Date of birth", "Email", "Phone")
	if strings.Contains(s, "Last 4 digits of the SSN") {
		t.Fatalf("the last 4 digits are asked beside the full SSN:\n%s", s)
	}
	tm.testValue(wait, "Social Security number (SSN)")
	tm.testValue(wait, "Address line 1", "City", "State", "ZIP code")
	s = tm.waitFor("┃ Account holder name", wait)
	if !strings.Contains(s, "> Jenny Rosen") {
		t.Fatalf("the holder name is not the name typed on Identity:\n%s", s)
	}
	tm.keys("Enter")
	tm.testValue(wait, "ABA routing number", "Account number", "Account number again")

	s = tm.waitFor("Stripe Connected Account Agreement", wait)
	if strings.Contains(s, "000123456789") {
		t.Fatalf("the bank account number is on screen:\n%s", s)
	}
	tm.keys("Left") // "I accept"
	tm.keys("Enter")
	tm.waitFor("┃ IP address of the acceptance", wait)
	tm.keys("Enter") // this machine's address

	tm.waitFor("Nothing more to collect", wait)
	s = tm.waitFor("complete", 20*time.Second)
	for _, want := range []string{"✓ enabled", "active", "Answers sent"} {
		if !strings.Contains(s, want) {
			t.Fatalf("summary lacks %q:\n%s", want, s)
		}
	}
	t.Logf("US individual journey: %d keys pressed (187 before the shortcuts)", tm.presses)
	if tm.presses >= 187 {
		t.Errorf("the journey took %d keys, no fewer than 187", tm.presses)
	}
	tm.keys("C-c")
	tm.waitFor("[exit 0]", wait)
}

// testValue2 is testValue that returns the screen of the last field.
func (tm *term) testValue2(d time.Duration, titles ...string) string {
	tm.t.Helper()
	s := ""
	for _, title := range titles {
		s = tm.waitFor("┃ "+title, d)
		tm.keys("C-e")
		tm.keys("Enter")
	}
	return s
}

// Journey 2, resume: an account half onboarded by a script is opened by
// id; the wizard asks only what is left.
func TestTUIResumeAsksOnlyWhatIsLeft(t *testing.T) {
	env := xdgEnv(t)
	ans := usIndividual()
	for _, k := range []string{"individual.address.line1", "individual.address.city", "individual.address.state",
		"individual.address.postal_code", "tos_acceptance"} {
		delete(ans, k)
	}
	r := onboard(t, env, "new", "--answers", answersFile(t, ans), "--upfront", "--json")
	if r.code != 3 {
		t.Fatalf("setup exited %d: %s", r.code, r.stderr)
	}
	id := decode(t, r.stdout).ID
	tm := startTerm(t, env, 80, 24, "resume", id, "--upfront")
	s := tm.waitFor("┃ Address line 1", 10*time.Second)
	if !strings.Contains(s, "Step 1 of 2") || !strings.Contains(s, id) {
		t.Fatalf("resume did not open on the address:\n%s", s)
	}
	tm.fill(10*time.Second,
		"Address line 1", "address_full_match",
		"City", "San Francisco",
		"State", "CA",
		"ZIP code", "94107")
	tm.waitFor("Stripe Connected Account Agreement", 10*time.Second)
	tm.keys("Left")
	tm.keys("Enter")
	tm.waitFor("┃ IP address of the acceptance", 10*time.Second)
	tm.typeLine("")
	tm.waitFor("complete", 20*time.Second)
	tm.keys("C-c")
	tm.waitFor("[exit 0]", 10*time.Second)
}

// Journey 3, fix: a website that failed verification is reopened first,
// with the reason, and fixing it completes the account.
func TestTUIFixFailedVerification(t *testing.T) {
	env := xdgEnv(t)
	ans := usIndividual()
	ans["business_profile.url"] = "https://disallowed.stripe.com"
	r := onboard(t, env, "new", "--answers", answersFile(t, ans), "--upfront", "--json")
	if r.code != 0 {
		t.Fatalf("setup exited %d: %s", r.code, r.stderr)
	}
	id := decode(t, r.stdout).ID
	if a := onboard(t, env, "sandbox", "advance", "5s"); a.code != 0 {
		t.Fatal(a.stderr)
	}
	tm := startTerm(t, env, 80, 24, "--lang", "fr", "resume", id)
	s := tm.waitFor("┃ Site web de l'entreprise", 10*time.Second)
	if !strings.Contains(s, "liste d'exclusion") {
		t.Fatalf("the failure is not explained in French:\n%s", s)
	}
	tm.keys("C-u") // clear the failed value
	tm.typeLine("https://accessible.stripe.com")
	tm.waitFor("complet", 20*time.Second)
	tm.keys("C-c")
	tm.waitFor("[exit 0]", 10*time.Second)
}
