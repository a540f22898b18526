package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The terminal journeys, typed as a person would against the
// embedded sandbox. Each waits for a field to have focus before typing:
// huh moves focus asynchronously, so keys sent early land in the wrong
// field.

// Journey 4: a US company from the home screen. Setup with business type
// Company, then the business profile, the company, the representative and
// the owner (role placeholders), a look at the people screen, their
// person steps, the owners-provided attestation, the bank, the terms, and
// complete once verification settles.
func TestTUIUSCompanyToComplete(t *testing.T) {
	tm := startTerm(t, xdgEnv(t), 80, 24)
	wait := 10 * time.Second

	tm.waitFor("What do you want to do?", wait)
	tm.typeLine("") // Onboard a new account
	typeUSCompany(tm, wait)
	s := tm.waitFor("complete", 20*time.Second)
	if !strings.Contains(s, "p people") {
		t.Errorf("the company summary does not offer the people screen:\n%s", s)
	}
	tm.keys("C-c") // the account is complete: no interruption, its state printed
	s = tm.waitFor("[exit 0]", wait)
	if strings.Contains(s, "interrupted") || !strings.Contains(s, "complete") {
		t.Errorf("ctrl+c after completion:\n%s", s)
	}
}

// typeUSCompany types a US company's journey, as TestTUIUSCompanyToComplete
// describes it, from the setup screen's Country field to the last field.
func typeUSCompany(tm *term, wait time.Duration) {
	t := tm.t
	t.Helper()
	tm.waitFor("┃ Country", wait)
	tm.typeLine("") // US
	tm.waitFor("┃ Business type", wait)
	tm.keys("Down") // Company
	tm.waitFor("> Company", wait)
	tm.typeLine("")
	tm.waitFor("┃ Accounts API", wait)
	tm.typeLine("") // v1
	tm.waitFor("┃ Contact email", wait)
	tm.typeLine("ops@furever.example")
	tm.waitFor("┃ Capabilities", wait)
	tm.typeLine("") // card_payments and transfers
	tm.waitFor("┃ Service agreement", wait)
	tm.typeLine("") // full
	tm.waitFor("┃ What to collect", wait)
	tm.typeLine("") // everything, up front

	s := tm.waitFor("Merchant category", wait)
	if !strings.Contains(s, "US company") || !strings.Contains(s, "ctrl+o people") {
		t.Fatalf("the company wizard lacks its header or the people key:\n%s", s)
	}
	tm.fill(wait,
		"Merchant category", "",
		"Business website", "https://accessible.stripe.com")
	tm.fill(wait,
		"Company address: address line 1", "address_full_match",
		"Company address: city", "San Francisco",
		"Company address: state", "CA",
		"Company address: ZIP code", "94107")
	tm.fill(wait,
		"Legal company name", "Furever LLC",
		"Employer Identification Number", "000000000",
		"Company phone", "+14155550123")

	tm.waitFor("Representative", wait)
	tm.fill(wait,
		"First name", "Jenny",
		"Last name", "Rosen")
	// The contact email typed on the setup screen is the
	// representative's, prefilled: enter takes it.
	if s := tm.waitFor("┃ Email", wait); !strings.Contains(s, "> ops@furever.example") {
		t.Fatalf("the representative's email is not prefilled from the contact email:\n%s", s)
	}
	tm.typeLine("")
	tm.fill(wait, "Job title", "CEO")
	// Jenny is also an executive, as Stripe asks of a representative
	// who is not an owner: ticked here, not asked again.
	tm.waitFor("┃ Also holds these roles", wait)
	tm.keys("Down", "Down", "x", "Enter")
	tm.waitFor("Owner 1", wait)
	tm.fill(wait,
		"First name", "Ada",
		"Last name", "Owner",
		"Email", "ada@example.com",
		"Ownership (%)", "60",
		"Also holds these roles", "")

	// Both people are on the account: the people screen lists them.
	tm.waitFor("┃ Date of birth", wait)
	tm.keys("C-o")
	s = tm.waitFor("Add a person", wait)
	for _, want := range []string{"Jenny Rosen", "representative", "CEO", "Ada Owner", "60%"} {
		if !strings.Contains(s, want) {
			t.Fatalf("people screen lacks %q:\n%s", want, s)
		}
	}
	tm.keys("Escape") // back to the wizard, replanned

	tm.waitFor("Jenny Rosen", wait)
	tm.fill(wait, personSteps()...)
	// Jenny was ticked as an executive on the Representative step: Stripe
	// does not ask it of her again (relationship.executive).

	tm.waitFor("All owners have been added", wait)
	tm.keys("Left") // Yes
	tm.keys("Enter")
	tm.fill(wait,
		"Account holder name", "", // the company's name, prefilled
		"ABA routing number", "110000000",
		"Account number", "000123456789",
		"Account number again", "000123456789")
	tm.waitFor("Stripe Connected Account Agreement", wait)
	tm.keys("Left")
	tm.keys("Enter")
	tm.waitFor("┃ IP address of the acceptance", wait)
	tm.keys("Enter")

	tm.waitFor("Ada Owner", wait) // her remaining details are due later
	tm.fill(wait, personSteps()...)

}

