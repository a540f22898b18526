package batch_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/batch"
	"onboard/flows/explore"
	"onboard/flows/stripeapi"
	"onboard/sandbox"
	"onboard/schema"
)

// sandboxClient is a client on a fresh in-process sandbox (real HTTP
// handling, real stripe-go) whose verifications settle at once.
func sandboxClient(t *testing.T) (*flows.Client, *sandbox.Sandbox) {
	t.Helper()
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithVerifyDelay(0))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	conn, v2 := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_batch", APIBase: sandbox.APIBase, FilesBase: sandbox.FilesBase,
		Policy: flows.NewPolicy(sb.Transport(), schema.English)})
	return flows.New(conn, flows.WithV2(v2), flows.WithAcceptance("203.0.113.9", "onboard-test"), flows.WithListPace(0, 4)), sb
}

// TestValuesRow is one row of Stripe's test values for a setup, as CSV
// cells by column.
func testValuesRow(country, bt string) map[string]string {
	out := map[string]string{"country": country, "business_type": bt}
	for k, v := range flows.TestValueAnswers(country, bt) {
		switch x := v.(type) {
		case map[string]any:
			for part, pv := range x {
				out[k+"."+part] = fmt.Sprint(pv)
			}
		default:
			out[k] = fmt.Sprint(x)
		}
	}
	return out
}

