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
	"sort"
	"strings"
	"testing"

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
func batchFile(t testing.TB, dir string, n, bad int) (string, map[int]string) {
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
	set := map[string]bool{}
	for _, r := range rows {
		for k := range r {
			set[k] = true
		}
	}
	cols := []string{"key"}
	for k := range set {
		if k != "key" {
			cols = append(cols, k)
		}
	}
	sort.Strings(cols[1:])
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
	path := filepath.Join(dir, "sellers.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, want
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
		fmt.Sscan(rec[0], &n)
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
	journals, _ := filepath.Glob(filepath.Join(envValue(env, "XDG_STATE_HOME"), "onboard", "batch", "*.jsonl"))
	for _, j := range journals {
		if data, _ := os.ReadFile(j); bytes.Contains(data, []byte("000000000")) || bytes.Contains(data, []byte("Jenny")) {
			t.Errorf("journal %s holds answers", j)
		}
	}
	openSandboxAPI(t, env).checkOnePerRow(valid)
}
