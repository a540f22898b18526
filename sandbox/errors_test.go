package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

func TestAuthErrors(t *testing.T) {
	sb, _ := openTest(t)
	srv := httptest.NewServer(checked(t, sb.Handler()))
	defer srv.Close()
	// A test publishable key is refused with 403 (TestKeysAsStripe).
	for _, key := range []string{fakeLiveKey, "pk_live_zzzzzzzzzzzz9876", "garbage"} {
		sc := newClient(key, srv.URL, nil)
		_, err := sc.V1Accounts.GetByID(t.Context(), "acct_123", nil)
		se := wantStripeErr(t, err, http.StatusUnauthorized, "", "")
		if se.Type != stripe.ErrorTypeInvalidRequest || strings.Contains(se.Msg, key) || !strings.Contains(se.Msg, "Invalid API Key provided") {
			t.Errorf("key %q: message %q", key, se.Msg)
		}
	}
	se := wantStripeErr(t, func() error {
		_, err := newClient(fakeLiveKey, srv.URL, nil).V1Accounts.GetByID(t.Context(), "acct_1", nil)
		return err
	}(), 401, "", "")
	if !strings.Contains(se.Msg, "sk_live_****1234") {
		t.Errorf("redaction: %q", se.Msg)
	}
	// rk_test_ keys are accepted.
	if _, err := newClient("rk_test_abc", srv.URL, nil).V1Accounts.GetByID(t.Context(), "acct_nope", nil); stripeErr(t, err).HTTPStatusCode != 404 {
		t.Errorf("rk_test_ key refused: %v", err)
	}
}

func TestUnrecognizedURL(t *testing.T) {
	sb, _ := openTest(t)
	for _, tc := range []struct{ method, path string }{{"GET", "/v1/foo"}, {"PATCH", "/v1/accounts"}, {"GET", "/v3/core/accounts"}} {
		req := httptest.NewRequest(tc.method, tc.path, nil)
		req.Header.Set("Authorization", "Bearer sk_test_x")
		rec := httptest.NewRecorder()
		checked(t, sb.Handler()).ServeHTTP(rec, req)
		var body errorBody
		_ = json.Unmarshal(rec.Body.Bytes(), &body)
		want := "Unrecognized request URL (" + tc.method + ": " + tc.path + ")"
		if rec.Code != 404 || !strings.HasPrefix(body.Error.Message, want) || body.Error.Type != "invalid_request_error" {
			t.Errorf("%s %s: %d %+v", tc.method, tc.path, rec.Code, body)
		}
		if !strings.HasPrefix(rec.Header().Get("Request-Id"), "req_") || rec.Header().Get("Content-Type") != "application/json" {
			t.Errorf("headers: %v", rec.Header())
		}
	}
}

func TestValidationErrors(t *testing.T) {
	e := newTransportEnv(t)
	id := e.createUSIndividual().ID
	cases := []struct {
		name        string
		kv          []string
		code, param string
	}{
		{"unknown", []string{"individual[foo]", "x"}, "parameter_unknown", "individual[foo]"},
		{"unknown nested", []string{"individual[dob][hour]", "1", "individual[dob][day]", "1", "individual[dob][month]", "1", "individual[dob][year]", "1901"}, "parameter_unknown", "individual[dob][hour]"},
		{"unknown top", []string{"colour", "blue"}, "parameter_unknown", "colour"},
		{"country on update", []string{"country", "US"}, "parameter_unknown", "country"},
		{"partial dob", []string{"individual[dob][day]", "1"}, "parameter_missing", "individual[dob][month]"},
		{"dob not integer", []string{"individual[dob][day]", "first", "individual[dob][month]", "1", "individual[dob][year]", "1990"}, "parameter_invalid_integer", "individual[dob][day]"},
		{"dob not a date", []string{"individual[dob][day]", "31", "individual[dob][month]", "2", "individual[dob][year]", "1990"}, "", "individual[dob]"},
		{"too young", []string{"individual[dob][day]", "1", "individual[dob][month]", "1", "individual[dob][year]", "2020"}, "invalid_dob_age_under_minimum", "individual[dob]"},
		{"too old", []string{"individual[dob][day]", "2", "individual[dob][month]", "1", "individual[dob][year]", "1890"}, "invalid_dob_age_over_maximum", "individual[dob]"},
		{"bad url", []string{"business_profile[url]", "not a url"}, "url_invalid", "business_profile[url]"},
		{"bad email", []string{"individual[email]", "jenny@"}, "email_invalid", "individual[email]"},
		{"bad ssn last4", []string{"individual[ssn_last_4]", "12a4"}, "", "individual[ssn_last_4]"},
		{"bad id number", []string{"individual[id_number]", "12345"}, "", "individual[id_number]"},
		{"tos date", []string{"tos_acceptance[date]", "yesterday"}, "parameter_invalid_integer", "tos_acceptance[date]"},
		{"tos ip", []string{"tos_acceptance[ip]", "999.1.1.1"}, "", "tos_acceptance[ip]"},
		{"mcc", []string{"business_profile[mcc]", "57"}, "", "business_profile[mcc]"},
		{"empty", []string{"individual[first_name]", ""}, "parameter_invalid_empty", "individual[first_name]"},
		{"capability", []string{"capabilities[teleport][requested]", "true"}, "parameter_unknown", "capabilities[teleport]"},
		{"business type", []string{"business_type", "sole_trader"}, "", "business_type"},
		{"scalar for hash", []string{"business_profile", "x"}, "", "business_profile"},
		{"missing token", []string{"external_account", "btok_nope"}, "resource_missing", "external_account"},
		{"inline bank bad routing", []string{"external_account[object]", "bank_account", "external_account[routing_number]", "123456789", "external_account[account_number]", "000123456789"}, "routing_number_invalid", "external_account[routing_number]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.update(id, tc.kv...)
			wantErr(t, err, http.StatusBadRequest, tc.code, tc.param)
		})
	}
	// A failed request changes nothing.
	if a := e.get(id); a.Individual.FirstName != "" || a.Individual.DOB.Year != 0 {
		t.Errorf("failed requests left data behind: %+v", a.Individual)
	}
}

