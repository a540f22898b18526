// Package batch onboards many accounts from one table: a CSV or JSON
// Lines file whose columns are the answers-file vocabulary (README,
// "Batches"), one row per account. Every row is read and validated before
// the first request; rows then run concurrently through one flows.Client
// (one request policy, one pacer), each row's progress is journaled on
// disk so a rerun continues where a crash stopped, and each row's outcome
// is reported.
package batch

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/explore"
	"onboard/schema"
)

// The columns that are not answers.
const (
	ColKey     = "key"
	ColAccount = "account"
)

// MaxRows bounds a batch; MaxKeyLen a row's key (it is written to the
// account's metadata, whose values Stripe caps at 500 characters).
const (
	MaxRows   = 100_000
	MaxKeyLen = 200
)

// Row is one account of a batch.
type Row struct {
	// N is the row's number: 1 for the first row after a CSV's header, or
	// the first line of a JSON Lines file.
	N int
	// Key names the row (its key column, else its number).
	Key string
	// Account is the account to fix; "" creates one.
	Account string
	// Setup is the account to create (Account == "").
	Setup flows.NewAccount
	// Strategy is what the row collects.
	Strategy flows.Strategy
	// Answers are the row's answers.
	Answers answers.Answers
	// Err is why the row cannot run (nil for a valid row).
	Err *RowError
	// secrets are the row's sensitive cells, to scrub from what is said.
	secrets []string
}

// RowError is a bad row: its number, the column at fault ("" when the
// row as a whole is) and why.
type RowError struct {
	Row    int
	Column string
	Msg    string
}

func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("row %d: %s", e.Row, e.Msg)
	}
	return fmt.Sprintf("row %d, column %s: %s", e.Row, e.Column, e.Msg)
}

// In is the error in lang.
func (e *RowError) In(lang schema.Lang) string {
	if e.Column == "" {
		return fmt.Sprintf(schema.T("row %d: %s").In(lang), e.Row, e.Msg)
	}
	return fmt.Sprintf(schema.T("row %d, column %s: %s").In(lang), e.Row, e.Column, e.Msg)
}

// Options say how a file is read.
type Options struct {
	Lang schema.Lang
	// IgnoreUnknown accepts columns that are no known requirement path.
	IgnoreUnknown bool
	// JSONLines reads JSON Lines instead of CSV.
	JSONLines bool
}

// IsJSONLines says whether a file name is read as JSON Lines.
func IsJSONLines(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".jsonl") || strings.HasSuffix(n, ".ndjson")
}

// Read reads and validates every row of r. A file that cannot be read as
// a table at all is an error; a bad row is a Row with Err set, the other
// rows stand.
func Read(r io.Reader, o Options) ([]Row, error) {
	var cells []map[string]string
	var objs []map[string]any
	var err error
	if o.JSONLines {
		objs, err = readJSONLines(r, o.Lang)
	} else {
		cells, err = readCSV(r, o.Lang)
	}
	if err != nil {
		return nil, err
	}
	var rows []Row
	seen := map[string]int{}
	add := func(row Row) {
		if row.Err == nil {
			if first, ok := seen[row.Key]; ok {
				row.Err = &RowError{Row: row.N, Column: ColKey, Msg: fmt.Sprintf(schema.T("key %q is also row %d's: each row needs its own").In(o.Lang), row.Key, first)}
			} else {
				seen[row.Key] = row.N
			}
		}
		rows = append(rows, row)
	}
	for i, c := range cells {
		m := map[string]any{}
		for k, v := range c {
			m[k] = v
		}
		add(parseRow(i+1, m, o))
	}
	for i, m := range objs {
		add(parseRow(i+1, m, o))
	}
	return rows, nil
}

func readCSV(r io.Reader, lang schema.Lang) ([]map[string]string, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3) // a spreadsheet's byte order mark
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = 0
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New(schema.T("the file is empty: its first line names the columns").In(lang))
	}
	if err != nil {
		return nil, fmt.Errorf(schema.T("header: %w").In(lang), err)
	}
	cols := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		if h == "" {
			return nil, fmt.Errorf(schema.T("header: column %d has no name").In(lang), i+1)
		}
		if cols[h] {
			return nil, fmt.Errorf(schema.T("header: column %s appears twice").In(lang), h)
		}
		cols[h] = true
	}
	var out []map[string]string
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				// The row has the wrong number of cells: it is reported,
				// the others stand.
				out = append(out, map[string]string{"\x00": fmt.Sprintf(schema.T("%d cells for %d columns").In(lang), len(rec), len(header))})
				continue
			}
			return nil, fmt.Errorf(schema.T("row %d: %w").In(lang), n, err)
		}
		if len(out) >= MaxRows {
			return nil, fmt.Errorf(schema.T("more than %d rows: split the file").In(lang), MaxRows)
		}
		m := map[string]string{}
		for i, v := range rec {
			if v != "" { // an empty cell answers nothing
				m[header[i]] = v
			}
		}
		out = append(out, m)
	}
}

