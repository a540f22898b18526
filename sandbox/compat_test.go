package sandbox

import (
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// Older official clients send capitalised booleans (True, FALSE); Stripe's
// v1 accepts them, and still refuses what is not a boolean.
func TestCapitalisedBooleans(t *testing.T) {
	e := newTransportEnv(t)
	p := &stripe.AccountCreateParams{Country: stripe.String("US"), Type: stripe.String("custom")}
	p.AddExtra("capabilities[transfers][requested]", "True")
	p.AddExtra("capabilities[card_payments][requested]", "TRUE")
	a, err := e.sc.V1Accounts.Create(e.ctx, p)
	if err != nil {
		t.Fatalf("True refused: %v", err)
	}
	if a.Capabilities.Transfers != "inactive" || a.Capabilities.CardPayments != "inactive" {
		t.Errorf("capabilities %+v", a.Capabilities)
	}
	a = e.mustUpdate(a.ID, "capabilities[card_payments][requested]", "False")
	if a.Capabilities.CardPayments != "" {
		t.Errorf("False did not unrequest: %+v", a.Capabilities)
	}
	_, err = e.update(a.ID, "capabilities[transfers][requested]", "yes")
	wantErr(t, err, 400, "", "capabilities[transfers][requested]")
}
