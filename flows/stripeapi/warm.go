package stripeapi

import (
	"net/http"
	"sync"

	"github.com/stripe/stripe-go/v82"
)

// warmOnce runs warmUserAgent's work once per process.
var warmOnce sync.Once

// warmUserAgent builds stripe-go's client user agent in the background,
// once per process. stripe-go builds it on the first request, running
// `uname -a` for it: without this the first request of a run (the
// account `onboard new` creates before its first form) waits for a child
// process to start and end. The request built here is never sent.
func warmUserAgent(b stripe.Backend) {
	warmOnce.Do(func() {
		if bi, ok := b.(*stripe.BackendImplementation); ok {
			go func() { _, _ = bi.NewRequest(http.MethodGet, "/v1/account", "", "", nil) }()
		}
	})
}
