package e2e

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/sandbox"
)

// batchSetups are the setups a generated batch cycles through.
var batchSetups = [][2]string{{"US", "individual"}, {"FR", "company"}, {"GB", "individual"}, {"DE", "company"},
	{"CA", "individual"}, {"IT", "company"}, {"NL", "individual"}, {"AU", "company"}}

// testValuesRow is one batch row of Stripe's test values for a setup,
// as cells by column.
func testValuesRow(country, bt string) map[string]string {
	out := map[string]string{"country": country, "business_type": bt}
	for k, v := range flows.TestValueAnswers(country, bt) {
		if m, ok := v.(map[string]any); ok {
			for part, pv := range m {
				out[k+"."+part] = fmt.Sprint(pv)
			}
			continue
		}
		out[k] = fmt.Sprint(v)
	}
	return out
}

// badCells spoil one row in a way each: the column the error must name,
// and the cell.
var badCells = [][2]string{
	{"individual.dob", "1990-02-31"},
	{"country", "France"},
	{"business_profile.url", "not a url"},
	{"representative.email", "jenny@"},
	{"business_type", "cooperative"},
}

// batchFile writes n rows cycling through batchSetups; every bad-th row
// is spoilt (0: none). It returns the path and, by row number, the column
// each spoilt row must be refused on.
func batchFile(t *testing.T, dir string, n, bad int) (string, map[int]string) {
	t.Helper()
	rows := make([]map[string]string, n)
	want := map[int]string{}
	for i := range rows {
		s := batchSetups[i%len(batchSetups)]
		rows[i] = testValuesRow(s[0], s[1])
		rows[i]["key"] = fmt.Sprintf("seller-%03d", i+1)
		if bad > 0 && i%bad == bad-1 {
			b := badCells[(i/bad)%len(badCells)]
			if b[0] == "individual.dob" && s[1] != "individual" {
				b[0] = "representative.dob"
			}
			if b[0] == "representative.email" && s[1] == "individual" {
				b[0] = "individual.email"
			}
			rows[i][b[0]] = b[1]
			want[i+1] = b[0]
		}
	}
	return writeRows(t, dir, "sellers.csv", rows), want
}

// sandboxAPI serves the test's embedded sandbox database over HTTP, for
// checking what the binary did through Stripe's API, as a client would.
type sandboxAPI struct {
	t   *testing.T
	url string
}

