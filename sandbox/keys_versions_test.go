package sandbox

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// send is one raw v1 request through the checked transport with the
// given key and Stripe-Version.
func sendRaw(t *testing.T, hc *http.Client, key, version, method, path string, form url.Values) (int, string, http.Header) {
	t.Helper()
	var body *strings.Reader
	u := APIBase + path
	if method == http.MethodGet {
		u += "?" + form.Encode()
		body = strings.NewReader("")
	} else {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if version != "" {
		req.Header.Set("Stripe-Version", version)
	}
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return resp.StatusCode, b.String(), resp.Header
}

// Keys as Stripe takes them: an empty secret key is refused; a test-mode
// publishable key creates tokens (account and person tokens included)
// and nothing else.
func TestKeysAsStripe(t *testing.T) {
	e := newTransportEnv(t)
	hc := checkedClient(t, e.sb)
	if st, body, _ := sendRaw(t, hc, "sk_test_", "", http.MethodGet, "/v1/accounts", nil); st != http.StatusUnauthorized {
		t.Errorf("empty sk_test_ key: %d %s", st, body)
	}
	person := url.Values{"person[first_name]": {"Jenny"}}
	if st, body, _ := sendRaw(t, hc, "pk_test_abc123", "", http.MethodPost, "/v1/tokens", person); st != http.StatusOK || !strings.Contains(body, `"cpt_`) {
		t.Errorf("person token with a publishable key: %d %s", st, body)
	}
	account := url.Values{"account[business_type]": {"individual"}, "account[tos_shown_and_accepted]": {"true"}}
	if st, body, _ := sendRaw(t, hc, "pk_test_abc123", "", http.MethodPost, "/v1/tokens", account); st != http.StatusOK || !strings.Contains(body, `"ct_`) {
		t.Errorf("account token with a publishable key: %d %s", st, body)
	}
	if st, body, _ := sendRaw(t, hc, "pk_test_abc123", "", http.MethodGet, "/v1/accounts", nil); st != http.StatusForbidden || !strings.Contains(body, "publishable API key") {
		t.Errorf("listing accounts with a publishable key: %d %s", st, body)
	}
	if st, body, _ := sendRaw(t, hc, "pk_live_abc123", "", http.MethodPost, "/v1/tokens", person); st != http.StatusUnauthorized {
		t.Errorf("a live publishable key: %d %s", st, body)
	}
}

// An unknown Stripe-Version is a 400 naming it; the versions stripe-go
// v82 and v84 send are taken and echoed.
func TestStripeVersionChecked(t *testing.T) {
	e := newTransportEnv(t)
	hc := checkedClient(t, e.sb)
	st, body, h := sendRaw(t, hc, "sk_test_x", "bogus", http.MethodGet, "/v1/accounts", nil)
	if st != http.StatusBadRequest || !strings.Contains(body, "Invalid Stripe API version: bogus") {
		t.Errorf("bogus version: %d %s", st, body)
	}
	if h.Get("Stripe-Version") == "bogus" {
		t.Error("the bogus version is echoed back")
	}
	for _, v := range []string{"2025-08-27.basil", "2025-12-15.clover", "2019-02-19", ""} {
		st, body, h := sendRaw(t, hc, "sk_test_x", v, http.MethodGet, "/v1/accounts", nil)
		if st != http.StatusOK {
			t.Errorf("version %q: %d %s", v, st, body)
		}
		if v != "" && h.Get("Stripe-Version") != v {
			t.Errorf("version %q answered as %q", v, h.Get("Stripe-Version"))
		}
	}
	if st, _, _ := sendRaw(t, hc, "sk_test_x", "2019-2-19", http.MethodGet, "/v1/accounts", nil); st != http.StatusBadRequest {
		t.Errorf("2019-2-19: %d", st)
	}
}

// tos_acceptance[date] in the future or before 2009 is refused with
// Stripe's message.
func TestTOSDateRange(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	for _, d := range []string{"1200000000", "4102444800"} {
		_, err := e.update(a.ID, "tos_acceptance[date]", d, "tos_acceptance[ip]", "203.0.113.7")
		se := wantStripeErr(t, err, http.StatusBadRequest, "", "tos_acceptance[date]")
		if se != nil && !strings.Contains(se.Msg, "not in the future, and after 2009") {
			t.Errorf("date %s: %s", d, se.Msg)
		}
	}
	e.mustUpdate(a.ID, "tos_acceptance[date]", "1756728000", "tos_acceptance[ip]", "203.0.113.7")
}
