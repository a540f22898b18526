package e2e

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"onboard/flows/stripeapi/stripetest"
)

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = ln.Close() }() // only its free port was wanted
	return ln.Addr().String()
}

// status --watch with a webhook receiver: polling is set to an hour, so
// only a correctly signed account.updated webhook makes it print the
// account's new state; a forged one is refused.
func TestWatchRefreshesOnSignedWebhook(t *testing.T) {
	env := xdgEnv(t)
	ans := usIndividual()
	delete(ans, "tos_acceptance")
	r := onboard(t, env, "new", "--answers", answersFile(t, ans), "--json")
	if r.code != 3 {
		t.Fatalf("setup run exited %d: %s", r.code, r.stderr)
	}
	id := decode(t, r.stdout).ID
	addr := freePort(t)
	const secret = "whsec_e2e_secret"
	cmd := exec.Command(binary, "status", id, "--watch", "--json", "--interval", "1h", "--max-interval", "1h",
		"--listen", addr, "--webhook-secret", secret)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := make(chan string, 8)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	next := func(what string) string {
		select {
		case l := <-lines:
			return l
		case <-time.After(10 * time.Second):
			t.Fatalf("no status line for %s", what)
			return ""
		}
	}
	first := next("the start")
	if !strings.Contains(first, `"tos_acceptance.date"`) {
		t.Fatalf("first status: %s", first)
	}
	// Accept the terms from another process.
	tos := answersFile(t, map[string]any{"tos_acceptance": true})
	if r := onboard(t, env, "resume", id, "--answers", tos); r.code != 0 {
		t.Fatalf("resume exited %d: %s", r.code, r.stderr)
	}
	post := func(secretUsed string) int {
		payload := []byte(fmt.Sprintf(`{"id":"evt_e2e_%d","object":"event","type":"account.updated","api_version":%q,"created":%d,"data":{"object":{"id":%q,"object":"account"}}}`,
			time.Now().UnixNano(), stripetest.APIVersion, time.Now().Unix(), id))
		sig := stripetest.SignWebhook(payload, secretUsed, time.Now())
		var resp *http.Response
		var err error
		for i := 0; i < 100; i++ { // the receiver may still be starting
			req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/", strings.NewReader(string(payload)))
			req.Header.Set("Stripe-Signature", sig)
			if resp, err = http.DefaultClient.Do(req); err == nil {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		return resp.StatusCode
	}
	if code := post("whsec_forged"); code != 400 {
		t.Fatalf("forged webhook answered %d", code)
	}
	select {
	case l := <-lines:
		t.Fatalf("a forged webhook refreshed the view: %s", l)
	case <-time.After(300 * time.Millisecond):
	}
	if code := post(secret); code != 200 {
		t.Fatalf("signed webhook answered %d", code)
	}
	if l := next("the signed webhook"); strings.Contains(l, `"tos_acceptance.date"`) || !strings.Contains(l, id) {
		t.Fatalf("status after the webhook: %s", l)
	}
}
