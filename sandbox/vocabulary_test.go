package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"onboard/sandbox/params"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// vocabularyIDs are the objects the path ids of the documented endpoints
// name, created for the test.
type vocabularyIDs struct {
	account, person, bank, file, token, event string
}

// vocabularySetup creates a custom US company account with a person, a bank
// account, a file and a token, through stripe-go.
func vocabularySetup(t *testing.T, e *env) vocabularyIDs {
	t.Helper()
	a, err := e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{
		Type: stripe.String("custom"), Country: stripe.String("US"), BusinessType: stripe.String("company"),
		Capabilities: &stripe.AccountCreateCapabilitiesParams{
			Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := vocabularyIDs{account: a.ID}
	p, err := e.sc.V1Persons.Create(e.ctx, &stripe.PersonCreateParams{Account: stripe.String(a.ID), FirstName: stripe.String("Jenny")})
	if err != nil {
		t.Fatal(err)
	}
	ids.person = p.ID
	acct := e.attachBank(a.ID, "000123456789")
	ids.bank = acct.ExternalAccounts.Data[0].ID
	f, err := e.sc.V1Files.Create(e.ctx, &stripe.FileCreateParams{
		Purpose: stripe.String("identity_document"), FileReader: bytes.NewReader(pngBytes), Filename: stripe.String("id.png"),
	})
	if err != nil {
		t.Fatal(err)
	}
	ids.file = f.ID
	tok, err := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{Person: &stripe.PersonParams{FirstName: stripe.String("Jenny")}})
	if err != nil {
		t.Fatal(err)
	}
	ids.token = tok.ID
	for ev, err := range e.sc.V1Events.List(e.ctx, onAccount(a.ID, &stripe.EventListParams{})) {
		if err != nil {
			t.Fatal(err)
		}
		ids.event = ev.ID
		break
	}
	return ids
}

// synthesise gives a valid value for a documented parameter from its type,
// enum and name.
func synthesise(path string, sp params.Spec, ids vocabularyIDs) string {
	leaf := path
	if i := strings.LastIndexByte(path, '['); i >= 0 {
		leaf = strings.Trim(path[i:], "[]")
	}
	if leaf == "#" || leaf == "*" {
		parent := strings.TrimSuffix(path, "["+leaf+"]")
		if i := strings.LastIndexByte(parent, '['); i >= 0 {
			leaf = strings.Trim(parent[i:], "[]")
		} else {
			leaf = parent
		}
	}
	kinds := strings.Split(sp.Kinds, ",")
	switch {
	case len(sp.Enum) > 0:
		return sp.Enum[0]
	case slices.Contains(kinds, "boolean"):
		return "true"
	case slices.Contains(kinds, "integer"):
		switch {
		case sp.Unix:
			return fmt.Sprint(baseTime.Unix() - 86400)
		case leaf == "day" || leaf == "month":
			return "1"
		case leaf == "year":
			return "1990"
		}
		return "1"
	case slices.Contains(kinds, "number"):
		return "10"
	}
	switch {
	case strings.Contains(leaf, "country"):
		return "US"
	case strings.Contains(leaf, "currency"):
		return "usd"
	case strings.Contains(leaf, "email"):
		return "jenny@example.com"
	case strings.Contains(leaf, "url") || leaf == "website":
		return "https://example.com"
	case strings.Contains(leaf, "phone"):
		return "+12025550123"
	case leaf == "ip":
		return "203.0.113.7"
	case leaf == "mcc":
		return "5734"
	case strings.HasPrefix(leaf, "statement_descriptor_prefix"):
		return "EXMPL"
	case strings.HasPrefix(leaf, "statement_descriptor"):
		return "EXAMPLE CO"
	case leaf == "postal_code":
		return "94103"
	case leaf == "state":
		return "CA"
	case leaf == "routing_number":
		return "110000000"
	case leaf == "account_number":
		return "000123456789"
	case leaf == "ssn_last_4":
		return "0000"
	case strings.HasPrefix(leaf, "id_number") || leaf == "tax_id" || leaf == "vat_id":
		return "000000000"
	case strings.Contains(leaf, "color"):
		return "#ff0000"
	case leaf == "files" || leaf == "front" || leaf == "back" || leaf == "icon" || leaf == "logo" || leaf == "file":
		return ids.file
	case leaf == "account":
		return ids.account
	case leaf == "person":
		return ids.person
	case leaf == "fiscal_year_end":
		return "12-31"
	}
	return "Example"
}

// concrete turns a documented path into one a client sends ("#" → 0,
// "*" → a key).
func concrete(path string) string {
	return strings.NewReplacer("[#]", "[0]", "[*]", "[key]").Replace(path)
}

// leafParams lists the documented parameters that take a value.
func leafParams(ep params.Endpoint) []string {
	var out []string
	for path, sp := range ep.Params {
		if sp.Kinds == "" || sp.Kinds == "empty" || path == "expand[#]" {
			continue
		}
		out = append(out, path)
	}
	sort.Strings(out)
	return out
}

// vocabularyResult counts one endpoint's refusals.
type vocabularyResult struct {
	sent, unknown int
	examples      []string
}

// TestEveryDocumentedParameterAccepted sends every documented request
// parameter of the endpoints the sandbox serves, each alone with a valid
// value, and counts the ones refused as unknown: none may be.
func TestEveryDocumentedParameterAccepted(t *testing.T) {
	e := newTransportEnv(t, WithVerifyDelay(0))
	ids := vocabularySetup(t, e)
	hc := checkedClient(t, e.sb)
	pathIDs := strings.NewReplacer()
	total, unknown := 0, 0
	keys := make([]string, 0, len(params.Endpoints()))
	for k := range params.Endpoints() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		method, route, _ := strings.Cut(key, " ")
		if method == http.MethodDelete {
			continue
		}
		res := vocabularyResult{}
		for _, path := range leafParams(params.Endpoints()[key]) {
			// A fresh account per request keeps one parameter's effect
			// (a closed capability, a rejected account) from the next.
			if strings.HasPrefix(route, "v1/accounts/") && method == http.MethodPost {
				ids = vocabularySetup(t, e)
			}
			_ = pathIDs
			u := "/" + fillIDs(route, ids)
			form := vocabularyBase(key, path, ids)
			form.Set(concrete(path), synthesise(path, params.Endpoints()[key].Params[path], ids))
			status, body := vocabularySend(t, hc, method, u, form)
			res.sent++
			if status == http.StatusBadRequest && (strings.Contains(body, `"parameter_unknown"`) || strings.Contains(body, "nknown")) {
				res.unknown++
				res.examples = append(res.examples, concrete(path))
			}
		}
		total += res.sent
		unknown += res.unknown
		if res.unknown > 0 {
			t.Logf("%s: %d of %d refused as unknown, e.g. %v", key, res.unknown, res.sent, res.examples[:min(len(res.examples), 8)])
		}
	}
	t.Logf("v1: %d of %d documented parameters refused as unknown", unknown, total)
	if unknown > 0 {
		t.Errorf("v1: %d of %d documented parameters refused as unknown", unknown, total)
	}
}

