package answers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/schema"
)

// epoch is the date the answers are checked at.
var epoch = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// writeAnswersFile writes an answers file named name (its extension picks
// YAML or JSON) with content, byte for byte.

func writeAnswersFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// badFiles are answers files that cannot mean what their author wanted:
// each is refused, with a message naming the problem (want).
var badFiles = []struct{ name, file, content, want string }{
	{"empty YAML", "a.yaml", "", "empty"},
	{"blank YAML", "a.yaml", "   \n\n", "empty"},
	{"YAML comments only", "a.yaml", "# nothing\n", "no YAML document"},
	{"two YAML documents", "a.yaml", "individual.first_name: Jenny\n---\nindividual.last_name: Rosen\n", "second YAML document"},
	{"YAML duplicate key", "a.yaml", "individual.first_name: Jenny\nindividual.first_name: Ada\n", `"individual.first_name" is given twice`},
	{"YAML list for text", "a.yaml", "individual.first_name: [Jenny]\n", "individual.first_name (line 1): expected text, got a list"},
	{"YAML map for text", "a.yaml", "individual.first_name: {x: 1}\n", "expected text, got an object"},
	{"YAML bool for text", "a.yaml", "individual.first_name: true\n", "expected text, got true"},
	{"YAML null", "a.yaml", "individual.first_name:\n", "expected text, got null"},
	{"YAML top-level list", "a.yaml", "- individual.first_name\n", "expected one map"},
	{"YAML top-level text", "a.yaml", "Jenny\n", "expected one map"},
	{"YAML merge key", "a.yaml", "base: &b {individual.first_name: Jenny}\n<<: *b\n", "merge keys"},
	{"YAML syntax error", "a.yaml", "individual.first_name: [Jenny\n", "answers file"},
	{"typo suggests the path", "a.yaml", "individual.frist_name: Jenny\n", "did you mean individual.first_name?"},
	{"typo in a person's path", "a.yaml", "owners.0.frist_name: Ada\n", "did you mean owners.0.first_name?"},
	{"typo in an account path", "a.yaml", "business_profile.ulr: https://example.com\n", "did you mean business_profile.url?"},
	{"unknown key says --ignore-unknown", "a.yaml", "no_such_thing: x\n", "--ignore-unknown"},
	{"invalid UTF-8", "a.yaml", "individual.first_name: \"J\xffnny\"\n", "not valid UTF-8"},
	{"bank account as a list", "a.yaml", "external_account: [1, 2]\n", "external_account (line 1): give a token"},
	{"bank account unknown key", "a.yaml", "external_account: {iban_typo: x}\n", `unknown key "iban_typo"`},
	{"bank key not a Stripe parameter", "a.yaml", "external_account: {account_holder_typo: company}\n", `unknown key "account_holder_typo"`},
	{"IBAN with a routing number", "a.yaml", "external_account: {iban: DE89370400440532013000, routing_number: '110000000'}\n", "iban has no routing number"},
	{"sort code and routing number", "a.yaml", "external_account: {sort_code: '108800', routing_number: '108800', account_number: '00012345'}\n", "give one"},
	{"transit without institution", "a.yaml", "external_account: {transit_number: '11000', account_number: '000123456789'}\n", "together"},
	{"bank part as a list", "a.yaml", "external_account: {account_number: [1]}\n", "external_account.account_number (line 1): expected text, got a list"},
	{"capabilities as an object", "a.yaml", "capabilities: {card_payments: true}\n", "capabilities (line 1): expected a list"},
	{"country as a list", "a.yaml", "country: [US]\n", "country (line 1): expected text"},
	{"date part not a number", "a.yaml", "individual.dob.day: first\nindividual.dob.month: 1\nindividual.dob.year: 1901\n", "must be numbers"},
	{"date parts incomplete", "a.yaml", "individual.dob.day: 1\n", "give day, month and year together"},
	{"date parts of an unknown date", "a.yaml", "individual.dbo.day: 1\nindividual.dbo.month: 1\nindividual.dbo.year: 1901\n", "did you mean individual.dob"},
	{"date whole and in parts", "a.yaml", "individual.dob: 1901-01-01\nindividual.dob.day: 2\nindividual.dob.month: 1\nindividual.dob.year: 1901\n", "given whole and in parts"},
	{"YAML alias bomb", "a.yaml", laughs, "too many values"},
	{"file too large", "a.json", `{"x": "` + strings.Repeat("a", 11<<20) + `"}`, "larger than 10 MB"},
	{"empty JSON", "a.json", "", "empty"},
	{"trailing JSON", "a.json", `{"individual.first_name": "Jenny"} {"individual.last_name": "Rosen"}`, "data after the JSON object"},
	{"JSON duplicate key", "a.json", `{"individual.first_name": "Jenny", "individual.first_name": "Ada"}`, "given twice"},
	{"JSON array for text", "a.json", `{"individual.first_name": ["Jenny"]}`, "expected text, got a list"},
	{"JSON true for text", "a.json", `{"individual.first_name": true}`, "expected text, got true"},
	{"JSON object for text", "a.json", `{"individual.first_name": {"a": 1}}`, "expected text, got an object"},
	{"JSON truncated", "a.json", `{"individual.first_name": "Jenny"`, "ends too early"},
	{"JSON top-level array", "a.json", `["individual.first_name"]`, "expected one map"},
	{"JSON typo", "a.json", `{"representative.frist_name": "Jenny"}`, "did you mean representative.first_name?"},
}

