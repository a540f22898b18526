package sandbox

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"onboard/sandbox/params"
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
	db      *sql.DB // the pool tx came from, for cached statements
	now     time.Time
	params  *params.Param
	id      string // Request-Id
	idemKey string
	pathID  string // the {id} segment, when the route has one
	subID   string // the second id segment (/persons/{id})
	upload  *upload
	// account is the Stripe-Account header: the connected account the
	// request acts as ("" for the platform itself).
	account string
	// fromV2 marks a step of the Accounts v2 façade (v2.go).
	fromV2 bool
	// form is the decoded form the params were parsed from, for the
	// handlers that merge a token's parameters into it.
	form url.Values
	// remoteIP is the client's address, recorded by ToS acceptance tokens.
	remoteIP string
	// route is the route's key ("POST v1/accounts/*").
	route string
}

// upload is the file part of a multipart request, read as it streams
// in: what the sandbox keeps of a file is its size, its type (from the
// first bytes) and its SHA-256, so an upload is never held whole in
// memory.
type upload struct {
	present bool
	size    int64
	head    []byte // the first sniffLen bytes
	sum     [sha256.Size]byte
	name    string
}

// isMultipart reports a multipart/form-data body (file uploads).
func isMultipart(hr *http.Request) bool {
	return strings.HasPrefix(hr.Header.Get("Content-Type"), "multipart/form-data")
}

// handlerFunc serves one route; the returned value is marshalled as JSON.
type handlerFunc func(*request) (any, error)

// routes maps "METHOD pattern" to handlers; "*" in a pattern stands for an
// object id (the first is request.pathID, the second request.subID).
var routes = map[string]handlerFunc{
	"POST v1/accounts":                         createAccount,
	"GET v1/accounts":                          listAccounts,
	"GET v1/accounts/*":                        retrieveAccount,
	"POST v1/accounts/*":                       updateAccount,
	"DELETE v1/accounts/*":                     deleteAccount,
	"POST v1/accounts/*/reject":                rejectAccount,
	"POST v1/accounts/*/persons":               createPerson,
	"GET v1/accounts/*/persons":                listPersons,
	"GET v1/accounts/*/persons/*":              retrievePerson,
	"POST v1/accounts/*/persons/*":             updatePerson,
	"DELETE v1/accounts/*/persons/*":           deletePerson,
	"GET v1/accounts/*/capabilities":           listCapabilities,
	"GET v1/accounts/*/capabilities/*":         retrieveCapability,
	"POST v1/accounts/*/capabilities/*":        updateCapability,
	"POST v1/accounts/*/external_accounts":     createExternalAccount,
	"GET v1/accounts/*/external_accounts":      listExternalAccounts,
	"GET v1/accounts/*/external_accounts/*":    retrieveExternalAccount,
	"POST v1/accounts/*/external_accounts/*":   updateExternalAccount,
	"DELETE v1/accounts/*/external_accounts/*": deleteExternalAccount,
	"POST v1/account_links":                    createAccountLink,
	"GET v1/account":                           retrieveOwnAccount,
	"GET v1/country_specs":                     listCountrySpecs,
	"GET v1/country_specs/*":                   retrieveCountrySpec,
	"POST v1/files":                            createFile,
	"GET v1/files":                             listFiles,
	"GET v1/files/*":                           retrieveFile,
	"POST v1/tokens":                           createToken,
	"GET v1/tokens/*":                          retrieveToken,
	"GET v1/events":                            listEvents,
	"GET v1/events/*":                          retrieveEvent,
	"POST _sandbox/accounts/*/trigger":         adminTrigger,
	"POST _sandbox/accounts/*/volume":          adminVolume,
}

// init adds Stripe's other names for the same endpoints: /people for
// /persons, /bank_accounts for /external_accounts.
func init() {
	for k, h := range routes {
		seg := strings.Split(k, "/")
		if len(seg) >= 4 {
			if alias, ok := map[string]string{"persons": "people", "external_accounts": "bank_accounts"}[seg[3]]; ok {
				seg[3] = alias
				routes[strings.Join(seg, "/")] = h
			}
		}
	}
}

// routeKey is the key of routes (and of params.Endpoints) that method and
// path match: "POST v1/accounts/*".
func routeKey(method, path string) string {
	seg := strings.Split(strings.Trim(path, "/"), "/")
	for i := 2; i < len(seg); i += 2 {
		seg[i] = "*"
	}
	return method + " " + strings.Join(seg, "/")
}

// parse builds the request's parameter tree from values, with the
// documented parameters of its route (package params).
func (r *request) parse(values url.Values) *params.Param {
	return params.Parse(values).ForRoute(r.route, func(id, param string) error {
		if _, ok := magicFiles[id]; ok {
			return nil
		}
		_, err := loadFile(r, id, param)
		var ae *apiError
		if errors.As(err, &ae) {
			ae.Status = http.StatusBadRequest
		}
		return err
	})
}

