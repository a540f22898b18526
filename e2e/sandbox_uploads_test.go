package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// uploadBody is a multipart upload of a size-byte PNG, generated as it is
// sent: the test holds none of it.
func uploadBody(size int64) (io.Reader, int64, string) {
	const boundary = "onboard-e2e-boundary"
	head := "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nidentity_document\r\n" +
		"--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"id.png\"\r\nContent-Type: image/png\r\n\r\n"
	png := "\x89PNG\r\n\x1a\n"
	tail := "\r\n--" + boundary + "--\r\n"
	body := io.MultiReader(bytes.NewReader([]byte(head+png)), io.LimitReader(zeros{}, size-int64(len(png))), bytes.NewReader([]byte(tail)))
	return body, int64(len(head)) + size + int64(len(tail)), "multipart/form-data; boundary=" + boundary
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// Fifty clients uploading 16 MB files at once (Stripe's limit) keep
// `onboard sandbox serve` under 300 MB: an upload is hashed as it streams
// in, never held whole, and the bytes in flight across all requests are
// capped, beyond which an upload is answered 429 rate_limit as Stripe's
// concurrency limiter answers, and succeeds when retried. The server grew
// to 1.26 GB before.
func TestFiftyConcurrentUploadsStayBounded(t *testing.T) {
	env := xdgEnv(t)
	addr := freeAddr(t)
	cmd := exec.Command(binary, "sandbox", "serve", "--addr", addr)
	cmd.Env = append(os.Environ(), env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	for deadline := time.Now().Add(10 * time.Second); ; {
		resp, err := http.Get("http://" + addr + "/v1/accounts")
		if err == nil {
			_ = resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("sandbox serve never listened: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	const clients, size = 50, 16 << 20
	var mu sync.Mutex
	refused, stored := 0, map[string]bool{}
	var wg sync.WaitGroup
	start := time.Now()
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for try := 0; try < 600; try++ {
				body, n, ctype := uploadBody(size)
				req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/v1/files", body)
				req.ContentLength = n
				req.Header.Set("Content-Type", ctype)
				req.Header.Set("Authorization", "Bearer sk_test_uploads")
				req.Header.Set("Idempotency-Key", fmt.Sprintf("upload-%d", i))
				resp, err := http.DefaultClient.Do(req)
				if errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET) {
					// The server refused the upload (429) before reading
					// its body, and closed the connection while this
					// client was still sending: the refusal raced the
					// answer. A real client retries a connection error as
					// onboard's request policy does.
					mu.Lock()
					refused++
					mu.Unlock()
					time.Sleep(50 * time.Millisecond)
					continue
				}
				if err != nil {
					t.Errorf("client %d: %v", i, err)
					return
				}
				var out struct {
					ID    string `json:"id"`
					Size  int64  `json:"size"`
					Error struct {
						Code string `json:"code"`
					} `json:"error"`
				}
				err = json.NewDecoder(resp.Body).Decode(&out)
				_ = resp.Body.Close()
				switch {
				case err != nil:
					t.Errorf("client %d: %d, body not JSON: %v", i, resp.StatusCode, err)
					return
				case resp.StatusCode == http.StatusTooManyRequests && out.Error.Code == "rate_limit":
					mu.Lock()
					refused++
					mu.Unlock()
					time.Sleep(50 * time.Millisecond)
					continue
				case resp.StatusCode != http.StatusOK || out.Size != size:
					t.Errorf("client %d: %d %+v", i, resp.StatusCode, out)
					return
				}
				mu.Lock()
				stored[out.ID] = true
				mu.Unlock()
				return
			}
			t.Errorf("client %d: still refused after 600 tries", i)
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	// The server's own peak (VmHWM), read while it still runs: the
	// rusage of a child Go starts counts the test process's memory too.
	peak := int64(-1)
	if raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)); err == nil {
		for _, line := range strings.Split(string(raw), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				if err == nil {
					peak = kb << 10
				}
			}
		}
	}
	if peak < 0 {
		t.Skip("no /proc/PID/status: the server's peak memory cannot be read")
	}
	t.Logf("%d uploads of %d MB in %s: %d answered 429 and retried; server peak RSS %.1f MB",
		clients, size>>20, elapsed.Round(time.Millisecond), refused, float64(peak)/(1<<20))
	if len(stored) != clients {
		t.Errorf("%d files stored for %d clients", len(stored), clients)
	}
	if refused == 0 {
		t.Errorf("no upload of %d at once was refused: the bytes in flight are not capped", clients)
	}
	if peak > 300<<20 {
		t.Errorf("sandbox serve peaked at %d MB", peak>>20)
	}
}
