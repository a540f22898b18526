package flows_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"onboard/flows"
	"onboard/schema"
)

// One pacer under the request policy spaces the requests of every
// goroutine, and a 429 slows it down for the rest of the run.
func TestPacerSpacesEveryGoroutineAndSlowsOn429(t *testing.T) {
	var mu sync.Mutex
	var arrivals []time.Time
	var throttle atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		if throttle.CompareAndSwap(true, false) {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		_, _ = w.Write([]byte("{}"))
	}))
	defer srv.Close()
	pacer := flows.NewPacer(50) // 20 ms apart
	pol := flows.NewPolicy(pacer.Transport(http.DefaultTransport), schema.English)
	pol.Sleep = func(context.Context, time.Duration) error { return nil }
	hc := flows.NewHTTPClient(pol)
	get := func() {
		resp, err := hc.Get(srv.URL)
		if err != nil {
			t.Error(err)
			return
		}
		_ = resp.Body.Close()
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				get()
			}
		}()
	}
	wg.Wait()
	if len(arrivals) != 20 {
		t.Fatalf("%d requests arrived, want 20", len(arrivals))
	}
	if span := arrivals[19].Sub(arrivals[0]); span < 19*18*time.Millisecond {
		t.Errorf("20 requests from 4 goroutines arrived within %v: not paced at 50/s", span)
	}
	throttle.Store(true)
	start := time.Now()
	get() // 429, then retried by the policy after the pacer's pause
	if pacer.Throttled() != 1 {
		t.Errorf("throttled %d times, want 1", pacer.Throttled())
	}
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Errorf("the retry after a 429 came %v later; the pacer pauses a second", d)
	}
}
