package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/schema"
)

// After a send, the wizard's status panel follows verification as it
// settles (it read "verifying 1" until the next send), and the step being
// typed meanwhile is left as it is.
func TestWizardPanelFollowsVerification(t *testing.T) {
	c, sb := testCommon(t, schema.English)
	ctx := context.Background()
	a, err := c.Client.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	m := openWizard(t, c, a)
	fillStep(t, m)
	m = runCmds(t, m, m.startSubmit())
	if m.current() != screenWizard || len(m.account.Requirements.PendingVerification) == 0 {
		t.Fatalf("screen %s, pending %v: want the next step with something being verified", m.current(), m.account.Requirements.PendingVerification)
	}
	key := m.plan.step.Fields[0].Key
	m.plan.values[key] = "typed meanwhile"
	if v := ansi.Strip(m.View()); !strings.Contains(v, "verifying") {
		t.Fatalf("no verification count on the panel:\n%s", v)
	}
	if _, err := sb.Advance(ctx, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	m, cmd := step(m, result{m.gen, panelTickMsg{}})
	if cmd == nil {
		t.Fatal("the panel's tick read nothing")
	}
	m, _ = step(m, cmd())
	if p := m.account.Requirements.PendingVerification; len(p) != 0 {
		t.Errorf("the panel still shows %v being verified after it settled", p)
	}
	if m.current() != screenWizard || m.plan.values[key] != "typed meanwhile" {
		t.Errorf("the step being typed changed: screen %s, %s=%q", m.current(), key, m.plan.values[key])
	}
}
