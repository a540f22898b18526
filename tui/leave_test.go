package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/schema"
)

var (
	esc  = tea.KeyMsg{Type: tea.KeyEsc}
	down = tea.KeyMsg{Type: tea.KeyDown}
)

// esc on a step with typed values asks before leaving; staying
// keeps the values, leaving goes home.
func TestEscWithTypedValuesAsks(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := identityStep(t, c, 80, 24)
	m = press(t, m, runes("Jenny"))
	m = press(t, m, esc)
	v := ansi.Strip(m.View())
	if m.current() != screenLeave || !strings.Contains(v, "Leave Identity?") || strings.Contains(v, "Delete") {
		t.Fatalf("esc did not ask (screen %s):\n%s", m.current(), v)
	}
	m = press(t, m, enter) // stay
	if v = ansi.Strip(m.View()); m.current() != screenWizard || !strings.Contains(v, "> Jenny") {
		t.Fatalf("staying lost the step or its value:\n%s", v)
	}
	m = press(t, m, esc, down, enter) // leave
	if m.current() != screenHome {
		t.Fatalf("leaving went to %s", m.current())
	}
}

// Leaving a new account this session created, on which nothing
// was sent, offers to delete it; deleting removes it from Stripe.
func TestLeavingNewAccountOffersDelete(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := New(c, Start{New: true, Preset: true, Setup: flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}}, Strategy: flows.Strategy{Upfront: true}, StrategyGiven: true})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = runCmds(t, m, m.Init())
	if m.current() != screenWizard {
		t.Fatalf("screen %s", m.current())
	}
	id := m.account.ID
	m = press(t, m, esc)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Nothing was sent to "+id) || !strings.Contains(v, "Delete "+id) {
		t.Fatalf("no offer to delete the new account:\n%s", v)
	}
	m = press(t, m, down, down, enter)
	if m.current() != screenHome || m.ResumeID() != "" {
		t.Fatalf("after deleting: screen %s, resume %q", m.current(), m.ResumeID())
	}
	if _, err := c.Client.Load(context.Background(), id); err == nil {
		t.Error("the account still exists")
	}
}

// A new Accounts v2 account now reads as new, but leaving it does not
// offer v1's delete: v2 closes accounts through its own endpoint. esc
// leaves at once, as it did.
func TestLeavingNewV2AccountDoesNotOfferDelete(t *testing.T) {
	c := v2Common(t, schema.English)
	m := New(c, Start{New: true, Preset: true, Setup: flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}, API: "v2", Email: "jenny@example.com"},
		Strategy: flows.Strategy{Upfront: true}, StrategyGiven: true})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = runCmds(t, m, m.Init())
	if m.current() != screenWizard || m.account.V2 == nil || !flows.NothingProvided(m.account) {
		t.Fatalf("screen %s, v2 %v, new %v", m.current(), m.account.V2 != nil, flows.NothingProvided(m.account))
	}
	m = press(t, m, esc)
	if v := ansi.Strip(m.View()); strings.Contains(v, "Delete "+m.account.ID) || m.current() != screenHome {
		t.Fatalf("esc on a new v2 account: screen %s\n%s", m.current(), v)
	}
}
