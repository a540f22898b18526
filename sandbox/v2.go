package sandbox

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"onboard/sandbox/store"
)

// serveV2 serves /v2/core/accounts and its persons by translating each
// request into v1 calls on the same engine (see v2_map.go), all in one
// transaction: a v2 request that fails at any step leaves nothing behind.
func (s *Sandbox) serveV2(w http.ResponseWriter, r *http.Request) {
	reqID := newID("req_", 14)
	w.Header().Set("Request-Id", reqID)
	w.Header().Set("Stripe-Version", r.Header.Get("Stripe-Version"))
	if e := authenticate(r); e != nil {
		s.setDate(w, r, time.Time{})
		writeV2Error(w, e.Status, e.Type, e.Code, e.Message, "")
		return
	}
	ga, ok := v2VersionShape(r.Header.Get("Stripe-Version"))
	if !ok {
		writeV2Error(w, 400, "invalid_request_error", "invalid_version",
			"Accounts v2 needs Stripe-Version "+v2FirstGA+".clover or a later version (or a .preview version).", "")
		return
	}
	parts := strings.Split(strings.Trim(strings.TrimPrefix(r.URL.Path, "/v2/core/"), "/"), "/")
	if len(parts) == 0 || parts[0] != "accounts" {
		s.setDate(w, r, time.Time{})
		writeV2Error(w, 404, "invalid_request_error", "not_found", "Unrecognized request URL ("+r.Method+": "+r.URL.Path+")", "")
		return
	}
	for i := 1; i < len(parts); i += 2 {
		// Ids go into v1 paths and SQL arguments: anything but an id's
		// characters is no such object, never a 500 or another query.
		if !validID(parts[i]) {
			s.setDate(w, r, time.Time{})
			writeV2Error(w, 404, "invalid_request_error", "not_found", "No such object: "+strconv.Quote(parts[i]), "")
			return
		}
	}
	var body map[string]any
	if r.Method == http.MethodPost {
		raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if len(bytes.TrimSpace(raw)) > 0 {
			if err := json.Unmarshal(raw, &body); err != nil {
				writeV2Error(w, 400, "invalid_request_error", "invalid_json", "The request body is not a JSON object: "+err.Error(), "")
				return
			}
		}
		if body == nil {
			body = map[string]any{}
		}
	}
	inc, bad := includes(r, body)
	if bad != "" {
		writeV2Error(w, 400, "invalid_request_error", v2CodeInvalidField,
			"include contains an unknown value: "+bad+".", "include")
		return
	}
	rec := &recorder{header: w.Header(), status: http.StatusOK}
	var now time.Time
	err := store.InTx(r.Context(), s.db, func(tx *sql.Tx) error {
		base := &request{ctx: r.Context(), sb: s, tx: tx, db: s.db, id: reqID}
		var off int64
		if err := base.row(qClock, store.ClockKey).Scan(&off); err != nil {
			return err
		}
		base.now = s.now().Add(time.Duration(off))
		now = base.now
		if err := catchUp(base); err != nil {
			return err
		}
		v := &v2req{s: s, w: rec, r: r, body: body, ga: ga, inc: inc, tx: tx, base: base}
		v.dispatch(parts)
		if rec.status >= 400 {
			return errV2Failed // roll back every step the request made
		}
		return nil
	})
	s.setDate(w, r, now)
	switch {
	case err == nil || errors.Is(err, errV2Failed):
		w.WriteHeader(rec.status)
		_, _ = w.Write(rec.body.Bytes())
	case store.IsBusy(err):
		e := errLockTimeout()
		writeV2Error(w, e.Status, e.Type, e.Code, e.Message, "")
	default:
		writeV2Error(w, 500, errTypeAPI, "", "The sandbox hit an internal error: "+err.Error(), "")
	}
}

// errV2Failed rolls back a v2 request that answered an error.
var errV2Failed = errors.New("sandbox: v2 request failed")

// dispatch runs the v2 route named by the path's parts.
func (v *v2req) dispatch(parts []string) {
	w, r := v.w, v.r
	switch {
	case len(parts) == 1 && r.Method == http.MethodPost:
		v.createAccount()
	case len(parts) == 1 && r.Method == http.MethodGet:
		v.listAccounts()
	case len(parts) == 2 && r.Method == http.MethodGet:
		v.account(parts[1], nil)
	case len(parts) == 2 && r.Method == http.MethodPost:
		v.updateAccount(parts[1])
	case len(parts) == 3 && parts[2] == "close" && r.Method == http.MethodPost:
		v.closeAccount(parts[1])
	case len(parts) == 3 && parts[2] == "persons":
		v.persons(parts[1], "")
	case len(parts) == 4 && parts[2] == "persons":
		v.persons(parts[1], parts[3])
	default:
		writeV2Error(w, 404, "invalid_request_error", "not_found", "Unrecognized request URL ("+r.Method+": "+r.URL.Path+")", "")
	}
}

