package sandbox

import (
	"cmp"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"onboard/sandbox/params"
	"strings"
	"time"

	"onboard/sandbox/store"
)

// The v1 HTTP layer: a net/http.ServeMux built from the routes table, and
// every route served through one chain of middleware,
//
//	authenticate → rate limit → snapshot → parse → transaction → idempotency → handler
//
// each a small function that either answers (by returning an error) or
// hands the call to the next. The snapshot step answers the one hot read
// (an account retrieved as it is) from a single statement and ends the
// call there when it can (snapshot.go).

// call is one v1 request on its way through the chain.
type call struct {
	s        *Sandbox
	w        http.ResponseWriter
	hr       *http.Request
	h        handlerFunc
	route    string // the routes key ("GET v1/accounts/*"), "" when none matched
	r        *request
	now      time.Time // the sandbox clock, once a transaction read it
	fp       string    // the idempotency fingerprint
	status   int
	body     []byte
	replayed bool
}

// middleware does its part of a call and runs next, or answers an error.
type middleware func(c *call, next func() error) error

// chain is the order every v1 route is served in.
var chain = []middleware{authenticateStep, rateLimitStep, snapshotStep, parseStep, transactionStep, idempotencyStep}

// buildMux registers every route as a ServeMux pattern ("*" segments
// become {id} and {sub}), and "/" for the paths no route matches.
func (s *Sandbox) buildMux() *http.ServeMux {
	mux := http.NewServeMux()
	for key, h := range routes {
		method, path, _ := strings.Cut(key, " ")
		seg := strings.Split(path, "/")
		names := []string{"{id}", "{sub}"}
		for i := range seg {
			if seg[i] == "*" {
				seg[i], names = names[0], names[1:]
			}
		}
		mux.Handle(method+" /"+strings.Join(seg, "/"), s.serveRoute(key, h))
	}
	mux.Handle("/", s.serveRoute("", nil))
	return mux
}

// serveRoute runs the chain for one route, key in routes (h nil: no
// route matched).
func (s *Sandbox) serveRoute(key string, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, hr *http.Request) {
		reqID := newID("req_", 14)
		w.Header().Set("Request-Id", reqID)
		w.Header().Set("Stripe-Version", answeredVersion(hr.Header.Get("Stripe-Version")))
		c := &call{s: s, w: w, hr: hr, h: h, route: key, r: &request{ctx: hr.Context(), sb: s, id: reqID,
			pathID: hr.PathValue("id"), subID: hr.PathValue("sub"), account: hr.Header.Get("Stripe-Account")}}
		var next func(i int) error
		next = func(i int) error {
			if i == len(chain) {
				return c.handle()
			}
			return chain[i](c, func() error { return next(i + 1) })
		}
		if err := next(0); err != nil {
			c.fail(err)
			return
		}
		if c.replayed {
			w.Header().Set("Idempotent-Replayed", "true")
		}
		if c.r.idemKey != "" {
			w.Header().Set("Idempotency-Key", c.r.idemKey)
		}
		s.setDate(w, hr, c.now)
		writeJSON(w, c.status, c.body)
	})
}

// fail answers err as Stripe's error body.
func (c *call) fail(err error) {
	ae := asAPIError(err)
	c.s.setDate(c.w, c.hr, c.now)
	writeJSON(c.w, ae.Status, mustJSON(ae.body(c.r.id)))
}

// asAPIError is err as the API error Stripe would answer: an *apiError as
// it is, a busy store as lock_timeout (which clients retry), anything
// else as an internal error.
func asAPIError(err error) *apiError {
	var ae *apiError
	var pe *params.Error
	switch {
	case errors.As(err, &ae) && ae != nil:
		return ae
	case errors.As(err, &pe) && pe != nil:
		return fromParams(pe)
	case store.IsBusy(err):
		return errLockTimeout()
	}
	return errInternal(err)
}

// handle runs the route's handler, the end of the chain.
func (c *call) handle() error {
	exp := expandPaths(c.r.form)
	if err := checkExpand(c.r, exp); err != nil {
		return err
	}
	out, err := c.h(c.r)
	if err != nil {
		return err
	}
	if nm := c.r.params.NotModelled(); len(nm) > 0 {
		c.w.Header().Set(notModelledHeader, strings.Join(nm, ", "))
	}
	body := responseBody(out)
	if len(exp) > 0 {
		if body, err = expandBody(c.r, body, exp); err != nil {
			return err
		}
	}
	c.status, c.body = http.StatusOK, body
	return nil
}

