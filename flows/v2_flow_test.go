package flows_test

import (
	"io"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/stripeapi/stripetest"
	"onboard/schema"
)

// withV2 is newEnv with Accounts v2 enabled on the same sandbox.
func withV2(t *testing.T) env {
	t.Helper()
	e := newEnv(t)
	sc, v2 := stripetest.Client("sk_test_v2", "http://sandbox.invalid", e.sb.Transport())
	e.cl = flows.New(sc, flows.WithClock(func() time.Time { return epoch }),
		flows.WithAcceptance("203.0.113.9", "onboard-test"), flows.WithV2(v2))
	return e
}

// The same answers onboard a v1 and a v2 account of the same country and
// type to complete; the v2 one is read back as v2 (configurations, entries).
func TestSameAnswersOnboardV1AndV2(t *testing.T) {
	e := withV2(t)
	for _, api := range []string{"v1", "v2"} {
		t.Run(api, func(t *testing.T) {
			a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "individual",
				Capabilities: []string{"card_payments", "transfers"}, API: api, Email: "jenny@example.com"})
			if err != nil {
				t.Fatal(flows.Message(err))
			}
			if (a.V2 != nil) != (api == "v2") {
				t.Fatalf("created as %v", a.V2)
			}
			rep, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{Upfront: true}, usAnswers(t), io.Discard)
			if err != nil {
				t.Fatal(flows.Message(err))
			}
			if len(rep.Outstanding) > 0 {
				t.Fatalf("outstanding %v", rep.Outstanding)
			}
			e.advance(t, 5*time.Second)
			got, err := e.cl.Load(e.ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if s := flows.State(got); s != flows.StateComplete {
				t.Fatalf("state %q: %+v", s, got.Requirements)
			}
			if api == "v2" {
				if got.V2 == nil || len(got.V2.Configurations) != 2 {
					t.Fatalf("not read back as v2: %+v", got.V2)
				}
				st := flows.StatusOf(got)
				if st.Configurations["merchant"]["card_payments"].Status != "active" ||
					st.Configurations["recipient"]["stripe_balance.stripe_transfers"].Status != "active" {
					t.Errorf("configurations %+v", st.Configurations)
				}
			}
		})
	}
}

func TestV2PlanFromEntries(t *testing.T) {
	e := withV2(t)
	a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}, API: "v2", Email: "jenny@example.com"})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	steps := flows.Plan(a, flows.Strategy{}, nil, schema.English)
	var keys []string
	for _, s := range steps {
		for _, f := range s.Fields {
			if f.Generic {
				t.Errorf("v2 entry %s has no catalog field", f.Key)
			}
			keys = append(keys, f.Key)
		}
	}
	if len(steps) < 4 {
		t.Fatalf("plan %v", keys)
	}
}

// Two v2 accounts created in a row (with a fixed clock) are two accounts:
// each create has its own idempotency key.
func TestV2CreatesAreDistinct(t *testing.T) {
	e := withV2(t)
	n := flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"transfers"}, API: "v2", Email: "a@b.co"}
	a, err1 := e.cl.Create(e.ctx, n)
	b, err2 := e.cl.Create(e.ctx, n)
	if err1 != nil || err2 != nil || a.ID == b.ID {
		t.Fatalf("%v %v: %s and %s", err1, err2, a.ID, b.ID)
	}
}
