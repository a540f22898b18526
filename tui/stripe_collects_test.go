package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/flows/stripeapi/stripetest"
	"onboard/schema"
)

// The wizard on an Express or Standard account (created as Stripe
// creates them: controller.requirement_collection=stripe) asks no form: it says Stripe collects the account's
// information, in the operator's language, and its one step makes an
// account onboarding link the summary shows.
func TestWizardOffersALinkForAStripeCollectedAccount(t *testing.T) {
	for _, lang := range []schema.Lang{schema.English, schema.French} {
		t.Run(string(lang), func(t *testing.T) {
			c, sb := testCommon(t, lang)
			c.Mode = "test"
			sc := stripeAt("http://sandbox.invalid", sb.Transport())
			created, err := stripetest.CreateAccount(context.Background(), sc,
				schema.Param{Key: "type", Value: "standard"}, schema.Param{Key: "country", Value: "US"})
			if err != nil {
				t.Fatal(err)
			}
			a, err := c.Client.Load(context.Background(), created)
			if err != nil {
				t.Fatal(err)
			}
			m := New(c, Start{AccountID: a.ID, Strategy: flows.Strategy{Upfront: true}, StrategyGiven: true})
			m, _ = step(m, tea.WindowSizeMsg{Width: 100, Height: 30})
			m, _ = step(m, result{m.gen, accountMsg{account: a}})
			if m.current() != screenWizard || len(m.plan.step.Fields) != 1 || m.plan.step.Fields[0].Kind != schema.KindLink {
				t.Fatalf("screen %s, step %+v", m.current(), m.plan.step.Fields)
			}
			want := map[schema.Lang]string{schema.English: "Stripe collects this account's information",
				schema.French: "Stripe collecte les informations de ce compte"}[lang]
			if v := ansi.Strip(m.View()); !strings.Contains(v, want) {
				t.Fatalf("the wizard does not say Stripe collects:\n%s", v)
			}
			if v := ansi.Strip(m.View()); !strings.Contains(v, "Express") {
				t.Errorf("the wizard does not say why no form can answer:\n%s", v)
			}
			m = runCmds(t, m, m.startSubmit())
			if m.plan.link == "" || m.current() != screenSummary {
				t.Fatalf("no link: screen %s, notice %q", m.current(), m.plan.notice)
			}
			if v := ansi.Strip(m.View()); !strings.Contains(v, "https://") {
				t.Errorf("the summary does not show the link:\n%s", v)
			}
		})
	}
}
