package main

import (
	"strings"
	"testing"

	"onboard/internal/config"
)

// Keys built from parts, so no scanner reads them as leaked secrets.
var (
	fakeTestKey    = "sk_" + "test_" + "51Habcdefghijklmnopqrst9x7Q"
	fakeRestricted = "rk_" + "live_" + "51Habcdefghijklmnopqrst8w6P"
	fakeWebhook    = "whsec_" + "Zm9vYmFyYmF6cXV4cXV1eA5s3T"
	fakeOddKey     = "Zk39sJ2kLm9Qw8Er7Ty6Ui5Op4As3Df2Gh1"
)

// A key typed where it does not belong is never printed whole: not in
// cobra's own errors (an unknown command or flag, a flag's bad value), not
// in onboard's; a key of a known prefix keeps its prefix and last 4, any
// other shows only its last 4.
func TestKeysAreMaskedInEveryError(t *testing.T) {
	isolate(t)
	cases := []struct {
		args   []string
		secret string
		shown  string
	}{
		{[]string{"config", "set-key", fakeTestKey}, fakeTestKey, "sk_test_…9x7Q"},
		{[]string{"accounts", fakeTestKey}, fakeTestKey, "sk_test_…9x7Q"},
		{[]string{fakeRestricted}, fakeRestricted, "rk_live_…8w6P"},
		{[]string{"status", "--webhook-secret", fakeWebhook, fakeWebhook}, fakeWebhook, "whsec_…5s3T"},
		{[]string{"accounts", "--live=" + fakeTestKey}, fakeTestKey, "sk_test_…9x7Q"},
		{[]string{"accounts", "--" + fakeTestKey}, fakeTestKey, "9x7Q"},
		{[]string{"config", "set-key", fakeOddKey}, fakeOddKey, "…2Gh1"},
		{[]string{"accounts", fakeOddKey}, fakeOddKey, "…2Gh1"},
		{[]string{"--api-key", fakeOddKey, "accounts"}, fakeOddKey, "…2Gh1"},
		{[]string{"--api-key=" + fakeOddKey[:20], "accounts"}, fakeOddKey[:20], "…7Ty6"},
	}
	for _, c := range cases {
		stdout, stderr, code := runIn(t, nil, c.args...)
		if code == 0 {
			t.Errorf("%v: exit 0", c.args)
		}
		out := stdout + stderr
		if strings.Contains(out, c.secret) || strings.Contains(out, c.secret[:len(c.secret)-4]) {
			t.Errorf("%v: the key is printed: %q", c.args, out)
		}
		if !strings.Contains(out, c.shown) {
			t.Errorf("%v: want %q in %q", c.args, c.shown, out)
		}
		// An unknown-prefix key shows nothing of its start.
		if config.KeyPrefix(c.secret) == "" && strings.Contains(out, c.secret[:8]) {
			t.Errorf("%v: the key's start is printed: %q", c.args, out)
		}
	}
}

// The environment's key, whatever its shape, is masked too.
func TestEnvironmentKeyMasked(t *testing.T) {
	isolate(t)
	_, stderr, code := runIn(t, map[string]string{"STRIPE_API_KEY": fakeOddKey}, "status", "acct_x")
	if code != exitUsage || strings.Contains(stderr, fakeOddKey[:8]) || !strings.Contains(stderr, "…2Gh1") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

// A command line onboard cannot read is bad usage: exit 2, whatever is
// wrong with it (a flag, its value, a command, the number of arguments).
func TestUnreadableCommandLinesExitTwo(t *testing.T) {
	isolate(t)
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"status", "--json=maybe", "acct_x"},
		{"new", "--country"},
		{"no-such-command"},
		{"status"},
		{"status", "acct_1", "acct_2"},
		{"config", "set-key"},
		{"sandbox", "no-such-command"},
		{"config", "no-such-command"},
		{"completion", "no-such-shell"},
	} {
		if _, stderr, code := runIn(t, nil, args...); code != exitUsage || stderr == "" {
			t.Errorf("%v: exit %d, want %d; stderr %q", args, code, exitUsage, stderr)
		}
	}
	// A group of commands alone shows its help, as before.
	for _, group := range []string{"sandbox", "config", "completion"} {
		if stdout, stderr, code := runIn(t, nil, group); code != 0 || !strings.Contains(stdout, "onboard "+group+" [command]") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", group, code, stdout, stderr)
		}
	}
}
