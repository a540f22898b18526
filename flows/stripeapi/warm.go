package stripeapi

import (
	"encoding/json"
	"net/http"
	"sync"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/form"
)

// warmOnce runs warm's work once per process.
var warmOnce sync.Once

// warm does, in the background and once per process, the one-time work
// stripe-go would otherwise do inside the first request of a run (the
// account `onboard new` creates before its first form, the account
// `status` reads):
//   - its client user agent, built on the first request by running
//     `uname -a`: that request would wait for a child process;
//   - the reflection over its types: encoding/json and stripe-go's form
//     encoder study a type the first time they meet it, and an Account is
//     a graph of hundreds of types (decoding the first one costs several
//     milliseconds, the next ones a tenth of one). Encoding an empty
//     Account studies every type its decoding can meet.
//
// The request built here is never sent.
func warm(b stripe.Backend) {
	warmOnce.Do(func() {
		go func() {
			if bi, ok := b.(*stripe.BackendImplementation); ok {
				_, _ = bi.NewRequest(http.MethodGet, "/v1/account", "", "", nil)
			}
			_, _ = json.Marshal(&stripe.Account{})
			form.AppendTo(&form.Values{}, &stripe.AccountCreateParams{})
			form.AppendTo(&form.Values{}, &stripe.AccountUpdateParams{})
		}()
	})
}
