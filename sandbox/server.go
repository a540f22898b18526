package sandbox

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// maxBody bounds a request body; onboarding requests are a few KB.
const maxBody = 1 << 20

// request is what a route handler works with: the parsed parameters, the
// request's transaction and the sandbox time it runs at.
type request struct {
	ctx     context.Context
	sb      *Sandbox
	tx      *sql.Tx
	now     time.Time
	params  *param
	id      string // Request-Id
	idemKey string
	pathID  string // the {id} segment, when the route has one
}

// handlerFunc serves one route; the returned value is marshalled as JSON.
type handlerFunc func(*request) (any, error)

// route finds the handler for method and path, with the {id} segment.
func (s *Sandbox) route(method, path string) (handlerFunc, string) {
	seg := strings.Split(strings.Trim(path, "/"), "/")
	if len(seg) < 2 || len(seg) > 3 || seg[0] != "v1" {
		return nil, ""
	}
	id := ""
	if len(seg) == 3 {
		id = seg[2]
	}
	type key struct {
		method, resource string
		withID           bool
	}
	routes := map[key]handlerFunc{
		{http.MethodPost, "accounts", false}:  createAccount,
		{http.MethodGet, "accounts", false}:   listAccounts,
		{http.MethodGet, "accounts", true}:    retrieveAccount,
		{http.MethodPost, "accounts", true}:   updateAccount,
		{http.MethodDelete, "accounts", true}: deleteAccount,
		{http.MethodPost, "tokens", false}:    createToken,
		{http.MethodGet, "tokens", true}:      retrieveToken,
		{http.MethodGet, "events", false}:     listEvents,
		{http.MethodGet, "events", true}:      retrieveEvent,
	}
	return routes[key{method, seg[1], id != ""}], id
}

// serveHTTP authenticates, routes, and runs the handler in one SQLite
// transaction together with idempotency bookkeeping and the publication of
// verifications that settled since the last request.
func (s *Sandbox) serveHTTP(w http.ResponseWriter, hr *http.Request) {
	reqID := newID("req_", 14)
	w.Header().Set("Request-Id", reqID)
	fail := func(e *apiError) { writeJSON(w, e.Status, mustJSON(e.body(reqID))) }

	if e := authenticate(hr); e != nil {
		fail(e)
		return
	}
	h, pathID := s.route(hr.Method, hr.URL.Path)
	if h == nil {
		fail(errUnrecognizedURL(hr.Method, hr.URL.Path))
		return
	}
	values, e := readValues(hr)
	if e != nil {
		fail(e)
		return
	}
	r := &request{ctx: hr.Context(), sb: s, params: parseParams(values), id: reqID, pathID: pathID}
	var fp string
	if hr.Method == http.MethodPost {
		r.idemKey = hr.Header.Get("Idempotency-Key")
		fp = hr.Method + " " + hr.URL.Path + "?" + values.Encode()
	}

	var status int
	var body []byte
	replayed := false
	err := inTx(r.ctx, s.db, func(tx *sql.Tx) error {
		r.tx = tx
		now, err := s.nowIn(r.ctx, tx)
		if err != nil {
			return err
		}
		r.now = now
		if err := catchUp(r); err != nil {
			return err
		}
		if r.idemKey != "" {
			st, b, found, e := lookupIdempotent(r, fp)
			if e != nil {
				return e
			}
			if found {
				status, body, replayed = st, b, true
				return nil
			}
		}
		out, e := h(r)
		if e != nil {
			return e
		}
		status, body = http.StatusOK, mustJSON(out)
		if r.idemKey != "" {
			return saveIdempotent(r, fp, status, body)
		}
		return nil
	})
	if err != nil {
		var ae *apiError
		switch {
		case errors.As(err, &ae) && ae != nil:
		case isBusy(err):
			ae = errLockTimeout()
		default:
			ae = errInternal(err)
		}
		fail(ae)
		return
	}
	if replayed {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	if r.idemKey != "" {
		w.Header().Set("Idempotency-Key", r.idemKey)
	}
	writeJSON(w, status, body)
}

// readValues returns the form parameters: the body for POST, the query
// string otherwise.
func readValues(hr *http.Request) (url.Values, *apiError) {
	if hr.Method != http.MethodPost {
		return hr.URL.Query(), nil
	}
	if hr.Body == nil {
		return url.Values{}, nil
	}
	raw, err := io.ReadAll(io.LimitReader(hr.Body, maxBody+1))
	if err != nil {
		return nil, invalid("", "", "Could not read the request body: %v", err)
	}
	if len(raw) > maxBody {
		return nil, invalid("", "", "The request body is too large.")
	}
	values, err := url.ParseQuery(string(raw))
	if err != nil {
		return nil, invalid("", "", "Invalid form-encoded request body: %v", err)
	}
	return values, nil
}

// authenticate accepts test-mode secret and restricted keys, sent as a
// Bearer token or as the Basic-auth user name (curl -u sk_test_...:).
func authenticate(hr *http.Request) *apiError {
	key := ""
	if h := hr.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		key = strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))
	} else if u, _, ok := hr.BasicAuth(); ok {
		key = u
	}
	if strings.HasPrefix(key, "sk_test_") || strings.HasPrefix(key, "rk_test_") {
		return nil
	}
	e := &apiError{Status: http.StatusUnauthorized, Type: errTypeInvalidRequest}
	if key == "" {
		e.Message = "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). The sandbox accepts any sk_test_ key."
	} else {
		e.Message = "Invalid API Key provided: " + redactKey(key) + ". The sandbox only accepts test-mode keys (sk_test_ or rk_test_)."
	}
	return e
}

// redactKey keeps the key's prefix and last four characters only, so a
// live key pasted by mistake is never echoed back.
func redactKey(key string) string {
	prefix := ""
	if i := strings.LastIndexByte(key, '_'); i >= 0 && i < 12 {
		prefix = key[:i+1]
	}
	rest := key[len(prefix):]
	if len(rest) <= 8 {
		return prefix + "****"
	}
	return prefix + "****" + rest[len(rest)-4:]
}