// vocabularyBase is what an endpoint needs besides the parameter under
// test to get as far as reading it: a custom account's type on create, an
// account link's required fields.
func vocabularyBase(key, path string, ids vocabularyIDs) url.Values {
	form := url.Values{}
	switch key {
	case "POST v1/accounts":
		if path != "type" && !strings.HasPrefix(path, "controller") {
			form.Set("type", "custom")
		}
	case "POST v1/account_links":
		form.Set("account", ids.account)
		form.Set("type", "account_onboarding")
		form.Set("refresh_url", "https://example.com/refresh")
		form.Set("return_url", "https://example.com/return")
	}
	return form
}

func fillIDs(route string, ids vocabularyIDs) string {
	seg := strings.Split(route, "/")
	n := 0
	for i, s := range seg {
		if s != "*" {
			continue
		}
		n++
		prev := seg[i-1]
		switch prev {
		case "accounts":
			seg[i] = ids.account
		case "persons", "people":
			seg[i] = ids.person
		case "external_accounts", "bank_accounts":
			seg[i] = ids.bank
		case "capabilities":
			seg[i] = "transfers"
		case "files":
			seg[i] = ids.file
		case "tokens":
			seg[i] = ids.token
		case "events":
			seg[i] = ids.event
		case "country_specs":
			seg[i] = "US"
		}
	}
	return strings.Join(seg, "/")
}

func vocabularySend(t *testing.T, hc *http.Client, method, path string, form url.Values) (int, string) {
	t.Helper()
	base := APIBase
	var body io.Reader
	u := base + path
	if method == http.MethodGet {
		u += "?" + form.Encode()
	} else {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(context.Background(), method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer sk_test_vocabulary")
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var _ = json.Marshal
