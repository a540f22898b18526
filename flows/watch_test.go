package flows_test

import (
	"context"
	"encoding/hex"
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
	"onboard/flows/answers"
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