// route finds the handler for method and path, with the id segments.
func (s *Sandbox) route(method, path string) (handlerFunc, string, string) {
	seg := strings.Split(strings.Trim(path, "/"), "/")
	if len(seg) < 2 || len(seg) > 5 || (seg[0] != "v1" && seg[0] != "_sandbox") {
		return nil, "", ""
	}
	var ids []string
	for i := 2; i < len(seg); i += 2 {
		if seg[i] == "" {
			return nil, "", ""
		}
		ids = append(ids, seg[i])
		seg[i] = "*"
	}
	ids = append(ids, "", "")
	return routes[method+" "+strings.Join(seg, "/")], ids[0], ids[1]
}

// serveHTTP serves one v1 request through the mux built from routes; a
// path no route matches is still authenticated first, then answered as an
// unrecognized URL.
func (s *Sandbox) serveHTTP(w http.ResponseWriter, hr *http.Request) {
	s.mux.ServeHTTP(w, hr)
}

// txTimeout bounds a transaction run on a request that was read whole.
const txTimeout = 30 * time.Second

// readWhole is the context a request's transaction runs in once its body
// was read whole: no longer the connection's, which net/http cancels when
// the client half-closes its socket after sending (its background read
// sees EOF), so a complete request is served, and committed, rather than
// answered 500 "context canceled" with its write rolled back. A client
// that goes away entirely then only loses the answer, as with Stripe,
// where an idempotent retry replays it.
func readWhole(hr *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(hr.Context()), txTimeout)
}

// setDate sends the sandbox clock (not the wall clock) as the response's
// Date, so a client computing countdowns from the server's time agrees
// with the deadlines the sandbox gives. now is zero when no transaction
// ran; the clock is then read on its own.
func (s *Sandbox) setDate(w http.ResponseWriter, hr *http.Request, now time.Time) {
	if now.IsZero() {
		var err error
		ctx, cancel := readWhole(hr)
		defer cancel()
		if now, err = s.Now(ctx); err != nil {
			return // net/http's own Date stands
		}
	}
	w.Header().Set("Date", now.UTC().Format(http.TimeFormat))
}

// checkLimits refuses a request whose parameters are nested too deeply or
// too many, counting brackets and keys without building anything.
func checkLimits(values url.Values) *apiError {
	n := 0
	for k, vs := range values {
		n += len(vs)
		if n > maxParams {
			return invalid("", "", "Too many parameters: a request can have up to %d.", maxParams)
		}
		if len(k) > maxKeyLength {
			return invalid("", "", "A parameter name is too long (up to %d characters).", maxKeyLength)
		}
		if strings.Count(k, "[") > maxParamDepth {
			return invalid("", "", "Parameters are nested too deeply: up to %d levels.", maxParamDepth)
		}
	}
	return nil
}

// remoteIP is the host part of the request's remote address.
func remoteIP(hr *http.Request) string {
	host, _, err := net.SplitHostPort(hr.RemoteAddr)
	if err != nil {
		return hr.RemoteAddr
	}
	return host
}

// readValues returns the form parameters: the body for POST, the query
// string otherwise.
func readValues(hr *http.Request) (url.Values, *apiError) {
	if hr.Method != http.MethodPost {
		return hr.URL.Query(), nil
	}
	if isMultipart(hr) {
		return nil, nil
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
	if (strings.HasPrefix(key, "sk_test_") || strings.HasPrefix(key, "rk_test_")) && len(key) > len("sk_test_") {
		return nil
	}
	if strings.HasPrefix(key, "pk_test_") && len(key) > len("pk_test_") {
		// Publishable keys create tokens (Stripe.js does, for account
		// and person tokens too) and nothing else.
		if hr.Method == http.MethodPost && strings.TrimRight(hr.URL.Path, "/") == "/v1/tokens" {
			return nil
		}
		return &apiError{Status: http.StatusForbidden, Type: errTypeInvalidRequest,
			Message: "This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys."}
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

// responseBody encodes a handler's result. A stored snapshot is already
// JSON that the sandbox itself wrote: it is sent as it is, since
// json.Marshal would validate and compact every byte of it again (that
// was most of a retrieve's cost).
func responseBody(out any) []byte {
	if raw, ok := out.(json.RawMessage); ok {
		return raw
	}
	return mustJSON(out)
}

// checkActingAccount refuses a Stripe-Account header that names no
// connected account of the platform.
func checkActingAccount(r *request) error {
	var one int
	err := r.row(qSnapshot, r.account).Scan(new(string), &one)
	if errors.Is(err, sql.ErrNoRows) {
		return errAccountInvalid(r.account)
	}
	return err
}
