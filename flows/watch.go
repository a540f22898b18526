package flows

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/webhook"
)

// Cursor remembers which account.updated events a watcher has seen.
type Cursor struct {
	Since int64           // unix seconds of the newest event seen
	Seen  map[string]bool // ids of events at Since, so none is counted twice
}

// Changed reports whether account.updated events about account arrived
// after cur, and returns the cursor to use next time. The first call (a
// zero cursor) looks back one minute, so an event published while the
// watch was starting is not lost: at worst the account is read once more.
func (c *Client) Changed(ctx context.Context, account string, cur Cursor) (bool, Cursor, error) {
	if cur.Seen == nil {
		cur = Cursor{Since: c.now().Add(-time.Minute).Unix(), Seen: map[string]bool{}}
	}
	changed := false
	next := Cursor{Since: cur.Since, Seen: map[string]bool{}}
	for id := range cur.Seen {
		next.Seen[id] = true
	}
	err := c.api.ListEvents(ctx, stripe.EventTypeAccountUpdated, cur.Since, func(e *stripe.Event) bool {
		if cur.Seen[e.ID] {
			return true
		}
		if e.Created > next.Since {
			next.Since, next.Seen = e.Created, map[string]bool{}
		}
		if e.Created == next.Since {
			next.Seen[e.ID] = true
		}
		if eventAccount(e) == account {
			changed = true
		}
		return true
	})
	if err != nil {
		return false, cur, FromStripe(err, "")
	}
	return changed, next, nil
}

// eventAccount is the account an account.updated event is about: the
// connected account it happened on, or the account object it carries.
func eventAccount(e *stripe.Event) string {
	if e.Data != nil && e.Data.Object != nil {
		if id, ok := e.Data.Object["id"].(string); ok && id != "" {
			return id
		}
	}
	return e.Account
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

// WebhookHandler receives Stripe webhooks: it verifies each request's
// Stripe-Signature with secret (refusing unsigned, forged and stale
// events with 400) and calls notify with the account of every
// account.updated event.
func WebhookHandler(secret string, notify func(account string)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		payload, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		// The default tolerance (5 minutes) refuses replays of old events.
		ev, err := webhook.ConstructEvent(payload, r.Header.Get("Stripe-Signature"), secret)
		if err != nil {
			http.Error(w, "signature refused: "+err.Error(), http.StatusBadRequest)
			return
		}
		if ev.Type == stripe.EventTypeAccountUpdated {
			notify(eventAccount(&ev))
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]bool{"received": true})
	})
}
