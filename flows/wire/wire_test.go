package wire_test

import (
	"context"
	"errors"
	"go/parser"
	"go/token"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/stripeapi"
	"onboard/flows/wire"
	"onboard/sandbox"
	"onboard/schema"
)

var epoch = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// testKey is assembled at run time so no key-looking literal sits in the
// source; the scans below look for it whole.
var testKey = "sk_test_" + strings.Repeat("wIrE", 6)

// secrets are the sensitive test values the journeys send.
var secrets = []string{"000000000", "000123456789", testKey}

type env struct {
	cl  *flows.Client
	api stripeapi.Adapter
	log *wire.Log
	sb  *sandbox.Sandbox
}

// newEnv is a flows client on a fresh sandbox (in-process transport, the
// real stripe-go client), with every request going through wire.
func newEnv(t *testing.T, base func(http.RoundTripper) http.RoundTripper) env {
	t.Helper()
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() }) // the test is decided; nothing left to keep
	rt := sb.Transport()
	if base != nil {
		rt = base(rt)
	}
	log := wire.NewLog()
	// The program's own wiring: the request policy over wire over the
	// sandbox, uploads on the files host.
	pol := flows.NewPolicy(&wire.Transport{Base: rt, Log: log, Origin: "https://api.stripe.com"}, schema.English)
	api, v2 := stripeapi.Connect(stripeapi.Endpoint{Key: testKey, APIBase: sandbox.APIBase, FilesBase: sandbox.FilesBase, Policy: pol})
	cl := flows.New(api, flows.WithClock(func() time.Time { return epoch }),
		flows.WithAcceptance("203.0.113.9", "onboard-test"), flows.WithV2(v2))
	return env{cl: cl, api: api, log: log, sb: sb}
}

func usCompany(t *testing.T) answers.Answers {
	t.Helper()
	a, err := answers.Load("../../examples/us-company.json", answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func (e env) run(t *testing.T, n flows.NewAccount, ans answers.Answers) schema.Account {
	t.Helper()
	ctx := context.Background()
	a, err := e.cl.Create(ctx, n)
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	rep, err := answers.Run(ctx, e.cl, a, flows.Strategy{Upfront: true}, ans, io.Discard)
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	return rep.Account
}

func render(rs []wire.Record, format string) string {
	var b strings.Builder
	wire.WriteAll(&b, format, rs, schema.English)
	return b.String()
}

// A US company's journey renders as curl and Go with the key and every
// sensitive value replaced by a named placeholder, and the ids it created
// caught in variables that later requests use.
func TestJourneyRendersWithoutSecrets(t *testing.T) {
	e := newEnv(t, nil)
	e.run(t, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"card_payments", "transfers"}}, usCompany(t))
	rs := e.log.Records()
	if len(rs) < 5 {
		t.Fatalf("only %d records", len(rs))
	}
	if rs[0].Created != "ACCOUNT_1" || rs[0].Method != "POST" || rs[0].PathString() != "/v1/accounts" {
		t.Fatalf("first record %+v", rs[0])
	}
	for _, r := range rs {
		if r.Status != 200 || r.RequestID == "" {
			t.Errorf("%s: status %d, request id %q", wire.Summary(r, schema.English), r.Status, r.RequestID)
		}
	}
	curl, goCode := render(rs, "curl"), render(rs, "go")
	for _, out := range []string{curl, goCode} {
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("output holds %q:\n%s", s, out)
			}
		}
	}
	for _, want := range []string{
		`-u "${STRIPE_API_KEY}:"`,
		`ACCOUNT_1=$(curl -sS -g -w '\n' "https://api.stripe.com/v1/accounts"`,
		`"https://api.stripe.com/v1/accounts/${ACCOUNT_1}/persons"`,
		`--data-urlencode "id_number=${ID_NUMBER}"`,
		`--data-urlencode "company[tax_id]=${TAX_ID}"`,
		`--data-urlencode "bank_account[account_number]=${ACCOUNT_NUMBER}"`,
		`--data-urlencode "external_account=${TOKEN_1}"`,
		`--data-urlencode "ssn_last_4=${SSN_LAST_4}"`,
		`--data-urlencode "company[name]=Furever LLC"`,
	} {
		if !strings.Contains(curl, want) {
			t.Errorf("curl lacks %s", want)
		}
	}
	for _, want := range []string{
		`account1, err := sc.V1Accounts.Create(ctx, params1)`,
		`sc.V1Accounts.Update(ctx, account1.ID, params`,
		` := &stripe.PersonCreateParams{Account: stripe.String(account1.ID)}`,
		`.AddExtra("id_number", os.Getenv("ID_NUMBER"))`,
		`.AddExtra("external_account", token1.ID)`,
	} {
		if !strings.Contains(goCode, want) {
			t.Errorf("go lacks %s", want)
		}
	}
}

