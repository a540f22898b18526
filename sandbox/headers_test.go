package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Every response carries the sandbox clock in Date (a client computes
// countdowns from the server's time), the API version in Stripe-Version,
// and the request id in Request-Id; error bodies are Stripe's error
// object: request_log_url, no request_id field.
func TestResponseHeadersAndErrorBody(t *testing.T) {
	sb, _ := openTest(t)
	if _, err := sb.Advance(t.Context(), 30*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	want := baseTime.Add(30 * 24 * time.Hour).UTC().Format(http.TimeFormat)
	hc := &http.Client{Transport: checkedTransport(t, sb)}
	do := func(method, url, version string) (*http.Response, []byte) {
		req, _ := http.NewRequest(method, url, strings.NewReader("country=US&type=custom&capabilities[transfers][requested]=true"))
		req.Header.Set("Authorization", "Bearer sk_test_x")
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if version != "" {
			req.Header.Set("Stripe-Version", version)
		}
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = resp.Body.Close() }()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	for _, c := range []struct{ name, method, url, version, wantVersion string }{
		{"create", "POST", APIBase + "/v1/accounts", "", apiVersion},
		{"error", "GET", APIBase + "/v1/accounts/acct_nope", "2025-08-27.basil", "2025-08-27.basil"},
		{"unknown url", "GET", APIBase + "/v1/nothing", "", apiVersion},
		{"wrong host", "GET", FilesBase + "/v1/accounts", "", apiVersion},
		{"v2", "GET", APIBase + "/v2/core/accounts", v2Version, v2Version},
		// v2 answers refused before any transaction carry the clock too.
		{"v2 no version", "GET", APIBase + "/v2/core/accounts", "", ""},
		{"v2 body not JSON", "POST", APIBase + "/v2/core/accounts", v2Version, v2Version},
		{"v2 unknown include", "GET", APIBase + "/v2/core/accounts?include=nope", v2Version, v2Version},
		{"v2 no id", "GET", APIBase + "/v2/core/accounts/acct%20x", v2Version, v2Version},
	} {
		resp, body := do(c.method, c.url, c.version)
		if got := resp.Header.Get("Date"); got != want {
			t.Errorf("%s: Date = %q, want the sandbox clock %q", c.name, got, want)
		}
		if got := resp.Header.Get("Stripe-Version"); got != c.wantVersion {
			t.Errorf("%s: Stripe-Version = %q, want %q", c.name, got, c.wantVersion)
		}
		if !strings.HasPrefix(resp.Header.Get("Request-Id"), "req_") {
			t.Errorf("%s: Request-Id = %q", c.name, resp.Header.Get("Request-Id"))
		}
		if resp.StatusCode < 400 || strings.HasPrefix(c.url, APIBase+"/v2") {
			continue
		}
		var e struct {
			Error map[string]any `json:"error"`
		}
		if err := json.Unmarshal(body, &e); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if _, ok := e.Error["request_id"]; ok {
			t.Errorf("%s: non-standard request_id in %s", c.name, body)
		}
		if u, _ := e.Error["request_log_url"].(string); !strings.HasSuffix(u, resp.Header.Get("Request-Id")) {
			t.Errorf("%s: request_log_url = %q", c.name, u)
		}
	}
}
