package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"onboard/flows"
	"onboard/schema"
)

// fillStep answers every field of the step on screen with Stripe's test
// values, as ctrl+e would (a select keeps its first option).
func fillStep(t *testing.T, m Model) {
	t.Helper()
	sctx := m.c.Client.Context(m.account)
	for _, f := range m.plan.step.Fields {
		if m.plan.hidden[f.Key] || m.plan.values[f.Key] != "" && f.Check(sctx)(m.plan.values[f.Key]) == nil {
			continue
		}
		v := schema.TestValue(f, sctx)
		switch {
		case f.Kind == schema.KindAcceptance || f.Kind == schema.KindYesNo:
			v = "true"
		case strings.HasSuffix(f.Key, "percent_ownership"):
			v = "60"
		case f.Kind == schema.KindPhone && m.account.Country == "GB":
			v = "+442071234567"
		}
		if v == "" && !f.Optional {
			t.Fatalf("no test value for %s", f.Key)
		}
		m.plan.values[f.Key] = v
	}
}

// The step total shown on the first step is the number of steps
// the journey takes (US company was 8 → 11 → 10 → 11, GB 11 → 13 → 14 →
// 15), and a step Stripe adds after an answer is named with its reason.
func TestStepTotalKnownUpFront(t *testing.T) {
	for _, country := range []string{"US", "GB"} {
		t.Run(country, func(t *testing.T) {
			c, _ := testCommon(t, schema.English)
			a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: country, BusinessType: "company",
				Capabilities: []string{"card_payments", "transfers"}})
			if err != nil {
				t.Fatal(err)
			}
			m := openWizard(t, c, a)
			first := m.plan.total
			var totals []string
			explained := false
			steps := 0
			for ; m.current() == screenWizard && steps < 30; steps++ {
				totals = append(totals, fmt.Sprint(m.plan.total)+" "+m.plan.step.Title(m.account, c.Lang))
				if m.plan.total != first {
					t.Errorf("the total moved: %s", strings.Join(totals, " → "))
					break
				}
				fillStep(t, m)
				m = runCmds(t, m, m.startSubmit())
				explained = explained || strings.Contains(m.plan.notice, "asked once a person exists")
			}
			if m.current() != screenSummary {
				t.Fatalf("stopped on %s after %d steps: %s", m.current(), steps, m.plan.notice)
			}
			if steps != first {
				t.Errorf("%d steps taken, %d announced (%s)", steps, first, strings.Join(totals, " → "))
			}
			if !explained {
				t.Error("no notice said why a person's step was added")
			}
		})
	}
}
