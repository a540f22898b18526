package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// On a live key a batch starts only once the operator has typed the
// number of accounts it changes; then each row's changes go ahead
// without asking again, and a wrong number changes nothing.
func TestLiveBatchConfirmsTheNumberOfAccounts(t *testing.T) {
	isolate(t)
	env := map[string]string{"STRIPE_API_KEY": fakeLiveKey}
	getenv := func(k string) string { return env[k] }
	base := liveProxy(t)
	file := filepath.Join(t.TempDir(), "two.csv")
	csv := "key,country,business_type,capabilities,business_profile.url\n" +
		"a,US,individual,transfers,https://accessible.stripe.com\n" +
		"b,US,individual,transfers,https://accessible.stripe.com\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := run([]string{"--live", "--api-base", base, "batch", file}, strings.NewReader("3\n"), &out, &errb, getenv)
	if code != exitUsage || !strings.Contains(errb.String(), "creates or changes 2 live account(s)") ||
		!strings.Contains(errb.String(), "…") || strings.Contains(out.String(), "acct_") {
		t.Fatalf("a wrong count: exit %d\n%s\n%s", code, errb.String(), out.String())
	}
	out.Reset()
	errb.Reset()
	code = run([]string{"--live", "--api-base", base, "batch", file}, strings.NewReader("2\n"), &out, &errb, getenv)
	if code != exitStillDue || strings.Count(out.String(), "acct_") < 2 || strings.Contains(errb.String(), "country code") {
		t.Fatalf("confirmed: exit %d\n%s\n%s", code, errb.String(), out.String())
	}
	// A row that fixes an account goes ahead for that account's country.
	id := out.String()[strings.Index(out.String(), "acct_"):]
	id = id[:strings.IndexAny(id, " \n")]
	fix := filepath.Join(t.TempDir(), "fix.csv")
	if err := os.WriteFile(fix, []byte("account,individual.first_name\n"+id+",Jenny\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errb.Reset()
	code = run([]string{"--live", "--api-base", base, "batch", fix}, strings.NewReader("1\n"), &out, &errb, getenv)
	if code != exitStillDue || strings.Contains(out.String(), "row 1 failed") || strings.Contains(out.String(), "individual.first_name") {
		t.Fatalf("fix on a live key: exit %d\n%s\n%s", code, errb.String(), out.String())
	}
}
