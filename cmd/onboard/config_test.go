package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"
)

// isolate points XDG at temporary directories for an in-process run.
func isolate(t *testing.T) {
	t.Helper()
	t.Cleanup(xdg.Reload)
	for _, k := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
		t.Setenv(k, t.TempDir())
	}
	xdg.Reload()
}

func runIn(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb, func(k string) string { return env[k] })
	return out.String(), errb.String(), code
}

func TestUsageErrorsExitTwo(t *testing.T) {
	isolate(t)
	cases := [][]string{
		{"new", "--country", "USA", "--answers", "x.json"},
		{"new", "--business-type", "sole_prop", "--answers", "x.json"},
		{"new", "--capabilities", "issuing", "--answers", "x.json"},
		{"new", "--agreement", "recipient", "--capabilities", "card_payments", "--answers", "x.json"},
		{"new", "--no-such-flag"},
		{"--lang", "xx", "status", "acct_x"},
		{"--api-base", "https://evil.example.com", "status", "acct_x"},
		{"new", "--answers", "/does/not/exist.json"},
		{}, // home needs a terminal; new and resume fall back to line mode
		{"sandbox", "advance", "soon"},
		{"sandbox", "serve", "--addr", "0.0.0.0:12111"},
	}
	for _, args := range cases {
		_, stderr, code := runIn(t, nil, args...)
		if code != exitUsage || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

func TestStatusOnSandboxInProcess(t *testing.T) {
	isolate(t)
	_, stderr, code := runIn(t, nil, "status", "acct_missing")
	if code != exitFailure || !strings.Contains(stderr, "No such account") {
		t.Fatalf("exit %d stderr %q", code, stderr)
	}
	_, stderr, code = runIn(t, map[string]string{"LANG": "fr_FR.UTF-8"}, "sandbox", "advance", "1d")
	if code != 0 {
		t.Fatalf("advance: %d %s", code, stderr)
	}
}

func TestConfigSetKeyAndProfiles(t *testing.T) {
	isolate(t)
	var out, errb bytes.Buffer
	code := run([]string{"--profile", "demo", "config", "set-key", "--lang", "fr"}, strings.NewReader("sk_test_51Habcdefghijklmn4f2a\n"), &out, &errb, func(string) string { return "" })
	if code != 0 || strings.Contains(out.String(), "abcdefghijklmn") {
		t.Fatalf("exit %d out %q err %q", code, out.String(), errb.String())
	}
	shown, _, _ := runIn(t, nil, "config", "show")
	if !strings.Contains(shown, "[demo] api_key=sk_test_…4f2a lang=fr") {
		t.Errorf("show: %q", shown)
	}
	code = run([]string{"config", "set-key"}, strings.NewReader(fakeLiveKey+"\n"), &out, &errb, func(string) string { return "" })
	if code != exitUsage {
		t.Errorf("a live key was accepted: %d", code)
	}
	p, _, _ := runIn(t, nil, "config", "path")
	st, err := os.Stat(strings.TrimSpace(p))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("config file: %v %v", st, err)
	}
	// The profile's key is used: a test key pointed at nothing but loopback.
	_, stderr, code := runIn(t, nil, "--profile", "demo", "--api-base", "http://127.0.0.1:1", "status", "acct_x")
	if code != exitFailure || strings.Contains(stderr, "abcdefghijklmn") {
		t.Errorf("exit %d stderr %q", code, stderr)
	}
}

// With --live, nothing changes until the operator types the country code.
func TestLiveNeedsCountryConfirmation(t *testing.T) {
	isolate(t)
	ans := filepath.Join(t.TempDir(), "a.json")
	if err := os.WriteFile(ans, []byte(`{"individual.first_name": "Jenny"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"STRIPE_API_KEY": fakeLiveKey}
	var out, errb bytes.Buffer
	code := run([]string{"--live", "--api-base", "http://127.0.0.1:1", "new", "--answers", ans},
		strings.NewReader("FR\n"), &out, &errb, func(k string) string { return env[k] })
	if code != exitUsage || !strings.Contains(errb.String(), "(US)") || !strings.Contains(errb.String(), "nothing was changed") {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
}

// fakeLiveKey looks like a live key to the code under test; it is built
// here so no literal live-looking key sits in the source.
var fakeLiveKey = "sk_" + "live_" + "51Habcdefghijklmn4f2a"

// A setup the answers file makes is checked as the flags are, and the
// problem names the file's key, not a flag that was never given; a flag
// given over the file is named as the flag.
func TestAnswersFileSetupNamedByItsKey(t *testing.T) {
	isolate(t)
	file := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(file, []byte("country: USA\ncapabilities: [issuing]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runIn(t, nil, "new", "--answers", file)
	if want := `answers file ` + file + `: country takes a two-letter code such as US, not "USA"`; code != exitUsage || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, %q; want %q", code, stderr, want)
	}
	_, stderr, code = runIn(t, nil, "new", "--answers", file, "--country", "US")
	if want := `answers file ` + file + `: unknown capability "issuing"`; code != exitUsage || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, %q; want %q", code, stderr, want)
	}
	_, stderr, code = runIn(t, nil, "new", "--answers", file, "--country", "US", "--capabilities", "transfers", "--accounts-api", "v3")
	if want := `--accounts-api takes v1 or v2, not "v3"`; code != exitUsage || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, %q; want %q", code, stderr, want)
	}
}
