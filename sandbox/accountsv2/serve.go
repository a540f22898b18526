package accountsv2

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"onboard/sandbox/ids"
)

// maxBody bounds a v2 request body; onboarding bodies are a few KB.
const maxBody = 1 << 20

// Handler serves /v2/core/… on e. The requests it gets are authenticated
// already (the engine refuses the others with Refuse) and carry their
// Request-Id header.
func Handler(e Engine) http.Handler { return handler{e} }

type handler struct{ e Engine }

// ServeHTTP reads and checks what it can without the store (the version,
// the path and its ids, the body, include), then serves the route in one
// transaction: a request that fails at any step leaves nothing behind.
func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setVersion(w, r)
	c, e := parse(r)
	if e != nil {
		h.setDate(w, r)
		writeError(w, e)
		return
	}
	var out any
	err := h.e.InTx(w, r, func(tx Tx) error {
		c.tx = tx
		var err error
		out, err = c.dispatch()
		return err
	})
	var ve *Error
	switch {
	case err == nil:
		writeJSON(w, http.StatusOK, out)
	case errors.As(err, &ve):
		writeError(w, ve)
	default:
		writeError(w, internal("The sandbox hit an internal error: "+err.Error()))
	}
}

// setVersion echoes the request's Stripe-Version, as Stripe does.
func setVersion(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Stripe-Version", r.Header.Get("Stripe-Version"))
}

// setDate sends the sandbox clock as the Date of an answer given before
// any transaction, as InTx does for the others: a client that computes
// countdowns from the server's time sees one clock.
func (h handler) setDate(w http.ResponseWriter, r *http.Request) {
	if now, err := h.e.Now(r.Context()); err == nil {
		w.Header().Set("Date", now.UTC().Format(http.TimeFormat))
	}
}

// parse reads a request into a call, or the error that refuses it.
func parse(r *http.Request) (*call, *Error) {
	ga, ok := versionShape(r.Header.Get("Stripe-Version"))
	if !ok {
		return nil, &Error{Status: http.StatusBadRequest, Type: "invalid_request_error", Code: "invalid_version",
			Message: "Accounts v2 needs Stripe-Version " + firstGA + ".clover or a later version (or a .preview version)."}
	}
	parts := strings.Split(strings.Trim(strings.TrimPrefix(r.URL.Path, "/v2/core/"), "/"), "/")
	if len(parts) == 0 || (parts[0] != "accounts" && (len(parts) != 1 || parts[0] != "account_links" && parts[0] != "account_tokens")) {
		return nil, unrecognized(r)
	}
	for i := 1; i < len(parts); i += 2 {
		// Ids go into v1 paths and SQL arguments: anything but an id's
		// characters is no such object, never a 500 or another query.
		if !ids.Valid(parts[i]) {
			return nil, notFound("No such object: " + strconv.Quote(parts[i]))
		}
	}
	var body map[string]any
	if r.Method == http.MethodPost {
		raw, _ := io.ReadAll(io.LimitReader(r.Body, maxBody))
		if len(bytes.TrimSpace(raw)) > 0 {
			if err := json.Unmarshal(raw, &body); err != nil {
				return nil, &Error{Status: http.StatusBadRequest, Type: "invalid_request_error", Code: "invalid_json",
					Message: "The request body is not a JSON object: " + err.Error()}
			}
		}
		if body == nil {
			body = map[string]any{}
		}
	}
	inc, bad := includes(r, body)
	if bad != "" {
		return nil, invalidFields("include contains an unknown value: "+bad+".", "include")
	}
	return &call{r: r, parts: parts, body: body, ga: ga, inc: inc}, nil
}

// call is one v2 request being served, inside its transaction.
type call struct {
	tx    Tx // the request's one transaction
	r     *http.Request
	parts []string // the path after /v2/core/
	body  map[string]any
	ga    bool            // a GA version: GA shapes
	inc   map[string]bool // the include values
}

// dispatch runs the v2 route named by the path and returns the object it
// answers, or the *Error that refuses the request.
func (c *call) dispatch() (any, error) {
	parts, method := c.parts, c.r.Method
	switch {
	case parts[0] == "account_links":
		if method != http.MethodPost {
			return nil, unrecognized(c.r)
		}
		return c.createAccountLink()
	case parts[0] == "account_tokens":
		if method != http.MethodPost {
			return nil, unrecognized(c.r)
		}
		return c.createToken("account", "")
	case len(parts) == 3 && parts[2] == "person_tokens" && method == http.MethodPost:
		if _, _, err := c.load(parts[1]); err != nil {
			return nil, err
		}
		return c.createToken("person", parts[1])
	case len(parts) == 1 && method == http.MethodPost:
		return c.createAccount()
	case len(parts) == 1 && method == http.MethodGet:
		return c.listAccounts()
	case len(parts) == 2 && method == http.MethodGet:
		return c.account(parts[1])
	case len(parts) == 2 && method == http.MethodPost:
		return c.updateAccount(parts[1])
	case len(parts) == 3 && parts[2] == "close" && method == http.MethodPost:
		return c.closeAccount(parts[1])
	case len(parts) == 3 && parts[2] == "persons":
		return c.persons(parts[1], "")
	case len(parts) == 4 && parts[2] == "persons":
		return c.persons(parts[1], parts[3])
	}
	return nil, unrecognized(c.r)
}

// v1 runs one v1 step and decodes its JSON answer into out (when not
// nil); a failed step comes back as its status and Stripe error object.
func (c *call) v1(method, path string, f form, out any) (int, map[string]any) {
	status, body, e := c.tx.V1(method, path, f)
	if e != nil {
		return status, e
	}
	if out != nil {
		_ = json.Unmarshal(body, out)
	}
	return status, nil
}

// DocumentedFields lists the JSON fields stripe-go v84 can send to a v2
// request ("POST /v2/core/accounts", …), as dotted paths with "#" for an
// array item and "*" for a free key, each with its JSON kind.
func DocumentedFields(request string) map[string]string { return v84Fields[request] }
