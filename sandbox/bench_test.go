package sandbox

import (
	"net/http"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// BenchmarkRetrieveAmongMany measures a retrieve (a full derivation of
// requirements) with many accounts in the database, through stripe-go and
// the in-process transport.
func BenchmarkRetrieveAmongMany(b *testing.B) {
	sb, err := Open(b.TempDir()+"/bench.db", WithClock(fixedClock))
	if err != nil {
		b.Fatal(err)
	}
	defer sb.Close()
	sc := newClient("sk_test_x", "http://sandbox.invalid", &http.Client{Transport: sb.Transport()})
	var id string
	for range 1000 {
		a, err := sc.V1Accounts.Create(b.Context(), &stripe.AccountCreateParams{
			BusinessType: stripe.String("individual"),
			Capabilities: &stripe.AccountCreateCapabilitiesParams{
				CardPayments: &stripe.AccountCreateCapabilitiesCardPaymentsParams{Requested: stripe.Bool(true)},
			},
		})
		if err != nil {
			b.Fatal(err)
		}
		id = a.ID
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := sc.V1Accounts.GetByID(b.Context(), id, nil); err != nil {
			b.Fatal(err)
		}
	}
}
