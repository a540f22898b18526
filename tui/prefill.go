package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"onboard/flows"
	"onboard/schema"
)

// Fewer keystrokes (issue 13): values Stripe takes twice are typed once,
// and on the sandbox Stripe's test values are one key away.

// prefill fills, where nothing is typed yet, the fields whose value the
// operator already gave elsewhere: the account holder's name is the
// person's (or the company's) name, a person's email is the account's
// contact email.
func prefill(values map[string]string, st flows.Step, a schema.Account) {
	for _, f := range st.Fields {
		if strings.TrimSpace(values[f.Key]) != "" {
			continue
		}
		switch {
		case f.Key == "external_account.account_holder_name":
			values[f.Key] = holderName(values, a)
		case strings.HasSuffix(f.Key, ".email") && a.Email != "" &&
			(strings.HasPrefix(f.Key, "individual.") || strings.HasPrefix(f.Key, "representative.")):
			values[f.Key] = a.Email
		}
	}
}

// holderName is the name a bank account is most likely held in.
func holderName(values map[string]string, a schema.Account) string {
	if a.BusinessType != "individual" {
		if n := strings.TrimSpace(values["company.name"]); n != "" {
			return n
		}
	}
	return strings.TrimSpace(values["individual.first_name"] + " " + values["individual.last_name"])
}

// testLeaf are Stripe's test values (sandbox-rules §2) by the last part
// of a field's key; fields not listed use their example when it is valid.
var testLeaf = map[string]string{
	"dob":            "1901-01-01",
	"line1":          "address_full_match",
	"url":            "https://accessible.stripe.com",
	"first_name":     "Jenny",
	"last_name":      "Rosen",
	"email":          "jenny.rosen@example.com",
	"ssn_last_4":     "0000",
	"id_number":      "000000000",
	"tax_id":         "000000000",
	"account_number": "000123456789",
	"name":           "Furever LLC",
	"title":          "CEO",
	"document":       "file_identity_document_success",
}

// testCities go with the countries' example postal codes.
var testCities = map[string]string{"US": "San Francisco", "GB": "London", "CA": "Toronto", "FR": "Paris",
	"DE": "Berlin", "IE": "Dublin", "AU": "Sydney", "NL": "Amsterdam"}

// testValue is Stripe's test value for f, "" when there is none the
// field's own check accepts (a French SIREN is not a US SSN).
func testValue(f schema.Field, sctx schema.Context) string {
	leaf := f.Key[strings.LastIndex(f.Key, ".")+1:]
	check := f.Check(sctx)
	v := testLeaf[leaf]
	if leaf == "city" {
		v = testCities[sctx.Country]
	}
	for _, v := range []string{v, f.Placeholder} {
		if v != "" && check(v) == nil {
			return v
		}
	}
	return ""
}

// focusedTestValue is the test value for the focused field when it is
// an empty input on the sandbox, "" otherwise.
func (m Model) focusedTestValue() string {
	if m.c.Mode != "sandbox" || m.form == nil || m.screen != screenWizard {
		return ""
	}
	in, ok := m.form.GetFocusedField().(*huh.Input)
	if !ok || in.GetValue() != "" {
		return ""
	}
	i := m.steps.focusIndex(m.form)
	if i >= len(m.steps.keys) {
		return ""
	}
	f, ok := stepField(m.plan.step, strings.TrimSuffix(m.steps.keys[i], confirmSuffix))
	if !ok {
		return ""
	}
	return testValue(f, m.c.Client.Context(m.account))
}

// fillTestValue types the focused field's test value when that field is
// empty: ctrl+e (huh's key to complete a suggestion) does nothing on an
// empty field otherwise. It reports whether it did.
func (m *Model) fillTestValue() (tea.Cmd, bool) {
	v := m.focusedTestValue()
	if v == "" {
		return nil, false
	}
	_, cmd := m.form.Update(runes(v))
	return cmd, true
}

// runes is typed text as Bubble Tea delivers it.
func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// stepField is the step's field of key.
func stepField(st flows.Step, key string) (schema.Field, bool) {
	for _, f := range st.Fields {
		if f.Key == key {
			return f, true
		}
	}
	return schema.Field{}, false
}
