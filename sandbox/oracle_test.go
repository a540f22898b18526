package sandbox

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// checked wraps the sandbox handler for the tests: every response it
// gives is shown to the oracles (stripe-go v84's GA types for v2) and each
// objection fails the test with the request that caused it.
func checked(t testing.TB, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		for k, vs := range rec.Header() {
			w.Header()[k] = vs
		}
		w.WriteHeader(rec.Code)
		body := rec.Body.Bytes()
		_, _ = w.Write(body)
		if strings.HasPrefix(r.URL.Path, "/v1/") {
			for _, v := range checkV1Response(r.Method, r.URL.Path, rec.Code, body) {
				t.Errorf("v1 oracle: %s %s: %s", r.Method, r.URL.Path, v)
			}
		}
		if rec.Code >= 300 {
			return
		}
		// The v84 types are GA's; a preview answer has the preview's shape.
		if strings.HasPrefix(r.URL.Path, "/v2/") && !strings.HasSuffix(r.Header.Get("Stripe-Version"), ".preview") {
			for _, v := range checkV2Response(r.Method, body) {
				t.Errorf("v2 oracle: %s %s: %s", r.Method, r.URL.Path, v)
			}
		}
	})
}

// checkedTransport is the in-process transport over the checked handler.
func checkedTransport(t testing.TB, sb *Sandbox) http.RoundTripper {
	return roundTripper{h: hostSplit{sb, checked(t, sb.Handler())}}
}
