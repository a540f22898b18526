package flows

import (
	"context"
	"time"
)

// Cursor remembers the newest account.updated event a watcher has seen
// on one account.
type Cursor struct {
	// Last is that event's id ("" before the first event).
	Last string
	// Started is set by the first call.
	Started bool
}

// maxEventsPerPoll bounds one poll's walk: a watcher that fell that far
// behind knows enough to reload.
const maxEventsPerPoll = 1000

// Changed reports whether account.updated events arrived on account since
// cur, and returns the cursor to use next time. It lists the account's own
// events (Stripe-Account header) newer than the last one seen
// (ending_before), never the platform's whole list. The first call (a
// zero cursor) reads the newest event and counts it as a change when it is
// less than a minute old, so an update published while the watch was
// starting is not lost: at worst the account is read once more.
func (c *Client) Changed(ctx context.Context, account string, cur Cursor) (bool, Cursor, error) {
	next := Cursor{Last: cur.Last, Started: true}
	changed := false
	n := 0
	err := c.api.ListEvents(ctx, account, EventAccountUpdated, cur.Last, func(e Event) bool {
		switch {
		case !cur.Started: // newest first: where to start from
			next.Last = e.ID
			changed = time.Unix(e.Created, 0).After(c.now().Add(-time.Minute))
			return false
		case cur.Last == "": // the account had no event yet; newest first
			next.Last, changed = e.ID, true
			return false
		default: // oldest first, from cur.Last
			next.Last, changed = e.ID, true
			n++
			return n < maxEventsPerPoll
		}
	})
	if err != nil {
		return false, cur, FromStripe(err, "")
	}
	return changed, next, nil
}

// Backoff is the polling interval policy of a watcher: start at Min,
// double while nothing changes, up to Max; back to Min after a change.
type Backoff struct {
	Min, Max time.Duration
	cur      time.Duration
}

// Next returns the wait before the next poll, given whether the last one
// found a change.
func (b *Backoff) Next(changed bool) time.Duration {
	switch {
	case changed || b.cur == 0:
		b.cur = b.Min
	default:
		b.cur = min(b.cur*2, b.Max)
	}
	return b.cur
}