// A v2 journey renders as raw requests with its JSON body; the id number
// inside it is a placeholder in both forms.
func TestV2JourneyRendersRawRequests(t *testing.T) {
	e := newEnv(t, nil)
	ans, err := answers.Parse(map[string]any{
		"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
		"individual.first_name": "Jenny", "individual.last_name": "Rosen", "individual.email": "jenny@example.com",
		"individual.phone": "+14155550123", "individual.dob": "1901-01-01", "individual.ssn_last_4": "0000",
		"individual.id_number": "000000000", "individual.address.line1": "address_full_match",
		"individual.address.city": "San Francisco", "individual.address.state": "CA", "individual.address.postal_code": "94107",
		"external_account": map[string]any{"routing_number": "110000000", "account_number": "000123456789"},
		"tos_acceptance":   true,
	})
	if err != nil {
		t.Fatal(err)
	}
	e.run(t, flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"card_payments", "transfers"},
		API: "v2", Email: "jenny@example.com"}, ans)
	curl, goCode := render(e.log.Records(), "curl"), render(e.log.Records(), "go")
	for _, s := range secrets {
		if strings.Contains(curl+goCode, s) {
			t.Errorf("output holds %q", s)
		}
	}
	for _, want := range []string{"--data-binary @- <<JSON", `"${ID_NUMBER}"`, `"${SSN_LAST_4}"`, `/v2/core/accounts/${ACCOUNT_1}`} {
		if !strings.Contains(curl, want) {
			t.Errorf("curl lacks %s:\n%s", want, curl)
		}
	}
	for _, want := range []string{`raw.RawRequest("POST", "/v2/core/accounts"`, `os.Getenv("ID_NUMBER")`} {
		if !strings.Contains(goCode, want) {
			t.Errorf("go lacks %s:\n%s", want, goCode)
		}
	}
}

// flaky fails the first attempt of every POST with a 503 and lets the
// retry through: a connection to a Stripe that hiccups.
type flaky struct {
	next http.RoundTripper
	seen map[string]bool
}

func (f *flaky) RoundTrip(r *http.Request) (*http.Response, error) {
	k := r.Header.Get("Idempotency-Key")
	if r.Method == "POST" && k != "" && !f.seen[k] {
		f.seen[k] = true
		return nil, errors.New("connection reset")
	}
	return f.next.RoundTrip(r)
}

// An attempt sent again with the same idempotency key (as stripe-go and
// flows retry) is one record with its retries counted, not a second
// request.
func TestRetriesFoldIntoOneRecord(t *testing.T) {
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = sb.Close() }() // the run is decided; nothing left to keep
	log := wire.NewLog()
	hc := wire.Wrap(&http.Client{Transport: &flaky{next: sb.Transport(), seen: map[string]bool{}}}, log, "")
	send := func() error {
		req, _ := http.NewRequest("POST", "http://sandbox.invalid/v1/accounts", strings.NewReader(createForm))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Bearer "+testKey)
		req.Header.Set("Idempotency-Key", "k-1")
		resp, err := hc.Do(req)
		if err == nil {
			_ = resp.Body.Close() // read or not needed: a failed close changes nothing
		}
		return err
	}
	if send() == nil {
		t.Fatal("first attempt should fail")
	}
	if err := send(); err != nil {
		t.Fatal(err)
	}
	rs := log.Records()
	if len(rs) != 1 || rs[0].Retries != 1 || rs[0].Status != 200 || rs[0].Created != "ACCOUNT_1" {
		t.Fatalf("records %+v", rs)
	}
	if !strings.Contains(wire.Summary(rs[0], schema.English), "1 retries") || strings.Contains(wire.Curl(rs[0], schema.English), testKey) {
		t.Fatalf("summary %q", wire.Summary(rs[0], schema.English))
	}
	// A read has no key: the same read right after a failed one is its
	// retry; after a success it is a new request.
	get := func(fail bool) {
		req, _ := http.NewRequest("GET", "http://sandbox.invalid/v1/accounts?limit=3", nil)
		req.Header.Set("Authorization", "Bearer "+testKey)
		rt := http.RoundTripper(sb.Transport())
		if fail {
			rt = failing{}
		}
		resp, err := (&http.Client{Transport: &wire.Transport{Base: rt, Log: log}}).Do(req)
		if err == nil {
			_ = resp.Body.Close() // read or not needed: a failed close changes nothing
		}
	}
	get(true)
	get(false)
	get(false)
	rs = log.Records()
	if len(rs) != 3 || rs[1].Retries != 1 || rs[1].Status != 200 || rs[2].Retries != 0 {
		t.Fatalf("reads %+v", rs[1:])
	}
}