// laughs is a "billion laughs" YAML file: nine levels of nine aliases.
var laughs = func() string {
	var b strings.Builder
	b.WriteString("l0: &l0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [", i, i)
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}()

func TestBadAnswersFilesAreRefused(t *testing.T) {
	for _, c := range badFiles {
		t.Run(c.name, func(t *testing.T) {
			_, err := answers.Load(writeAnswersFile(t, c.file, c.content), answers.Options{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// Values mean exactly what was written: YAML scalars are read as text,
// so leading zeros stay, nothing is octal, and JSON numbers keep their
// spelling.
func TestAnswersKeepValuesAsWritten(t *testing.T) {
	yml := `country: GB
business_type: company
capabilities: [card_payments, transfers]
contact_email: ops@example.com
representative.ssn_last_4: 0123
representative.id_number: 0001234567
company.owners_provided: true
individual.dob.day: 01
individual.dob.month: 02
individual.dob.year: 1901
external_account:
  routing_number: 011000015
  account_number: 000123456789
`
	a, err := answers.Load(writeAnswersFile(t, "a.yml", yml), answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{
		"representative.ssn_last_4":       "0123",
		"representative.id_number":        "0001234567",
		"external_account.routing_number": "011000015",
		"external_account.account_number": "000123456789",
		"company.owners_provided":         "true",
		"individual.dob":                  "1901-02-01",
	} {
		if a.Values[k] != want {
			t.Errorf("%s = %q, want %q", k, a.Values[k], want)
		}
	}
	su := a.Setup
	if su.Country != "GB" || su.BusinessType != "company" || su.ContactEmail != "ops@example.com" ||
		strings.Join(su.Capabilities, ",") != "card_payments,transfers" {
		t.Errorf("setup %+v", su)
	}
	if _, ok := a.Values["country"]; ok {
		t.Error("a setup key is taken for an answer")
	}
	j, err := answers.Load(writeAnswersFile(t, "a.json", `{"business_profile.mcc": 5734, "capabilities": "transfers", "x.custom": 1e3}`),
		answers.Options{IgnoreUnknown: true})
	if err != nil {
		t.Fatal(err)
	}
	if j.Values["business_profile.mcc"] != "5734" || j.Values["x.custom"] != "1e3" || strings.Join(j.Setup.Capabilities, ",") != "transfers" {
		t.Errorf("JSON values %v setup %+v", j.Values, j.Setup)
	}
}

// National bank forms become what Stripe's bank token takes for the
// country: the routing number is the sort code, the BSB, or the transit
// and institution numbers joined; an IBAN is the account number.
func TestBankAnswersInNationalForms(t *testing.T) {
	for _, c := range []struct{ yml, routing, account string }{
		{"external_account: {sort_code: 10-88-00, account_number: '00012345'}", "10-88-00", "00012345"},
		{"external_account: {bsb: 110-000, account_number: '000123456'}", "110-000", "000123456"},
		{"external_account: {transit_number: '11000', institution_number: '000', account_number: '000123456789'}", "11000-000", "000123456789"},
		{"external_account: {iban: FR14 2004 1010 0505 0001 3M02 606}", "", "FR14 2004 1010 0505 0001 3M02 606"},
	} {
		a, err := answers.Load(writeAnswersFile(t, "a.yaml", c.yml+"\n"), answers.Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.yml, err)
		}
		if a.Values["external_account.routing_number"] != c.routing || a.Values["external_account.account_number"] != c.account {
			t.Errorf("%s: got %v", c.yml, a.Values)
		}
	}
}

// badValues are answers that are well formed but invalid for the
// account: each is refused by Validate, before any request, naming the
// field.
var badValues = []struct {
	name, country, key string
	value              any
}{
	{"DEL in a name", "US", "individual.first_name", "Jen\x7fny"},
	{"C1 control in a name", "US", "individual.last_name", "Ro\u0085sen"},
	{"tab in a city", "US", "individual.address.city", "San\tFrancisco"},
	{"right-to-left override", "US", "individual.first_name", "Jenny\u202Egnp.exe"},
	{"bidi isolate", "US", "company.name", "\u2067Furever"},
	{"zero-width-only name", "US", "individual.first_name", "\u200B\u200D"},
	{"emoji-only name", "US", "individual.last_name", "😀😀"},
	{"emoji-only company name", "US", "company.name", "🐶🐱"},
	{"megabyte email", "US", "individual.email", strings.Repeat("a", 1<<20) + "@example.com"},
	{"too long text", "US", "business_profile.name", strings.Repeat("a", 5001)},
	{"US phone too short", "US", "individual.phone", "555-0123"},
	{"GB phone in a US account without +44", "US", "individual.phone", "020 7123 4567"},
	{"impossible date in French", "FR", "individual.dob", "30/02/1990"},
	{"unknown US state", "US", "individual.address.state", "Californie du Nord"},
	{"IBAN for a US account", "US", "external_account", map[string]any{"iban": "DE89370400440532013000"}},
	{"routing number for a French account", "FR", "external_account", map[string]any{"routing_number": "110000000", "account_number": "FR1420041010050500013M02606"}},
	{"bad IBAN check digits", "DE", "external_account", map[string]any{"iban": "DE00370400440532013000"}},
	{"bank account in another country", "GB", "external_account", map[string]any{"country": "US", "sort_code": "108800", "account_number": "00012345"}},
	{"sort code too short", "GB", "external_account", map[string]any{"sort_code": "10-88", "account_number": "00012345"}},
	{"BSB too long", "AU", "external_account", map[string]any{"bsb": "110-0000", "account_number": "000123456"}},
	{"bank token not a token", "US", "external_account", "my bank"},
}

func TestBadAnswerValuesAreRefusedBeforeAnyRequest(t *testing.T) {
	for _, c := range badValues {
		t.Run(c.name, func(t *testing.T) {
			a, err := answers.Parse(map[string]any{c.key: c.value})
			if err != nil {
				t.Fatal(err)
			}
			err = a.Validate(schema.Context{Lang: schema.English, Country: c.country, Now: epoch})
			if err == nil {
				t.Fatalf("%q accepted", c.value)
			}
			ie, ok := err.(*flows.InputError)
			if !ok {
				t.Fatalf("%T %v", err, err)
			}
			named := false
			for k := range ie.Fields {
				named = named || strings.HasPrefix(k, c.key)
			}
			if !named {
				t.Errorf("the error does not name %s: %v", c.key, ie.Fields)
			}
		})
	}
}

// National formats are accepted and sent normalized: phone numbers read
// for the account's country, state names, dates in the operator's form.
func TestNationalFormatsAccepted(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		country    string
		lang       schema.Lang
		key, value string
		param      string
		sent       string
	}{
		{"US", schema.English, "individual.phone", "(415) 555-0123", "individual[phone]", "+14155550123"},
		{"US", schema.English, "individual.phone", "4155550123", "individual[phone]", "+14155550123"},
		{"GB", schema.English, "individual.phone", "020 7123 4567", "individual[phone]", "+442071234567"},
		{"FR", schema.French, "company.phone", "01 23 45 67 89", "company[phone]", "+33123456789"},
		{"US", schema.English, "individual.address.state", "California", "individual[address][state]", "CA"},
		{"CA", schema.French, "individual.address.state", "Ontario", "individual[address][state]", "ON"},
		{"AU", schema.English, "individual.address.state", "New South Wales", "individual[address][state]", "NSW"},
		{"FR", schema.French, "individual.dob", "01/01/1901", "individual[dob][year]", "1901"},
		{"FR", schema.French, "individual.dob", "23/04/1985", "individual[dob][day]", "23"},
		{"US", schema.English, "individual.dob", "04/23/1985", "individual[dob][day]", "23"},
		{"GB", schema.English, "individual.dob", "23.04.1985", "individual[dob][month]", "4"},
	} {
		sctx := schema.Context{Lang: c.lang, Country: c.country, Now: now}
		f := schema.Lookup(c.key, c.country)
		ps, err := f.Encode(c.value, sctx)
		if err != nil {
			t.Errorf("%s %s %q refused: %v", c.country, c.key, c.value, err)
			continue
		}
		got := ""
		for _, p := range ps {
			if p.Key == c.param {
				got = p.Value
			}
		}
		if got != c.sent {
			t.Errorf("%s %s %q sent %s=%q, want %q", c.country, c.key, c.value, c.param, got, c.sent)
		}
	}
}

// Errors about the file are worded in the operator's language.
func TestAnswersErrorsInFrench(t *testing.T) {
	p := writeAnswersFile(t, "a.yaml", "individual.first_name: [Jenny]\n")
	_, err := answers.Load(p, answers.Options{Lang: schema.French})
	// French typography may put a no-break space before the colon.
	if err == nil || !strings.Contains(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(err.Error()), "(ligne 1) : du texte est attendu, pas une liste") {
		t.Fatalf("got %v", err)
	}
	p = writeAnswersFile(t, "a.yaml", "individual.frist_name: Jenny\n")
	_, err = answers.Load(p, answers.Options{Lang: schema.French})
	if err == nil || !strings.Contains(err.Error(), "vouliez-vous dire individual.first_name") {
		t.Fatalf("got %v", err)
	}
}

// A byte order mark, as Windows editors write, starts a JSON or YAML
// file without being refused ("invalid character 'ï'" before).
func TestAnswersWithAByteOrderMark(t *testing.T) {
	for name, content := range map[string]string{
		"a.json": "\xEF\xBB\xBF{\"individual.first_name\": \"Jenny\"}",
		"a.yaml": "\xEF\xBB\xBFindividual.first_name: Jenny\n",
	} {
		a, err := answers.Load(writeAnswersFile(t, name, content))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if a.Values["individual.first_name"] != "Jenny" {
			t.Errorf("%s: %v", name, a.Values)
		}
	}
}

// 100,000 unknown keys are one short message: the first few, each with
// its suggestion, then a count (it was 100,004 lines, in 16 s: each key
// was compared with the whole catalog).
func TestManyUnknownKeysAreCounted(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\"individual.frist_name\": \"Jenny\"")
	for i := range 99999 {
		fmt.Fprintf(&b, ",\"zz_unknown_%06d\": \"x\"", i)
	}
	b.WriteString("}")
	path := writeAnswersFile(t, "many.json", b.String())
	for _, c := range []struct {
		lang schema.Lang
		more string
	}{{schema.English, "and 99,990 more (100,000 unknown keys in all)"}, {schema.French, "et 99\u202f990 de plus (100\u202f000 clés inconnues en tout)"}} {
		start := time.Now()
		_, err := answers.Load(path, answers.Options{Lang: c.lang})
		t.Logf("%s: refused in %s", c.lang, time.Since(start).Round(time.Millisecond))
		if err == nil {
			t.Fatal("accepted")
		}
		msg := err.Error()
		if n := strings.Count(msg, "\n"); n > 15 {
			t.Errorf("%s: the message has %d lines", c.lang, n+1)
		}
		if !strings.Contains(msg, c.more) || !strings.Contains(msg, "individual.first_name") {
			t.Errorf("%s: %.600s", c.lang, msg)
		}
	}
}
