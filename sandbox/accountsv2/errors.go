package accountsv2

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Error is a v2 error answer: its HTTP status and the fields of v2's
// error object. Routes return it to answer with it; returned from InTx's
// function it also rolls back every step the request made.
type Error struct {
	Status  int
	Type    string // invalid_request_error, api_error…
	Code    string // omitted when empty
	Message string
	Param   string // a v2 path (identity.country), omitted when empty
}

func (e *Error) Error() string { return e.Message }

// invalidFields is the usual 400 for a body the façade refuses.
func invalidFields(msg, param string) *Error {
	return &Error{Status: http.StatusBadRequest, Type: "invalid_request_error", Code: codeInvalidFields, Message: msg, Param: param}
}

// notFound answers a path no v2 route serves, or an id that is no id.
func notFound(msg string) *Error {
	return &Error{Status: http.StatusNotFound, Type: "invalid_request_error", Code: "not_found", Message: msg}
}

// unrecognized is notFound for a method and path no route serves.
func unrecognized(r *http.Request) *Error {
	return notFound("Unrecognized request URL (" + r.Method + ": " + r.URL.Path + ")")
}

// internal answers a failure of the store or the engine.
func internal(msg string) *Error {
	return &Error{Status: http.StatusInternalServerError, Type: "api_error", Message: msg}
}

// fromV1 answers a failed v1 step in v2's shape, its param translated to
// the v2 path it came from.
func fromV1(status int, e map[string]any, country string) *Error {
	str := func(k string) string { s, _ := e[k].(string); return s }
	param := str("param")
	if param != "" {
		param = paramPath(param, country)
	}
	code := str("code")
	if code == "" && status == http.StatusBadRequest {
		code = codeInvalidFields
	}
	return &Error{Status: status, Type: str("type"), Code: code, Message: str("message"), Param: param}
}

// paramPath turns a v1 bracket param into the v2 path it came from.
func paramPath(param, country string) string {
	var parts []string
	for _, p := range strings.FieldsFunc(param, func(r rune) bool { return r == '[' || r == ']' }) {
		if _, err := strconv.Atoi(p); err != nil {
			parts = append(parts, p)
		}
	}
	d, _ := description(strings.Join(parts, "."), country)
	return d
}

// Refuse answers a request the engine turned away before the façade saw
// it (one without a valid API key), in v2's error shape and headers.
func Refuse(w http.ResponseWriter, r *http.Request, e *Error) {
	setVersion(w, r)
	writeError(w, e)
}

// writeError writes e as v2's error body.
func writeError(w http.ResponseWriter, e *Error) {
	o := map[string]any{"type": e.Type, "message": e.Message}
	if e.Code != "" {
		o["code"] = e.Code
	}
	if e.Param != "" {
		o["param"] = e.Param
	}
	writeJSON(w, e.Status, map[string]any{"error": o})
}

// writeJSON writes v as the response's JSON body with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// Everything answered is built from maps of JSON values.
		panic(fmt.Sprintf("accountsv2: marshal %T: %v", v, err))
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
