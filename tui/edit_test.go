package tui

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/sandbox"
	"onboard/schema"
)

var ctrlL = tea.KeyMsg{Type: tea.KeyCtrlL}

// onboarded is a US individual onboarded up front from usIndividualValues
// with changes, once Stripe has verified what was sent.
func onboarded(t *testing.T, c Common, sb *sandbox.Sandbox, changes map[string]any) schema.Account {
	t.Helper()
	a := newUSAccount(t, c)
	values := map[string]any{"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
		"individual.first_name": "Jenny", "individual.last_name": "Rosen", "individual.email": "jenny@example.com",
		"individual.phone": "+14155550123", "individual.dob": "1901-01-01", "individual.address.line1": "address_full_match",
		"individual.address.city": "San Francisco", "individual.address.state": "CA", "individual.address.postal_code": "94107",
		"individual.ssn_last_4": "0000", "individual.id_number": "000000000", "tos_acceptance": true,
		"external_account": map[string]any{"routing_number": "110000000", "account_number": "000123456789"}}
	for k, v := range changes {
		values[k] = v
	}
	ans, err := answers.Parse(values)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := answers.Run(ctx, c.Client, a, flows.Strategy{Upfront: true}, ans, io.Discard); err != nil {
		t.Fatal(flows.Message(err))
	}
	return settled(t, c, sb, a.ID)
}

