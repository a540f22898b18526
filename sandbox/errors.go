package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"onboard/sandbox/params"
)

// Error types, as Stripe names them in the "type" field of an error body.
const (
	errTypeInvalidRequest = "invalid_request_error"
	errTypeIdempotency    = "idempotency_error"
	errTypeAPI            = "api_error"
)

// apiError is an error the handler turns into Stripe's error body. Handlers
// return it instead of writing responses themselves so that the request
// transaction can be rolled back in one place.
type apiError struct {
	Status  int
	Type    string
	Code    string
	Message string
	Param   string
}

func (e *apiError) Error() string { return e.Message }

// errorBody is the JSON shape of every error response: {"error": {...}}.
type errorBody struct {
	Error errorObject `json:"error"`
}

// errorObject is Stripe's error object (the spec's api_errors): the
// request id travels in the Request-Id header, and the body links to the
// request's log instead.
type errorObject struct {
	Type          string `json:"type"`
	Code          string `json:"code,omitempty"`
	Message       string `json:"message"`
	Param         string `json:"param,omitempty"`
	DocURL        string `json:"doc_url,omitempty"`
	RequestLogURL string `json:"request_log_url,omitempty"`
}

// body renders the error in Stripe's shape; doc_url and request_log_url
// follow Stripe's patterns so clients that link to them get a plausible
// address.
func (e *apiError) body(requestID string) errorBody {
	o := errorObject{Type: e.Type, Code: e.Code, Message: e.Message, Param: e.Param,
		RequestLogURL: "https://dashboard.stripe.com/test/logs/" + requestID}
	if e.Code != "" {
		o.DocURL = "https://stripe.com/docs/error-codes/" + strings.ReplaceAll(e.Code, "_", "-")
	}
	return errorBody{Error: o}
}

// invalid builds a 400 invalid_request_error.
func invalid(code, param, format string, args ...any) *apiError {
	return &apiError{
		Status:  http.StatusBadRequest,
		Type:    errTypeInvalidRequest,
		Code:    code,
		Param:   param,
		Message: fmt.Sprintf(format, args...),
	}
}

// fromParams is a parameter the parameter tree refused, as Stripe answers it.
func fromParams(e *params.Error) *apiError { return invalid(e.Code, e.Param, "%s", e.Message) }

func errMissingParam(param string) *apiError {
	return invalid("parameter_missing", param, "Missing required param: %s.", param)
}

// errEmpty mirrors Stripe's answer to "" on a parameter that cannot be unset.
func errEmpty(param string) *apiError { return fromParams(params.ErrEmpty(param)) }

// errNoSuch is the 404 for a missing object named in the URL.
func errNoSuch(kind, id, param string) *apiError {
	e := invalid("resource_missing", param, "No such %s: '%s'", kind, id)
	e.Status = http.StatusNotFound
	return e
}

func errUnrecognizedURL(method, path string) *apiError {
	return &apiError{
		Status:  http.StatusNotFound,
		Type:    errTypeInvalidRequest,
		Message: fmt.Sprintf("Unrecognized request URL (%s: %s). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.", method, path),
	}
}

func errInternal(err error) *apiError {
	return &apiError{
		Status:  http.StatusInternalServerError,
		Type:    errTypeAPI,
		Message: "The sandbox hit an internal error: " + err.Error(),
	}
}

// errLockTimeout is what Stripe returns on object-lock contention; stripe-go
// retries it, which is the right reaction to a busy SQLite file.
func errLockTimeout() *apiError {
	return &apiError{
		Status:  http.StatusTooManyRequests,
		Type:    errTypeInvalidRequest,
		Code:    "lock_timeout",
		Message: "This object cannot be accessed right now because another API request or Stripe process is currently accessing it. Please retry.",
	}
}

// writeJSON writes v with the status; the caller has already set headers
// common to every response.
func writeJSON(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	// Its length, as Stripe sends it: net/http would otherwise frame a
	// body past 2 KB in chunks.
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// mustJSON marshals values that are built from our own types and cannot fail.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("sandbox: marshal %T: %v", v, err))
	}
	return b
}