// failing is a connection that never answers.
type failing struct{}

func (failing) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("connection refused")
}

// The Go rendering of a whole journey is one valid Go function body:
// each call has its own params variable and created objects are named
// once.
func TestGoRenderingParses(t *testing.T) {
	e := newEnv(t, nil)
	e.run(t, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"card_payments", "transfers"}}, usCompany(t))
	var body strings.Builder
	for _, r := range e.log.Records() {
		body.WriteString(wire.Go(r, schema.English))
	}
	src := "package p\nfunc f() {\n" + body.String() + "}\n"
	if _, err := parser.ParseFile(token.NewFileSet(), "journey.go", src, 0); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
}

// The debug log stays bounded: past its size it moves to .1, .1 to .2,
// and only Keep old files remain; lines are never split across files.
func TestRotatingFileBoundsTheLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "onboard.log")
	f, err := wire.OpenRotating(path, 100, 2)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Repeat("x", 39) + "\n"
	for range 20 {
		if _, err := f.Write([]byte(line)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + ".1", path + ".2"} {
		raw, err := os.ReadFile(p)
		if err != nil || len(raw) == 0 || len(raw) > 100 || len(raw)%len(line) != 0 {
			t.Fatalf("%s: %d bytes, %v", p, len(raw), err)
		}
		if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s mode %v", p, fi.Mode())
		}
	}
	if _, err := os.Stat(path + ".3"); !os.IsNotExist(err) {
		t.Fatalf("a third old file: %v", err)
	}
}

// Each request is one debug line with method, path, status, request id,
// duration and retries, and no parameter.
func TestDebugLogLines(t *testing.T) {
	e := newEnv(t, nil)
	var b strings.Builder
	wire.DebugLog(e.log, &b, func() time.Time { return epoch })
	e.run(t, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"card_payments", "transfers"}}, usCompany(t))
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != len(e.log.Records()) {
		t.Fatalf("%d lines for %d requests", len(lines), len(e.log.Records()))
	}
	re := regexp.MustCompile(`^2026-03-01T12:00:00Z request (GET|POST|DELETE) /v1/[a-z_/A-Za-z0-9]+ status=200 request_id=req_\w+ duration=\d+ms retries=0$`)
	for _, l := range lines {
		if !re.MatchString(l) {
			t.Errorf("line %q", l)
		}
	}
	for _, s := range append(secrets, "Furever", "tax_id") {
		if strings.Contains(b.String(), s) {
			t.Errorf("debug log holds %q", s)
		}
	}
}

// A document upload shows the file as a placeholder for its path (its
// content is never kept), goes to Stripe's files host, and the file it
// creates is caught for the requests that use it.
func TestFileUploadRendersPlaceholder(t *testing.T) {
	e := newEnv(t, nil)
	doc := filepath.Join(t.TempDir(), "passport.png")
	content := "\x89PNG\r\n\x1a\nSECRET-SCAN-CONTENT"
	if err := os.WriteFile(doc, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(doc)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }() // read only
	_, err = e.api.UploadFile(context.Background(), flows.Upload{Purpose: "identity_document", Name: "passport.png", Body: f})
	if err != nil {
		t.Fatal(err)
	}
	rs := e.log.Records()
	if len(rs) != 1 || rs[0].Created != "FILE_1" {
		t.Fatalf("records %+v", rs)
	}
	curl, goCode := wire.Curl(rs[0], schema.English), wire.Go(rs[0], schema.English)
	for _, want := range []string{`FILE_1=$(curl -sS -g -w '\n' "https://files.stripe.com/v1/files"`, `-F "file=@${DOCUMENT}"`, `-F "purpose=identity_document"`} {
		if !strings.Contains(curl, want) {
			t.Errorf("curl lacks %s:\n%s", want, curl)
		}
	}
	if !strings.Contains(goCode, `os.Open(os.Getenv("DOCUMENT"))`) || !strings.Contains(goCode, "file1, err := sc.V1Files.Create(ctx, params1)") {
		t.Errorf("go:\n%s", goCode)
	}
	if strings.Contains(curl+goCode, "SECRET-SCAN-CONTENT") || strings.Contains(curl+goCode, "passport.png") {
		t.Error("the document's content or name is in the output")
	}
}

