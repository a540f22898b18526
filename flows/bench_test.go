package flows_test

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"

	"onboard/flows"
	"onboard/sandbox"
)

// countingTransport counts the requests that reach the API.
type countingTransport struct {
	next http.RoundTripper
	n    atomic.Int64
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(r)
}

// BenchmarkOnboardUSIndividual runs a whole scripted onboarding (create,
// every group up front) on the in-process sandbox and reports how many
// API requests one onboarding takes.
func BenchmarkOnboardUSIndividual(b *testing.B) {
	sb, err := sandbox.Open(filepath.Join(b.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
	if err != nil {
		b.Fatal(err)
	}
	defer sb.Close()
	ct := &countingTransport{next: sb.Transport()}
	sc := stripe.NewClient("sk_test_bench", stripe.WithBackends(stripe.NewBackendsWithConfig(&stripe.BackendConfig{
		URL: stripe.String("http://sandbox.invalid"), HTTPClient: &http.Client{Transport: ct},
		MaxNetworkRetries: stripe.Int64(0), LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelNull},
		EnableTelemetry: stripe.Bool(false),
	})))
	cl := flows.New(flows.StripeAPI{SC: sc}, flows.WithClock(func() time.Time { return epoch }))
	ans := usAnswers(&testing.T{})
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "individual",
			Capabilities: []string{"card_payments", "transfers"}})
		if err != nil {
			b.Fatal(err)
		}
		rep, err := cl.Run(ctx, a, flows.Strategy{Upfront: true}, ans, io.Discard)
		if err != nil || len(rep.Outstanding) > 0 {
			b.Fatalf("run: %v %v", err, rep.Outstanding)
		}
	}
	b.ReportMetric(float64(ct.n.Load())/float64(b.N), "requests/onboarding")
}
