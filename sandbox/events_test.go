package sandbox

import (
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// listEventIDs lists every event visible with the given Stripe-Account
// header ("" for the platform), newest first.
func (e *env) listEventIDs(acct string, p *stripe.EventListParams) ([]string, error) {
	e.t.Helper()
	if acct != "" {
		p.SetStripeAccount(acct)
	}
	var ids []string
	for ev, err := range e.sc.V1Events.List(e.ctx, p) {
		if err != nil {
			return ids, err
		}
		if ev.Account != acct {
			e.t.Errorf("event %s of %q listed for %q", ev.ID, ev.Account, acct)
		}
		ids = append(ids, ev.ID)
	}
	return ids, nil
}

// Stripe keeps a connected account's events on the connected account:
// they are listed with its Stripe-Account header, never on the platform's
// own list, and never under another account.
func TestEventsKeptOnConnectedAccount(t *testing.T) {
	bothEnvs(t, func(t *testing.T, e *env) {
		a := e.createUSIndividual()
		b := e.createUSIndividual()
		e.mustUpdate(a.ID, "email", "a@example.com")

		platform, err := e.listEventIDs("", &stripe.EventListParams{})
		if err != nil || len(platform) != 0 {
			t.Errorf("platform list = %v, %v; want no connected-account events", platform, err)
		}
		ofA, err := e.listEventIDs(a.ID, &stripe.EventListParams{Type: stripe.String("account.updated")})
		if err != nil || len(ofA) != 2 {
			t.Fatalf("events of a = %v, %v; want 2 account.updated", ofA, err)
		}
		ofB, err := e.listEventIDs(b.ID, &stripe.EventListParams{Type: stripe.String("account.updated")})
		if err != nil || len(ofB) != 1 {
			t.Fatalf("events of b = %v, %v; want 1", ofB, err)
		}

		// Retrieval is scoped the same way.
		rp := &stripe.EventRetrieveParams{}
		rp.SetStripeAccount(a.ID)
		if ev, err := e.sc.V1Events.Retrieve(e.ctx, ofA[0], rp); err != nil || ev.Account != a.ID {
			t.Errorf("retrieve on a: %v %v", ev, err)
		}
		_, err = e.sc.V1Events.Retrieve(e.ctx, ofA[0], nil)
		wantErr(t, err, 404, "resource_missing", "id")
		rp.SetStripeAccount(b.ID)
		_, err = e.sc.V1Events.Retrieve(e.ctx, ofA[0], rp)
		wantErr(t, err, 404, "resource_missing", "id")

		// A watcher polls "after the last id seen" with ending_before.
		p := &stripe.EventListParams{}
		p.EndingBefore = stripe.String(ofA[0])
		if got, err := e.listEventIDs(a.ID, p); err != nil || len(got) != 0 {
			t.Errorf("nothing new yet: %v %v", got, err)
		}
		e.mustUpdate(a.ID, "email", "a2@example.com")
		p = &stripe.EventListParams{Type: stripe.String("account.updated")}
		p.EndingBefore = stripe.String(ofA[0])
		got, err := e.listEventIDs(a.ID, p)
		if err != nil || len(got) != 1 || got[0] == ofA[0] {
			t.Errorf("after one change: %v %v; want the one new event", got, err)
		}
		// starting_after walks back to older events of the same account.
		p = &stripe.EventListParams{Type: stripe.String("account.updated")}
		p.StartingAfter = stripe.String(ofA[0])
		if got, err := e.listEventIDs(a.ID, p); err != nil || len(got) != 1 || got[0] != ofA[1] {
			t.Errorf("starting_after: %v %v; want [%s]", got, err, ofA[1])
		}
		// A cursor from another account is not one of this list's events.
		p = &stripe.EventListParams{}
		p.StartingAfter = stripe.String(ofA[0])
		_, err = e.listEventIDs(b.ID, p)
		wantErr(t, err, 404, "resource_missing", "starting_after")

		// An unknown connected account is refused, not an empty list.
		_, err = e.listEventIDs("acct_nosuchaccount", &stripe.EventListParams{})
		wantErr(t, err, 403, "account_invalid", "")
	})
}
