package tui

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/schema"
)

// A yes/no left on the No huh shows is answered No: enter through the
// People step's three questions sends them, where it read "Fix the fields
// marked ✗." and "This field is required." under each No on screen.
func TestYesNoLeftOnNoIsSent(t *testing.T) {
	for _, lang := range []Lang{schema.English, schema.French} {
		c, _ := testCommon(t, lang)
		raw, err := os.ReadFile("../examples/gb-company.json")
		if err != nil {
			t.Fatal(err)
		}
		var m0 map[string]any
		if err := json.Unmarshal(raw, &m0); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"country", "business_type", "company.owners_provided", "company.directors_provided", "company.executives_provided"} {
			delete(m0, k)
		}
		ans, err := answers.Parse(m0)
		if err != nil {
			t.Fatal(err)
		}
		a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "GB", BusinessType: "company",
			Capabilities: []string{"card_payments", "transfers"}})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := answers.Run(context.Background(), c.Client, a, flows.Strategy{}, ans, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		m := openWizard(t, c, rep.Account)
		if m.plan.step.Group != schema.GroupPeople {
			t.Fatalf("%s: first step %v, want the people questions", lang, m.plan.step.Group)
		}
		// Drawn and moved through, nothing is answered yet: a draft
		// saved now offers nothing to restore.
		m, _ = step(m, tea.KeyMsg{Type: tea.KeyDown})
		if d := m.draftValues(); d["company.owners_provided"] != "" || d["company.directors_provided"] != "" {
			t.Errorf("%s: the draft holds answers nobody gave: %v", lang, d)
		}
		for range 3 {
			var cmd tea.Cmd
			m, cmd = step(m, tea.KeyMsg{Type: tea.KeyEnter})
			m = drain(m, cmd)
		}
		if m.plan.warn && strings.Contains(m.plan.notice, txtFixFields.In(lang)) || len(m.plan.problems) > 0 {
			t.Errorf("%s: enter through the No answers was refused: %q %v\n%s", lang, m.plan.notice, m.plan.problems, view(m))
		}
		h := m.plan.journey.History()
		if len(h) == 0 || h[0].Values["company.owners_provided"] != "false" {
			t.Errorf("%s: sent %+v, want owners_provided false", lang, h)
		}
	}
}
