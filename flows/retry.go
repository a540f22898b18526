package flows

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/stripe/stripe-go/v82"
)

// stripe-go retries network errors and non-JSON answers itself, but not a
// JSON 429 (rate limited) or 5xx: retry is that missing part. It is used
// only for reads and for writes that carry an idempotency key, so a write
// retried after an unclear failure can never apply twice.

// retryWaits are the pauses between attempts (with up to 50% jitter).
var retryWaits = []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second}

// retry runs op until it succeeds, fails for a reason a retry cannot fix,
// runs out of attempts, or ctx ends.
func retry[T any](ctx context.Context, op func() (T, error)) (T, error) {
	var zero T
	for attempt := 0; ; attempt++ {
		v, err := op()
		if err == nil || !retryable(err) || attempt >= len(retryWaits) {
			return v, err
		}
		wait := retryWaits[attempt]
		wait += time.Duration(rand.Int64N(int64(wait / 2)))
		select {
		case <-ctx.Done():
			return zero, err
		case <-time.After(wait):
		}
	}
}

// retryable reports a Stripe answer worth another try: too many requests,
// or Stripe's side failing (5xx).
func retryable(err error) bool {
	var se *stripe.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.HTTPStatusCode == 429 || se.HTTPStatusCode >= 500
}