// authenticateStep accepts test keys only; a path no route matches is
// answered after it, so a request without a key learns nothing else.
func authenticateStep(c *call, next func() error) error {
	if e := authenticate(c.hr); e != nil {
		return e
	}
	if v := c.hr.Header.Get("Stripe-Version"); !validVersion(v) {
		return invalid("", "", "Invalid Stripe API version: %s", v)
	}
	if c.h == nil {
		return errUnrecognizedURL(c.hr.Method, c.hr.URL.Path)
	}
	return next()
}

// rateLimitStep applies the per-account request rate (WithRateLimit).
func rateLimitStep(c *call, next func() error) error {
	if e := c.s.limit(c.hr, c.r.pathID); e != nil {
		c.w.Header().Set("Stripe-Rate-Limited-Reason", "global-rate")
		return e
	}
	return next()
}

// parseStep reads the form (or the multipart upload), checks Stripe's
// limits before building the parameter tree, and computes the
// idempotency fingerprint, which covers the uploaded bytes.
func parseStep(c *call, next func() error) error {
	hr := c.hr
	values, e := readValues(hr)
	var up *upload
	if e == nil && isMultipart(hr) {
		release, ce := c.s.uploads.take(hr.ContentLength)
		if ce != nil {
			c.w.Header().Set("Stripe-Rate-Limited-Reason", "global-concurrency")
			return ce
		}
		values, up, e = readMultipart(hr)
		release()
	}
	if e == nil {
		e = checkLimits(values)
	}
	if e != nil {
		return e
	}
	r := c.r
	r.route = routeKey(hr.Method, hr.URL.Path)
	r.params, r.form, r.upload, r.remoteIP = r.parse(values), values, up, remoteIP(hr)
	if hr.Method == http.MethodPost {
		r.idemKey = hr.Header.Get("Idempotency-Key")
		c.fp = hr.Method + " " + hr.URL.Path + "?" + values.Encode()
		if up != nil {
			// The same key with other file bytes is another request.
			c.fp += "&file=" + hex.EncodeToString(up.sum[:]) + "&filename=" + url.QueryEscape(up.name)
		}
	}
	return next()
}

// transactionStep runs the rest in one SQLite transaction, after the
// clock is read and settled verifications are published. Reads run in
// parallel on the read pool, unless something has come due and must be
// published first: they then run again on the write pool.
func transactionStep(c *call, next func() error) error {
	s, r := c.s, c.r
	ctx, cancel := readWhole(c.hr) // the body was read by parseStep
	defer cancel()
	r.ctx = ctx
	run := func(db *sql.DB, readOnly bool) error {
		return store.InTx(r.ctx, db, func(tx *sql.Tx) error {
			r.tx, r.db = tx, db
			var off int64
			if err := r.row(qClock, store.ClockKey).Scan(&off); err != nil {
				return err
			}
			r.now = s.now().Add(time.Duration(off))
			c.now = r.now
			if readOnly {
				if due, err := wakesDue(r); err != nil || due {
					return cmp.Or(err, errNeedWrite)
				}
			} else if err := catchUp(r); err != nil {
				return err
			}
			if r.account != "" {
				if e := checkActingAccount(r); e != nil {
					return e
				}
			}
			return next()
		})
	}
	if c.hr.Method == http.MethodGet && s.rdb != nil {
		err := run(s.rdb, true)
		if !errors.Is(err, errNeedWrite) {
			return err
		}
		r.params = r.parse(r.form) // the first run marked what it read
	}
	return run(s.db, false)
}

// idempotencyStep answers a replayed POST with its saved response, and
// saves the response of a new one.
func idempotencyStep(c *call, next func() error) error {
	r := c.r
	if r.idemKey == "" {
		return next()
	}
	st, b, found, e := lookupIdempotent(r, c.fp)
	if e != nil {
		return e
	}
	if found {
		c.status, c.body, c.replayed = st, b, true
		return nil
	}
	if err := next(); err != nil {
		return err
	}
	return saveIdempotent(r, c.fp, c.status, c.body)
}