// createForm creates an account the platform onboards (what flows sends).
const createForm = "country=US&business_type=individual&capabilities[transfers][requested]=true" +
	"&controller[requirement_collection]=application&controller[fees][payer]=application" +
	"&controller[losses][payments]=application&controller[stripe_dashboard][type]=none"

// placeholderRef is a ${NAME} in a rendered script, os.Getenv("NAME") in Go.
var placeholderRef = regexp.MustCompile(`\$\{([A-Z0-9_]+)\}|os\.Getenv\("([A-Z0-9_]+)"\)`)

// gbCompany runs the GB company example, whose people send identity
// documents: placeholders beyond the id numbers.
func gbCompany(t *testing.T) []wire.Record {
	t.Helper()
	e := newEnv(t, nil)
	ans, err := answers.Load("../../examples/gb-company.json", answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e.run(t, flows.NewAccount{Country: "GB", BusinessType: "company", Capabilities: []string{"card_payments", "transfers"}}, ans)
	return e.log.Records()
}

// Every placeholder a script uses is listed in its header, and in the
// README's list of placeholders.
func TestScriptHeaderListsEveryPlaceholder(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	rs := append(gbCompany(t), func() []wire.Record {
		e := newEnv(t, nil)
		e.run(t, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"card_payments", "transfers"}}, usCompany(t))
		return e.log.Records()
	}()...)
	for _, format := range wire.Formats {
		var body strings.Builder
		for _, r := range rs {
			body.WriteString(wire.Render(format, r, schema.English))
		}
		header := wire.Preamble(format, schema.English)
		seen := map[string]bool{}
		for _, m := range placeholderRef.FindAllStringSubmatch(body.String(), -1) {
			name := m[1] + m[2]
			if seen[name] || name == "STRIPE_API_KEY" || name == "ONBOARD_RUN" || regexp.MustCompile(`^(ACCOUNT|PERSON|TOKEN|FILE|BANK_ACCOUNT)_\d+$`).MatchString(name) {
				continue
			}
			seen[name] = true
			if !regexp.MustCompile(`\b` + name + `\b`).MatchString(header) {
				t.Errorf("%s: %s is used but not listed in the header:\n%s", format, name, header)
			}
			if !strings.Contains(readme, "`"+name+"`") {
				t.Errorf("README.md does not list the placeholder `%s`", name)
			}
		}
		if !seen["VERIFICATION_DOCUMENT_FRONT"] || !seen["TAX_ID"] {
			t.Errorf("%s: the journeys used only %v", format, seen)
		}
	}
	for _, name := range wire.Placeholders() {
		if !strings.Contains(readme, "`"+name+"`") {
			t.Errorf("README.md does not list the placeholder `%s`", name)
		}
	}
}

// The curl script stops at the first failure: curl fails on an HTTP error
// and the shell stops, inside $(…) substitutions too.
func TestCurlScriptStopsAtFirstFailure(t *testing.T) {
	pre := wire.Preamble("curl", schema.English)
	for _, want := range []string{"set -euo pipefail", "shopt -s inherit_errexit"} {
		if !strings.Contains(pre, want) {
			t.Errorf("the preamble lacks %q:\n%s", want, pre)
		}
	}
	for _, r := range gbCompany(t) {
		if c := wire.Curl(r, schema.English); !strings.Contains(c, "\\\n  --fail-with-body \\\n") {
			t.Errorf("curl without --fail-with-body:\n%s", c)
		}
	}
}

// The same journey renders the same script at every run: parameters in
// a stable order, not the order a map gave them.
func TestScriptParameterOrderIsStable(t *testing.T) {
	params := func() []string {
		var out []string
		for _, r := range gbCompany(t) {
			var keys []string
			for _, p := range r.Form {
				keys = append(keys, p.Key)
			}
			out = append(out, r.PathString()+" "+strings.Join(keys, ","))
		}
		return out
	}
	first := params()
	for i := 0; i < 4; i++ {
		if again := params(); strings.Join(again, "\n") != strings.Join(first, "\n") {
			t.Fatalf("run %d sends its parameters in another order:\n%s\nthen\n%s", i+2, strings.Join(first, "\n"), strings.Join(again, "\n"))
		}
	}
}
