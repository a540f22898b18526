package flows

import (
	"context"

	"onboard/schema"
)

// loadV1 reads a v1 account and its persons.
func (c *Client) loadV1(ctx context.Context, id string) (schema.Account, error) {
	a, err := c.api.GetAccount(ctx, id)
	if err != nil {
		return schema.Account{}, FromStripe(err, "")
	}
	out := c.normalize(a)
	if err := c.loadPersons(ctx, &out); err != nil {
		return out, err
	}
	c.loadBlocking(ctx, &out)
	return out, nil
}

// loadBlocking reads what each capability waits for. It is a nicety of
// the status views: when the capabilities API is not there (or fails),
// the account is still shown without it.
func (c *Client) loadBlocking(ctx context.Context, a *schema.Account) {
	caps, err := c.api.ListCapabilities(ctx, a.ID)
	if err != nil {
		return
	}
	blocking := map[string][]string{}
	for _, cp := range caps {
		seen := map[string]bool{}
		for _, p := range cp.Blocking {
			if !seen[p] {
				seen[p] = true
				blocking[cp.Name] = append(blocking[cp.Name], p)
			}
		}
	}
	for i := range a.Capabilities {
		a.Capabilities[i].Blocking = blocking[a.Capabilities[i].Name]
	}
}

// DefaultCurrency is the currency an account of country gets when Stripe
// does not say (a new account, a v2 account before its defaults).
func DefaultCurrency(country string) string {
	switch country {
	case "US":
		return "usd"
	case "CA":
		return "cad"
	case "GB":
		return "gbp"
	case "AU":
		return "aud"
	case "FR", "DE", "IE", "NL":
		return "eur"
	}
	return "usd"
}

// normalize marks an account this client created: it asked
// requirement_collection=application, so its requirements are the
// platform's to collect whatever type a mock answers with (stripe-mock
// serves a Standard account for every id).
func (c *Client) normalize(a schema.Account) schema.Account {
	if _, mine := c.created.Load(a.ID); mine {
		a.StripeCollects = false
	}
	return a
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
