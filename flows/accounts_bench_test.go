package flows_test

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/stripeapi/stripetest"
	"onboard/sandbox"
)

// latency adds a fixed delay to every request, as a network between the
// operator and Stripe does (100 ms is a transatlantic round trip).
type latency struct {
	next  http.RoundTripper
	delay time.Duration
}

func (l latency) RoundTrip(r *http.Request) (*http.Response, error) {
	select {
	case <-time.After(l.delay):
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
	return l.next.RoundTrip(r)
}

// peakHeap samples the heap until stop is called and returns its peak.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return func() uint64 { close(done); <-finished; return peak.Load() }
}

// BenchmarkAccountsList lists 10,000 and 100,000 sandbox accounts behind
// 100 ms of latency per request, with the sandbox answering 429 past 25
// requests per second (Stripe's test-mode limit): one page after another
// (the baseline, as before) against concurrent windows. It reports the
// requests made, the 429s met and the process's peak heap (the sandbox
// runs in the same process, so that figure bounds the client's from
// above; e2e's BenchmarkAccountsBinary measures the binary alone).
func BenchmarkAccountsList(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			sb, err := sandbox.Open(filepath.Join(b.TempDir(), "sb.db"), sandbox.WithRateLimit(flows.TestModeRate))
			if err != nil {
				b.Fatal(err)
			}
			defer func() { _ = sb.Close() }() // the run is decided; nothing left to keep
			start := time.Now()
			if err := sb.SeedAccounts(context.Background(), n); err != nil {
				b.Fatal(err)
			}
			b.Logf("seeded %d accounts in %v", n, time.Since(start).Round(time.Millisecond))
			for _, mode := range []struct {
				name    string
				workers int
			}{{"sequential", 1}, {"parallel", 0}} {
				b.Run(mode.name, func(b *testing.B) { benchList(b, sb, n, mode.workers) })
			}
		})
	}
}

// benchList lists the n accounts of sb with workers (0: the default).
func benchList(b *testing.B, sb *sandbox.Sandbox, n, workers int) {
	ct := &countingTransport{next: latency{next: sb.Transport(), delay: 100 * time.Millisecond}}
	sc, _ := stripetest.Client("sk_test_bench", "http://sandbox.invalid", ct)
	cl := flows.New(sc, flows.WithListPace(flows.ListRate(false), workers))
	var last flows.ListProgress
	runtime.GC()
	stop := peakHeap()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		list, err := cl.Accounts(context.Background(), flows.ListOptions{Progress: func(p flows.ListProgress) { last = p }})
		if err != nil {
			b.Fatal(flows.Message(err))
		}
		if len(list) != n {
			b.Fatalf("listed %d accounts, want %d", len(list), n)
		}
	}
	b.StopTimer()
	peak := stop()
	b.ReportMetric(float64(ct.n.Load())/float64(b.N), "requests/op")
	b.ReportMetric(float64(last.Throttled), "429s/op")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
