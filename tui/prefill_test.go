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

// bankStep opens the bank account step of a new US individual whose name
// was typed on the Identity step.
func bankStep(t *testing.T, c Common) Model {
	t.Helper()
	return bankStepIn(t, c, newUSAccount(t, c))
}

// bankStepIn opens the bank account step of a, a new individual whose
// name was typed on the Identity step.
func bankStepIn(t *testing.T, c Common, a schema.Account) Model {
	t.Helper()
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
	if wizardOf(m).focusedTestValue() != "" {
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
	if !strings.Contains(v, "✗ The two account numbers differ") || wizardOf(m).form.State != 0 {
		t.Fatalf("different numbers were accepted:\n%s", v)
	}
	if _, kept := m.plan.values["external_account.account_number"+confirmSuffix]; kept {
		t.Error("the second entry sits in the values drafts save")
	}
}

// The second entry is named after the first: in a SEPA country the
// number is an IBAN, asked again as an IBAN (it read "Account number
// again" under "IBAN").
func TestSecondEntryNamedAfterFirst(t *testing.T) {
	for lang, want := range map[Lang]string{schema.English: "IBAN again", schema.French: "IBAN, à nouveau"} {
		c, _ := testCommon(t, lang)
		a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "FR", BusinessType: "individual",
			Capabilities: []string{"card_payments", "transfers"}})
		if err != nil {
			t.Fatal(err)
		}
		v := ansi.Strip(bankStepIn(t, c, a).View())
		if !strings.Contains(v, want) {
			t.Errorf("%s: the second entry is not %q:\n%s", lang, want, v)
		}
	}
	c, _ := testCommon(t, schema.English)
	if v := ansi.Strip(bankStep(t, c).View()); !strings.Contains(v, "Account number again") {
		t.Errorf("US: the second entry is not \"Account number again\":\n%s", v)
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

// documentStep opens the Documents step of a new GB individual (who is
// asked for an identity document up front), in a window wide enough for
// the whole footer.
func documentStep(t *testing.T, c Common) Model {
	t.Helper()
	a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "GB", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	m := openWizard(t, c, a)
	m, _ = step(m, tea.WindowSizeMsg{Width: 200, Height: 30})
	for _, st := range flows.Plan(a, flows.Strategy{Upfront: true}, nil, c.Lang) {
		if st.Group == schema.GroupDocuments {
			m.plan.step = st
		}
	}
	if m.plan.step.Group != schema.GroupDocuments {
		t.Fatal("no Documents step in the up-front plan")
	}
	return runFormCmds(m, m.showStep())
}

// footerLine is the last line of the screen: the keys.
func footerLine(m Model) string {
	lines := strings.Split(strings.TrimRight(ansi.Strip(m.View()), "\n"), "\n")
	return lines[len(lines)-1]
}

// On a document (a text input offering Stripe's test tokens), ctrl+e was
// listed twice, "complete" and "test value". It has one entry, which says
// what it does now: the test value on an empty field, completing what is
// typed when a token extends it, nothing when none does.
func TestCtrlEOneEntryOnDocumentStep(t *testing.T) {
	for _, lang := range []Lang{schema.English, schema.French} {
		c, _ := testCommon(t, lang)
		m := documentStep(t, c)
		testVal, complete := txtTestValueKey.In(lang), formHelp["complete"].In(lang)
		if lang == schema.English {
			complete = "complete"
		}
		ctrlE := keyName("ctrl+e", lang)
		foot := footerLine(m)
		if strings.Count(foot, ctrlE) != 1 || !strings.Contains(foot, ctrlE+" "+testVal) {
			t.Errorf("%s, empty field: want one %q entry, %q:\n%s", lang, ctrlE, testVal, foot)
		}
		m = keyIn(m, tea.KeyMsg{Type: tea.KeyCtrlE})
		if got := m.plan.values[m.plan.step.Fields[0].Key]; got != testFileTokens[0] {
			t.Fatalf("%s: ctrl+e on the empty document typed %q", lang, got)
		}
		m = keyIn(m, tea.KeyMsg{Type: tea.KeyCtrlU}) // clear the line
		m = keyIn(m, runes("file_identity_document_f"))
		foot = footerLine(m)
		if strings.Count(foot, ctrlE) != 1 || !strings.Contains(foot, ctrlE+" "+complete) {
			t.Errorf("%s, a token begun: want one %q entry, %q:\n%s", lang, ctrlE, complete, foot)
		}
		m = keyIn(m, tea.KeyMsg{Type: tea.KeyCtrlE})
		if got := m.plan.values[m.plan.step.Fields[0].Key]; got != testFileTokens[1] {
			t.Fatalf("%s: ctrl+e did not complete the failing token: %q", lang, got)
		}
		m = keyIn(m, tea.KeyMsg{Type: tea.KeyCtrlU})
		m = keyIn(m, runes("id.png"))
		if foot = footerLine(m); strings.Contains(foot, ctrlE) {
			t.Errorf("%s, a path typed: ctrl+e completes nothing, yet the footer lists it:\n%s", lang, foot)
		}
	}
}

// keyIn sends a key typed into the focused field; what it starts (the
// cursor's blink) is left unrun, so nothing waits.
func keyIn(m Model, k tea.KeyMsg) Model {
	m, _ = step(m, k)
	return m
}

// ctrl+e names each role's new person differently, as examples/ does: all
// were "Jenny Rosen", and the steps titled by their names looked alike.
func TestTestNamesDifferByRole(t *testing.T) {
	sctx := schema.Context{Country: "GB"}
	seen := map[string]string{}
	for _, prefix := range []string{"representative", "owners.0", "directors.0", "executives.0"} {
		name := schema.TestValue(schema.Lookup(prefix+".first_name", "GB"), sctx) + " " + schema.TestValue(schema.Lookup(prefix+".last_name", "GB"), sctx)
		if other, ok := seen[name]; ok || strings.TrimSpace(name) == "" {
			t.Errorf("%s and %s both get %q", prefix, other, name)
		}
		seen[name] = prefix
	}
	if got := schema.TestValue(schema.Lookup("representative.first_name", "GB"), sctx); got != "Jenny" {
		t.Errorf("representative: %q", got)
	}
}
