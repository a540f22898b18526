package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"onboard/flows"
	"onboard/schema"
)

// The setup form checks with the command line's validator
// (flows.CheckSetup) and says each problem beside its field: Accounts v2
// without a contact email, no capability, card payments on the recipient
// agreement.
func TestSetupFormSaysTheValidatorsProblems(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := New(c, Start{New: true, Setup: flows.NewAccount{Country: "US", BusinessType: "individual", API: "v2",
		Capabilities: []string{"card_payments"}, Agreement: "recipient"}})
	m, _ = step(m, tea.WindowSizeMsg{Width: 100, Height: 40})
	m = runCmds(t, m, m.Init())
	m = press(t, m, enter, enter, enter, enter) // country, business type, accounts API v2, an empty email
	if v := view(m); !strings.Contains(v, "Accounts v2 needs a contact email.") {
		t.Fatalf("no problem under the empty contact email:\n%s", v)
	}
	m = typeInto(t, m, "ops@example.com")
	m = press(t, m, enter, enter) // the email, card payments alone: the agreement
	m = press(t, m, enter)        // recipient with card payments
	if v := view(m); !strings.Contains(v, "Card payments need the full agreement") {
		t.Fatalf("no problem with card payments on the recipient agreement:\n%s", v)
	}
	m = New(c, Start{New: true, Setup: flows.NewAccount{Country: "US", BusinessType: "individual", API: "v1"}})
	m, _ = step(m, tea.WindowSizeMsg{Width: 100, Height: 40})
	m = runCmds(t, m, m.Init())
	x := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")}
	m = press(t, m, enter, enter, enter, enter) // v1 needs no email
	m = press(t, m, x, down, x, enter)          // untick both capabilities
	if v := view(m); !strings.Contains(v, "Pick at least one capability.") {
		t.Fatalf("no problem with no capability:\n%s", v)
	}
}
