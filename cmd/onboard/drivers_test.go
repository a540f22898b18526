package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"onboard/sandbox"
)

// keepsAsking serves a sandbox that accepts a business URL and keeps
// asking for it (the update goes through without it), as Stripe does when
// it takes a value and still wants another: every driver must send it
// once, report it still due, and not loop.
func keepsAsking(t *testing.T) string {
	t.Helper()
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"))
	if err != nil {
		t.Fatal(err)
	}
	h := sb.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/v1/accounts/acct_") && !strings.Contains(r.URL.Path, "/persons") {
			body, _ := io.ReadAll(r.Body)
			form, _ := url.ParseQuery(string(body))
			form.Del("business_profile[url]")
			enc := form.Encode()
			r.Body, r.ContentLength = io.NopCloser(strings.NewReader(enc)), int64(len(enc))
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { srv.Close(); closeSandbox(t, sb) })
	return srv.URL
}

// runWith runs onboard with stdin.
func runWith(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb, func(string) string { return "" })
	return out.String(), errb.String(), code
}

var (
	createdRE  = regexp.MustCompile(`acct_[A-Za-z0-9]+`)
	stillDueRE = regexp.MustCompile(`! (\S+) still due after submit`)
)

// The drivers are thin over one journey: for the same account, the
// scripted run and the line-mode prompter send the same step once,
// report the same paths still due, and end with the same exit code and
// the same outstanding list. (The TUI's wizard is held to the same report
// in tui's TestWizardReportsStillDueOnce.)
func TestDriversReportTheSameStillDue(t *testing.T) {
	isolate(t)
	base := keepsAsking(t)
	global := []string{"--api-base", base, "--api-key", "sk_test_drivers"}
	// Everything a US individual needs but the business URL.
	ans := map[string]any{
		"business_profile.mcc": "5734", "individual.first_name": "Jenny", "individual.last_name": "Rosen",
		"individual.dob": "1901-01-01", "individual.email": "jenny@example.com", "individual.phone": "+14155550123",
		"individual.ssn_last_4": "0000", "individual.id_number": "000000000",
		"individual.address.line1": "address_full_match", "individual.address.city": "San Francisco",
		"individual.address.state": "CA", "individual.address.postal_code": "94107",
		"external_account": map[string]any{"account_holder_name": "Jenny Rosen", "routing_number": "110000000", "account_number": "000123456789"},
		"tos_acceptance":   true,
	}
	newAccount := func(t *testing.T) string {
		out, stderr, code := runWith(t, "", append(global, "new", "--answers", writeAnswers(t, ans))...)
		if code != exitStillDue || !strings.Contains(stderr, "business_profile.url") {
			t.Fatalf("setup: exit %d\n%s\n%s", code, out, stderr)
		}
		return createdRE.FindString(out)
	}
	const site = "https://shop.example.com"
	drivers := []struct {
		name string
		run  func(t *testing.T, id string) (string, string, int)
	}{
		{"answers", func(t *testing.T, id string) (string, string, int) {
			return runWith(t, "", append(global, "resume", id, "--answers", writeAnswers(t, map[string]any{"business_profile.url": site}))...)
		}},
		{"lines", func(t *testing.T, id string) (string, string, int) {
			return runWith(t, site+"\n", append(global, "resume", id)...)
		}},
	}
	for _, d := range drivers {
		t.Run(d.name, func(t *testing.T) {
			id := newAccount(t)
			out, stderr, code := d.run(t, id)
			var due []string
			for _, m := range stillDueRE.FindAllStringSubmatch(out, -1) {
				due = append(due, m[1])
			}
			if code != exitStillDue || !slices.Equal(due, []string{"business_profile.url"}) {
				t.Fatalf("exit %d, still due %v\nstdout:\n%s\nstderr:\n%s", code, due, out, stderr)
			}
			if !strings.Contains(stderr, "business_profile.url") {
				t.Errorf("outstanding not listed:\n%s", stderr)
			}
		})
	}
}

func writeAnswers(t *testing.T, m map[string]any) string {
	t.Helper()
	raw, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "answers.json")
	if err := os.WriteFile(p, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
