package e2e

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"onboard/schema"
)

// Requests shown as code, journeys recorded for replay, the
// request log; and none of it ever holds a key or a sensitive value.

// sensitiveTestValues are the sensitive values the journeys type or send
// (Stripe's test SSN, EIN and bank account number).
var sensitiveTestValues = []string{"000000000", "000123456789"}

// randomKey is a test key made at run time, so a scan for it can only
// match what the run wrote.
func randomKey(t *testing.T) string {
	t.Helper()
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "sk_test_" + hex.EncodeToString(b)
}

// scan fails when any of what names holds a secret.
func scan(t *testing.T, secrets []string, outputs map[string]string) {
	t.Helper()
	for name, text := range outputs {
		for _, s := range secrets {
			if s != "" && strings.Contains(text, s) {
				t.Errorf("%s holds %q", name, s)
			}
		}
	}
}

// filesUnder reads every file under dirs (the run's config and state
// directories: debug log, drafts, config).
func filesUnder(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				raw, rerr := os.ReadFile(p)
				if rerr == nil {
					out[p] = string(raw)
				}
			}
			return nil
		})
	}
	return out
}

func envValue(env []string, k string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, k+"="); ok {
			return v
		}
	}
	return ""
}

// serve runs `onboard sandbox serve` on addr with env's data directory
// until stop is called.
func serve(t *testing.T, env []string, addr string) (stop func()) {
	t.Helper()
	cmd := exec.Command(binary, "sandbox", "serve", "--addr", addr)
	cmd.Env = append(os.Environ(), env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := false
	stop = func() {
		if !done {
			done = true
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	}
	t.Cleanup(stop)
	for deadline := time.Now().Add(10 * time.Second); ; {
		resp, err := http.Get("http://" + addr + "/v1/accounts")
		if err == nil {
			_ = resp.Body.Close()
			return stop
		}
		if time.Now().After(deadline) {
			t.Fatalf("sandbox serve never listened on %s: %v", addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// settledStatus moves env's sandbox clock past verification and returns
// the account's status without its id.
func settledStatus(t *testing.T, env []string, id string, args ...string) status {
	t.Helper()
	if a := onboard(t, env, "sandbox", "advance", "1h"); a.code != 0 {
		t.Fatalf("advance: %+v", a)
	}
	r := onboard(t, env, append([]string{"status", id, "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("status exited %d: %s", r.code, r.stderr)
	}
	st := decode(t, r.stdout)
	st.ID = ""
	return st
}

// placeholderPaths are the catalog fields placeholders stand for, whose
// test value (for the account's country) a user sets.
var placeholderPaths = map[string]string{
	"ID_NUMBER": "individual.id_number", "ID_NUMBER_SECONDARY": "individual.id_number_secondary",
	"TAX_ID": "company.tax_id", "VAT_ID": "company.vat_id",
	"ACCOUNT_NUMBER": "external_account.account_number",
}

// placeholderValue is what a user sets for a placeholder of the curl
// script on an account of country: Stripe's test value, valid there (a
// GB account number has 8 digits, not the US test number's 12).
func placeholderValue(country, name string) (string, bool) {
	base := name
	if _, ok := placeholderPaths[name]; !ok && name != "SSN_LAST_4" {
		base = regexp.MustCompile(`_\d+$`).ReplaceAllString(name, "") // ID_NUMBER_2
	}
	switch {
	case strings.HasPrefix(base, "VERIFICATION_") || strings.HasPrefix(base, "DOCUMENTS_"):
		return "file_identity_document_success", true
	case base == "SSN_LAST_4":
		return "0000", true // the last four of Stripe's test SSN
	}
	path, ok := placeholderPaths[base]
	if !ok {
		return "", false
	}
	v := schema.TestValue(schema.Lookup(path, country), schema.Context{Country: country, Lang: schema.English})
	return v, v != ""
}

// --show-requests curl, run in bash with the key and the placeholders set,
// against a fresh `onboard sandbox serve`, reproduces the journey: the
// same account in the same state. A v1 company and a v2 individual (JSON
// bodies in here-documents).
func TestShowRequestsCurlReplaysJourney(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Fatal("curl is required (.ci/run installs it)")
	}
	t.Run("v1 company", func(t *testing.T) {
		replayCurl(t, "\n# ✓ Company: ", "US", true, "--answers", "../examples/us-company.json")
	})
	t.Run("v2 individual", func(t *testing.T) {
		replayCurl(t, "/v2/core/accounts", "US", true, "--answers", "../examples/us-individual.json", "--upfront",
			"--accounts-api", "v2", "--email", "jenny@example.com")
	})
}

// The curl output of every example answers file replays, against a fresh
// `onboard sandbox serve`, to the state the example reached.
func TestShowRequestsCurlReplaysEveryExample(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Fatal("curl is required (.ci/run installs it)")
	}
	files, err := filepath.Glob("../examples/*.json")
	if err != nil || len(files) < 20 {
		t.Fatalf("examples: %v %v", files, err)
	}
	for _, f := range files {
		country := strings.ToUpper(strings.SplitN(filepath.Base(f), "-", 2)[0])
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			replayCurl(t, "curl -sS", country, false, "--answers", f)
		})
	}
}

// replayCurl runs new with args against a standalone sandbox, then the
// curl script it printed against a fresh one with the placeholders set to
// country's test values, and compares the accounts; twice, when again,
// to see each replay make its own account.
func replayCurl(t *testing.T, mark, country string, again bool, args ...string) {
	key := randomKey(t)
	addr := freePort(t)
	base := "http://" + addr
	env1 := append(xdgEnv(t), "STRIPE_API_KEY="+key)
	stop := serve(t, env1, addr)
	// With --json the steps go to stderr too: as comments of the script.
	r := onboard(t, env1, append([]string{"new", "--api-base", base, "--show-requests", "curl", "--debug", "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("new exited %d\nstdout:%s\nstderr:%s", r.code, r.stdout, r.stderr)
	}
	id := decode(t, r.stdout).ID
	script := r.stderr
	if !strings.Contains(script, mark) || !strings.Contains(script, "curl -sS") || !strings.Contains(script, "${") {
		t.Fatalf("stderr is no curl script (or lacks %q):\n%s", mark, script)
	}
	want := settledStatus(t, env1, id, "--api-base", base)
	// complete, or enabled with only what Stripe asks later left (the
	// examples answer what is due now).
	if want.State != "complete" && (again || want.State != "enabled") {
		t.Fatalf("the original journey ends %s", want.State)
	}
	logs := filesUnder(t, envValue(env1, "XDG_STATE_HOME"), envValue(env1, "XDG_CONFIG_HOME"))
	debugLog := logs[filepath.Join(envValue(env1, "XDG_STATE_HOME"), "onboard", "onboard.log")]
	if !strings.Contains(debugLog, "status=200 request_id=req_") || !strings.Contains(debugLog, "retries=0") {
		t.Errorf("debug log lacks the requests:\n%s", debugLog)
	}
	outputs := map[string]string{"stdout": r.stdout, "stderr (the script)": script}
	for k, v := range logs {
		outputs[k] = v
	}
	scan(t, append(sensitiveTestValues, key), outputs)
	stop()

	// A fresh sandbox on the same address; the key and placeholders set.
	env2 := append(xdgEnv(t), "STRIPE_API_KEY="+key)
	serve(t, env2, addr)
	bashEnv := []string{"STRIPE_API_KEY=" + key, "PATH=" + os.Getenv("PATH")}
	sc := bufio.NewScanner(strings.NewReader(script))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "# needs: "); ok {
			for _, v := range strings.Fields(rest) {
				val, known := placeholderValue(country, strings.TrimPrefix(v, "$"))
				if !known {
					t.Fatalf("placeholder %s has no test value", v)
				}
				bashEnv = append(bashEnv, strings.TrimPrefix(v, "$")+"="+val)
			}
		}
	}
	sh := exec.Command("bash", "-c", script) // the script sets -euo pipefail itself
	sh.Env = bashEnv
	out, err := sh.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	list := onboard(t, env2, "accounts", "--json", "--api-base", base)
	var accts []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal([]byte(list.stdout), &accts); err != nil || len(accts) != 1 {
		t.Fatalf("accounts after the replay (%v): %s %s", err, list.stdout, list.stderr)
	}
	if got := settledStatus(t, env2, accts[0].ID, "--api-base", base); !statusEqual(got, want) {
		t.Fatalf("replayed account ends\n%+v\nwant\n%+v\n%s", got, want, out)
	}
	if !again {
		return
	}
	// Replayed again, the script makes a second account: its idempotency
	// keys are the run's own.
	second := exec.Command("bash", "-c", script)
	second.Env = bashEnv
	if out, err := second.CombinedOutput(); err != nil {
		t.Fatalf("second replay: %v\n%s", err, out)
	}
	list = onboard(t, env2, "accounts", "--json", "--api-base", base)
	if err := json.Unmarshal([]byte(list.stdout), &accts); err != nil || len(accts) != 2 {
		t.Fatalf("accounts after a second replay (%v): %s", err, list.stdout)
	}
}

// A replay that Stripe refuses stops at the refused request: the US test
// account number (12 digits) is no GB account number, so the token
// request fails and nothing after it runs with an empty TOKEN_1.
func TestShowRequestsCurlStopsAtRefusal(t *testing.T) {
	key := randomKey(t)
	addr := freePort(t)
	base := "http://" + addr
	env1 := append(xdgEnv(t), "STRIPE_API_KEY="+key)
	stop := serve(t, env1, addr)
	r := onboard(t, env1, "new", "--api-base", base, "--show-requests", "curl", "--json", "--answers", "../examples/gb-company.json")
	if r.code != 0 || !strings.Contains(r.stderr, "TOKEN_1=$(curl") {
		t.Fatalf("new exited %d\n%s", r.code, r.stderr)
	}
	stop()
	serve(t, append(xdgEnv(t), "STRIPE_API_KEY="+key), addr)
	sh := exec.Command("bash", "-c", r.stderr)
	sh.Env = []string{"STRIPE_API_KEY=" + key, "PATH=" + os.Getenv("PATH"), "TAX_ID=000000000", "ID_NUMBER=000000000",
		"VERIFICATION_DOCUMENT_FRONT=file_identity_document_success", "ACCOUNT_NUMBER=000123456789"}
	out, err := sh.CombinedOutput()
	if err == nil {
		t.Fatalf("the script went on after a refused request:\n%s", out)
	}
	if strings.Contains(string(out), "TOKEN_1=") {
		t.Errorf("the script ran past the refused token request:\n%s", out)
	}
	if !strings.Contains(string(out), "400") {
		t.Errorf("the refusal's status is not shown:\n%s", out)
	}
}

func statusEqual(a, b status) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// A US company onboarded in the TUI with --record replays to complete
// with `new --answers FILE` alone on a fresh sandbox. The requests pane
// opens on the summary, --show-requests prints them once the screen is
// released, and nothing written holds a sensitive value (the recorded
// file holds Stripe's test values, marked as such, since it was recorded
// on the sandbox).
func TestTUIRecordReplaysToComplete(t *testing.T) {
	env := xdgEnv(t)
	rec := filepath.Join(t.TempDir(), "recorded.yaml")
	tm := startTerm(t, env, 100, 30, "new", "--record", rec, "--debug", "--show-requests", "curl")
	wait := 10 * time.Second
	typeUSCompany(tm, wait)
	tm.waitFor("Nothing more to collect", wait)
	// Settle verification now (the TUI's sandbox shares the database)
	// and read the account again.
	if a := onboard(t, env, "sandbox", "advance", "1h"); a.code != 0 {
		t.Fatalf("advance: %+v", a)
	}
	tm.keys("r")
	tm.waitFor("complete", wait)
	tm.keys("C-x")
	s := tm.waitFor("requests · as curl", wait) // 27 requests: the count agrees with its noun
	if !strings.Contains(s, "/capabilities → 200 req_") || !strings.Contains(s, `-u "${STRIPE_API_KEY}:"`) {
		t.Errorf("requests pane:\n%s", s)
	}
	screens := map[string]string{"requests pane": s}
	tm.keys("Escape")
	tm.waitFor("complete", wait)
	tm.keys("C-c")
	s = tm.waitFor("[exit 0]", wait)
	screens["after exit"] = s
	if !strings.Contains(s, "${STRIPE_API_KEY}") {
		t.Errorf("--show-requests printed nothing after the screen:\n%s", s)
	}

	raw, err := os.ReadFile(rec)
	if err != nil {
		t.Fatal(err)
	}
	recorded := string(raw)
	for _, line := range strings.Split(recorded, "\n") {
		for _, v := range sensitiveTestValues {
			if strings.Contains(line, v) && !strings.HasSuffix(line, "# Stripe test value") {
				t.Errorf("recorded line holds %q without being a test value: %s", v, line)
			}
		}
	}
	for _, want := range []string{`country: "US"`, `business_type: "company"`, `representative.first_name: "Jenny"`} {
		if !strings.Contains(recorded, want) {
			t.Errorf("recorded file lacks %s:\n%s", want, recorded)
		}
	}
	files := filesUnder(t, envValue(env, "XDG_STATE_HOME"), envValue(env, "XDG_CONFIG_HOME"))
	for k, v := range screens {
		files[k] = v
	}
	scan(t, append(sensitiveTestValues, "sk_test_sandbox"), files)

	fresh := xdgEnv(t)
	r := onboard(t, fresh, "new", "--answers", rec, "--json")
	if r.code != 0 {
		t.Fatalf("replay exited %d\n%s\n%s\n%s", r.code, r.stdout, r.stderr, recorded)
	}
	id := decode(t, r.stdout).ID
	if got := settledStatus(t, fresh, id); got.State != "complete" {
		t.Fatalf("replay ends %+v", got)
	}
	scan(t, append(sensitiveTestValues, "sk_test_sandbox"), map[string]string{"replay stdout": r.stdout, "replay stderr": r.stderr})
}

// Line mode records too, and --show-requests go streams each request as a
// stripe-go call on stderr while the questions go to stdout; the recorded
// file replays to complete.
func TestLineModeRecordsAndShowsGo(t *testing.T) {
	env := xdgEnv(t)
	rec := filepath.Join(t.TempDir(), "lines.yaml")
	lines := []string{"1", "https://accessible.stripe.com", "Jenny", "Rosen", "1901-01-01",
		"jenny@example.com", "+14155550123", "0000", "000000000",
		"address_full_match", "San Francisco", "CA", "94107",
		"Jenny Rosen", "110000000", "000123456789", "yes"}
	cmd := exec.Command(binary, "new", "--upfront", "--record", rec, "--show-requests", "go")
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	for _, want := range []string{"account1, err := sc.V1Accounts.Create(ctx, params1)", `os.Getenv("ID_NUMBER")`,
		`os.Getenv("ACCOUNT_NUMBER")`, "Answers recorded in " + rec} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %s:\n%s", want, stderr.String())
		}
	}
	if strings.Contains(stdout.String(), "sc.V1") {
		t.Error("stripe-go calls on stdout")
	}
	scan(t, append(sensitiveTestValues, "sk_test_sandbox"), map[string]string{"stdout": stdout.String(), "stderr": stderr.String()})
	raw, err := os.ReadFile(rec)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `individual.id_number: "000000000"  # Stripe test value`) ||
		!strings.Contains(string(raw), `individual.first_name: "Jenny"`) {
		t.Fatalf("recorded:\n%s", raw)
	}
	fresh := xdgEnv(t)
	r := onboard(t, fresh, "new", "--answers", rec, "--upfront", "--json")
	if r.code != 0 {
		t.Fatalf("replay exited %d: %s\n%s", r.code, r.stderr, raw)
	}
	if got := settledStatus(t, fresh, decode(t, r.stdout).ID); got.State != "complete" {
		t.Fatalf("replay ends %+v", got)
	}
}

// status --show-requests prints its reads as curl on stderr and the
// status on stdout; a bad format is a usage error before any request.
func TestShowRequestsOnStatus(t *testing.T) {
	env := xdgEnv(t)
	r := onboard(t, env, "new", "--answers", "../examples/us-individual.json", "--json")
	id := decode(t, r.stdout).ID
	r = onboard(t, env, "status", id, "--json", "--show-requests", "curl")
	if r.code != 0 || decode(t, r.stdout).ID != id {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, `curl -sS -g -w '\n' "https://api.stripe.com/v1/accounts/`+id+`"`) {
		t.Fatalf("stderr:\n%s", r.stderr)
	}
	r = onboard(t, env, "status", id, "--show-requests", "python")
	if r.code != 2 || !strings.Contains(r.stderr, "--show-requests takes curl|go") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
}

// --record into a place that cannot be written stops before any request;
// a run that sends nothing writes no file and leaves an existing one alone.
func TestRecordRefusesBeforeSendingAndLeavesFilesAlone(t *testing.T) {
	env := xdgEnv(t)
	r := onboard(t, env, "new", "--answers", "../examples/us-individual.json",
		"--record", filepath.Join(t.TempDir(), "missing", "x.yaml"))
	if r.code != 2 || !strings.Contains(r.stderr, "record answers") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if l := onboard(t, env, "accounts", "--json"); strings.Contains(l.stdout, "acct_") {
		t.Fatalf("an account was created: %s", l.stdout)
	}
	r = onboard(t, env, "new", "--answers", "../examples/us-individual.json", "--json")
	id := decode(t, r.stdout).ID
	rec := filepath.Join(t.TempDir(), "nothing.yaml")
	r = onboard(t, env, "resume", id, "--answers", "../examples/us-individual.json", "--record", rec)
	if !strings.Contains(r.stderr, "Nothing was sent, so nothing was recorded.") {
		t.Fatalf("resume with nothing to send: %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(rec); !os.IsNotExist(err) {
		t.Fatalf("an empty recording was left: %v", err)
	}
	// An earlier recording at that path survives a run that sends nothing.
	if err := os.WriteFile(rec, []byte("country: \"US\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	onboard(t, env, "resume", id, "--answers", "../examples/us-individual.json", "--record", rec)
	if raw, _ := os.ReadFile(rec); string(raw) != "country: \"US\"\n" {
		t.Fatalf("the earlier recording was changed: %q", raw)
	}
}
