package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"onboard/sandbox"
)

// latencyProxy forwards to target after delay, as a network 100 ms away
// from Stripe would, and counts the requests.
func latencyProxy(tb testing.TB, target string, delay time.Duration) (*httptest.Server, *atomic.Int64) {
	tb.Helper()
	u, err := url.Parse(target)
	if err != nil {
		tb.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
		rp.ServeHTTP(w, r)
	}))
	tb.Cleanup(srv.Close)
	return srv, &n
}

// serveSandbox runs `onboard sandbox serve` with Stripe's test-mode rate
// limit and returns its base URL.
func serveSandbox(tb testing.TB, env []string) string {
	tb.Helper()
	addr := freePortB(tb)
	cmd := exec.Command(binary, "sandbox", "serve", "--addr", addr, "--rate-limit", "25")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.Contains(line, "listening") {
		tb.Fatalf("sandbox serve: %q %v", line, err)
	}
	return "http://" + addr
}

func freePortB(tb testing.TB) string {
	tb.Helper()
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.Listener.Addr().String()
	srv.Close()
	return addr
}

// BenchmarkAccountsBinary measures triage at a platform's scale with the
// real binary:
// `onboard sandbox serve --rate-limit 25` (Stripe's test-mode limit)
// holding 10,000 or 100,000 accounts, a proxy adding 100 ms to every
// request, and `onboard --api-base <proxy> accounts --json` listing them
// all. It reports the wall time (ns/op), the requests, and the listing
// process's peak resident memory.
func BenchmarkAccountsBinary(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			root := b.TempDir()
			var env []string
			for _, k := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
				env = append(env, k+"="+filepath.Join(root, strings.ToLower(k)))
			}
			env = append(env, "HOME="+root, "STRIPE_API_KEY=")
			sb, err := sandbox.Open(filepath.Join(root, "xdg_data_home", "onboard", "sandbox.db"))
			if err != nil {
				b.Fatal(err)
			}
			if err := sb.SeedAccounts(context.Background(), n); err != nil {
				b.Fatal(err)
			}
			_ = sb.Close() // serve opens the database again
			proxy, requests := latencyProxy(b, serveSandbox(b, env), 100*time.Millisecond)
			var peakKB int64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				cmd := exec.Command(binary, "--api-base", proxy.URL, "accounts", "--json")
				cmd.Env = append(os.Environ(), env...)
				var out, errb bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &errb
				if err := cmd.Run(); err != nil {
					b.Fatalf("accounts: %v\n%s", err, errb.String())
				}
				b.StopTimer()
				var list []json.RawMessage
				if err := json.Unmarshal(out.Bytes(), &list); err != nil || len(list) != n {
					b.Fatalf("listed %d accounts (%v), want %d", len(list), err, n)
				}
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					peakKB = max(peakKB, ru.Maxrss)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(requests.Load())/float64(b.N), "requests/op")
			b.ReportMetric(float64(peakKB)/1024, "peak-RSS-MB")
		})
	}
}
