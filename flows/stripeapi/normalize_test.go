package stripeapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/stripe/stripe-go/v82"

	"onboard/flows"
)

// Whose requirements an account is: Stripe's for an Express or Standard
// account (controller.requirement_collection=stripe, or the account type
// when no controller says), the platform's for one onboarded through the
// API.
func TestStripeCollectsFollowsTheController(t *testing.T) {
	for body, want := range map[string]bool{
		`{"id":"acct_1","type":"express","controller":{"type":"application","requirement_collection":"stripe"}}`:     true,
		`{"id":"acct_1","type":"standard","controller":{"type":"account"}}`:                                          true,
		`{"id":"acct_1","type":"express"}`:                                                                           true,
		`{"id":"acct_1","type":"custom","controller":{"type":"application","requirement_collection":"application"}}`: false,
		`{"id":"acct_1","type":"none","controller":{"type":"application","requirement_collection":"application"}}`:   false,
		`{"id":"acct_1","controller":{"type":"application","requirement_collection":"stripe"}}`:                      true,
	} {
		var a stripe.Account
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			t.Fatal(err)
		}
		if got := Normalize(&a).StripeCollects; got != want {
			t.Errorf("%s: StripeCollects %v, want %v", body, got, want)
		}
	}
}

// A Stripe error reaches flows as its *APIError: Stripe's message (not
// stripe-go's JSON dump), code, param and status, with the call named and
// the *stripe.Error still reachable; one without a message says its status.
func TestStripeErrorsBecomeAPIErrors(t *testing.T) {
	se := &stripe.Error{Msg: "Invalid URL", Code: stripe.ErrorCodeURLInvalid, Param: "business_profile[url]",
		HTTPStatusCode: 400, Type: stripe.ErrorTypeInvalidRequest}
	err := wrap("update account", se)
	var ae *flows.APIError
	if !errors.As(err, &ae) || ae.Message != "Invalid URL" || ae.Code != "url_invalid" || ae.Param != "business_profile[url]" || ae.Status != 400 {
		t.Fatalf("%#v", ae)
	}
	var back *stripe.Error
	if !errors.As(err, &back) || back != se {
		t.Fatal("the stripe error is lost")
	}
	if got := flows.ErrorLine(fmt.Errorf("Business: %w", flows.FromStripe(err, "US"))); got != "Business: Invalid URL" {
		t.Errorf("line %q", got)
	}
	if f := flows.FromStripe(err, "US").(*flows.APIError).Field; f != "business_profile.url" {
		t.Errorf("field %q", f)
	}
	if got := flows.Message(wrap("list accounts", &stripe.Error{HTTPStatusCode: 502})); got != "Stripe returned HTTP 502" {
		t.Errorf("empty message: %q", got)
	}
	if wrap("x", nil) != nil {
		t.Error("nil error wrapped")
	}
}
