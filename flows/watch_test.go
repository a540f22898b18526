package flows_test

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/stripeapi/stripetest"
	"onboard/sandbox"
)

func TestChangedSeesAccountUpdatedEvents(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	other := e.newUS(t)
	changed, cur, err := e.cl.Changed(e.ctx, a.ID, flows.Cursor{})
	if err != nil || !changed {
		t.Fatalf("the first call looks back and sees the account's creation: %v %v", changed, err)
	}
	if changed, cur, _ = e.cl.Changed(e.ctx, a.ID, cur); changed {
		t.Fatal("nothing happened, yet a change is reported")
	}
	// An update of another account is not a change of this one.
	if _, err := answers.Run(e.ctx, e.cl, other, flows.Strategy{}, usAnswers(t), io.Discard); err != nil {
		t.Fatal(err)
	}
	if changed, cur, _ = e.cl.Changed(e.ctx, a.ID, cur); changed {
		t.Fatal("another account's event counted")
	}
	if _, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{}, usAnswers(t), io.Discard); err != nil {
		t.Fatal(err)
	}
	if changed, cur, _ = e.cl.Changed(e.ctx, a.ID, cur); !changed {
		t.Fatal("the account's own update was missed")
	}
	if changed, _, _ = e.cl.Changed(e.ctx, a.ID, cur); changed {
		t.Fatal("the same events counted twice")
	}
}

// Watching reads the account's own events (Stripe-Account header) from
// the last one seen (ending_before): one request per poll however busy
// the platform is, never a walk through the platform's event list.
func TestChangedListsOnlyTheAccountsOwnEvents(t *testing.T) {
	inj := &faulty{at: -1}
	cl, _ := policyEnv(t, inj, &waits{})
	ctx := context.Background()
	a, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 { // a busy platform: other accounts, many events
		o, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"transfers"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := answers.Run(ctx, cl, o, flows.Strategy{}, usAnswers(t), io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	_, cur, err := cl.Changed(ctx, a.ID, flows.Cursor{})
	if err != nil || cur.Last == "" {
		t.Fatalf("first poll: %v %+v", err, cur)
	}
	before := inj.attempts()
	changed, cur2, err := cl.Changed(ctx, a.ID, cur)
	if err != nil || changed || cur2.Last != cur.Last {
		t.Fatalf("quiet poll: %v %v %+v", err, changed, cur2)
	}
	if inj.attempts() != before+1 {
		t.Fatalf("a quiet poll made %d requests", inj.attempts()-before)
	}
	if inj.acting[before] != a.ID || !strings.Contains(inj.queries[before], "ending_before="+cur.Last) ||
		!strings.HasSuffix(inj.requests[before], "/v1/events") {
		t.Fatalf("poll sent %s ?%s as %q", inj.requests[before], inj.queries[before], inj.acting[before])
	}
}

func TestBackoff(t *testing.T) {
	b := flows.Backoff{Min: time.Second, Max: 8 * time.Second}
	var got []time.Duration
	for _, ch := range []bool{false, false, false, false, false, true, false} {
		got = append(got, b.Next(ch))
	}
	want := []time.Duration{1, 2, 4, 8, 8, 1, 2}
	for i := range want {
		if got[i] != want[i]*time.Second {
			t.Fatalf("%v", got)
		}
	}
}

// Watch reads the account, then looks for news with the backoff: quiet
// looks read nothing and wait twice as long each time (up to Max); an
// update of the account is read at the next look, and the wait is back
// to Min.
func TestWatchFollowsTheAccount(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	ctx, cancel := context.WithTimeout(e.ctx, 30*time.Second)
	defer cancel()
	var waits []time.Duration
	quiet := 0
	err := e.cl.Watch(ctx, a.ID, flows.WatchOptions{Min: time.Millisecond, Max: 4 * time.Millisecond}, func(l flows.Look) error {
		if l.Err != nil {
			t.Fatalf("look: %v", l.Err)
		}
		waits = append(waits, l.Wait)
		switch {
		case len(waits) == 1:
			if !l.Read || l.Account.ID != a.ID {
				t.Fatalf("the first look is the account as it stands: %+v", l)
			}
		case !l.Read:
			if quiet++; quiet == 4 {
				if _, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{}, usAnswers(t), io.Discard); err != nil {
					t.Fatal(err)
				}
			}
		default:
			if quiet != 4 || len(l.Account.Requirements.CurrentlyDue) >= len(a.Requirements.CurrentlyDue) {
				t.Fatalf("read after %d quiet looks: due %v", quiet, l.Account.Requirements.CurrentlyDue)
			}
			cancel()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []time.Duration{1, 2, 4, 4, 4, 1}
	if len(waits) != len(want) {
		t.Fatalf("waits %v", waits)
	}
	for i := range want {
		if waits[i] != want[i]*time.Millisecond {
			t.Fatalf("waits %v, want %v (ms)", waits, want)
		}
	}
}

// A webhook's wake reads the account at once, whatever the wait; an
// error of each ends the watch with it.
func TestWatchWakesOnWebhook(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	wake := make(chan struct{}, 1)
	stop := errors.New("stop")
	looks := 0
	done := make(chan error, 1)
	go func() {
		done <- e.cl.Watch(e.ctx, a.ID, flows.WatchOptions{Min: time.Hour, Max: time.Hour, Wake: wake}, func(l flows.Look) error {
			if looks++; looks == 1 {
				wake <- struct{}{}
				return nil
			}
			if !l.Read || l.Account.ID != a.ID {
				t.Errorf("woken look: %+v", l)
			}
			return stop
		})
	}()
	select {
	case err := <-done:
		if !errors.Is(err, stop) || looks != 2 {
			t.Fatalf("watch ended with %v after %d looks", err, looks)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the wake was not read")
	}
}

// A watch of an account that cannot be read has nothing to follow.
func TestWatchFailsOnUnknownAccount(t *testing.T) {
	e := newEnv(t)
	err := e.cl.Watch(e.ctx, "acct_missing", flows.WatchOptions{Min: time.Millisecond, Max: time.Millisecond}, func(flows.Look) error {
		t.Fatal("a look of an account that does not exist")
		return nil
	})
	if err == nil {
		t.Fatal("no error")
	}
}

// noEvents is an API whose event list is down.
type noEvents struct{ flows.API }

func (noEvents) ListEvents(context.Context, string, string, string, func(flows.Event) bool) error {
	return errors.New("events down")
}

// A look whose events cannot be listed reads the account (it may have
// changed, and the read says whether Stripe answers at all), reports the
// events' error, and backs off as after a quiet look.
func TestWatcherReadsWhenEventsFail(t *testing.T) {
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	sc, _ := stripetest.Client("sk_test_watch", "http://sandbox.invalid", sb.Transport())
	cl := flows.New(noEvents{sc}, flows.WithClock(func() time.Time { return epoch }))
	a, err := cl.Create(context.Background(), flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	w := cl.Watcher(a.ID, flows.WatchOptions{Min: time.Second, Max: 4 * time.Second})
	for _, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 4 * time.Second} {
		l := w.Look(context.Background())
		if !l.Read || l.Account.ID != a.ID || l.Err == nil || !strings.Contains(l.Err.Error(), "events down") || l.Wait != want {
			t.Fatalf("look %+v (error %v), want a read, the events' error and a wait of %v", l.Read, l.Err, want)
		}
	}
	if w.Read() != time.Second {
		t.Error("a read of the caller's own does not bring the wait back to Min")
	}
}
