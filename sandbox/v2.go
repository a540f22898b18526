package sandbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"time"

	"onboard/sandbox/accountsv2"
	"onboard/sandbox/store"
)

// The engine's side of Accounts v2: package accountsv2 is the façade (v2
// routes, mapping, rendering); this file authenticates its requests and
// runs them as v1 steps on the engine's handlers, one transaction per v2
// request.

// serveV2 serves /v2/… through the façade, once the key is accepted.
func (s *Sandbox) serveV2(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Request-Id", newID("req_", 14))
	if e := authenticate(r); e != nil {
		s.setDate(w, r, time.Time{})
		accountsv2.Refuse(w, r, &accountsv2.Error{Status: e.Status, Type: e.Type, Code: e.Code, Message: e.Message})
		return
	}
	// The body is small and read before any store work (accountsv2's
	// parse): the whole request is served in a context a half-close
	// cannot cancel (readWhole); a body cut mid-way still fails to parse.
	ctx, cancel := readWhole(r)
	defer cancel()
	accountsv2.Handler(v2Engine{s}).ServeHTTP(w, r.WithContext(ctx))
}

// v2Engine is the sandbox as accountsv2.Engine.
type v2Engine struct{ s *Sandbox }

// Now is the sandbox clock.
func (e v2Engine) Now(ctx context.Context) (time.Time, error) { return e.s.Now(ctx) }

// InTx runs fn in one write transaction after the clock is read and
// caught up, as transactionStep does for v1, and sets Date from it. The
// steps share the Request-Id serveV2 sent (events record it).
func (e v2Engine) InTx(w http.ResponseWriter, hr *http.Request, fn func(accountsv2.Tx) error) error {
	s := e.s
	var now time.Time
	ctx := hr.Context() // serveV2's: a half-close does not cancel it
	err := store.InTx(ctx, s.db, func(tx *sql.Tx) error {
		base := &request{ctx: ctx, sb: s, tx: tx, db: s.db, id: w.Header().Get("Request-Id")}
		var off int64
		if err := base.row(qClock, store.ClockKey).Scan(&off); err != nil {
			return err
		}
		base.now = s.now().Add(time.Duration(off))
		now = base.now
		if err := catchUp(base); err != nil {
			return err
		}
		return fn(v2Tx{s: s, hr: hr, base: base})
	})
	s.setDate(w, hr, now)
	var ve *accountsv2.Error
	if err != nil && !errors.As(err, &ve) && store.IsBusy(err) {
		b := errLockTimeout()
		return &accountsv2.Error{Status: b.Status, Type: b.Type, Code: b.Code, Message: b.Message}
	}
	return err
}

// v2Tx is one v2 request's transaction, as accountsv2.Tx.
type v2Tx struct {
	s    *Sandbox
	hr   *http.Request // the v2 request
	base *request      // clock, request id and transaction every step shares
}

// Now is the sandbox clock the request runs at.
func (t v2Tx) Now() time.Time { return t.base.now }

// SQL is the request's transaction.
func (t v2Tx) SQL() accountsv2.Statements { return t.base.tx }

// V1 runs one v1 step on the engine's handlers, in the v2 request's
// transaction; an error comes back as its status and Stripe error object.
func (t v2Tx) V1(method, path string, f map[string]string) (int, []byte, map[string]any) {
	h, pathID, subID := t.s.route(method, path)
	if h == nil {
		e := errNoSuch("object", path, "")
		return e.Status, nil, errorMap(e)
	}
	vals := url.Values{}
	for k, val := range f {
		vals.Set(k, val)
	}
	b := t.base
	r := &request{ctx: b.ctx, sb: t.s, tx: b.tx, db: t.s.db, now: b.now, route: routeKey(method, path),
		id: b.id, pathID: pathID, subID: subID, fromV2: true, form: vals, remoteIP: remoteIP(t.hr)}
	r.params = r.parse(vals)
	var fp string
	if k := t.hr.Header.Get("Idempotency-Key"); k != "" && method == http.MethodPost {
		// Each step gets its own key derived from the caller's, so a
		// retried v2 request replays every step it made.
		r.idemKey, fp = "v2:"+k+":"+path, method+" "+path+"?"+vals.Encode()
	}
	if r.idemKey != "" {
		_, saved, found, err := lookupIdempotent(r, fp)
		if err != nil {
			return statusOf(err), nil, errorMap(err)
		}
		if found {
			return http.StatusOK, saved, nil
		}
	}
	res, err := h(r)
	if err != nil {
		return statusOf(err), nil, errorMap(err)
	}
	body := responseBody(res)
	if r.idemKey != "" {
		if err := saveIdempotent(r, fp, http.StatusOK, body); err != nil {
			return statusOf(err), nil, errorMap(err)
		}
	}
	return http.StatusOK, body, nil
}

// statusOf and errorMap turn a step's error into the status and error
// object a v1 response would have carried: a busy store is Stripe's
// lock_timeout (which clients retry), as the v1 chain answers it.
func statusOf(err error) int { return asAPIError(err).Status }

func errorMap(err error) map[string]any {
	ae := asAPIError(err)
	var m map[string]any
	_ = json.Unmarshal(mustJSON(ae.body("")), &struct {
		Error *map[string]any `json:"error"`
	}{&m})
	return m
}
