package flows

import (
	"cmp"
	"context"
	"net/http"
)

// Pacer spaces every request that goes through its transport at least
// 1/rate apart, whichever goroutine sends it, and slows down for good by
// a fifth each time Stripe answers 429 (the account list's pacer, shared):
// one Pacer under the request policy keeps a whole batch of concurrent
// onboardings within Stripe's rate limits
// (https://docs.stripe.com/rate-limits).
type Pacer struct{ p *pacer }

// NewPacer paces at rate requests per second (0: no pace until Stripe
// first answers 429).
func NewPacer(rate float64) *Pacer { return &Pacer{p: newPacer(rate)} }

// WriteRate is the pace for a key of that mode: a tenth below Stripe's
// limit (25 requests per second in test mode, 100 live).
func WriteRate(live bool) float64 {
	if live {
		return rateMargin * LiveModeRate
	}
	return rateMargin * TestModeRate
}

// Throttled is how many 429 answers slowed the pace.
func (p *Pacer) Throttled() int { return p.p.throttledCount() }

// Transport sends each attempt through next in its turn. It goes below
// the request policy (Policy.Next), so retries are paced too.
func (p *Pacer) Transport(next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return pacedTransport{p: p.p, next: next}
}

type pacedTransport struct {
	p    *pacer
	next http.RoundTripper
}

func (t pacedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if err := t.p.wait(r.Context()); err != nil {
		return nil, err
	}
	resp, err := t.next.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		t.p.throttled()
	}
	return resp, err
}

// AccountsTagged lists every connected account whose metadata has key,
// by the value it has there (a value held by two accounts lists both).
// Stripe cannot filter accounts by metadata, so the whole list is read,
// at the client's list pace.
func (c *Client) AccountsTagged(ctx context.Context, key string) (map[string][]string, error) {
	out := map[string][]string{}
	p := &pager{api: c.api, pace: newPacer(c.listRate), workers: cmp.Or(c.listWorkers, workersFor(c.listRate))}
	err := p.list(ctx, func(page []Summary) {
		for _, sa := range page {
			if v, ok := sa.Metadata[key]; ok && v != "" {
				out[v] = append(out[v], sa.ID)
			}
		}
	}, nil)
	if err != nil {
		return nil, FromStripe(err, "")
	}
	return out, nil
}
