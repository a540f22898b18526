package sandbox

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

// baseTime is the fixed base clock of every test; nothing reads wall time.
var baseTime = time.Date(2025, 9, 1, 12, 0, 0, 0, time.UTC)

func fixedClock() time.Time { return baseTime }

// env is one sandbox plus a stripe-go client pointed at it.
type env struct {
	t    *testing.T
	sb   *Sandbox
	sc   *stripe.Client
	path string
	ctx  context.Context
}

// newClient builds the real stripe-go client for a base URL, optionally
// with a custom HTTP client (for the in-process transport).
func newClient(key, url string, hc *http.Client) *stripe.Client {
	return newClientHosts(key, url, url, hc)
}

// newClientHosts is newClient with the uploads on their own base URL, as
// Stripe has them (files.stripe.com).
func newClientHosts(key, api, files string, hc *http.Client) *stripe.Client {
	cfg := func(url string) *stripe.BackendConfig {
		c := &stripe.BackendConfig{
			URL:               stripe.String(url),
			MaxNetworkRetries: stripe.Int64(0),
			LeveledLogger:     &stripe.LeveledLogger{Level: stripe.LevelNull},
			EnableTelemetry:   stripe.Bool(false),
		}
		if hc != nil {
			c.HTTPClient = hc
		}
		return c
	}
	b := stripe.NewBackendsWithConfig(cfg(api))
	b.Uploads = stripe.GetBackendWithConfig(stripe.UploadsBackend, cfg(files))
	return stripe.NewClient(key, stripe.WithBackends(b))
}

// openTest opens a file-backed sandbox in a temp dir with the fixed clock.
func openTest(t *testing.T, opts ...Option) (*Sandbox, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sandbox.db")
	sb, err := Open(path, append([]Option{WithClock(fixedClock)}, opts...)...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	return sb, path
}

// newHTTPEnv serves the sandbox on a real loopback HTTP server.
func newHTTPEnv(t *testing.T, opts ...Option) *env {
	t.Helper()
	sb, path := openTest(t, opts...)
	srv := httptest.NewServer(checked(t, sb.Handler()))
	t.Cleanup(srv.Close)
	return &env{t: t, sb: sb, sc: newClient("sk_test_x", srv.URL, nil), path: path, ctx: context.Background()}
}

// newTransportEnv serves the sandbox through Transport(), no port at all.
func newTransportEnv(t *testing.T, opts ...Option) *env {
	t.Helper()
	sb, path := openTest(t, opts...)
	hc := &http.Client{Transport: checkedTransport(t, sb)}
	return &env{t: t, sb: sb, sc: newClientHosts("sk_test_x", APIBase, FilesBase, hc), path: path, ctx: context.Background()}
}

// bothEnvs runs f once over real HTTP and once over the in-process transport.
func bothEnvs(t *testing.T, f func(t *testing.T, e *env)) {
	t.Run("http", func(t *testing.T) { f(t, newHTTPEnv(t)) })
	t.Run("transport", func(t *testing.T) { f(t, newTransportEnv(t)) })
}

// createUSIndividual creates the account every onboarding test starts from.
func (e *env) createUSIndividual() *stripe.Account {
	e.t.Helper()
	a, err := e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{
		Type:         stripe.String("custom"),
		Country:      stripe.String("US"),
		BusinessType: stripe.String("individual"),
		Email:        stripe.String("jenny@example.com"),
		Capabilities: &stripe.AccountCreateCapabilitiesParams{
			CardPayments: &stripe.AccountCreateCapabilitiesCardPaymentsParams{Requested: stripe.Bool(true)},
			Transfers:    &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)},
		},
	})
	if err != nil {
		e.t.Fatalf("create account: %v", err)
	}
	return a
}

// update sends the given form parameters as an account update.
func (e *env) update(id string, kv ...string) (*stripe.Account, error) {
	e.t.Helper()
	p := &stripe.AccountUpdateParams{}
	for i := 0; i < len(kv); i += 2 {
		p.AddExtra(kv[i], kv[i+1])
	}
	return e.sc.V1Accounts.Update(e.ctx, id, p)
}

// mustUpdate is update that fails the test on error.
func (e *env) mustUpdate(id string, kv ...string) *stripe.Account {
	e.t.Helper()
	a, err := e.update(id, kv...)
	if err != nil {
		e.t.Fatalf("update %v: %v", kv, err)
	}
	return a
}