func openSandboxAPI(t *testing.T, env []string) sandboxAPI {
	t.Helper()
	sb, err := sandbox.Open(filepath.Join(envValue(env, "XDG_DATA_HOME"), "onboard", "sandbox.db"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sb.Handler())
	t.Cleanup(func() { srv.Close(); _ = sb.Close() })
	return sandboxAPI{t: t, url: srv.URL}
}

// list reads every object of a list endpoint.
func (s sandboxAPI) list(path string) []map[string]any {
	s.t.Helper()
	var all []map[string]any
	after := ""
	for {
		u := s.url + path + "?limit=100"
		if after != "" {
			u += "&starting_after=" + after
		}
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		req.Header.Set("Authorization", "Bearer sk_test_e2e")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			s.t.Fatal(err)
		}
		var page struct {
			Data    []map[string]any `json:"data"`
			HasMore bool             `json:"has_more"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		_ = resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			s.t.Fatalf("GET %s: %d %v", path, resp.StatusCode, err)
		}
		all = append(all, page.Data...)
		if !page.HasMore || len(page.Data) == 0 {
			return all
		}
		after = page.Data[len(page.Data)-1]["id"].(string)
	}
}

// checkOnePerRow checks through the API that each valid row has exactly
// one account, tagged with its key, with no person twice and one bank
// account; it returns the accounts by row key.
func (s sandboxAPI) checkOnePerRow(valid []string) map[string]string {
	s.t.Helper()
	byKey := map[string][]string{}
	for _, a := range s.list("/v1/accounts") {
		md, _ := a["metadata"].(map[string]any)
		tag, _ := md["onboard_batch_key"].(string)
		if i := strings.LastIndexByte(tag, '/'); i >= 0 {
			byKey[tag[i+1:]] = append(byKey[tag[i+1:]], a["id"].(string))
		} else {
			s.t.Errorf("account %s has no batch key: %v", a["id"], md)
		}
	}
	out := map[string]string{}
	for _, k := range valid {
		ids := byKey[k]
		if len(ids) != 1 {
			s.t.Errorf("row %s has %d accounts: %v", k, len(ids), ids)
			continue
		}
		out[k] = ids[0]
		delete(byKey, k)
		names := map[string]int{}
		for _, p := range s.list("/v1/accounts/" + ids[0] + "/persons") {
			names[fmt.Sprint(p["first_name"], " ", p["last_name"])]++
		}
		for n, c := range names {
			if c > 1 {
				s.t.Errorf("row %s (%s): person %s %d times", k, ids[0], n, c)
			}
		}
		if banks := s.list("/v1/accounts/" + ids[0] + "/external_accounts"); len(banks) != 1 {
			s.t.Errorf("row %s (%s): %d bank accounts", k, ids[0], len(banks))
		}
	}
	for k, ids := range byKey {
		s.t.Errorf("accounts for a row that should have none (%s): %v", k, ids)
	}
	return out
}

// TestBatchKilledHalfwayFinishesOncePerRow runs a 300-row batch on the
// embedded sandbox, kills the process with SIGKILL halfway, runs the same
// file again and checks through the API that every valid row has exactly
// one account (no person, no bank account twice) and every bad row was
// refused by row and column.
func TestBatchKilledHalfwayFinishesOncePerRow(t *testing.T) {
	env := xdgEnv(t)
	dir := t.TempDir()
	path, bad := batchFile(t, dir, 300, 20)
	// First run: killed once half the rows have ended.
	cmd := exec.Command(binary, "batch", path, "--parallel", "8")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	ended := 0
	for sc.Scan() && ended < 150 {
		if strings.HasPrefix(sc.Text(), "row ") {
			ended++
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if ended < 150 {
		t.Fatalf("the first run ended after %d rows:\n%s", ended, stderr.String())
	}
	journals, _ := filepath.Glob(filepath.Join(envValue(env, "XDG_STATE_HOME"), "onboard", "batch", "*.jsonl"))
	if len(journals) != 1 {
		t.Fatalf("journals: %v", journals)
	}
	if data, _ := os.ReadFile(journals[0]); bytes.Count(data, []byte(`"event":"done"`)) >= 285 {
		t.Fatal("the first run finished before it was killed")
	}
	// Second run: it finishes what the first left.
	report := filepath.Join(dir, "report.csv")
	r := onboard(t, env, "batch", path, "--report", report)
	if r.code != 2 {
		t.Fatalf("exit %d, want 2 (bad rows refused)\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for n, col := range bad {
		if want := fmt.Sprintf("row %d, column %s:", n, col); !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not say %q", want)
		}
	}
	raw, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil || len(recs) != 301 {
		t.Fatalf("report: %d lines, %v", len(recs), err)
	}
	var valid []string
	for _, rec := range recs[1:] {
		var n int
		if _, err := fmt.Sscan(rec[0], &n); err != nil {
			t.Fatalf("report row %q: %v", rec, err)
		}
		if col, isBad := bad[n]; isBad {
			if rec[3] != "invalid row" || !strings.HasPrefix(rec[6], col+": ") || rec[2] != "" {
				t.Errorf("bad row %d reported as %v", n, rec)
			}
			continue
		}
		valid = append(valid, rec[1])
		if rec[3] != "done" || !strings.HasPrefix(rec[2], "acct_") {
			t.Errorf("row %d not done: %v", n, rec)
		}
	}
	if len(valid) != 285 {
		t.Errorf("%d valid rows, want 285", len(valid))
	}
	for _, secret := range []string{"000000000", "000123456789", "DE89370400440532013000"} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the report holds a sensitive value %s", secret)
		}
	}
	for _, j := range journals {
		if data, _ := os.ReadFile(j); bytes.Contains(data, []byte("000000000")) || bytes.Contains(data, []byte("Jenny")) {
			t.Errorf("journal %s holds answers", j)
		}
	}
	openSandboxAPI(t, env).checkOnePerRow(valid)
}

// The progress view in a real terminal: the bar and counts while rows
// run, the last rows that ended, then the final table and the exit code.
func TestBatchProgressViewInTmux(t *testing.T) {
	env := xdgEnv(t)
	path, _ := batchFile(t, t.TempDir(), 24, 12)
	tm := startTerm(t, env, 80, 24, "batch", path, "--parallel", "2")
	s := tm.waitFor("rows:", 20*time.Second)
	if !strings.Contains(s, "sellers.csv · SANDBOX") || !strings.Contains(s, "%") {
		t.Errorf("the view lacks its title or bar:\n%s", s)
	}
	s = tm.waitFor("[exit 2]", 60*time.Second)
	for _, want := range []string{"24/24 rows: 22 done, 0 still due, 2 failed, 0 running", "seller-024  -                      invalid row", "2 row(s) refused"} {
		if !strings.Contains(s, want) {
			t.Errorf("the end lacks %q:\n%s", want, s)
		}
	}
}

// accounts --due-csv lists past-due accounts with a column per field
// due; filled in and given to batch, it fixes them.
func TestDueCSVRoundTrip(t *testing.T) {
	env := xdgEnv(t)
	dir := t.TempDir()
	var rows []map[string]string
	for i, s := range batchSetups[:3] {
		r := testValuesRow(s[0], s[1])
		r["key"] = fmt.Sprint("p", i)
		for _, k := range []string{"tos_acceptance", "individual.dob", "business_profile.url"} {
			delete(r, k)
		}
		rows = append(rows, r)
	}
	partial := writeRows(t, dir, "partial.csv", rows)
	if r := onboard(t, env, "batch", partial); r.code != 3 {
		t.Fatalf("partial batch exited %d, want 3\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := onboard(t, env, "accounts", "--state", "past_due", "--due-csv")
	if r.code != 0 {
		t.Fatalf("--due-csv exited %d: %s", r.code, r.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(recs) != 4 {
		t.Fatalf("--due-csv printed %d lines (%v):\n%s", len(recs), err, r.stdout)
	}
	header := recs[0]
	for _, want := range []string{"account", "tos_acceptance", "business_profile.url", "individual.dob"} {
		if !slices.Contains(header, want) {
			t.Errorf("--due-csv header lacks %s: %v", want, header)
		}
	}
	fill := map[string]string{"tos_acceptance": "true", "business_profile.url": "https://accessible.stripe.com", "individual.dob": "1901-01-01"}
	var filled []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, c := range header {
			m[c] = rec[i]
			if v, ok := fill[c]; ok {
				m[c] = v
			}
		}
		if !strings.HasPrefix(m["account"], "acct_") {
			t.Fatalf("row without its account: %v", rec)
		}
		filled = append(filled, m)
	}
	if r := onboard(t, env, "batch", writeRows(t, dir, "due.csv", filled)); r.code != 0 {
		t.Fatalf("batch of the filled CSV exited %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := onboard(t, env, "accounts", "--state", "past_due", "--json"); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("accounts still past due: %s", r.stdout)
	}
}

// writeRows writes rows as CSV under the union of their columns.
func writeRows(t testing.TB, dir, name string, rows []map[string]string) string {
	t.Helper()
	set := map[string]bool{}
	for _, r := range rows {
		for k := range r {
			set[k] = true
		}
	}
	var cols []string
	for k := range set {
		cols = append(cols, k)
	}
	sort.Strings(cols)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(cols)
	for _, r := range rows {
		rec := make([]string, len(cols))
		for i, c := range cols {
			rec[i] = r[c]
		}
		_ = w.Write(rec)
	}
	w.Flush()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// ctrl+c in the progress view starts no further row and lets the rows in
// flight finish; the same file run again continues with the rest.
func TestBatchViewStopsOnCtrlC(t *testing.T) {
	env := xdgEnv(t)
	path, _ := batchFile(t, t.TempDir(), 60, 0)
	tm := startTerm(t, env, 80, 24, "batch", path, "--parallel", "1")
	tm.waitFor("1 done", 30*time.Second)
	tm.keys("C-c")
	s := tm.waitFor("[exit 130]", 30*time.Second)
	if !strings.Contains(s, "not run") || !strings.Contains(s, "run the same file again") || strings.Contains(s, "failed  ") {
		t.Fatalf("after ctrl+c:\n%s", s)
	}
	r := onboard(t, env, "batch", path, "--json")
	if r.code != 0 {
		t.Fatalf("the rerun exited %d: %s", r.code, r.stderr)
	}
	var res []struct {
		Status  string `json:"status"`
		Earlier bool   `json:"earlier"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || len(res) != 60 {
		t.Fatalf("rerun: %v\n%s", err, r.stdout)
	}
	earlier := 0
	for _, x := range res {
		if x.Status != "done" {
			t.Errorf("a row ended %s", x.Status)
		}
		if x.Earlier {
			earlier++
		}
	}
	if earlier == 0 || earlier == 60 {
		t.Errorf("%d rows were done by the first run", earlier)
	}
}
