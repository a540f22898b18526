package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"onboard/schema"
)

func TestResolveKeyPrecedence(t *testing.T) {
	p := profile{APIKey: "sk_test_profile"}
	cases := []struct {
		flag, env string
		want      keyChoice
	}{
		{"sk_test_flag", "sk_test_env", keyChoice{"sk_test_flag", sourceFlag}},
		{"", "sk_test_env", keyChoice{"sk_test_env", sourceEnv}},
		{"", "", keyChoice{"sk_test_profile", sourceProfile}},
	}
	for _, c := range cases {
		if got := resolveKey(c.flag, c.env, p); got != c.want {
			t.Errorf("%q %q: got %+v", c.flag, c.env, got)
		}
	}
	if got := resolveKey("", "", profile{}); got.Key != "" {
		t.Errorf("no key anywhere should mean the sandbox, got %+v", got)
	}
}

func TestCheckKey(t *testing.T) {
	live := keyChoice{fakeLiveKey, sourceEnv}
	err := checkKey(live, false, schema.English)
	if codeOf(err) != exitUsage || !strings.Contains(err.Error(), "--live") || strings.Contains(err.Error(), "abcdefghijklmn") {
		t.Fatalf("live key without --live: %v", err)
	}
	if err := checkKey(live, true, schema.English); err != nil {
		t.Errorf("live key with --live: %v", err)
	}
	if err := checkKey(keyChoice{"pk_test_123456789012", sourceFlag}, false, schema.English); codeOf(err) != exitUsage {
		t.Errorf("publishable key accepted: %v", err)
	}
	for _, k := range []string{"sk_test_x", "rk_test_y", ""} {
		if err := checkKey(keyChoice{k, sourceFlag}, false, schema.English); err != nil {
			t.Errorf("%q refused: %v", k, err)
		}
	}
}

func TestRedactKey(t *testing.T) {
	if got := redactKey("sk_test_51Habcdefghijklmn4f2a"); got != "sk_test_…4f2a" {
		t.Errorf("got %q", got)
	}
	if got := redactKey("short"); strings.Contains(got, "short") {
		t.Errorf("short key shown: %q", got)
	}
}

func TestCheckAPIBase(t *testing.T) {
	ok := map[string]string{
		"https://api.stripe.com":  "https://api.stripe.com",
		"https://api.stripe.com/": "https://api.stripe.com",
		"http://127.0.0.1:12111":  "http://127.0.0.1:12111",
		"http://localhost:12111":  "http://localhost:12111",
		"http://[::1]:8080":       "http://[::1]:8080",
	}
	for in, want := range ok {
		got, err := checkAPIBase(in, schema.English)
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"http://api.stripe.com", "https://evil.example.com", "https://api.stripe.com.evil.com",
		"http://10.0.0.1:80", "https://user@api.stripe.com", "https://api.stripe.com/v1", "nonsense", "file:///etc/passwd"} {
		if _, err := checkAPIBase(bad, schema.English); codeOf(err) != exitUsage {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestReadConfigMakesFilePrivate(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte("[profiles.default]\napi_key = \"sk_test_abc\"\nlang = \"fr\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := readConfig(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Profiles["default"].APIKey != "sk_test_abc" || c.Profiles["default"].Lang != "fr" {
		t.Errorf("got %+v", c)
	}
	st, _ := os.Stat(p)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if _, err := readConfig(filepath.Join(t.TempDir(), "missing.toml")); err != nil {
		t.Errorf("missing file: %v", err)
	}
}

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
		{"--lang", "de", "status", "acct_x"},
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
