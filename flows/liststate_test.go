package flows_test

import (
	"io"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/sandbox"
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
	ans, err := answers.Parse(map[string]any{"individual.first_name": "Jenny", "individual.last_name": "Rosen"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := answers.Run(e.ctx, e.cl, started, flows.Strategy{}, ans, io.Discard); err != nil {
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

// A brand-new account reads as new on both APIs (a v2 account used to
// read "restricted (past due)": NothingProvided left v2 out), in the list,
// the state text and the explanation, while status --json keeps the
// guide's state. An account something was sent to is not new, whichever
// part was sent (v2 keeps the MCC and the terms outside identity), nor is
// an older account whose deadline passed.
func TestNewAccountReadsNewOnBothAPIs(t *testing.T) {
	e := withV2(t)
	create := func(t *testing.T, api string) schema.Account {
		t.Helper()
		a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "individual",
			Capabilities: []string{"card_payments", "transfers"}, API: api, Email: "jenny@example.com"})
		if err != nil {
			t.Fatal(flows.Message(err))
		}
		return a
	}
	load := func(t *testing.T, id string) schema.Account {
		t.Helper()
		a, err := e.cl.Load(e.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	send := func(t *testing.T, a schema.Account, values map[string]any) {
		t.Helper()
		ans, err := answers.Parse(values)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{}, ans, io.Discard); err != nil {
			t.Fatal(flows.Message(err))
		}
	}
	for _, api := range []string{"v1", "v2"} {
		t.Run(api, func(t *testing.T) {
			fresh := load(t, create(t, api).ID)
			if (fresh.V2 != nil) != (api == "v2") {
				t.Fatalf("loaded as v2: %v", fresh.V2 != nil)
			}
			if got := flows.ListState(fresh); got != flows.StateNew {
				t.Errorf("a new account lists as %q", got)
			}
			for lang, want := range map[schema.Lang]string{schema.English: "new, nothing sent", schema.French: "nouveau, rien envoyé"} {
				if got := flows.StateText(fresh, lang); got != want {
					t.Errorf("%s state text %q, want %q", lang, got, want)
				}
			}
			if why := flows.Explain(fresh, schema.English); !strings.HasPrefix(why, "Nothing provided yet: ") {
				t.Errorf("explanation %q", why)
			}
			if got := flows.StatusOf(fresh).State; got != flows.StatePastDue {
				t.Errorf("status --json state %q, want the guide's %q", got, flows.StatePastDue)
			}
			for name, answers := range map[string]map[string]any{
				"a name": {"individual.first_name": "Jenny"},
				"an MCC": {"business_profile.mcc": "5734"},
				"terms":  {"tos_acceptance": true},
			} {
				a := create(t, api)
				send(t, a, answers)
				if got := flows.ListState(load(t, a.ID)); got != flows.StatePastDue {
					t.Errorf("%s sent: state %q, want %q", name, got, flows.StatePastDue)
				}
			}
			// Everything sent but the full SSN, which a later threshold
			// asks with a deadline; 15 days on, that deadline has passed.
			late := create(t, api)
			all := map[string]any{}
			for k, v := range usAnswerMap() {
				if k != "individual.id_number" {
					all[k] = v
				}
			}
			send(t, late, all)
			e.advance(t, 5*time.Second)
			if err := e.sb.Trigger(e.ctx, late.ID, sandbox.TriggerNextRequirements); err != nil {
				t.Fatal(err)
			}
			e.advance(t, 15*24*time.Hour)
			got := load(t, late.ID)
			if got.Requirements.CurrentDeadline.IsZero() || flows.ListState(got) != flows.StatePastDue {
				t.Errorf("past its deadline: state %q, deadline %v, due %v", flows.ListState(got),
					got.Requirements.CurrentDeadline, got.Requirements.PastDue)
			}
		})
	}
}

// In v2's own terms: a new account's entries wait on the user for
// routine onboarding, with no deadline time. An entry Stripe asks again
// (routine_verification) or a minimum deadline with a time says the
// account is older than that, whatever else it shows.
func TestV2NewReadFromEntries(t *testing.T) {
	account := func(reason, deadline string) string {
		return `{"id": "acct_1", "applied_configurations": ["merchant"],
			"identity": {"country": "us", "entity_type": "individual"},
			"configuration": {"merchant": {"capabilities": {"card_payments": {"status": "restricted"}}}},
			"requirements": {"entries": [{"awaiting_action_from": "user", "description": "identity.individual.given_name",
				"errors": [], "minimum_deadline": {"status": "past_due"}, "requested_reasons": [{"code": "` + reason + `"}]}],
				"summary": {"minimum_deadline": {"status": "past_due", "time": ` + deadline + `}}}}`
	}
	for _, c := range []struct {
		reason, deadline string
		isNew            bool
	}{
		{"routine_onboarding", "null", true},
		{"routine_verification", "null", false},
		{"routine_onboarding", `"2026-11-01T00:00:00.000Z"`, false},
	} {
		a, err := flows.NormalizeV2([]byte(account(c.reason, c.deadline)))
		if err != nil {
			t.Fatal(err)
		}
		if got := flows.NothingProvided(a); got != c.isNew {
			t.Errorf("reason %s, deadline %s: new %v, want %v", c.reason, c.deadline, got, c.isNew)
		}
	}
}
