package stripeapi_test

import (
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/webhook"

	"onboard/flows/stripeapi"
)

func TestWebhookHandlerVerifiesSignatures(t *testing.T) {
	const secret = "whsec_test_secret"
	var notified []string
	srv := httptest.NewServer(stripeapi.WebhookHandler(secret, func(a string) { notified = append(notified, a) }))
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
	srv := httptest.NewServer(stripeapi.WebhookHandler(secret, func(a string) { notified = append(notified, a) }))
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
