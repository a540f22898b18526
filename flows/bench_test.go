package flows_test

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/stripeapi/stripetest"
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

// BenchmarkOnboard runs whole scripted onboardings (create, then every
// group up front) on the in-process sandbox and reports how many API
// requests each takes: the figure the issue notes quote per journey.
func BenchmarkOnboard(b *testing.B) {
	journeys := []struct {
		name, country, businessType, api, answers string
	}{
		{"us-individual-v1", "US", "individual", "v1", "us-individual.json"},
		{"us-individual-v2", "US", "individual", "v2", "us-individual.json"},
		{"us-company-v1", "US", "company", "v1", "us-company.json"},
		{"gb-company-v1", "GB", "company", "v1", "gb-company.json"},
	}
	for _, j := range journeys {
		b.Run(j.name, func(b *testing.B) {
			sb, err := sandbox.Open(filepath.Join(b.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
			if err != nil {
				b.Fatal(err)
			}
			defer func() { _ = sb.Close() }() // the run is decided; nothing left to keep
			ct := &countingTransport{next: sb.Transport()}
			sc, v2 := stripetest.Client("sk_test_bench", "http://sandbox.invalid", ct)
			cl := flows.New(sc, flows.WithClock(func() time.Time { return epoch }), flows.WithV2(v2))
			ans, err := answers.Load(filepath.Join("..", "examples", j.answers), answers.Options{})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				a, err := cl.Create(ctx, flows.NewAccount{Country: j.country, BusinessType: j.businessType,
					Capabilities: []string{"card_payments", "transfers"}, API: j.api, Email: "ops@example.com"})
				if err != nil {
					b.Fatal(flows.Message(err))
				}
				rep, err := answers.Run(ctx, cl, a, flows.Strategy{Upfront: true}, ans, io.Discard)
				if err != nil || len(rep.Outstanding) > 0 {
					b.Fatalf("run: %v %v", err, rep.Outstanding)
				}
			}
			b.ReportMetric(float64(ct.n.Load())/float64(b.N), "requests/onboarding")
		})
	}
}
