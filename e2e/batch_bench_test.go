package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkBatchRateLimited measures a batch against Stripe's test-mode
// pace with the real binary: `onboard sandbox serve --rate-limit 25`, a
// proxy adding 100 ms to every request, and `onboard --api-base <proxy>
// batch` of 40 rows (new accounts of four countries, individuals and
// companies, to done). It reports the requests, the throttled answers
// (429) and x-of-limit: the wall time over requests ÷ 25, the least the
// rate limit allows (1.0 is the limit itself; the batch paces a tenth
// below it).
func BenchmarkBatchRateLimited(b *testing.B) {
	const rows = 40
	var requests, ratio float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		root := b.TempDir()
		var env []string
		for _, k := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
			env = append(env, k+"="+filepath.Join(root, strings.ToLower(k)))
		}
		env = append(env, "HOME="+root, "STRIPE_API_KEY=", "NO_COLOR=1")
		path := benchBatchFile(b, root, rows)
		proxy, n := latencyProxy(b, serveSandbox(b, env), 100*time.Millisecond)
		cmd := exec.Command(binary, "--api-base", proxy.URL, "--debug", "batch", path, "--parallel", "8")
		cmd.Env = append(os.Environ(), env...)
		b.StartTimer()
		start := time.Now()
		out, err := cmd.CombinedOutput()
		wall := time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatalf("batch: %v\n%s", err, out)
		}
		if !strings.Contains(string(out), fmt.Sprintf("%d/%d rows: %d done", rows, rows, rows)) {
			b.Fatalf("not every row done:\n%s", out)
		}
		log, _ := os.ReadFile(filepath.Join(root, "xdg_state_home", "onboard", "onboard.log"))
		if strings.Contains(string(log), "throttled (429)") && !strings.Contains(string(log), " 0 throttled (429)") {
			b.Logf("throttled: %s", grepLine(string(log), "batch:"))
		}
		requests += float64(n.Load())
		ratio += wall.Seconds() / (float64(n.Load()) / 25)
		b.StartTimer()
	}
	b.ReportMetric(requests/float64(b.N), "requests/op")
	b.ReportMetric(ratio/float64(b.N), "x-of-limit")
}

func grepLine(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

// benchBatchFile is batchFile for a benchmark: rows of Stripe's test
// values, none spoilt.
func benchBatchFile(b *testing.B, dir string, n int) string {
	b.Helper()
	var rows []map[string]string
	for i := 0; i < n; i++ {
		s := batchSetups[i%4]
		r := testValuesRow(s[0], s[1])
		r["key"] = fmt.Sprintf("bench-%03d", i+1)
		rows = append(rows, r)
	}
	return writeRows(b, dir, "bench.csv", rows)
}
