package flows

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"

	"onboard/schema"
)

// Policy is the one request policy of every call onboard makes to Stripe:
// v1 calls, list pages, event lists, file uploads and v2 raw requests all
// go through it, because it is the transport of the one HTTP client they
// share (NewHTTPClient).
//
// Why here and not in stripe-go (whose MaxNetworkRetries is set to 0):
// stripe-go v82 checks its own error type first and so never retries a
// JSON 429 or 5xx (only 429 lock_timeout), sleeps with time.Sleep (deaf to
// the context and to Retry-After), retries a POST whatever its key, and
// cannot be told how long a whole run may wait. One retrying layer also
// avoids multiplying attempts (2 SDK retries × our retries × 30 s once
// made a dead upstream hang for four minutes). A transport sees what the SDK hides: the
// status, Retry-After, Stripe-Should-Retry and the Idempotency-Key actually
// sent, and it retries one page of a list, not the whole iteration.
//
// The rules: a request is retried on 429, 5xx, a connection error or its
// own 30 s timeout, when it is a read (GET) or a write that carries an
// Idempotency-Key (Stripe then replays the first result, so a write whose
// answer was lost cannot apply twice). Every write onboard sends has one:
// stripe-go adds a random key to a POST or DELETE whose params are not
// nil (the API passes params to each), flows sets its own per step, and
// V2.call keys every v2 write. The retry resends the same request, key
// included. Stripe-Should-Retry: true forces a
// retry, false forbids it. Waits grow exponentially with jitter and are
// never shorter than Retry-After. A run has a budget: the time lost to
// failed attempts and waits; once it is spent, failures are returned at
// once. A redirect is never followed: it becomes a *RedirectError.
type Policy struct {
	// Next sends one attempt (http.DefaultTransport when nil).
	Next http.RoundTripper
	// Timeout bounds each attempt, answer body included.
	Timeout time.Duration
	// Attempts is the most attempts one request gets.
	Attempts int
	// Budget is what a whole run may lose to failures and waits.
	Budget time.Duration
	// Sleep waits d or until ctx ends; tests make it instant.
	Sleep func(ctx context.Context, d time.Duration) error
	// Jitter returns a random duration in [0, d).
	Jitter func(d time.Duration) time.Duration
	// Lang is the language of the errors the policy makes.
	Lang schema.Lang

	mu    sync.Mutex
	spent time.Duration
}

// Defaults of the request policy (docs/ARCHITECTURE.md, "One step, end to
// end").
const (
	RequestTimeout = 30 * time.Second
	RunBudget      = 45 * time.Second
	maxAttempts    = 4
	firstWait      = 500 * time.Millisecond
	longestWait    = 8 * time.Second
)

// NewPolicy returns the policy with its defaults over next.
func NewPolicy(next http.RoundTripper, lang schema.Lang) *Policy {
	return &Policy{Next: next, Timeout: RequestTimeout, Attempts: maxAttempts, Budget: RunBudget, Lang: lang}
}

// NewHTTPClient is the HTTP client every Stripe call uses: the policy as
// its transport, and redirects refused. A 307 from the API base would
// otherwise send the next body (id numbers, dates of birth) to whatever
// host it names; Go drops the Authorization header there, not the data.
// Timeouts are per attempt, in the policy (Client.Timeout would also
// count the retries).
func NewHTTPClient(p *Policy) *http.Client {
	return &http.Client{Transport: p, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
}

// RedirectError is a 3xx answer: onboard never follows one.
type RedirectError struct {
	Status   int
	Location string
	Lang     schema.Lang
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf(schema.T("the API answered %d, a redirect to %q; onboard never follows redirects, nothing was sent there").In(e.Lang),
		e.Status, e.Location)
}

// TimeoutError is an attempt that got no answer in time.
type TimeoutError struct {
	Host  string
	After time.Duration
	Lang  schema.Lang
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf(schema.T("no answer from %s within %s").In(e.Lang), e.Host, e.After.Round(time.Second))
}

// Timeout reports true, as net.Error timeouts do.
func (e *TimeoutError) Timeout() bool { return true }

// CutAnswerError is an answer whose body is not a whole JSON document:
// cut when the connection closed early, or not from Stripe's API at all.
// It is handled as the connection error it is (retried when the request
// is a read or carries an idempotency key: Stripe then replays the answer,
// https://docs.stripe.com/api/idempotent_requests), and it names the call
// and the status, never the body (an answer holds what was sent: an
// address, a date of birth).
type CutAnswerError struct {
	Method string
	Path   string
	Status int
	Lang   schema.Lang
}

func (e *CutAnswerError) Error() string {
	return fmt.Sprintf(schema.T("the answer to %s %s (HTTP %d) was cut short or is not Stripe's JSON").In(e.Lang), e.Method, e.Path, e.Status)
}

// RoundTrip sends req under the policy.
func (p *Policy) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := readBody(req)
	if err != nil {
		return nil, err
	}
	ctx := req.Context()
	attempts := max(p.Attempts, 1)
	timeout := p.Timeout
	if timeout <= 0 {
		timeout = RequestTimeout
	}
	for n := 0; ; n++ {
		start := time.Now()
		resp, err := p.attempt(ctx, req, body, timeout)
		if err == nil && resp.StatusCode == http.StatusTooManyRequests {
			noteThrottled(ctx) // the account list slows its pace (pager.go)
		}
		if err == nil && isRedirect(resp.StatusCode) {
			return nil, noteErr(ctx, &RedirectError{Status: resp.StatusCode, Location: resp.Header.Get("Location"), Lang: p.Lang})
		}
		if !p.shouldRetry(req, resp, err) || n+1 >= attempts || ctx.Err() != nil {
			return resp, noteErr(ctx, err)
		}
		wait := p.wait(n, resp)
		left, ok := p.spend(time.Since(start) + wait)
		if !ok {
			return resp, noteErr(ctx, err)
		}
		if serr := p.sleep(ctx, wait); serr != nil {
			return resp, noteErr(ctx, err)
		}
		// A retry never outlives the run's budget.
		timeout = min(timeout, left)
	}
}