// writeCSV writes rows under the union of their columns.
func writeCSV(t *testing.T, rows []map[string]string) string {
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
	path := filepath.Join(t.TempDir(), "batch.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func readRows(t *testing.T, path string) []batch.Row {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }() // read only
	rows, err := batch.Read(f, batch.Options{Lang: schema.English})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestBadRowsNameRowAndColumn(t *testing.T) {
	good := testValuesRow("FR", "individual")
	badDate := testValuesRow("FR", "individual")
	badDate["individual.dob"] = "1901-13-45"
	badIBAN := testValuesRow("DE", "individual")
	badIBAN["external_account.account_number"] = "DE00123"
	noCountry := testValuesRow("US", "individual")
	delete(noCountry, "country")
	unknown := testValuesRow("US", "individual")
	unknown["individual.frist_name"] = "Jenny"
	badCap := testValuesRow("US", "company")
	badCap["capabilities"] = "card_payments,teleport"
	path := writeCSV(t, []map[string]string{good, badDate, badIBAN, noCountry, unknown, badCap})
	rows := readRows(t, path)
	want := []struct{ col string }{{""}, {"individual.dob"}, {"external_account.account_number"}, {"country"}, {"individual.frist_name"}, {"capabilities"}}
	for i, w := range want {
		r := rows[i]
		if w.col == "" {
			if r.Err != nil {
				t.Errorf("row %d refused: %v", r.N, r.Err)
			}
			continue
		}
		if r.Err == nil || r.Err.Column != w.col || r.Err.Row != i+1 {
			t.Errorf("row %d: error %v, want one on column %s", i+1, r.Err, w.col)
		}
	}
	if e := rows[2].Err; e != nil && strings.Contains(e.Error(), "DE00123") {
		t.Errorf("the error shows the bank number: %v", e)
	}
}

func TestRunCreatesOncePerRowAndResumes(t *testing.T) {
	cl, sb := sandboxClient(t)
	ctx := context.Background()
	var rows []map[string]string
	for i, setup := range [][2]string{{"US", "individual"}, {"FR", "company"}, {"GB", "individual"}, {"DE", "company"}} {
		r := testValuesRow(setup[0], setup[1])
		r["key"] = fmt.Sprintf("seller-%d", i)
		rows = append(rows, r)
	}
	v2 := testValuesRow("US", "individual")
	v2["key"], v2["accounts_api"] = "seller-v2", "v2"
	rows = append(rows, v2)
	bad := testValuesRow("FR", "individual")
	bad["key"] = "bad"
	bad["individual.email"] = "not an email"
	rows = append(rows, bad)
	path := writeCSV(t, rows)
	journal := filepath.Join(t.TempDir(), "j.jsonl")
	cfg := batch.Config{Client: cl, Batch: batch.ID(path), Journal: journal, Workers: 3}
	res, err := batch.Run(ctx, readRows(t, path), cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res[:5] {
		if r.Status != batch.StatusDone || r.Account == "" {
			t.Errorf("%s", batch.ResultLine(r, schema.English))
		}
	}
	if r := res[5]; r.Status != batch.StatusInvalid || r.Column != "individual.email" {
		t.Errorf("bad row: %+v", r)
	}
	// A run that lost its answers: the journal says a create was sent for
	// seller-1 and never learnt the account (then the row failed), and
	// more than a day has passed, so Stripe no longer replays the
	// create's key: only the account's metadata finds it.
	raw, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		if strings.Contains(line, `"seller-1"`) && !strings.Contains(line, `"create"`) {
			continue
		}
		kept = append(kept, line)
	}
	kept = append(kept, `{"key":"seller-1","event":"failed"}`)
	if err := os.WriteFile(journal, []byte(strings.Join(kept, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := sb.Advance(ctx, 25*time.Hour); err != nil {
		t.Fatal(err)
	}
	res2, err := batch.Run(ctx, readRows(t, path), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res2[1].Account != res[1].Account || res2[1].Status != batch.StatusDone {
		t.Errorf("seller-1 ran again as %+v, first as %s", res2[1], res[1].Account)
	}
	if !res2[0].Earlier {
		t.Errorf("seller-0 was not taken from the journal: %+v", res2[0])
	}
	all, err := cl.Accounts(ctx, flows.ListOptions{})
	if err != nil || len(all) != 5 {
		t.Fatalf("%d accounts after two runs (%v), want 5", len(all), err)
	}
	tagged, err := cl.AccountsTagged(ctx, batch.MetaKey)
	if err != nil || len(tagged) != 5 {
		t.Fatalf("tagged accounts: %v %v", tagged, err)
	}
	if data, _ := os.ReadFile(journal); bytes.Contains(data, []byte("000000000")) || bytes.Contains(data, []byte("Jenny")) {
		t.Errorf("the journal holds answers:\n%s", data)
	}
}

// The template's header is a batch file: every column is one Read takes,
// and a row of Stripe's test values under it onboards to done.
func TestTemplateIsABatchHeader(t *testing.T) {
	cl, _ := sandboxClient(t)
	ctx := context.Background()
	x, err := explore.Run(ctx, cl, explore.Setup{Country: "FR", BusinessType: "company", Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	header := batch.Template(cl, x, false)
	for _, want := range []string{"key", "country", "representative.first_name", "owners.0.email", "company.tax_id", "external_account.account_number", "tos_acceptance"} {
		if !slices.Contains(header, want) {
			t.Errorf("template lacks %s: %v", want, header)
		}
	}
	tv := testValuesRow("FR", "company")
	row := map[string]string{}
	for _, c := range header {
		row[c] = tv[c]
	}
	row["key"] = "fr-1"
	path := writeCSV(t, []map[string]string{row})
	rows := readRows(t, path)
	if rows[0].Err != nil {
		t.Fatalf("a row under the template is refused: %v", rows[0].Err)
	}
	res, err := batch.Run(ctx, rows, batch.Config{Client: cl, Batch: batch.ID(path), Journal: filepath.Join(t.TempDir(), "j"), Workers: 1})
	if err != nil || res[0].Status != batch.StatusDone {
		t.Fatalf("%+v %v", res, err)
	}
}

func TestJSONLinesRows(t *testing.T) {
	in := `{"key":"a","country":"US","business_type":"individual","individual.dob":"1901-01-01","external_account":{"routing_number":"110000000","account_number":"000123456789"}}
{"key":"b","country":"US","business_type":"individual","individual.dob":{"day":1}}
not json
{"key":"a","country":"US","business_type":"individual"}
`
	rows, err := batch.Read(strings.NewReader(in), batch.Options{Lang: schema.French, JSONLines: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0].Err != nil {
		t.Fatalf("rows: %+v", rows)
	}
	if e := rows[1].Err; e == nil || e.Column != "individual.dob" || !strings.Contains(e.Msg, "réponse") {
		t.Errorf("row 2: %v", e)
	}
	if e := rows[2].Err; e == nil || e.Row != 3 || !strings.Contains(e.In(schema.French), "ligne 3") {
		t.Errorf("row 3: %v", e)
	}
	if e := rows[3].Err; e == nil || e.Column != "key" {
		t.Errorf("row 4 (key a again): %v", e)
	}
}

// A key or a reason with an escape sequence (a hostile file, a Stripe
// message) reaches the report escaped: printing it cannot drive a terminal.
func TestReportEscapesControlCharacters(t *testing.T) {
	var b bytes.Buffer
	r := batch.Result{Row: 1, Key: "evil\x1b[31mRED", Reason: "bad\x1b]0;title\x07", Column: "key"}
	if err := batch.WriteReport(&b, []batch.Result{r}, schema.English); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\x07") {
		t.Errorf("the report carries control characters: %q", b.String())
	}
	if !strings.Contains(b.String(), `evil\x1b[31mRED`) {
		t.Errorf("the key is not shown escaped: %q", b.String())
	}
}
