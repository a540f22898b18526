package sandbox

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"onboard/sandbox/params"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

func TestSharedDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	open := func() *Sandbox {
		sb, err := Open(path, WithClock(fixedClock))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = sb.Close() })
		return sb
	}
	one, two := open(), open()
	ctx := t.Context()
	now, err := one.Advance(ctx, 36*time.Hour)
	if err != nil || !now.Equal(baseTime.Add(36*time.Hour)) {
		t.Fatalf("advance: %v %v", now, err)
	}
	if got, err := two.Now(ctx); err != nil || !got.Equal(now) {
		t.Errorf("second sandbox sees %v (%v), want %v", got, err, now)
	}

	// An account submitted through one is pending in both, and settles in
	// both once the other moves the clock.
	e1 := &env{t: t, sb: one, sc: newClientHosts("sk_test_x", APIBase, FilesBase, &http.Client{Transport: checkedTransport(t, one)}), ctx: ctx}
	sc2 := newClientHosts("sk_test_x", APIBase, FilesBase, &http.Client{Transport: checkedTransport(t, two)})
	a := e1.onboardPending()
	got, err := sc2.V1Accounts.GetByID(ctx, a.ID, nil)
	if err != nil || got.Capabilities.CardPayments != "pending" {
		t.Fatalf("second process: %v %+v", err, got)
	}
	if _, err := two.Advance(ctx, 2*time.Second); err != nil {
		t.Fatal(err)
	}
	for _, sc := range []*stripe.Client{e1.sc, sc2} {
		got, err := sc.V1Accounts.GetByID(ctx, a.ID, nil)
		if err != nil || !got.ChargesEnabled {
			t.Errorf("after advance in the other process: %v %+v", err, got.Requirements)
		}
	}

	if err := two.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := one.Now(ctx); !got.Equal(baseTime) {
		t.Errorf("reset kept the clock offset: %v", got)
	}
	_, err = e1.sc.V1Accounts.GetByID(ctx, a.ID, nil)
	wantErr(t, err, 404, "resource_missing", "id")
}

// onboardPending submits everything and returns the account while
// verification is still pending.
func (e *env) onboardPending() *stripe.Account {
	e.t.Helper()
	a := e.createUSIndividual()
	e.mustUpdate(a.ID, append(append([]string{}, identityFields...), profileAndTOS...)...)
	return e.attachBank(a.ID, "000123456789")
}

func TestNoSecretsOnDisk(t *testing.T) {
	e := newHTTPEnv(t)
	const account, ssn = "987654321012", "987-65-4329"
	a := e.onboardPending()
	e.attachBank(a.ID, account)
	e.mustUpdate(a.ID, "individual[id_number]", ssn)
	p := &stripe.AccountUpdateParams{}
	p.AddExtra("individual[id_number]", "987654329")
	p.SetIdempotencyKey("secret-request")
	if _, err := e.sc.V1Accounts.Update(e.ctx, a.ID, p); err != nil {
		t.Fatal(err)
	}
	check := func() {
		files, _ := filepath.Glob(e.path + "*")
		if len(files) == 0 {
			t.Fatal("no database files found")
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, secret := range []string{account, ssn, "987654329"} {
				if bytes.Contains(b, []byte(secret)) {
					t.Errorf("%s contains the raw secret %q", filepath.Base(f), secret)
				}
			}
		}
	}
	check()
	_ = e.sb.Close() // checkpoint the WAL into the main file, then look again
	check()
}

func TestMemoryDatabase(t *testing.T) {
	sb, err := Open(":memory:", WithClock(fixedClock), WithVerifyDelay(0))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = sb.Close() }()
	e := &env{t: t, sb: sb, ctx: t.Context(),
		sc: newClientHosts("sk_test_x", APIBase, FilesBase, &http.Client{Transport: checkedTransport(t, sb)})}
	a := e.onboardPending()
	if !a.ChargesEnabled || len(a.Requirements.PendingVerification) != 0 {
		t.Errorf("zero delay should settle at once: %+v", a.Requirements)
	}
	if got := e.get(a.ID); got.ID != a.ID {
		t.Errorf("in-memory account not found")
	}
}

func TestConcurrentRequests(t *testing.T) {
	e := newHTTPEnv(t)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Go(func() {
			_, err := e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"),
				Capabilities: &stripe.AccountCreateCapabilitiesParams{Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)}}})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent create: %v", err)
		}
	}
}

func TestTransportHonoursContext(t *testing.T) {
	sb, _ := openTest(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://sandbox.invalid/v1/accounts", nil)
	req.Header.Set("Authorization", "Bearer sk_test_x")
	if _, err := sb.Transport().RoundTrip(req); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled request: %v", err)
	}
	req, _ = http.NewRequest("GET", "http://sandbox.invalid/v1/accounts", nil)
	req.Header.Set("Authorization", "Bearer sk_test_x")
	resp, err := sb.Transport().RoundTrip(req)
	if err != nil || resp.StatusCode != 200 || resp.Body == nil || resp.Header.Get("Request-Id") == "" {
		t.Fatalf("round trip: %v %+v", err, resp)
	}
	_ = resp.Body.Close()
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"30d": 30 * 24 * time.Hour, "1d12h": 36 * time.Hour, "1.5d": 36 * time.Hour,
		"90m": 90 * time.Minute, "2s": 2 * time.Second, " 1d ": 24 * time.Hour,
	} {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "30", "d", "1w", "abc"} {
		if _, err := ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) accepted", bad)
		}
	}
}

func TestSplitKey(t *testing.T) {
	for in, want := range map[string][]string{
		"a": {"a"}, "a[b][c]": {"a", "b", "c"}, "expand[]": {"expand", ""}, "a[b": {"a[b"}, "[x]": {"[x]"},
	} {
		got := params.SplitKey(in)
		if len(got) != len(want) {
			t.Errorf("params.SplitKey(%q) = %q", in, got)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("params.SplitKey(%q) = %q", in, got)
			}
		}
	}
}
