package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"onboard/flows"
	"onboard/schema"
)

// Every kind of group the wizard asks (selects, text, dates, secrets,
// address, bank account, documents, terms with the acceptance IP) at
// 80×24 and 60×24, in every language: each step of a GB individual asked
// up front (its identity document included).
func TestGroupGoldens(t *testing.T) {
	for _, lang := range goldenLangs {
		c, _ := testCommon(t, lang)
		a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "GB", BusinessType: "individual",
			Capabilities: []string{"card_payments", "transfers"}})
		if err != nil {
			t.Fatal(err)
		}
		steps := flows.Plan(a, flows.Strategy{Upfront: true}, nil, lang)
		seen := map[schema.Group]bool{}
		for i, st := range steps {
			if seen[st.Group] {
				continue
			}
			seen[st.Group] = true
			for _, w := range goldenWidths {
				name := goldenName(strings.ReplaceAll(strings.ToLower(st.Group.String()), " ", "_"), w, lang)
				t.Run(name, func(t *testing.T) {
					m := New(c, Start{AccountID: a.ID})
					m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
					m, _ = step(m, result{m.gen, accountMsg{account: a}})
					m.plan.step, m.plan.done, m.plan.total = st, i, len(steps)
					m.plan.problems = st.Problems
					_ = m.showStep()
					v := strings.ReplaceAll(ansi.Strip(m.View()), a.ID, fixedID)
					golden.RequireEqual(t, []byte(v))
				})
			}
		}
		for _, g := range []schema.Group{schema.GroupBankAccount, schema.GroupTerms, schema.GroupDocuments} {
			if !seen[g] {
				t.Errorf("%s: the plan has no %s step to render", lang, g)
			}
		}
	}
}

