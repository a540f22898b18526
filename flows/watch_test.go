package flows_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"

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
		resp.Body.Close()
		return resp.StatusCode
	}
	good := stripe.GenerateTestSignedPayload(&stripe.UnsignedPayload{Payload: payload, Secret: secret, Timestamp: time.Now()})
	if code := post(payload, good.Header); code != 200 || len(notified) != 1 || notified[0] != "acct_123" {
		t.Fatalf("signed event: %d %v", code, notified)
	}
	forged := stripe.GenerateTestSignedPayload(&stripe.UnsignedPayload{Payload: payload, Secret: "whsec_other", Timestamp: time.Now()})
	stale := stripe.GenerateTestSignedPayload(&stripe.UnsignedPayload{Payload: payload, Secret: secret, Timestamp: time.Now().Add(-time.Hour)})
	for name, sig := range map[string]string{"unsigned": "", "forged": forged.Header, "stale": stale.Header} {
		if code := post(payload, sig); code != 400 {
			t.Errorf("%s event answered %d", name, code)
		}
	}
	if len(notified) != 1 {
		t.Errorf("refused events notified: %v", notified)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
