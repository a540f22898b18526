package tui

import (
	"github.com/charmbracelet/bubbles/key"
)

// KeyMap holds the application's own bindings; the focused form adds its
// own (huh's KeyBinds) to the footer.
type KeyMap struct {
	Quit key.Binding
	// EOF (ctrl+d) leaves as a shell does: at once when nothing would be
	// lost, else with the question esc asks; in a text field it is the
	// field's (delete forward).
	EOF     key.Binding
	Back    key.Binding
	Refresh key.Binding
	Home    key.Binding
	Advance key.Binding
	// People opens the people screen from the summary; PeopleInWizard
	// from the wizard, where a plain letter would be typed into a field.
	People         key.Binding
	PeopleInWizard key.Binding
	// Status shows the full status screen from the wizard.
	Status key.Binding
	// PrevStep, on a step's first field, shows the step sent before it.
	PrevStep key.Binding
	// Steps lists every step, sent and to come, to jump to one.
	Steps key.Binding
	// TestValue types Stripe's test value into an empty field (sandbox).
	TestValue key.Binding
	// Help toggles the full help; not while a text field has focus, where
	// ? is typed.
	Help key.Binding
	// Requests opens the pane of API requests, from any screen (a control
	// key: it is never typed into a field; ctrl+x because huh's and
	// bubbles' fields and the triage screen use ctrl+r, l and t).
	Requests key.Binding
	// Triage holds the account list's keys.
	Triage TriageKeyMap
	// Scroll holds the keys that scroll the summary.
	Scroll ScrollKeyMap
}

// DefaultKeyMap returns the default bindings with help in lang.
func DefaultKeyMap(lang Lang) KeyMap {
	return KeyMap{
		Quit:           key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", txtQuit.In(lang))),
		EOF:            key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", txtQuit.In(lang))),
		Back:           key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", txtBack.In(lang))),
		Refresh:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", txtRefresh.In(lang))),
		Home:           key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", txtDone.In(lang))),
		Advance:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", txtQuit.In(lang))),
		People:         key.NewBinding(key.WithKeys("p"), key.WithHelp("p", txtPeopleKey.In(lang))),
		PeopleInWizard: key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", txtPeopleKey.In(lang))),
		Status:         key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", txtStatusKey.In(lang))),
		PrevStep:       key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", txtPrevStepKey.In(lang))),
		Steps:          key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", txtStepsKey.In(lang))),
		TestValue:      key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", txtTestValueKey.In(lang))),
		Help:           key.NewBinding(key.WithKeys("?"), key.WithHelp("?", txtMoreHelp.In(lang))),
		Requests:       key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", txtReqKey.In(lang))),
		Triage:         defaultTriageKeyMap(lang),
		Scroll:         defaultScrollKeyMap(lang),
	}
}