// personSteps are a US person's remaining fields with Stripe's test values.
func personSteps() []string {
	return []string{
		"Date of birth", "1901-01-01",
		"Phone", "+14155550123",
		"Social Security number (SSN)", "000000000", // answers the last 4 too
		"Address line 1", "address_full_match",
		"City", "San Francisco",
		"State", "CA",
		"ZIP code", "94107",
	}
}

// gbIndividual holds Stripe's test values for a GB individual, without
// the terms and the identity document.
func gbIndividual() map[string]any {
	return map[string]any{
		"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
		"individual.first_name": "Jenny", "individual.last_name": "Rosen", "individual.dob": "1901-01-01",
		"individual.email": "jenny@example.com", "individual.phone": "+442071234567",
		"individual.address.line1": "address_full_match", "individual.address.city": "London",
		"individual.address.postal_code": "EC1A 1BB",
		"external_account":               map[string]any{"account_holder_name": "Jenny Rosen", "routing_number": "108800", "account_number": "00012345"},
	}
}

// newGB creates a GB individual from answers (which leave things due:
// exit 3) and returns its id.
func newGB(t *testing.T, env []string, ans map[string]any, upfront bool) string {
	t.Helper()
	args := []string{"new", "--country", "GB", "--business-type", "individual", "--answers", answersFile(t, ans), "--json"}
	if upfront {
		args = append(args, "--upfront")
	}
	r := onboard(t, env, args...)
	if r.code != 3 {
		t.Fatalf("setup exited %d: %s", r.code, r.stderr)
	}
	return decode(t, r.stdout).ID
}

// acceptTerms accepts the terms of service at this machine's address.
func (tm *term) acceptTerms(d time.Duration) {
	tm.t.Helper()
	tm.waitFor("┃ Stripe Connected Account Agreement", d)
	tm.keys("Left")
	tm.keys("Enter")
	tm.waitFor("┃ IP address of the acceptance", d)
	tm.keys("Enter")
}

// Documents: a GB individual onboarded up front is asked for an identity
// document; on the sandbox it is a text input offering Stripe's test
// tokens.
func TestTUIIdentityDocument(t *testing.T) {
	env := xdgEnv(t)
	id := newGB(t, env, gbIndividual(), true)
	tm := startTerm(t, env, 80, 24, "resume", id, "--upfront")
	wait := 10 * time.Second
	tm.acceptTerms(wait)
	s := tm.waitFor("┃ Identity document", wait)
	if !strings.Contains(s, "ctrl+e") {
		t.Fatalf("the document field does not offer the test tokens:\n%s", s)
	}
	// One key, one entry: ctrl+e was listed twice ("complete" and "test value").
	lines := strings.Split(strings.TrimRight(s, "\n "), "\n")
	// The footer wraps onto two lines at 80 columns rather than hide keys.
	if foot := strings.Join(lines[len(lines)-2:], "\n"); strings.Count(foot, "ctrl+e") != 1 || !strings.Contains(foot, "ctrl+e test value") {
		t.Errorf("the footer does not list ctrl+e once, as the test value: %q", foot)
	}
	tm.typeLine("file_identity_document_success")
	tm.waitFor("Sent. Documents ✓", wait)
	tm.waitFor("complete", 20*time.Second)
	tm.keys("C-c")
	tm.waitFor("[exit 0]", wait)
}