// v2req is one v2 request being served, inside its transaction.
type v2req struct {
	s    *Sandbox
	w    http.ResponseWriter
	r    *http.Request
	body map[string]any
	ga   bool            // a GA version: GA shapes
	inc  map[string]bool // the include values
	tx   *sql.Tx         // the request's one transaction
	base *request        // clock, ids and transaction every v1 step shares
}

// v1 runs one v1 step on the engine's handlers, in the v2 request's
// transaction, and decodes the JSON answer; an error comes back as its
// status and Stripe error object.
func (v *v2req) v1(method, path string, f form, out any) (int, map[string]any) {
	h, pathID, subID := v.s.route(method, path)
	if h == nil {
		e := errNoSuch("object", path, "")
		return e.Status, errorMap(e)
	}
	vals := url.Values{}
	for k, val := range f {
		vals.Set(k, val)
	}
	r := &request{ctx: v.base.ctx, sb: v.s, tx: v.tx, db: v.s.db, now: v.base.now, params: parseParams(vals),
		id: v.base.id, pathID: pathID, subID: subID, fromV2: true, form: vals, remoteIP: remoteIP(v.r)}
	var fp string
	if k := v.r.Header.Get("Idempotency-Key"); k != "" && method == http.MethodPost {
		// Each step gets its own key derived from the caller's, so a
		// retried v2 request replays every step it made.
		r.idemKey, fp = "v2:"+k+":"+path, method+" "+path+"?"+vals.Encode()
	}
	var body []byte
	if r.idemKey != "" {
		_, saved, found, err := lookupIdempotent(r, fp)
		if err != nil {
			return statusOf(err), errorMap(err)
		}
		if found {
			body = saved
		}
	}
	if body == nil {
		res, err := h(r)
		if err != nil {
			return statusOf(err), errorMap(err)
		}
		body = responseBody(res)
		if r.idemKey != "" {
			if err := saveIdempotent(r, fp, http.StatusOK, body); err != nil {
				return statusOf(err), errorMap(err)
			}
		}
	}
	if out != nil {
		_ = json.Unmarshal(body, out)
	}
	return http.StatusOK, nil
}

// statusOf and errorMap turn a step's error into the status and error
// object a v1 response would have carried.
func statusOf(err error) int {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae.Status
	}
	return http.StatusInternalServerError
}

func errorMap(err error) map[string]any {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = errInternal(err)
	}
	var m map[string]any
	_ = json.Unmarshal(mustJSON(ae.body("")), &struct {
		Error *map[string]any `json:"error"`
	}{&m})
	return m
}

// fail answers a v1 error in v2's shape, its param translated to a v2 path.
func (v *v2req) fail(status int, e map[string]any, country string) {
	str := func(k string) string { s, _ := e[k].(string); return s }
	param := str("param")
	if param != "" {
		param = v2ParamPath(param, country)
	}
	code := str("code")
	if code == "" && status == 400 {
		code = "invalid_fields"
	}
	writeV2Error(v.w, status, str("type"), code, str("message"), param)
}

// v2ParamPath turns a v1 bracket param into the v2 path it came from.
func v2ParamPath(param, country string) string {
	var parts []string
	for _, p := range strings.FieldsFunc(param, func(r rune) bool { return r == '[' || r == ']' }) {
		if _, err := strconv.Atoi(p); err != nil {
			parts = append(parts, p)
		}
	}
	d, _ := v2Description(strings.Join(parts, "."), country)
	return d
}

func writeV2Error(w http.ResponseWriter, status int, typ, code, msg, param string) {
	e := map[string]any{"type": typ, "message": msg}
	if code != "" {
		e["code"] = code
	}
	if param != "" {
		e["param"] = param
	}
	writeJSON(w, status, mustJSON(map[string]any{"error": e}))
}

// includeValues are the include values the Accounts v2 endpoints know.
var includeValues = map[string]bool{"configuration.customer": true, "configuration.merchant": true, "configuration.recipient": true,
	"configuration.storer": true, "defaults": true, "future_requirements": true, "identity": true, "requirements": true}

// includes reads include from the query (include=a,b; include[0]=a;
// include[]=a) or from a JSON body's include list; bad is the first
// value no endpoint knows (Stripe refuses it).
func includes(r *http.Request, body map[string]any) (out map[string]bool, bad string) {
	out = parseIncludes(r, body)
	for k := range out {
		if !includeValues[k] {
			return nil, k
		}
	}
	return out, ""
}

func parseIncludes(r *http.Request, body map[string]any) map[string]bool {
	out := map[string]bool{}
	for k, vs := range r.URL.Query() {
		if k == "include" || k == "include[]" || strings.HasPrefix(k, "include[") {
			for _, v := range vs {
				for _, p := range strings.Split(v, ",") {
					out[strings.TrimSpace(p)] = true
				}
			}
		}
	}
	if list, ok := body["include"].([]any); ok {
		for _, x := range list {
			if s, ok := x.(string); ok {
				out[s] = true
			}
		}
	}
	return out
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
