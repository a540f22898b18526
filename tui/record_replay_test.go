package tui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/schema"
)

// A wizard run recorded with --record and finished with ctrl+e's test
// values replays with `new --answers FILE` to the same state: the file
// holds the values that were sent (the GB company's tax id 000000000 was
// recorded as the catalog's example 12345678, which fails verification)
// and the strategy (without it the replay collected only what was due
// and ended restricted (past due)).
func TestRecordedWizardRunReplaysToTheSameState(t *testing.T) {
	c, sb := testCommon(t, schema.English)
	file := filepath.Join(t.TempDir(), "rec.yaml")
	rec, err := answers.NewRecorder(file, true)
	if err != nil {
		t.Fatal(err)
	}
	c.Client = flows.New(stripeAt("http://sandbox.invalid", sb.Transport()), flows.WithClock(func() time.Time { return epoch }), flows.WithRecorder(rec))
	ctx := context.Background()
	a, err := c.Client.Create(ctx, flows.NewAccount{Country: "GB", BusinessType: "company",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	m := openWizard(t, c, a) // --upfront
	for steps := 0; m.current() == screenWizard && steps < 30; steps++ {
		fillStep(t, m) // what ctrl+e types in each field
		m = runCmds(t, m, m.startSubmit())
	}
	if m.current() != screenSummary {
		t.Fatalf("the wizard stopped on %s: %s", m.current(), m.plan.notice)
	}
	if err := rec.Err(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`company.tax_id: "000000000"`, `strategy: "upfront"`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("the recording lacks %s:\n%s", want, raw)
		}
	}

	// The replay, as `new --answers FILE` runs it: the file's setup and
	// strategy, read strictly.
	ans, err := answers.Load(file, answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	strategy, ok := flows.Strategies[ans.Setup.Strategy]
	if !ok {
		t.Fatalf("no strategy in the recording: %q", ans.Setup.Strategy)
	}
	b, err := c.Client.Create(ctx, flows.NewAccount{Country: ans.Setup.Country, BusinessType: ans.Setup.BusinessType,
		Capabilities: ans.Setup.Capabilities})
	if err != nil {
		t.Fatal(err)
	}
	if err := ans.Validate(c.Client.Context(b)); err != nil {
		t.Fatal(err)
	}
	if _, err := answers.Run(ctx, c.Client, b, strategy, ans, io.Discard); err != nil {
		t.Fatal(err)
	}

	if _, err := sb.Advance(ctx, 10*time.Second); err != nil { // verification settles
		t.Fatal(err)
	}
	state := func(id string) (string, []string) {
		acct, err := c.Client.Load(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		st := flows.StatusOf(acct)
		due := slices.Concat(st.Requirements.CurrentlyDue, st.Requirements.EventuallyDue, st.Requirements.PastDue)
		for i, p := range due {
			if _, leaf, ok := schema.ParsePersonPath(p); ok && strings.HasPrefix(p, "person_") {
				due[i] = "person." + leaf // person ids differ between the runs
			}
		}
		slices.Sort(due)
		return st.State, slices.Compact(due)
	}
	wizState, wizDue := state(a.ID)
	replayState, replayDue := state(b.ID)
	if wizState != "complete" || replayState != wizState || !slices.Equal(wizDue, replayDue) {
		t.Fatalf("wizard: %s %v; replay: %s %v\n%s", wizState, wizDue, replayState, replayDue, raw)
	}
}
