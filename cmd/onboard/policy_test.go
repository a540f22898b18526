package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"onboard/internal/config"
	"onboard/sandbox"
)

// A redirect from the API base is never followed: when the API answers an
// account update (names, date of birth, id number) with a 307 to another
// host, no request, and so no body, ever reaches that host, and the run
// fails with an error that says why.
func TestRedirectIsNeverFollowed(t *testing.T) {
	isolate(t)
	var mu sync.Mutex
	var elsewhere []string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		elsewhere = append(elsewhere, r.Method+" "+r.URL.Path+" "+string(b))
		mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	defer other.Close()
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time {
		return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer closeSandbox(t, sb)
	real := sb.Handler()
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/v1/accounts/acct_") {
			http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
			return
		}
		real.ServeHTTP(w, r)
	}))
	defer api.Close()
	ans := writeAnswers(t, map[string]any{"individual.first_name": "Jenny", "individual.last_name": "Rosen", "individual.dob": "1901-01-01",
		"individual.id_number": "000000000", "individual.phone": "+14155550123"})
	_, stderr, code := runIn(t, map[string]string{"STRIPE_API_KEY": "sk_test_redirect"}, "--api-base", api.URL,
		"new", "--country", "US", "--business-type", "individual", "--capabilities", "transfers", "--answers", ans)
	if code != exitFailure || !strings.Contains(stderr, "never follows redirects") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(elsewhere) > 0 {
		t.Fatalf("requests reached the other host: %q", elsewhere)
	}
}

// failingAPI is the sandbox behind a loopback server that answers every
// account update with a 503 Stripe says not to retry.
func failingAPI(t *testing.T) string {
	t.Helper()
	real := openSandbox(t).Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/v1/accounts/acct_") {
			w.Header().Set("Stripe-Should-Retry", "false")
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, `{"error":{"type":"api_error","message":"injected 503"}}`)
			return
		}
		real.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// A failure in the middle of a run names the step it stopped at and says
// how to continue (onboard resume acct_…), with exit 1: in scripted runs
// and in line mode.
func TestFailureNamesTheStepAndHowToResume(t *testing.T) {
	isolate(t)
	env := map[string]string{"STRIPE_API_KEY": "sk_test_fail"}
	ans := writeAnswers(t, map[string]any{"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com"})
	args := []string{"--api-base", failingAPI(t), "new", "--country", "US", "--business-type", "individual", "--capabilities", "transfers"}
	_, stderr, code := runIn(t, env, append(args, "--answers", ans)...)
	if code != exitFailure || !strings.Contains(stderr, "Business profile: ") || !strings.Contains(stderr, "injected 503") ||
		!strings.Contains(stderr, "To continue: onboard resume acct_") || !strings.Contains(stderr, "--answers "+ans) {
		t.Fatalf("scripted: exit %d: %s", code, stderr)
	}
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader("1\nhttps://accessible.stripe.com\n"), &out, &errb, func(k string) string { return env[k] })
	if code != exitFailure || !strings.Contains(errb.String(), "Business profile: injected 503") ||
		!strings.Contains(errb.String(), "To continue: onboard resume acct_") {
		t.Fatalf("line mode: exit %d: %s\n%s", code, errb.String(), out.String())
	}
}

func openSandbox(t *testing.T) *sandbox.Sandbox {
	t.Helper()
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeSandbox(t, sb) })
	return sb
}

// closeSandbox closes a test's sandbox; its last writes failing fails the
// test.
func closeSandbox(t *testing.T, sb *sandbox.Sandbox) {
	t.Helper()
	if err := sb.Close(); err != nil {
		t.Error(err)
	}
}

// Uploads follow --api-base: Stripe's files host for Stripe's API, the
// same origin for a loopback simulator.
func TestFilesBaseFollowsAPIBase(t *testing.T) {
	if got := filesBaseFor(config.StripeAPIBase); got != "" {
		t.Errorf("Stripe: %q (the empty base is files.stripe.com)", got)
	}
	if got := filesBaseFor("http://127.0.0.1:12111"); got != "http://127.0.0.1:12111" {
		t.Errorf("loopback: %q", got)
	}
}
