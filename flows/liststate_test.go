package flows_test

import (
	"io"
	"testing"

	"onboard/flows"
	"onboard/schema"
)

// A new account on which nothing was sent is listed as new, in both
// languages, not as "restricted (past due)": Stripe lists its fields as
// past due, but no deadline was missed. --state new finds it, --state
// past_due leaves it out, and an account whose fields are past due comes
// before it.
func TestNewAccountsListAsNew(t *testing.T) {
	e := newEnv(t)
	fresh := e.newUS(t)
	started := e.newUS(t)
	ans, err := flows.ParseAnswers(map[string]any{"individual.first_name": "Jenny", "individual.last_name": "Rosen"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.cl.Run(e.ctx, started, flows.Strategy{}, ans, io.Discard); err != nil {
		t.Fatal(err)
	}
	all, err := e.cl.Accounts(e.ctx, flows.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].ID != started.ID || all[1].ID != fresh.ID {
		t.Fatalf("list %+v: want the started account, then the new one", all)
	}
	if all[0].State != flows.StatePastDue || all[1].State != flows.StateNew {
		t.Errorf("states %q, %q; want %q, %q", all[0].State, all[1].State, flows.StatePastDue, flows.StateNew)
	}
	if all[1].PastDue == 0 {
		t.Errorf("the new account's past-due count (Stripe's lists) was dropped: %+v", all[1])
	}
	for lang, want := range map[schema.Lang]string{schema.English: "new, nothing sent", schema.French: "nouveau, rien envoyé"} {
		if got := flows.StateLabel(all[1].State, lang); got != want {
			t.Errorf("%s label %q, want %q", lang, got, want)
		}
	}
	for in, want := range map[string][]string{"past_due": {started.ID}, "new": {fresh.ID}, "not started": {fresh.ID},
		"nouveau, rien envoyé": {fresh.ID}, "New, nothing sent": {fresh.ID}} {
		st, ok := flows.ParseState(in)
		if !ok {
			t.Errorf("--state %q refused", in)
			continue
		}
		got, err := e.cl.Accounts(e.ctx, flows.ListOptions{State: st})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || got[0].ID != want[0] {
			t.Errorf("--state %q (%q) listed %v, want %v", in, st, ids(got), want)
		}
	}
	// The status panel and the list agree; status --json keeps the guide's state.
	a, err := e.cl.Load(e.ctx, fresh.ID)
	if err != nil {
		t.Fatal(err)
	}
	if flows.ListState(a) != flows.StateNew || flows.StateText(a, schema.English) != "new, nothing sent" ||
		flows.StatusOf(a).State != flows.StatePastDue {
		t.Errorf("list %q, text %q, status %q", flows.ListState(a), flows.StateText(a, schema.English), flows.StatusOf(a).State)
	}
}

// Urgency ranks a new account with those whose fields are due now, after
// every account with past-due fields, whatever Stripe's past-due count.
func TestUrgencyPutsNewAccountsAfterPastDue(t *testing.T) {
	newOne := flows.Summary{ID: "acct_new", State: flows.StateNew, PastDue: 17, CurrentlyDue: 17, Created: 2}
	late := flows.Summary{ID: "acct_late", State: flows.StatePastDue, PastDue: 1, CurrentlyDue: 1, Created: 1}
	idle := flows.Summary{ID: "acct_idle", State: flows.StateEnabled, Created: 3}
	if flows.Urgency(late, newOne) >= 0 || flows.Urgency(newOne, idle) >= 0 {
		t.Errorf("want past due, then new (fields due now), then nothing due")
	}
}
