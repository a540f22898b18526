package flows_test

import (
	"context"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/webhook"

	"onboard/flows"
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
	if _, err := e.cl.Run(e.ctx, other, flows.Strategy{}, usAnswers(t), io.Discard); err != nil {
		t.Fatal(err)
	}
	if changed, cur, _ = e.cl.Changed(e.ctx, a.ID, cur); changed {
		t.Fatal("another account's event counted")
	}
	if _, err := e.cl.Run(e.ctx, a, flows.Strategy{}, usAnswers(t), io.Discard); err != nil {
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
		if _, err := cl.Run(ctx, o, flows.Strategy{}, usAnswers(t), io.Discard); err != nil {
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

func TestWebhookHandlerVerifiesSignatures(t *testing.T) {
	const secret = "whsec_test_secret"
	var notified []string
	srv := httptest.NewServer(flows.WebhookHandler(secret, func(a string) { notified = append(notified, a) }))
	defer srv.Close()
	payload := []byte(`{"id":"evt_1","object":"event","type":"account.updated","api_version":"` + stripe.APIVersion +
		`","created":` + itoa(time.Now().Unix()) + `,"data":{"object":{"id":"acct_123","object":"account"}}}`)
	post := func(body []byte, sig string) int {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(string(body)))
		if sig != "" {
			req.Header.Set("Stripe-Signature", sig)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close() // read or not needed: a failed close changes nothing
		return resp.StatusCode
	}
	good := stripe.GenerateTestSignedPayload(&stripe.UnsignedPayload{Payload: payload, Secret: secret, Timestamp: time.Now()})
	if code := post(payload, good.Header); code != 200 || len(notified) != 1 || notified[0] != "acct_123" {
		t.Fatalf("signed event: %d %v", code, notified)
	}
	// An endpoint on an older API version still names the account.
	old := []byte(strings.NewReplacer(stripe.APIVersion, "2024-06-20", "evt_1", "evt_2").Replace(string(payload)))
	oldSig := stripe.GenerateTestSignedPayload(&stripe.UnsignedPayload{Payload: old, Secret: secret, Timestamp: time.Now()})
	if code := post(old, oldSig.Header); code != 200 || len(notified) != 2 {
		t.Fatalf("event from an endpoint on another API version: %d %v", code, notified)
	}
	forged := stripe.GenerateTestSignedPayload(&stripe.UnsignedPayload{Payload: payload, Secret: "whsec_other", Timestamp: time.Now()})
	stale := stripe.GenerateTestSignedPayload(&stripe.UnsignedPayload{Payload: payload, Secret: secret, Timestamp: time.Now().Add(-time.Hour)})
	future := stripe.GenerateTestSignedPayload(&stripe.UnsignedPayload{Payload: payload, Secret: secret, Timestamp: time.Now().Add(10 * time.Minute)})
	for name, sig := range map[string]string{"unsigned": "", "forged": forged.Header, "stale": stale.Header, "future": future.Header} {
		if code := post(payload, sig); code != 400 {
			t.Errorf("%s event answered %d", name, code)
		}
	}
	if len(notified) != 2 {
		t.Errorf("refused events notified: %v", notified)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// The timestamp checked is the one the signature covers: a header with a
// second t= is refused (the check read the first, the signature the
// last); an event delivered twice within the tolerance is notified once;
// a signed body that is no event (null, an empty object, a list) is
// refused.
func TestWebhookHandlerRefusesAmbiguousAndRepeatedEvents(t *testing.T) {
	const secret = "whsec_test_secret"
	var notified []string
	srv := httptest.NewServer(flows.WebhookHandler(secret, func(a string) { notified = append(notified, a) }))
	defer srv.Close()
	post := func(body []byte, sig string) int {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(string(body)))
		req.Header.Set("Stripe-Signature", sig)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close() // read or not needed: a failed close changes nothing
		return resp.StatusCode
	}
	sign := func(body []byte, at time.Time) string {
		return stripe.GenerateTestSignedPayload(&stripe.UnsignedPayload{Payload: body, Secret: secret, Timestamp: at}).Header
	}
	event := func(id string) []byte {
		return []byte(`{"id":"` + id + `","object":"event","type":"account.updated","api_version":"` + stripe.APIVersion +
			`","created":` + itoa(time.Now().Unix()) + `,"data":{"object":{"id":"acct_123","object":"account"}}}`)
	}
	now := time.Now()
	later := now.Add(10 * time.Minute)
	ev := event("evt_twice")
	// t=now first passes the future check, t=later is what was signed.
	twoT := "t=" + itoa(now.Unix()) + ",t=" + itoa(later.Unix()) + ",v1=" + hex.EncodeToString(webhook.ComputeSignature(later, ev, secret))
	if code := post(ev, twoT); code != 400 {
		t.Errorf("a header with two t= answered %d", code)
	}
	for _, body := range []string{"null", "{}", "[]", `{"object":"event","type":"account.updated"}`} {
		if code := post([]byte(body), sign([]byte(body), now)); code != 400 {
			t.Errorf("a signed %s answered %d", body, code)
		}
	}
	if len(notified) != 0 {
		t.Fatalf("refused deliveries notified: %v", notified)
	}
	// Stripe retries a delivery with a new signature: same event id.
	if code := post(ev, sign(ev, now)); code != 200 {
		t.Fatalf("first delivery: %d", code)
	}
	if code := post(ev, sign(ev, now.Add(time.Second))); code != 200 {
		t.Fatalf("second delivery: %d", code)
	}
	if code := post(event("evt_other"), sign(event("evt_other"), now)); code != 200 {
		t.Fatalf("another event: %d", code)
	}
	if len(notified) != 2 {
		t.Errorf("two events, one delivered twice: notified %v", notified)
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
				if _, err := e.cl.Run(e.ctx, a, flows.Strategy{}, usAnswers(t), io.Discard); err != nil {
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