// The status panel in each account state, in every language (the
// pseudo-language too). The panel has its own width at any window width.
func TestStatusPanelStates(t *testing.T) {
	due := []string{"individual.dob.day"}
	states := map[string]schema.Account{
		flows.StateComplete:          {ChargesEnabled: true, PayoutsEnabled: true},
		flows.StateEnabled:           {ChargesEnabled: true, PayoutsEnabled: true, Requirements: schema.Requirements{EventuallyDue: due}},
		flows.StatePendingEnablement: {ChargesEnabled: true, PayoutsEnabled: true, Requirements: schema.Requirements{PendingVerification: due}},
		flows.StateRestricted:        {Requirements: schema.Requirements{CurrentlyDue: due, EventuallyDue: due}},
		flows.StatePayoutsDisabled:   {ChargesEnabled: true, Requirements: schema.Requirements{CurrentlyDue: due}},
		flows.StateChargesDisabled:   {PayoutsEnabled: true, Requirements: schema.Requirements{CurrentlyDue: due}},
		flows.StatePastDue: {Requirements: schema.Requirements{PastDue: due, CurrentlyDue: due,
			CurrentDeadline: epoch.Add(-2 * time.Hour), DisabledReason: "requirements.past_due"}},
		flows.StatePendingDisabled: {Requirements: schema.Requirements{PendingVerification: due}},
		flows.StateRejected:        {Requirements: schema.Requirements{DisabledReason: "rejected.fraud"}},
	}
	for state, a := range states {
		a.Capabilities = []schema.Capability{{Name: "card_payments", Status: "inactive"}, {Name: "transfers", Status: "pending"}}
		// Something was sent: a new account reads differently (TestNewAccountStateInWords).
		a.Known = map[string]string{"business_profile.mcc": "5734"}
		if a.ChargesEnabled {
			a.Capabilities[0].Status = "active"
		}
		if flows.State(a) != state {
			t.Fatalf("fixture for %q is %q", state, flows.State(a))
		}
		for _, lang := range goldenLangs {
			name := strings.NewReplacer(" ", "_", "(", "", ")", "").Replace(state) + "_" + string(lang)
			t.Run(name, func(t *testing.T) {
				c, _ := testCommon(t, lang)
				v := ansi.Strip(renderStatus(c, a, statusPanelWidth))
				if !strings.Contains(v, flows.StateLabel(state, lang)[:6]) {
					t.Errorf("panel does not name the state:\n%s", v)
				}
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

// A company's representative at 60 columns (and at 80), in every
// language: the narrow layout (the status in one line) of a person step,
// whose job title read "ex. CEO" on the French screen.
func TestRepresentativeStepNarrow(t *testing.T) {
	for _, lang := range goldenLangs {
		for _, w := range []int{60, 80} {
			// The 60-column goldens were named before the 80-column ones.
			name := "representative_" + string(lang)
			if w != 60 {
				name = "representative_" + itoa(w) + "_" + string(lang)
			}
			testRepresentativeStep(t, lang, w, name)
		}
	}
}

func testRepresentativeStep(t *testing.T, lang Lang, w int, name string) {
	t.Run(name, func(t *testing.T) {
		c, _ := testCommon(t, lang)
		a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "FR", BusinessType: "company",
			Capabilities: []string{"card_payments", "transfers"}})
		if err != nil {
			t.Fatal(err)
		}
		m := openWizard(t, c, a)
		m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 40})
		for _, st := range flows.Plan(a, flows.Strategy{Upfront: true}, nil, lang) {
			if st.Group == schema.GroupPeople {
				m.plan.step = st
				break
			}
		}
		if m.plan.step.Group != schema.GroupPeople {
			t.Fatal("no people step in the up-front plan")
		}
		_ = m.showStep()
		v := strings.ReplaceAll(ansi.Strip(m.View()), a.ID, fixedID)
		if lang == schema.French && strings.Contains(v, "CEO") {
			t.Errorf("an English job title on the French screen:\n%s", v)
		}
		golden.RequireEqual(t, []byte(v))
	})
}

// A question of fact is answered yes or no: "All owners have been added"
// offered "I accept / Not now", the words of the terms of service.
func TestYesNoAnsweredYesOrNo(t *testing.T) {
	for lang, want := range map[Lang][2]string{schema.English: {"Yes", "No"}, schema.French: {"Oui", "Non"}} {
		c, _ := testCommon(t, lang)
		a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "FR", BusinessType: "company",
			Capabilities: []string{"card_payments", "transfers"}})
		if err != nil {
			t.Fatal(err)
		}
		m := openWizard(t, c, a)
		found := false
		for _, st := range flows.Plan(a, flows.Strategy{Upfront: true}, nil, lang) {
			if len(st.Fields) == 0 || st.Fields[0].Kind != schema.KindYesNo {
				continue
			}
			found = true
			m.plan.step = st
			_ = m.showStep()
			v := ansi.Strip(m.View())
			if !strings.Contains(v, want[0]) || !strings.Contains(v, want[1]) || strings.Contains(v, txtAccept.In(lang)) {
				t.Errorf("%s: %s is not answered %s/%s:\n%s", lang, st.Fields[0].Key, want[0], want[1], v)
			}
		}
		if !found {
			t.Fatalf("%s: no yes/no question in a company's plan", lang)
		}
	}
}

// In French a confirmation's ←/→ switches the answer ("changer"); it read
// "cocher" (tick), the multi-select's word.
func TestConfirmToggleWordFrench(t *testing.T) {
	km := formKeyMap(schema.French)
	if got := km.Confirm.Toggle.Help().Desc; got != "changer" {
		t.Errorf("confirm toggle reads %q", got)
	}
	if got := km.MultiSelect.Toggle.Help().Desc; got != "cocher" {
		t.Errorf("multi-select toggle reads %q", got)
	}
	if got := formKeyMap(schema.English).Confirm.Toggle.Help().Desc; got != "toggle" {
		t.Errorf("English confirm toggle reads %q", got)
	}
}
