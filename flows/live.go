package flows

import (
	"context"
	"fmt"
	"strings"

	"onboard/schema"
)

// Live keys move real money and touch real businesses, so the rule for
// them lives here, once, for every driver (TUI, line mode, scripted
// runs): each change to an account waits for the operator to type that
// account's country code, and nothing that creates throwaway accounts
// runs at all. Drivers only collect what the operator typed.

// LiveChange is the change an operator is asked to confirm.
type LiveChange struct {
	// Account is the account's id ("" when it is being created).
	Account string
	// Country is the code the operator must type.
	Country string
}

// Confirm asks the operator to confirm a change and returns what they
// typed; the client compares it with the country code.
type Confirm func(ctx context.Context, ch LiveChange) (string, error)

// WithLive marks the client as using a live key: every change then waits
// for confirm (a nil confirm refuses every change, unless the driver
// confirmed beforehand with WithConfirmation), and Explore refuses to run.
func WithLive(confirm Confirm) Option {
	return func(c *Client) { c.live, c.confirm = true, confirm }
}

// Live reports a client on a live key.
func (c *Client) Live() bool { return c.live }

type confirmedKey struct{}

// WithConfirmation carries what the operator typed for the next change,
// asked beforehand by a driver that cannot block inside a request (the
// TUI asks on a screen, then starts the change with this context).
func WithConfirmation(ctx context.Context, typed string) context.Context {
	return context.WithValue(ctx, confirmedKey{}, typed)
}

// LiveError is a change refused on a live key.
type LiveError struct {
	// Explore is true for the explorer (throwaway accounts), false for a
	// change that was not confirmed.
	Explore bool
	Country string
	Lang    schema.Lang
}

func (e *LiveError) Error() string {
	if e.Explore {
		return ExploreLiveReason(e.Lang)
	}
	return fmt.Sprintf(schema.T("not confirmed (the account's country code is %s): nothing was changed").In(e.Lang), e.Country)
}

// ExploreLiveReason says why the explorer does not run on a live key.
func ExploreLiveReason(l schema.Lang) string {
	return schema.T("the explorer creates and deletes throwaway accounts: use a test key or the sandbox, never a live key").In(l)
}

// confirmChange is the live rule for one change to an account of country
// (id "" for a creation). Test and sandbox clients pass straight through.
func (c *Client) confirmChange(ctx context.Context, id, country string) error {
	if !c.live {
		return nil
	}
	country = strings.ToUpper(strings.TrimSpace(country))
	typed, ok := ctx.Value(confirmedKey{}).(string)
	if !ok {
		if c.confirm == nil {
			return &LiveError{Country: country, Lang: c.lang}
		}
		var err error
		if typed, err = c.confirm(ctx, LiveChange{Account: id, Country: country}); err != nil {
			return err
		}
	}
	if country == "" || strings.ToUpper(strings.TrimSpace(typed)) != country {
		return &LiveError{Country: country, Lang: c.lang}
	}
	return nil
}
