package sandbox

import (
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

func TestIdempotency(t *testing.T) {
	bothEnvs(t, func(t *testing.T, e *env) {
		mk := func(key, email string) (*stripe.Account, error) {
			p := &stripe.AccountCreateParams{Type: stripe.String("custom"), Email: stripe.String(email),
				Capabilities: &stripe.AccountCreateCapabilitiesParams{Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)}}}
			p.SetIdempotencyKey(key)
			return e.sc.V1Accounts.Create(e.ctx, p)
		}
		first, err := mk("key-1", "a@example.com")
		if err != nil {
			t.Fatal(err)
		}
		again, err := mk("key-1", "a@example.com")
		if err != nil {
			t.Fatal(err)
		}
		if again.ID != first.ID || again.LastResponse.Header.Get("Idempotent-Replayed") != "true" {
			t.Errorf("replay: %s vs %s, header %v", again.ID, first.ID, again.LastResponse.Header)
		}
		if first.LastResponse.Header.Get("Idempotent-Replayed") != "" {
			t.Errorf("first response marked as replayed")
		}
		_, err = mk("key-1", "b@example.com")
		se := wantStripeErr(t, err, 400, "", "")
		if se.Type != stripe.ErrorTypeIdempotency {
			t.Errorf("type %q", se.Type)
		}
		// Only one account exists.
		n := 0
		for _, err := range e.sc.V1Accounts.List(e.ctx, &stripe.AccountListParams{}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != 1 {
			t.Errorf("%d accounts, want 1", n)
		}
		// A request that failed validation is not saved: the key is reusable.
		_, err = mk("key-2", "not-an-email")
		wantErr(t, err, 400, "email_invalid", "email")
		if _, err := mk("key-2", "c@example.com"); err != nil {
			t.Errorf("key of a failed request not reusable: %v", err)
		}
	})
}

// Stripe removes an idempotency key once it is 24 hours old: the same
// key is then a new request (https://docs.stripe.com/api/idempotent_requests).
func TestIdempotencyKeysExpireAfter24Hours(t *testing.T) {
	e := newHTTPEnv(t)
	mk := func() *stripe.Account {
		t.Helper()
		p := &stripe.AccountCreateParams{Type: stripe.String("custom"), Email: stripe.String("a@example.com"),
			Capabilities: &stripe.AccountCreateCapabilitiesParams{Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)}}}
		p.SetIdempotencyKey("key-day")
		a, err := e.sc.V1Accounts.Create(e.ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	first := mk()
	if _, err := e.sb.Advance(e.ctx, 23*time.Hour); err != nil {
		t.Fatal(err)
	}
	if again := mk(); again.ID != first.ID {
		t.Errorf("replayed after 23 hours as %s, first %s", again.ID, first.ID)
	}
	if _, err := e.sb.Advance(e.ctx, 2*time.Hour); err != nil {
		t.Fatal(err)
	}
	if later := mk(); later.ID == first.ID {
		t.Errorf("a 25-hour-old key was replayed")
	}
}
