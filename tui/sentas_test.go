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

// While a national form is typed, the notice line shows what will be sent:
// a UK phone number in international form, a French date as YYYY-MM-DD.
func TestWizardShowsWhatANationalFormIsSentAs(t *testing.T) {
	for _, c := range []struct {
		lang           schema.Lang
		key, typed     string
		want, wantText string
	}{
		{schema.English, "individual.phone", "020 7123 4567", "+442071234567", "Will be sent as"},
		{schema.French, "individual.dob", "01/01/1901", "1901-01-01", "Sera envoyé sous la forme"},
	} {
		cm, _ := testCommon(t, c.lang)
		a, err := cm.Client.Create(context.Background(), flows.NewAccount{Country: "GB", BusinessType: "individual",
			Capabilities: []string{"card_payments", "transfers"}})
		if err != nil {
			t.Fatal(err)
		}
		m := openWizard(t, cm, a)
		m.plan.step = flows.Step{Group: schema.GroupIdentity, Paths: []string{c.key},
			Fields: []schema.Field{schema.Lookup(c.key, "GB")}}
		m.showStep()
		if v := ansi.Strip(m.View()); strings.Contains(v, c.wantText) {
			t.Fatalf("hint shown before anything is typed:\n%s", v)
		}
		m, _ = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(c.typed)})
		v := ansi.Strip(m.View())
		if !strings.Contains(v, c.wantText) || !strings.Contains(v, c.want) {
			t.Errorf("%s %q: the screen does not say it is sent as %s:\n%s", c.key, c.typed, c.want, v)
		}
	}
}
