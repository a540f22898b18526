package stripeapi

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/webhook"
)

// webhookTolerance is how far a webhook's signed timestamp may be from
// now, either way: older is a replay, newer a forged or skewed clock.
const webhookTolerance = 5 * time.Minute

// WebhookHandler receives Stripe webhooks: it verifies each request's
// Stripe-Signature with secret, refusing unsigned and forged events, a
// header with no or several timestamps, and timestamps more than five
// minutes from now in either direction (400); a signed body that is not
// an event with an id is refused too. It calls notify with the account
// of every account.updated event, once per event id: Stripe may deliver
// an event more than once (https://docs.stripe.com/webhooks#handle-duplicate-events),
// and a delivery replayed within the tolerance is answered 200 without a
// second call. The endpoint's API version does not matter: only ids are
// read, and the account itself is then fetched by the caller.
func WebhookHandler(secret string, notify func(account string)) http.Handler {
	seen := &seenEvents{ids: map[string]time.Time{}}
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
		sig := r.Header.Get("Stripe-Signature")
		// stripe-go only refuses old timestamps, and reads the last t= of
		// a header; one t= exactly is taken, and a future one is refused
		// here, before the signature is even checked.
		if ts, ok := signedAt(sig); !ok || time.Until(ts) > webhookTolerance {
			http.Error(w, "signature refused: timestamp missing, repeated or in the future", http.StatusBadRequest)
			return
		}
		// IgnoreAPIVersionMismatch: an endpoint on another API version
		// still names the account; stripe-go would refuse it otherwise.
		ev, err := webhook.ConstructEventWithOptions(payload, sig, secret, webhook.ConstructEventOptions{
			Tolerance: webhookTolerance, IgnoreAPIVersionMismatch: true})
		if err != nil {
			http.Error(w, "signature refused: "+err.Error(), http.StatusBadRequest)
			return
		}
		// A signed null, list or empty object decodes to an event with
		// nothing in it.
		if ev.ID == "" || ev.Object != "event" {
			http.Error(w, "not an event: no id", http.StatusBadRequest)
			return
		}
		if seen.first(ev.ID, time.Now()) && ev.Type == stripe.EventTypeAccountUpdated {
			if acct := eventAccount(&ev); acct != "" {
				notify(acct)
			}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]bool{"received": true})
	})
}

// seenEvents remembers the event ids received within twice the
// tolerance: a signed delivery can be replayed for that long at most (its
// timestamp is refused after), so older ids are forgotten and the memory
// stays bounded by the traffic of ten minutes.
type seenEvents struct {
	mu     sync.Mutex
	ids    map[string]time.Time
	pruned time.Time
}

// first records id at now and says whether it is new.
func (s *seenEvents) first(id string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if at, ok := s.ids[id]; ok && now.Sub(at) <= 2*webhookTolerance {
		return false
	}
	if now.Sub(s.pruned) > time.Minute { // not at each event: a flood would be quadratic
		s.pruned = now
		for k, at := range s.ids {
			if now.Sub(at) > 2*webhookTolerance {
				delete(s.ids, k)
			}
		}
	}
	s.ids[id] = now
	return true
}

// signedAt is the t= timestamp of a Stripe-Signature header, read as
// stripe-go's webhook package reads the header (comma-separated key=value
// pairs); a header with no t= or more than one is refused, so the
// timestamp checked here is the one the signature covers.
func signedAt(header string) (time.Time, bool) {
	var at time.Time
	n := 0
	for _, part := range strings.Split(header, ",") {
		k, v, ok := strings.Cut(part, "=")
		if !ok || k != "t" {
			continue
		}
		if n++; n > 1 {
			return time.Time{}, false
		}
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		at = time.Unix(sec, 0)
	}
	return at, n == 1
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