func (e *env) get(id string) *stripe.Account {
	e.t.Helper()
	a, err := e.sc.V1Accounts.GetByID(e.ctx, id, nil)
	if err != nil {
		e.t.Fatalf("get %s: %v", id, err)
	}
	return a
}

func (e *env) advance(d time.Duration) {
	e.t.Helper()
	if _, err := e.sb.Advance(e.ctx, d); err != nil {
		e.t.Fatalf("advance: %v", err)
	}
}

// stripeErr unwraps a *stripe.Error or fails the test.
func stripeErr(t *testing.T, err error) *stripe.Error {
	t.Helper()
	var se *stripe.Error
	if !errors.As(err, &se) {
		t.Fatalf("want *stripe.Error, got %T: %v", err, err)
	}
	return se
}

// wantErr checks the status, code and param of a Stripe error.
func wantErr(t *testing.T, err error, status int, code, param string) {
	t.Helper()
	_ = wantStripeErr(t, err, status, code, param) // checked; the caller reads nothing more
}

// wantStripeErr is wantErr for a caller that reads the error further.
func wantStripeErr(t *testing.T, err error, status int, code, param string) *stripe.Error {
	t.Helper()
	se := stripeErr(t, err)
	if se.HTTPStatusCode != status || string(se.Code) != code || se.Param != param {
		t.Fatalf("error = %d %q param %q (%s); want %d %q param %q",
			se.HTTPStatusCode, se.Code, se.Param, se.Msg, status, code, param)
	}
	if se.RequestID == "" {
		t.Errorf("error has no request id")
	}
	return se
}

func wantList(t *testing.T, name string, got, want []string) {
	t.Helper()
	if got == nil {
		t.Errorf("%s is null, want a JSON list", name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s =\n  %v\nwant\n  %v", name, got, want)
	}
}

// identityFields is a valid, verifying set of individual answers.
var identityFields = []string{
	"individual[first_name]", "Jenny",
	"individual[last_name]", "Rosen",
	"individual[email]", "jenny@example.com",
	"individual[phone]", "0000000000",
	"individual[dob][day]", "1",
	"individual[dob][month]", "1",
	"individual[dob][year]", "1901",
	"individual[address][line1]", "address_full_match",
	"individual[address][city]", "San Francisco",
	"individual[address][state]", "CA",
	"individual[address][postal_code]", "94107",
	"individual[ssn_last_4]", "0000",
}

// profileAndTOS completes the business profile and accepts the terms.
var profileAndTOS = []string{
	"business_profile[mcc]", "5734",
	"business_profile[url]", "https://accessible.stripe.com",
	"tos_acceptance[date]", "1756728000",
	"tos_acceptance[ip]", "203.0.113.7",
}

// attachBank tokenizes a US test bank account and attaches the token.
func (e *env) attachBank(id, account string) *stripe.Account {
	e.t.Helper()
	tok, err := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{BankAccount: &stripe.BankAccountParams{
		Country: stripe.String("US"), Currency: stripe.String("usd"),
		RoutingNumber: stripe.String("110000000"), AccountNumber: stripe.String(account),
		AccountHolderName: stripe.String("Jenny Rosen"), AccountHolderType: stripe.String("individual"),
	}})
	if err != nil {
		e.t.Fatalf("token: %v", err)
	}
	a, err := e.sc.V1Accounts.Update(e.ctx, id, &stripe.AccountUpdateParams{
		ExternalAccount: &stripe.AccountExternalAccountParams{Token: stripe.String(tok.ID)},
	})
	if err != nil {
		e.t.Fatalf("attach bank: %v", err)
	}
	return a
}

// recorderT is httptest.ResponseRecorder under a short name.
type recorderT = httptest.ResponseRecorder

func newRecorderT() *recorderT { return httptest.NewRecorder() }

// checkedClient is an http.Client on the sandbox's in-process transport,
// through the oracles.
func checkedClient(t testing.TB, sb *Sandbox) *http.Client {
	return &http.Client{Transport: checkedTransport(t, sb)}
}

// onAccount sets the Stripe-Account header of an event list: Stripe keeps
// a connected account's events on that account.
func onAccount(acct string, p *stripe.EventListParams) *stripe.EventListParams {
	p.SetStripeAccount(acct)
	return p
}