func TestMissingAccount(t *testing.T) {
	bothEnvs(t, func(t *testing.T, e *env) {
		_, err := e.sc.V1Accounts.GetByID(e.ctx, "acct_x", nil)
		se := wantStripeErr(t, err, http.StatusNotFound, "resource_missing", "id")
		if se.Msg != "No such account: 'acct_x'" {
			t.Errorf("message %q", se.Msg)
		}
		_, err = e.update("acct_x", "email", "a@b.co")
		wantErr(t, err, http.StatusNotFound, "resource_missing", "id")
	})
}

func TestCreateErrors(t *testing.T) {
	e := newTransportEnv(t)
	_, err := e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{Country: stripe.String("ZZ")})
	wantErr(t, err, 400, "country_unsupported", "country")
	_, err = e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{Type: stripe.String("premium")})
	wantErr(t, err, 400, "", "type")
	_, err = e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"), BusinessType: stripe.String("government_entity")})
	wantErr(t, err, 400, "", "business_type")
	_, err = e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"),
		Individual: &stripe.PersonParams{FirstName: stripe.String("Jenny")},
	})
	wantErr(t, err, 400, "", "individual")
	// A custom account without capabilities is refused, as the spec says.
	_, err = e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{Type: stripe.String("custom")})
	wantErr(t, err, 400, "parameter_missing", "capabilities")
	// Only requirement_collection=application given: the rest defaults
	// (fees paid by the account, losses on Stripe, no dashboard).
	a, err := e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{
		Controller:   &stripe.AccountCreateControllerParams{RequirementCollection: stripe.String("application")},
		Capabilities: &stripe.AccountCreateCapabilitiesParams{Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := a.Controller; c.Fees.Payer != "account" || c.Losses.Payments != "stripe" || c.StripeDashboard.Type != "none" {
		t.Errorf("controller defaults: fees %q losses %q dashboard %q", c.Fees.Payer, c.Losses.Payments, c.StripeDashboard.Type)
	}
}

func TestTokenErrors(t *testing.T) {
	e := newHTTPEnv(t)
	mk := func(routing, acct string) error {
		_, err := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{BankAccount: &stripe.BankAccountParams{
			Country: stripe.String("US"), Currency: stripe.String("usd"),
			RoutingNumber: stripe.String(routing), AccountNumber: stripe.String(acct),
		}})
		return err
	}
	wantErr(t, mk("110000001", "000123456789"), 400, "routing_number_invalid", "bank_account[routing_number]")
	wantErr(t, mk("11000000", "000123456789"), 400, "routing_number_invalid", "bank_account[routing_number]")
	wantErr(t, mk("110000000", "12-34"), 400, "account_number_invalid", "bank_account[account_number]")
	wantErr(t, mk("110000000", "123456789012345678"), 400, "account_number_invalid", "bank_account[account_number]")

	tok, err := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{BankAccount: &stripe.BankAccountParams{
		Country: stripe.String("US"), Currency: stripe.String("usd"),
		RoutingNumber: stripe.String("110000000"), AccountNumber: stripe.String("000123456789"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if tok.Type != "bank_account" || tok.Used || tok.BankAccount.Last4 != "6789" || tok.BankAccount.Status != "new" ||
		tok.BankAccount.BankName != "STRIPE TEST BANK" || tok.BankAccount.Fingerprint == "" {
		t.Errorf("token %+v / %+v", tok, tok.BankAccount)
	}
	id := e.createUSIndividual().ID
	if _, err := e.update(id, "external_account", tok.ID); err != nil {
		t.Fatal(err)
	}
	_, err = e.update(id, "external_account", tok.ID)
	se := wantStripeErr(t, err, 400, "token_already_used", "external_account")
	if !strings.Contains(se.Msg, "more than once") {
		t.Errorf("message %q", se.Msg)
	}
}

// TestRawErrorShape checks the JSON body itself, not just what stripe-go
// makes of it.
func TestRawErrorShape(t *testing.T) {
	sb, _ := openTest(t)
	req := httptest.NewRequest("POST", "/v1/accounts", strings.NewReader("type=custom&individual[foo]=x"))
	req.Header.Set("Authorization", "Bearer sk_test_x")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	checked(t, sb.Handler()).ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Body)
	var raw map[string]map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	got := raw["error"]
	if got["type"] != "invalid_request_error" || got["code"] != "parameter_unknown" || got["param"] != "individual[foo]" ||
		got["message"] != "Received unknown parameter: individual[foo]" || got["doc_url"] == nil {
		t.Errorf("body %s", b)
	}
}

// fakeLiveKey looks like a live key to the code under test; it is built
// here so no literal live-looking key sits in the source.
var fakeLiveKey = "sk_" + "live_" + "51Habcdefgh1234"
