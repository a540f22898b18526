package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/schema"
)

// bankStep opens the bank account step of a new US individual whose name
// was typed on the Identity step.
func bankStep(t *testing.T, c Common) Model {
	t.Helper()
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	m.plan.values["individual.first_name"], m.plan.values["individual.last_name"] = "Jenny", "Rosen"
	for _, st := range flows.Plan(a, flows.Strategy{Upfront: true}, nil, c.Lang) {
		if st.Group == schema.GroupBankAccount {
			m.plan.step = st
		}
	}
	m = runFormCmds(m, m.showStep())
	return m
}

// On the sandbox ctrl+e types Stripe's test value into an empty field
// (it used to complete only after a first letter); the footer offers it.
func TestCtrlETypesTestValueOnEmptyField(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := identityStep(t, c, 80, 24)
	m = press(t, m, enter, enter) // first and last name: the date of birth
	if !strings.Contains(ansi.Strip(m.View()), "ctrl+e test value") {
		t.Errorf("the footer does not offer the test value:\n%s", ansi.Strip(m.View()))
	}
	m = press(t, m, tea.KeyMsg{Type: tea.KeyCtrlE})
	if !strings.Contains(ansi.Strip(m.View()), "> 1901-01-01") {
		t.Fatalf("ctrl+e did not type the test date of birth:\n%s", ansi.Strip(m.View()))
	}
	c.Mode = "test"
	m.c = c
	if m.focusedTestValue() != "" {
		t.Error("test values are offered outside the sandbox")
	}
}

// The account holder's name is the name typed on the Identity step; the
// account number is typed twice, shown while typed and masked once left,
// and two different numbers are refused under the second.
func TestBankAccountTypedTwiceMaskedAfterEntry(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := bankStep(t, c)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "> Jenny Rosen") {
		t.Fatalf("the holder name is not prefilled:\n%s", v)
	}
	m = press(t, m, enter, runes("110000000"), enter, runes("000123456789"))
	if v = ansi.Strip(m.View()); !strings.Contains(v, "000123456789") {
		t.Fatalf("the account number is masked while typed:\n%s", v)
	}
	m = press(t, m, enter, runes("000123456788"), enter)
	v = ansi.Strip(m.View())
	if strings.Contains(v, "000123456789") || !strings.Contains(v, "> ************") {
		t.Errorf("the first account number shows once left:\n%s", v)
	}
	if !strings.Contains(v, "✗ The two account numbers differ") || m.form.State != 0 {
		t.Fatalf("different numbers were accepted:\n%s", v)
	}
	if _, kept := m.plan.values["external_account.account_number"+confirmSuffix]; kept {
		t.Error("the second entry sits in the values drafts save")
	}
}

// The contact email given at setup is the individual's email.
func TestContactEmailPrefilled(t *testing.T) {
	values := map[string]string{}
	st := flows.Step{Fields: []schema.Field{schema.Lookup("individual.email", "US"), schema.Lookup("owners.0.email", "US")}}
	prefill(values, st, schema.Account{Email: "ops@furever.example", BusinessType: "individual"})
	if values["individual.email"] != "ops@furever.example" || values["owners.0.email"] != "" {
		t.Errorf("values %v", values)
	}
}
