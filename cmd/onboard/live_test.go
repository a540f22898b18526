package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// liveProxy is a loopback sandbox that takes a live key (it swaps it for a
// test key on the way in), so a live run can be driven end to end.
func liveProxy(t *testing.T) string {
	t.Helper()
	sb := openSandbox(t)
	h := sb.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Set("Authorization", "Bearer sk_test_proxy")
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// In line mode on a live key, each change asks for the country code from
// the same reader as the questions: piped answers after a confirmation
// are not swallowed, and the next change asks again.
func TestLiveLineModeReadsOneStdin(t *testing.T) {
	isolate(t)
	env := map[string]string{"STRIPE_API_KEY": fakeLiveKey}
	var out, errb bytes.Buffer
	in := "US\n1\nhttps://accessible.stripe.com\nUS\n"
	code := run([]string{"--live", "--api-base", liveProxy(t), "new", "--country", "US", "--business-type", "individual",
		"--capabilities", "transfers"}, strings.NewReader(in), &out, &errb, func(k string) string { return env[k] })
	if code != exitStillDue {
		t.Fatalf("exit %d: %s\n%s", code, errb.String(), out.String())
	}
	if n := strings.Count(errb.String(), "type the account's country code (US)"); n != 1 ||
		!strings.Contains(errb.String(), "type the country code (US) to create") {
		t.Fatalf("confirmations asked: %s", errb.String())
	}
	due := ""
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "currently due") {
			due = l
		}
	}
	if due == "" || strings.Contains(due, "business_profile.url") {
		t.Fatalf("the business profile was not sent:\n%s", out.String())
	}
}

// set-key refuses any input that holds a live key, wherever it sits.
func TestSetKeyRefusesALiveKeyAnywhere(t *testing.T) {
	isolate(t)
	for _, in := range []string{fakeLiveKey + "\n", "sk_test_51Habcdefghijklmn4f2a\t" + fakeLiveKey + "\n",
		"key: " + strings.Replace(fakeLiveKey, "sk_", "rk_", 1) + "\n"} {
		var out, errb bytes.Buffer
		code := run([]string{"config", "set-key"}, strings.NewReader(in), &out, &errb, func(string) string { return "" })
		if code != exitUsage || strings.Contains(out.String()+errb.String(), "abcdefghijklmn") {
			t.Errorf("%q: exit %d out %q err %q", in, code, out.String(), errb.String())
		}
	}
	p, _, _ := runIn(t, nil, "config", "path")
	if _, err := os.Stat(strings.TrimSpace(p)); !os.IsNotExist(err) {
		t.Errorf("a config file was written: %v", err)
	}
}

// The explorer creates throwaway accounts: on a live key it refuses
// before any request.
func TestLiveExploreRefused(t *testing.T) {
	isolate(t)
	env := map[string]string{"STRIPE_API_KEY": fakeLiveKey}
	_, stderr, code := runIn(t, env, "--live", "--api-base", "http://127.0.0.1:1", "explore", "--country", "US")
	if code != exitUsage || !strings.Contains(stderr, "throwaway") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}