// A bank account outside the US (GB sort code and account number), typed
// twice: the account number shows while typed (to check it by eye) and is
// masked once left, and never shown after the submit.
func TestTUIForeignBankAccountIsMasked(t *testing.T) {
	env := xdgEnv(t)
	ans := gbIndividual()
	delete(ans, "external_account")
	id := newGB(t, env, ans, false)
	tm := startTerm(t, env, 80, 24, "resume", id)
	wait := 10 * time.Second
	tm.fill(wait,
		"Account holder name", "Jenny Rosen",
		"Sort code", "108800")
	tm.waitFor("┃ Account number", wait)
	tm.typeText("00012345")
	tm.waitFor("> 00012345", wait)
	tm.keys("Enter")
	s := tm.waitFor("┃ Account number again", wait)
	if strings.Contains(s, "00012345") || !strings.Contains(s, "> ********") {
		t.Fatalf("the account number shows once left:\n%s", s)
	}
	tm.typeLine("00012345")
	s = tm.waitFor("Sent. Bank account ✓", wait)
	if strings.Contains(s, "00012345") {
		t.Fatalf("the account number shows after the submit:\n%s", s)
	}
	tm.acceptTerms(wait)
	s = tm.waitFor("Nothing more to collect", wait)
	if strings.Contains(s, "00012345") {
		t.Fatalf("the account number shows on the summary:\n%s", s)
	}
	tm.keys("C-c")
	tm.waitFor("[exit 0]", wait)
}

// Resize and leave: narrowed to 60 and then 50 columns mid-wizard, the
// status panel collapses to one line above the form, the SANDBOX badge
// stays whole, the merchant category select still shows at least three
// options and no line is wider than the terminal; ctrl+t shows the whole
// status and esc comes back to the step; esc goes home and ctrl+c quits
// with 130.
func TestTUIResizeEscAndInterrupt(t *testing.T) {
	tm := startTerm(t, xdgEnv(t), 100, 30, "new", "--country", "US", "--business-type", "individual",
		"--capabilities", "card_payments,transfers")
	wait := 10 * time.Second
	s := tm.waitFor("┃ > 5734", wait)
	if !panelBeside(s) {
		t.Fatalf("at 100 columns the panel should be beside the form:\n%s", s)
	}
	for _, width := range []int{60, 50} {
		tm.tmux("resize-window", "-t", "app", "-x", strconv.Itoa(width), "-y", "24")
		// tmux cuts the old frame to the new width at once: wait for the
		// program's own frame, whose header ends with the whole badge.
		deadline := time.Now().Add(wait)
		for s = tm.screen(); !strings.HasSuffix(strings.TrimRight(strings.Split(s, "\n")[0], " "), " SANDBOX"); s = tm.screen() {
			if time.Now().After(deadline) {
				t.Fatalf("at %d columns the SANDBOX badge is cut:\n%s", width, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
		if panelBeside(s) || strings.Contains(s, "╭") || !strings.Contains(s, "State: ") {
			t.Errorf("at %d columns the status is not one line above the form:\n%s", width, s)
		}
		if n := strings.Count(s, "┃   "); n < 2 { // the cursor's option and two more
			t.Errorf("at %d columns the select shows %d options besides the cursor's:\n%s", width, n, s)
		}
		for i, line := range strings.Split(s, "\n") {
			if n := utf8.RuneCountInString(strings.TrimRight(line, " ")); n > width {
				t.Errorf("at %d columns line %d is %d columns wide: %q", width, i, n, line)
			}
		}
	}
	tm.keys("C-t")
	s = tm.waitFor("Account status", wait)
	if !strings.Contains(s, "╭") || !strings.Contains(s, "Card payments") {
		t.Errorf("ctrl+t does not show the whole status:\n%s", s)
	}
	tm.keys("Escape")
	tm.waitFor("┃ > 5734", wait)
	tm.keys("Escape")
	// Nothing was sent to the new account: esc asks, and offers to delete it.
	s = tm.waitFor("Leave Business profile?", wait)
	if !strings.Contains(s, "Delete acct_") {
		t.Errorf("no offer to delete the new account:\n%s", s)
	}
	tm.keys("Down")
	tm.keys("Enter") // leave, keep the account
	tm.waitFor("What do you want to do?", wait)
	tm.keys("C-c")
	tm.waitFor("[exit 130]", wait)
}

// panelBeside reports whether the status panel's box stands to the right
// of the form (it starts after column 0).
func panelBeside(screen string) bool {
	for _, line := range strings.Split(screen, "\n") {
		if i := strings.Index(line, "╭"); i > 0 {
			return true
		}
	}
	return false
}
