package sandbox

import (
	"context"
	"crypto/sha256"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"

	"onboard/sandbox/ids"
	"onboard/sandbox/store"
)

// Bank fingerprints are HMACs under a random key per database (kept beside
// it, mode 0600): stable within a database, different across databases,
// and not the unsalted hash a copied database could be searched with.
func TestFingerprintIsKeyedPerDatabase(t *testing.T) {
	tok := func(e *env) string {
		b, err := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{BankAccount: &stripe.BankAccountParams{
			Country: stripe.String("US"), Currency: stripe.String("usd"),
			RoutingNumber: stripe.String("110000000"), AccountNumber: stripe.String("000123456789")}})
		if err != nil {
			e.t.Fatal(err)
		}
		return b.BankAccount.Fingerprint
	}
	one, two := newTransportEnv(t), newTransportEnv(t)
	a1, a2, b := tok(one), tok(one), tok(two)
	if a1 != a2 || a1 == b {
		t.Errorf("fingerprints: same database %q %q, other database %q", a1, a2, b)
	}
	unsalted := fingerprintSHA("US", "110000000", "000123456789")
	if a1 == unsalted || b == unsalted {
		t.Errorf("fingerprint is the unsalted SHA-256 of the bank details")
	}
	st, err := os.Stat(one.path + store.KeyFileSuffix)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v %v", st, err)
	}
	// The key is not in the database.
	raw, _ := os.ReadFile(one.path + store.KeyFileSuffix)
	db, _ := os.ReadFile(one.path)
	if len(raw) == 0 || strings.Contains(string(db), strings.TrimSpace(string(raw))) {
		t.Errorf("the key is stored in the database")
	}
}

// fingerprintSHA is how the first releases computed a fingerprint.
func fingerprintSHA(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	sum := h.Sum(nil)
	out := make([]byte, 16)
	for i := range out {
		out[i] = ids.Alphabet[int(sum[i])%len(ids.Alphabet)]
	}
	return string(out)
}

// The database and its WAL files are readable by their owner only.
func TestDatabaseFilesAreOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sandbox.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil { // as an earlier release left it
		t.Fatal(err)
	}
	sb, err := Open(path, WithClock(fixedClock))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = sb.Close() }()
	e := &env{t: t, sb: sb, sc: newClientHosts("sk_test_x", APIBase, FilesBase, checkedClient(t, sb)), ctx: t.Context()}
	e.createUSIndividual()
	files, _ := filepath.Glob(filepath.Join(dir, "sandbox.db*"))
	if len(files) < 2 {
		t.Fatalf("files: %v", files)
	}
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v (%v)", filepath.Base(f), st.Mode().Perm(), err)
		}
	}
}

// Stripe's limits on parameters are checked before the parameter tree is
// built: 66,000 nested brackets are a 400, and `sandbox serve`'s server
// keeps answering.
func TestParameterLimitsOverRealHTTP(t *testing.T) {
	sb, _ := openTest(t)
	srv := sb.Server()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })
	if srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.IdleTimeout == 0 || srv.ReadHeaderTimeout == 0 {
		t.Errorf("server timeouts: %+v", srv)
	}
	base := "http://" + ln.Addr().String()
	post := func(body string) int {
		req, _ := http.NewRequest("POST", base+"/v1/accounts", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer sk_test_x")
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("request: %v", err)
		}
		_ = resp.Body.Close()
		return resp.StatusCode
	}
	nested := "metadata" + strings.Repeat("[a]", 66000) + "=x"
	if st := post(nested); st != 400 {
		t.Errorf("66,000 nested brackets: %d, want 400", st)
	}
	var many strings.Builder
	for i := range 3000 {
		many.WriteString("metadata[k" + strings.Repeat("x", i%3) + string(rune('a'+i%26)) + "]=v&")
	}
	if st := post(many.String() + "type=custom"); st != 400 {
		t.Errorf("3,000 parameters: %d, want 400", st)
	}
	meta := url.Values{"type": {"custom"}, "capabilities[transfers][requested]": {"true"}}
	for i := range 51 {
		meta.Set("metadata[k"+string(rune('A'+i%26))+string(rune('a'+i/26))+"]", "v")
	}
	if st := post(meta.Encode()); st != 400 {
		t.Errorf("51 metadata keys: %d, want 400", st)
	}
	for _, bad := range []url.Values{
		{"metadata[" + strings.Repeat("k", 41) + "]": {"v"}},
		{"metadata[k]": {strings.Repeat("v", 501)}},
	} {
		bad.Set("type", "custom")
		bad.Set("capabilities[transfers][requested]", "true")
		if st := post(bad.Encode()); st != 400 {
			t.Errorf("metadata over the limits: %d, want 400", st)
		}
	}
	ok := url.Values{"type": {"custom"}, "capabilities[transfers][requested]": {"true"}, "metadata[order]": {"42"}}
	if st := post(ok.Encode()); st != 200 {
		t.Errorf("the server stopped answering: %d", st)
	}
}

// The idempotency fingerprint covers the uploaded bytes: the same key
// with another file is refused, not answered with the first file.
func TestIdempotencyCoversUploadedBytes(t *testing.T) {
	e := newTransportEnv(t)
	up := func(data []byte) (*stripe.File, error) {
		p := &stripe.FileCreateParams{Purpose: stripe.String("identity_document"), FileReader: strings.NewReader(string(data)), Filename: stripe.String("a.png")}
		p.SetIdempotencyKey("upload-1")
		return e.sc.V1Files.Create(e.ctx, p)
	}
	first, err := up(pngBytes)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := up(pngBytes); err != nil || again.ID != first.ID {
		t.Errorf("replay: %v %v", again, err)
	}
	other := append([]byte(nil), pngBytes...)
	other[len(other)-1] = 1
	_, err = up(other)
	se := stripeErr(t, err)
	if se.HTTPStatusCode != 400 || se.Type != "idempotency_error" {
		t.Errorf("same key, other bytes: %d %s", se.HTTPStatusCode, se.Type)
	}
}

// The clock cannot be pushed past its range: a huge advance is refused and
// the clock never goes backwards.
func TestClockCannotOverflow(t *testing.T) {
	sb, _ := openTest(t)
	ctx := t.Context()
	d, err := ParseDuration("106751d")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := sb.Now(ctx)
	if _, err := sb.Advance(ctx, d); err == nil {
		t.Errorf("advance 106751d accepted")
	}
	if _, err := sb.Advance(ctx, MaxClockOffset-24*time.Hour); err != nil {
		t.Fatal(err)
	}
	mid, _ := sb.Now(ctx)
	if _, err := sb.Advance(ctx, 48*time.Hour); err == nil {
		t.Errorf("advance past the range accepted")
	}
	after, _ := sb.Now(ctx)
	if !after.Equal(mid) || !mid.After(before) {
		t.Errorf("clock went %v → %v → %v", before, mid, after)
	}
}

// v1 ids that are no id are no such object, never a 500.
func TestV1OddIDs(t *testing.T) {
	e := newTransportEnv(t)
	for _, bad := range []string{"acct%20x", "acct%25", "acct%00x", "acct_x%3Flimit=1", "acct_x%2Fpersons"} {
		st, body := e.form("GET", "/v1/accounts/"+bad, nil)
		if st != 404 {
			t.Errorf("GET /v1/accounts/%s: %d %v", bad, st, body)
		}
		st, _ = e.form("POST", "/v1/accounts/"+bad+"/persons", url.Values{"first_name": {"x"}})
		if st != 404 {
			t.Errorf("POST /v1/accounts/%s/persons: %d", bad, st)
		}
	}
}
