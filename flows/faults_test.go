package flows_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/stripeapi"
	"onboard/sandbox"
	"onboard/schema"
)

// fault is one transient failure an API or a network can cause.
type fault string

const (
	fault500         fault = "500"
	fault503         fault = "503"
	fault429         fault = "429"
	fault429After    fault = "429 Retry-After"
	faultResetBefore fault = "reset before the server acted"
	faultResetAfter  fault = "reset after the server acted"
	// The server acted and its answer was cut: half the body, then the
	// connection reset while it was read, or then a clean end (an answer
	// without Content-Length ends when the connection closes).
	faultTruncatedReset fault = "truncated body then reset"
	faultTruncatedEOF   fault = "truncated body then end"
)

var allFaults = []fault{fault500, fault503, fault429, fault429After, faultResetBefore, faultResetAfter,
	faultTruncatedReset, faultTruncatedEOF}

// faulty is an http.RoundTripper around the sandbox's that injects one
// fault at the request in position at (counting every attempt that
// reaches it, from 0), and records what it saw.
type faulty struct {
	next  http.RoundTripper
	at    int
	fault fault
	// alternate injects the fault at every even position instead: each
	// request's first attempt fails, its retry passes.
	alternate bool

	mu       sync.Mutex
	n        int
	requests []string // "METHOD host/path" of every attempt
	keys     []string // the Idempotency-Key of every attempt
	queries  []string // the query of every attempt
	acting   []string // the Stripe-Account header of every attempt
}

func (f *faulty) RoundTrip(r *http.Request) (*http.Response, error) {
	f.mu.Lock()
	pos := f.n
	f.n++
	f.requests = append(f.requests, r.Method+" "+r.URL.Host+r.URL.Path)
	f.keys = append(f.keys, r.Header.Get("Idempotency-Key"))
	f.queries = append(f.queries, r.URL.RawQuery)
	f.acting = append(f.acting, r.Header.Get("Stripe-Account"))
	f.mu.Unlock()
	if (pos != f.at && (!f.alternate || pos%2 != 0)) || f.fault == "" {
		return f.next.RoundTrip(r)
	}
	reset := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	switch f.fault {
	case faultResetBefore:
		if r.Body != nil {
			_ = r.Body.Close() // the request is answered here, not sent on
		}
		return nil, reset
	case faultResetAfter:
		resp, err := f.next.RoundTrip(r) // the server acts; its answer is lost
		if err == nil {
			_ = resp.Body.Close() // read or not needed: a failed close changes nothing
		}
		return nil, reset
	case faultTruncatedReset, faultTruncatedEOF:
		resp, err := f.next.RoundTrip(r)
		if err != nil {
			return nil, err
		}
		raw, err := io.ReadAll(resp.Body)
		_ = resp.Body.Close() // read or not needed: a failed close changes nothing
		if err != nil {
			return nil, err
		}
		var rest error = reset
		if f.fault == faultTruncatedEOF {
			rest = io.EOF
		}
		resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(raw[:len(raw)/2]), errReader{rest}))
		resp.ContentLength = -1
		resp.Header.Del("Content-Length")
		return resp, nil
	case fault429, fault429After:
		h := http.Header{}
		if f.fault == fault429After {
			h.Set("Retry-After", "2")
		}
		return stripeError(r, http.StatusTooManyRequests, h, "invalid_request_error", "rate_limit"), nil
	case fault500:
		return stripeError(r, http.StatusInternalServerError, http.Header{}, "api_error", ""), nil
	default:
		return stripeError(r, http.StatusServiceUnavailable, http.Header{}, "api_error", ""), nil
	}
}

// errReader fails every read with err.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// stripeError is an error answer in Stripe's JSON shape.
func stripeError(r *http.Request, status int, h http.Header, typ, code string) *http.Response {
	if r.Body != nil {
		_ = r.Body.Close() // the request is answered here, not sent on
	}
	h.Set("Content-Type", "application/json")
	body := fmt.Sprintf(`{"error":{"type":%q,"code":%q,"message":"injected %d"}}`, typ, code, status)
	return &http.Response{StatusCode: status, Status: fmt.Sprintf("%d %s", status, http.StatusText(status)),
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Header: h, Request: r,
		Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body))}
}

// attempts returns how many attempts reached the transport.
func (f *faulty) attempts() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

// waits records the policy's pauses instead of sleeping them.
type waits struct {
	mu  sync.Mutex
	all []time.Duration
}

func (w *waits) sleep(_ context.Context, d time.Duration) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.all = append(w.all, d)
	return nil
}

// instantPolicy is the request policy over next with waits recorded, not
// slept.
func instantPolicy(next http.RoundTripper, w *waits) *flows.Policy {
	p := flows.NewPolicy(next, schema.English)
	p.Sleep = w.sleep
	return p
}

// policyEnv is a flows client on a fresh sandbox through the request
// policy, with inj between the policy and the sandbox.
func policyEnv(t *testing.T, inj *faulty, w *waits) (*flows.Client, *sandbox.Sandbox) {
	t.Helper()
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() }) // the test is decided; nothing left to keep
	inj.next = sb.Transport()
	api, v2 := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_policy", APIBase: "http://sandbox.onboard.invalid",
		FilesBase: "http://files.sandbox.onboard.invalid", Policy: instantPolicy(inj, w)})
	return flows.New(api, flows.WithV2(v2), flows.WithClock(func() time.Time { return epoch })), sb
}
