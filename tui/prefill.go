package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"onboard/flows"
	"onboard/schema"
)

// Fewer keystrokes: values Stripe takes twice are typed once,
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

// focusedInput is the focused field when it is a text input of the
// step, with its spec.
func (m *wizardScreen) focusedInput() (*huh.Input, schema.Field, bool) {
	if m.form == nil {
		return nil, schema.Field{}, false
	}
	in, ok := m.form.GetFocusedField().(*huh.Input)
	if !ok {
		return nil, schema.Field{}, false
	}
	i := m.steps.focusIndex(m.form)
	if i >= len(m.steps.keys) {
		return nil, schema.Field{}, false
	}
	f, ok := stepField(m.plan.step, strings.TrimSuffix(m.steps.keys[i], confirmSuffix))
	return in, f, ok
}

// focusedTestValue is the test value for the focused field when it is
// an empty input on the sandbox, "" otherwise.
func (m *wizardScreen) focusedTestValue() string {
	if m.c.Mode != "sandbox" {
		return ""
	}
	in, f, ok := m.focusedInput()
	if !ok || in.GetValue() != "" {
		return ""
	}
	return schema.TestValue(f, m.c.Client.Context(m.account))
}

// withoutIdleCompletion drops huh's "ctrl+e complete" from the focused
// field's bindings when ctrl+e does something else or nothing: on an
// empty field with a test value it types that value (the footer's own
// "ctrl+e test value" says so; huh completes nothing from an empty
// field), and when no suggestion extends what is typed huh has nothing
// to complete. One key, one entry, and the entry says what it does.
func (m *wizardScreen) withoutIdleCompletion(binds []key.Binding) []key.Binding {
	in, f, ok := m.focusedInput()
	if !ok {
		return binds
	}
	if m.focusedTestValue() == "" && completes(inputSuggestions(m.c, f), fmt.Sprint(in.GetValue())) {
		return binds
	}
	out := binds[:0:0]
	for _, b := range binds {
		if !sharesKey(b, m.c.Keys.TestValue) {
			out = append(out, b)
		}
	}
	return out
}

// completes reports whether a suggestion extends typed, as huh's input
// matches them (a case-insensitive prefix of something longer).
func completes(suggestions []string, typed string) bool {
	if typed == "" {
		return false
	}
	for _, s := range suggestions {
		if len(s) > len(typed) && strings.HasPrefix(strings.ToLower(s), strings.ToLower(typed)) {
			return true
		}
	}
	return false
}

// sharesKey reports whether a and b answer a same key.
func sharesKey(a, b key.Binding) bool {
	for _, k := range a.Keys() {
		if slices.Contains(b.Keys(), k) {
			return true
		}
	}
	return false
}

// fillTestValue types the focused field's test value when that field is
// empty: ctrl+e (huh's key to complete a suggestion) does nothing on an
// empty field otherwise. It reports whether it did.
func (m *wizardScreen) fillTestValue() (tea.Cmd, bool) {
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
