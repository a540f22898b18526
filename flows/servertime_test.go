package flows_test

import (
	"testing"
	"time"

	"onboard/flows"
)

// Snapshots carry the server's clock (the Date header), v1 and v2, so
// countdowns run on Stripe's clock: the sandbox moved 15 days is 15 days
// ahead of this machine.
func TestSnapshotsCarryServerTime(t *testing.T) {
	e := withV2(t)
	if _, err := e.sb.Advance(e.ctx, 15*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	want := epoch.Add(15 * 24 * time.Hour)
	for _, api := range []string{"v1", "v2"} {
		a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "individual",
			Capabilities: []string{"card_payments", "transfers"}, API: api, Email: "jenny@example.com"})
		if err != nil {
			t.Fatal(flows.Message(err))
		}
		got, err := e.cl.Load(e.ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !a.ServerTime.Equal(want) || !got.ServerTime.Equal(want) {
			t.Errorf("%s: server time %v (create) %v (load), want %v", api, a.ServerTime, got.ServerTime, want)
		}
	}
}
