package sandbox

import (
	"net/http"
	"sync"
	"time"
)

// WithRateLimit makes the sandbox answer 429 like Stripe once more than n
// requests per second arrive for one account (Stripe's test mode allows
// 25, https://docs.stripe.com/rate-limits). Off by default, so tests and scripts are never
// throttled unless they ask to be. n <= 0 turns it off.
func WithRateLimit(n int) Option {
	return func(c *config) { c.rate = n }
}

// limiter is a per-account one-second window counter on the base clock.
// It is in memory: a rate limit is about one process's burst.
type limiter struct {
	mu     sync.Mutex
	n      int
	window map[string]*window
}

type window struct {
	start time.Time
	count int
}

// allow counts one request for key at now.
func (l *limiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	w, ok := l.window[key]
	if !ok || now.Sub(w.start) >= time.Second || now.Before(w.start) {
		w = &window{start: now}
		l.window[key] = w
	}
	w.count++
	return w.count <= l.n
}

// limit applies the rate limit to a request; the account is the
// Stripe-Account header, else the account in the path, else the platform.
func (s *Sandbox) limit(hr *http.Request, pathID string) *apiError {
	if s.limiter == nil {
		return nil
	}
	key := hr.Header.Get("Stripe-Account")
	if key == "" {
		key = pathID
	}
	if key == "" {
		key = "platform"
	}
	if s.limiter.allow(key, s.now()) {
		return nil
	}
	return &apiError{
		Status: http.StatusTooManyRequests, Type: errTypeInvalidRequest, Code: "rate_limit",
		Message: "Request rate limit exceeded. The sandbox allows a limited number of requests per second per account, like Stripe's test mode. Retry after a short wait.",
	}
}

// maxUploadsInFlight bounds the upload bytes all requests together may be
// sending at once: eight uploads of Stripe's 16 MB limit. Beyond it an
// upload is answered as Stripe's concurrency limiter answers, 429
// rate_limit (https://docs.stripe.com/rate-limits), which clients retry.
const maxUploadsInFlight = 8 * (maxFileSize + maxBody)

// uploadGate counts the upload bytes in flight across all requests: an
// upload takes its declared length (the most a body may be when it
// declares none) before its body is read, and gives it back after.
type uploadGate struct {
	mu       sync.Mutex
	inFlight int64
}

// take reserves n bytes, or refuses when they would pass the cap.
func (g *uploadGate) take(n int64) (release func(), e *apiError) {
	if n <= 0 || n > maxFileSize+maxBody {
		n = maxFileSize + maxBody
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.inFlight+n > maxUploadsInFlight {
		return nil, &apiError{
			Status: http.StatusTooManyRequests, Type: errTypeInvalidRequest, Code: "rate_limit",
			Message: "Too many uploads at once: the sandbox accepts a limited number of file bytes in flight, like Stripe's concurrency limiter. Retry after a short wait.",
		}
	}
	g.inFlight += n
	return func() {
		g.mu.Lock()
		g.inFlight -= n
		g.mu.Unlock()
	}, nil
}