func readJSONLines(r io.Reader, lang schema.Lang) ([]map[string]any, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	var out []map[string]any
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		if len(line) == 0 {
			out = append(out, map[string]any{"\x00": schema.T("empty line").In(lang)})
			continue
		}
		if len(out) >= MaxRows {
			return nil, fmt.Errorf(schema.T("more than %d rows: split the file").In(lang), MaxRows)
		}
		d := json.NewDecoder(bytes.NewReader(line))
		d.UseNumber()
		var m map[string]any
		if err := d.Decode(&m); err != nil || d.More() {
			out = append(out, map[string]any{"\x00": schema.T("not one JSON object").In(lang)})
			continue
		}
		if m == nil {
			m = map[string]any{}
		}
		out = append(out, m)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// parseRow reads one row: its key and account, its setup, its answers
// through the answers-file parser, then every check that needs no request.
func parseRow(n int, m map[string]any, o Options) Row {
	lang := o.Lang
	row := Row{N: n, Key: strconv.Itoa(n)}
	bad := func(col, msg string) Row {
		row.Err = &RowError{Row: n, Column: col, Msg: msg}
		return row
	}
	if msg, ok := m["\x00"].(string); ok {
		return bad("", msg)
	}
	text := func(col string) (string, bool) {
		v, ok := m[col]
		delete(m, col)
		if !ok {
			return "", true
		}
		s, isText := v.(string)
		if !isText {
			if num, isNum := v.(json.Number); isNum {
				return num.String(), true
			}
			return "", false
		}
		return strings.TrimSpace(s), true
	}
	var ok bool
	if k, fine := text(ColKey); !fine {
		return bad(ColKey, schema.T("expected text").In(lang))
	} else if k != "" {
		row.Key = k
	}
	if len(row.Key) > MaxKeyLen || strings.ContainsFunc(row.Key, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return bad(ColKey, fmt.Sprintf(schema.T("a key is at most %d characters, without control characters").In(lang), MaxKeyLen))
	}
	if row.Account, ok = text(ColAccount); !ok || (row.Account != "" && !strings.HasPrefix(row.Account, "acct_")) {
		return bad(ColAccount, schema.T("an account id starts with acct_").In(lang))
	}
	// external_account.* columns are the parts of the one bank object the
	// answers file takes.
	bank := map[string]any{}
	for k, v := range m {
		if part, isBank := strings.CutPrefix(k, "external_account."); isBank {
			bank[part] = v
			delete(m, k)
		}
	}
	if len(bank) > 0 {
		if _, whole := m["external_account"]; whole {
			return bad("external_account", schema.T("given whole and in parts; give one").In(lang))
		}
		m["external_account"] = bank
	}
	if !o.IgnoreUnknown {
		if col := unknownColumn(m); col != "" {
			return bad(col, schema.T("unknown column, not a requirement path (--ignore-unknown keeps it)").In(lang))
		}
	}
	ans, err := answers.Parse(m)
	if err != nil {
		msg := err.Error()
		// The parser's errors are worded in every language.
		var worded interface{ In(schema.Lang) string }
		if errors.As(err, &worded) {
			msg = worded.In(lang)
		}
		return bad(culprit(m), msg)
	}
	row.Answers = ans
	su := ans.Setup
	row.Strategy = flows.Strategies[su.Strategy]
	country := strings.ToUpper(su.Country)
	for k, v := range ans.Values {
		if sensitive(k, country) && v != "" {
			row.secrets = append(row.secrets, v)
		}
	}
	if bank, ok := m["external_account"].(map[string]any); ok {
		for part, v := range bank {
			if s, isText := v.(string); isText && s != "" && sensitive("external_account."+part, country) {
				row.secrets = append(row.secrets, s)
			}
		}
	}
	if row.Account == "" {
		if country == "" {
			return bad("country", schema.T("a row without an account creates one, and needs its country").In(lang))
		}
		if su.BusinessType == "" {
			return bad("business_type", schema.T("a row without an account creates one, and needs its business type").In(lang))
		}
		caps := su.Capabilities
		if len(caps) == 0 {
			caps = []string{"card_payments", "transfers"}
		}
		setup := explore.Setup{Country: country, BusinessType: su.BusinessType, Capabilities: caps, API: su.AccountsAPI}
		if err := setup.Check(lang); err != nil {
			col := "business_type"
			switch {
			case len(country) != 2:
				col = "country"
			case !flows.KnownAPI(su.AccountsAPI):
				col = "accounts_api"
			case (explore.Setup{Country: country, BusinessType: su.BusinessType, Capabilities: []string{"transfers"}}).Check(lang) == nil:
				col = "capabilities"
			}
			return bad(col, err.Error())
		}
		row.Setup = flows.NewAccount{Country: country, BusinessType: su.BusinessType, Capabilities: caps,
			API: su.AccountsAPI, Configurations: su.Configurations, Email: contactEmail(ans)}
		if flows.DialectNamed(su.AccountsAPI).NeedsContactEmail() && row.Setup.Email == "" {
			return bad("contact_email", schema.T("Accounts v2 needs a contact email (contact_email, individual.email or representative.email)").In(lang))
		}
	}
	sctx := schema.Context{Lang: lang, Country: country, Currency: schema.CountryCurrency(country)}
	if country == "" {
		sctx.Currency = ""
	}
	if err := ans.Validate(sctx); err != nil {
		return row.invalid(err, lang)
	}
	return row
}

// invalid marks the row with a validation error, on its first column.
func (row Row) invalid(err error, lang schema.Lang) Row {
	var ie *flows.InputError
	if errors.As(err, &ie) && len(ie.Fields) > 0 {
		cols := make([]string, 0, len(ie.Fields))
		for k := range ie.Fields {
			cols = append(cols, k)
		}
		sort.Strings(cols)
		msg := ie.Fields[cols[0]]
		if len(cols) > 1 {
			msg += fmt.Sprintf(schema.T(" (and %d more: %s)").In(lang), len(cols)-1, strings.Join(cols[1:], ", "))
		}
		row.Err = &RowError{Row: row.N, Column: cols[0], Msg: row.Scrub(msg)}
		return row
	}
	row.Err = &RowError{Row: row.N, Msg: row.Scrub(err.Error())}
	return row
}

// Validate checks the row's answers again for the account it fixes (its
// country and currency known once it is loaded).
func (row Row) Validate(c schema.Context) *RowError {
	if err := row.Answers.Validate(c); err != nil {
		return row.invalid(err, c.Lang).Err
	}
	return nil
}

// Scrub replaces the row's sensitive values in s.
func (row Row) Scrub(s string) string {
	for _, v := range row.secrets {
		if len(v) >= 2 {
			s = strings.ReplaceAll(s, v, "•••")
		}
	}
	return s
}

// sensitive says whether a column holds a value never written down: an id
// number, a bank account number.
func sensitive(key, country string) bool {
	if part, ok := strings.CutPrefix(key, "external_account."); ok {
		return part != "country" && part != "currency" && part != "account_holder_name" && part != "account_holder_type"
	}
	return schema.Lookup(key, country).Sensitive && schema.Lookup(key, country).Kind != schema.KindFile
}

// unknownColumn is the first column that is no requirement path, setup
// key or date part of one.
func unknownColumn(m map[string]any) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if slices.Contains(setupColumns, k) || k == "external_account" || strings.HasPrefix(k, "tos_acceptance") {
			continue
		}
		probe := k
		for _, part := range []string{".day", ".month", ".year"} {
			if p, ok := strings.CutSuffix(k, part); ok {
				probe = p
			}
		}
		if schema.Lookup(probe, "").Generic {
			return k
		}
	}
	return ""
}

// setupColumns are the answers file's setup keys.
var setupColumns = []string{"country", "business_type", "capabilities", "accounts_api", "configurations", "contact_email", "strategy"}

// culprit finds the column the answers parser refused: the first one it
// refuses alone (date parts are judged with their siblings).
func culprit(m map[string]any) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		one := map[string]any{k: m[k]}
		for _, part := range []string{".day", ".month", ".year"} {
			if p, ok := strings.CutSuffix(k, part); ok {
				for _, q := range []string{".day", ".month", ".year"} {
					if v, has := m[p+q]; has {
						one[p+q] = v
					}
				}
				if _, whole := m[p]; whole {
					one[p] = m[p]
				}
			}
		}
		if _, err := answers.Parse(one); err != nil {
			return k
		}
	}
	return ""
}

// contactEmail is the email a row gives for the account: its
// contact_email, else the individual's, else the representative's.
func contactEmail(ans answers.Answers) string {
	if ans.Setup.ContactEmail != "" {
		return ans.Setup.ContactEmail
	}
	for _, k := range []string{"individual.email", "representative.email"} {
		if v := strings.TrimSpace(ans.Values[k]); v != "" {
			return v
		}
	}
	return ""
}