// attempt sends one try with its own timeout and reads the whole answer
// while the timeout still holds, so a body that never ends is a timeout
// too.
func (p *Policy) attempt(ctx context.Context, req *http.Request, body []byte, timeout time.Duration) (*http.Response, error) {
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	r := req.Clone(actx)
	if body != nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		r.ContentLength = int64(len(body))
	}
	next := p.Next
	if next == nil {
		next = http.DefaultTransport
	}
	resp, err := next.RoundTrip(r)
	if err == nil {
		var raw []byte
		raw, err = io.ReadAll(resp.Body)
		_ = resp.Body.Close() // read to the end: a failed close loses nothing
		resp.Body = io.NopCloser(bytes.NewReader(raw))
		resp.ContentLength = int64(len(raw))
		resp.Request = req
		if err == nil && !wholeAnswer(req, resp, raw) {
			err = &CutAnswerError{Method: req.Method, Path: req.URL.Path, Status: resp.StatusCode, Lang: p.Lang}
		}
	}
	if err != nil {
		if ctx.Err() == nil && actx.Err() != nil {
			err = &TimeoutError{Host: req.URL.Host, After: timeout, Lang: p.Lang}
		}
		return nil, err
	}
	return resp, nil
}

// shouldRetry applies the rules above to one attempt's outcome.
func (p *Policy) shouldRetry(req *http.Request, resp *http.Response, err error) bool {
	safe := req.Method == http.MethodGet || req.Method == http.MethodHead || req.Header.Get("Idempotency-Key") != ""
	if err != nil {
		var cert x509.UnknownAuthorityError
		return safe && !errors.As(err, &cert)
	}
	switch resp.Header.Get("Stripe-Should-Retry") {
	case "true":
		return true
	case "false":
		return false
	}
	return safe && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500)
}

// wait is the pause before attempt n+2: exponential from firstWait with
// up to 50% jitter, capped, and never shorter than Retry-After.
func (p *Policy) wait(n int, resp *http.Response) time.Duration {
	d := min(firstWait<<n, longestWait)
	jitter := p.Jitter
	if jitter == nil {
		jitter = func(d time.Duration) time.Duration { return time.Duration(rand.Int64N(int64(d))) }
	}
	if half := d / 2; half > 0 {
		d += jitter(half)
	}
	if resp != nil {
		if ra := retryAfter(resp.Header.Get("Retry-After")); ra > d {
			d = ra
		}
	}
	return d
}

// retryAfter reads Retry-After in seconds or as an HTTP date.
func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}

// spend takes d from the run's budget and returns what is left; false
// when the budget cannot pay it (then nothing is taken and the failure
// is returned).
func (p *Policy) spend(d time.Duration) (time.Duration, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	budget := p.Budget
	if budget <= 0 {
		budget = RunBudget
	}
	if p.spent+d >= budget {
		return 0, false
	}
	p.spent += d
	return budget - p.spent, true
}

// Spent is what the run has lost to failures and waits so far.
func (p *Policy) Spent() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.spent
}

func (p *Policy) sleep(ctx context.Context, d time.Duration) error {
	if p.Sleep != nil {
		return p.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// wholeAnswer says whether raw is a whole answer: every answer of
// Stripe's API with a body is one JSON document. A body cut where the
// connection closed (no Content-Length to tell) reads without error and
// ends mid-document.
func wholeAnswer(req *http.Request, resp *http.Response, raw []byte) bool {
	if req.Method == http.MethodHead || resp.StatusCode == http.StatusNoContent ||
		resp.StatusCode == http.StatusNotModified || isRedirect(resp.StatusCode) {
		return true
	}
	return json.Valid(raw)
}

func isRedirect(status int) bool {
	return status >= 300 && status < 400 && status != http.StatusNotModified
}

// readBody reads a request's body once, so every attempt sends it again.
func readBody(req *http.Request) ([]byte, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	defer func() { _ = req.Body.Close() }() // the request body, read into memory to be resent
	b, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, fmt.Errorf("read request body: %w", err)
	}
	return b, nil
}

// errSlot lets a caller learn the transport's error when stripe-go loses
// it: v82's RawRequest dereferences the nil response of a failed
// connection and panics, so the adapter's v2 caller recovers and reads
// the cause here.
type errSlot struct{}

// WithErrSlot returns ctx with a slot the policy writes the transport's
// error into, and the slot.
func WithErrSlot(ctx context.Context) (context.Context, *error) {
	var e error
	return context.WithValue(ctx, errSlot{}, &e), &e
}

func noteErr(ctx context.Context, err error) error {
	if err != nil {
		if slot, ok := ctx.Value(errSlot{}).(*error); ok {
			*slot = err
		}
	}
	return err
}