// settled lets Stripe verify what was sent, and reads the account.
func settled(t *testing.T, c Common, sb *sandbox.Sandbox, id string) schema.Account {
	t.Helper()
	if _, err := sb.Advance(context.Background(), time.Minute); err != nil {
		t.Fatal(err)
	}
	a, err := c.Client.Load(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// resumed is the TUI as `onboard resume` opens a: nothing sent in this
// session.
func resumed(t *testing.T, c Common, a schema.Account) Model {
	t.Helper()
	m := New(c, Start{AccountID: a.ID, Strategy: flows.Strategy{Upfront: true}, StrategyGiven: true})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	return drive(t, m, func() tea.Msg { return result{m.gen, accountMsg{account: a}} })
}

// After resume, ctrl+l lists every group the account holds with its
// values and labels; one opens prefilled as a correction, and esc goes
// back to the summary it was opened from.
func TestStepListAfterResume(t *testing.T) {
	c, sb := testCommon(t, schema.English)
	a := onboarded(t, c, sb, nil)
	m := resumed(t, c, a)
	if m.current() != screenSummary {
		t.Fatalf("a complete account resumed opens %s", m.current())
	}
	m = hit(t, m, ctrlL)
	v := view(m)
	for _, want := range []string{"Steps", "✓ Business profile · Merchant category (MCC): 5734", "✓ Identity · First name: Jenny",
		"✓ Address · Address line 1: address_full_match", "✓ Bank account"} {
		if !strings.Contains(v, want) {
			t.Errorf("the step list after resume lacks %q:\n%s", want, v)
		}
	}
	m = choose(t, m, "✓ Address")
	v = view(m)
	if m.current() != screenWizard || !strings.Contains(v, "Correct what Stripe holds") || !strings.Contains(v, "address_full_match") {
		t.Fatalf("the address did not open as a correction prefilled from Stripe:\n%s", v)
	}
	m = hit(t, m, keyEsc)
	if m.current() != screenSummary {
		t.Fatalf("esc on a correction opened from the summary goes to %s, not back to the summary", m.current())
	}
}

// Changing the MCC from the step list sends it, says what it replaced,
// and the summary shows the business profile once, with the new value.
func TestChangedValueShowsOnce(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	m = sendEveryStep(t, m)
	m = hit(t, m, ctrlL)
	m = choose(t, m, "✓ Business profile")
	before := m.plan.journey.Requests()
	m = choose(t, m, "5817")          // the MCC, then on to the website
	m = runCmds(t, m, m.submitStep()) // the website unchanged: send
	if m.current() != screenSummary {
		t.Fatalf("after the correction: %s (%s)", m.current(), m.plan.notice)
	}
	if m.plan.journey.Requests() == before || m.account.Known["business_profile.mcc"] != "5817" {
		t.Fatalf("the MCC was not sent: the account has %q", m.account.Known["business_profile.mcc"])
	}
	if !strings.Contains(m.plan.notice, "Merchant category (MCC): 5734 → 5817") {
		t.Errorf("the notice does not say what was replaced: %q", m.plan.notice)
	}
	notes := ansi.Strip(strings.Join(m.summaryNotes(200), "\n"))
	if n := strings.Count(notes, "✓ Business profile"); n != 1 || !strings.Contains(notes, "Merchant category (MCC): 5817") ||
		strings.Contains(notes, "5734") {
		t.Errorf("the summary shows the business profile %d times, or the old MCC:\n%s", n, notes)
	}
	m = hit(t, m, ctrlL)
	if v := view(m); strings.Count(v, "Business profile") != 1 || !strings.Contains(v, "5817") {
		t.Errorf("the step list does not show the business profile once with its new MCC:\n%s", v)
	}
}

// A failed address offers Stripe's two fixes; correcting the address
// (no document) sends only the line changed, and the account completes.
func TestFailedAddressCorrected(t *testing.T) {
	c, sb := testCommon(t, schema.English)
	a := onboarded(t, c, sb, map[string]any{"individual.address.line1": "address_no_match"})
	m := resumed(t, c, a)
	v := view(m)
	if m.current() != screenFix || !strings.Contains(v, "Correct the address") || !strings.Contains(v, "Upload a proof of address") {
		t.Fatalf("a failed address does not offer both fixes (%s):\n%s", m.current(), v)
	}
	m = choose(t, m, "Upload a proof of address")
	if m.current() != screenWizard || !strings.Contains(view(m), "Proof of address") {
		t.Fatalf("the document fix does not open the document:\n%s", view(m))
	}
	m = hit(t, m, keyEsc)
	if m.current() != screenFix {
		t.Fatalf("esc on the document goes to %s, not back to the question", m.current())
	}
	m = choose(t, m, "Correct the address")
	v = view(m)
	if m.current() != screenWizard || !strings.Contains(v, "address_no_match") || !strings.Contains(v, "San Francisco") {
		t.Fatalf("the address is not offered prefilled from Stripe:\n%s", v)
	}
	m.plan.values["individual.address.line1"] = "address_full_match"
	m = runCmds(t, m, m.submitStep())
	if !strings.Contains(m.plan.notice, "Address line 1: address_no_match → address_full_match") {
		t.Errorf("the notice does not say what was replaced: %q", m.plan.notice)
	}
	if got := settled(t, c, sb, a.ID); flows.State(got) != "complete" {
		t.Fatalf("after correcting the address the account is %q: %+v", flows.State(got), got.Requirements)
	}
}

// A date of birth that failed the keyed identity check is corrected, and
// the account completes.
func TestFailedIdentityCorrected(t *testing.T) {
	c, sb := testCommon(t, schema.English)
	a := onboarded(t, c, sb, map[string]any{"individual.dob": "1950-03-04"})
	m := resumed(t, c, a)
	if m.current() != screenFix {
		t.Fatalf("a failed identity opens %s:\n%s", m.current(), view(m))
	}
	m = choose(t, m, "Correct the date of birth or id number")
	if v := view(m); !strings.Contains(v, "1950-03-04") {
		t.Fatalf("the identity is not offered prefilled from Stripe:\n%s", v)
	}
	m.plan.values["individual.dob"] = "1901-01-01"
	m = runCmds(t, m, m.submitStep())
	if got := settled(t, c, sb, a.ID); flows.State(got) != "complete" {
		t.Fatalf("after correcting the date of birth the account is %q (%s): %+v", flows.State(got), m.plan.notice, got.Requirements)
	}
}

// An account opened from triage goes back to triage on esc, from its
// step as from its summary.
func TestEscFromTriageGoesBackToTriage(t *testing.T) {
	c, sb := testCommon(t, schema.English)
	jenny := named(t, c, "Jenny", "Rosen")
	done := onboarded(t, c, sb, nil)
	m := New(c, Start{})
	m, _ = step(m, tea.WindowSizeMsg{Width: 100, Height: 24})
	for _, id := range []string{jenny.ID, done.ID} {
		m = runAll(m, m.toTriage())
		m = keys(m, strings.ToLower(id[5:12]))
		var cmd tea.Cmd
		m, cmd = step(m, tea.KeyMsg{Type: tea.KeyEnter})
		m = runAll(m, cmd)
		if m.account.ID != id || (m.current() != screenWizard && m.current() != screenSummary) {
			t.Fatalf("opened %s on %s", m.account.ID, m.current())
		}
		m = hit(t, m, keyEsc)
		if m.current() != screenAccounts {
			t.Errorf("esc on an account opened from triage goes to %s", m.current())
		}
	}
}
