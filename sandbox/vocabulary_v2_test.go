package sandbox

import (
	"encoding/json"
	"onboard/sandbox/params"
	"sort"
	"strings"
	"testing"

	"onboard/sandbox/accountsv2"
)

// v2Value builds the JSON body that sends only the dotted field path with
// a valid value.
func v2Value(path, kind string, ids vocabularyIDs) map[string]any {
	parts := strings.Split(path, ".")
	var leaf any
	name := parts[len(parts)-1]
	if name == "#" || name == "*" {
		name = parts[len(parts)-2]
	}
	switch kind {
	case "boolean":
		leaf = true
	case "integer":
		leaf = 1
		switch name {
		case "year":
			leaf = 1990
		}
	case "number":
		leaf = 10
	case "object":
		leaf = map[string]any{}
	case "array":
		leaf = []any{}
	default:
		leaf = synthesise(strings.ReplaceAll(path, ".", "["), params.Spec{Kinds: "string"}, ids)
		switch {
		case strings.Contains(name, "country"):
			leaf = "us"
		case strings.HasSuffix(name, "date") || name == "registration_date":
			leaf = "2025-01-01T00:00:00.000Z"
		case name == "value" && strings.Contains(path, "amount"):
			leaf = "100"
		}
	}
	for i := len(parts) - 1; i >= 0; i-- {
		switch parts[i] {
		case "#":
			leaf = []any{leaf}
		case "*":
			leaf = map[string]any{"key": leaf}
		default:
			leaf = map[string]any{parts[i]: leaf}
		}
	}
	m, _ := leaf.(map[string]any)
	return m
}

// TestEveryV84FieldAccepted sends every field stripe-go v84's Accounts v2
// request structs can send, each alone, and counts the ones refused as
// unknown: none may be.
func TestEveryV84FieldAccepted(t *testing.T) {
	e := newV2Env(t)
	acct := e.must("POST", "/v2/core/accounts", map[string]any{"contact_email": "ops@furever.example",
		"identity":      map[string]any{"country": "us", "entity_type": "company"},
		"configuration": map[string]any{"merchant": map[string]any{"capabilities": map[string]any{"card_payments": map[string]any{"requested": true}}}}})
	accID, _ := acct["id"].(string)
	person := e.must("POST", "/v2/core/accounts/"+accID+"/persons", map[string]any{"given_name": "Jenny"})
	personID, _ := person["id"].(string)
	ids := vocabularyIDs{account: accID, person: personID, file: "file_identity_document_success"}
	total, unknown, missing := 0, 0, 0
	for _, req := range []string{"POST /v2/core/accounts", "POST /v2/core/accounts/*", "POST /v2/core/accounts/*/persons",
		"POST /v2/core/accounts/*/persons/*", "POST /v2/core/account_links", "POST /v2/core/account_tokens",
		"POST /v2/core/accounts/*/person_tokens"} {
		fields := accountsv2.DocumentedFields(req)
		paths := make([]string, 0, len(fields))
		for p, kind := range fields {
			if kind == "object" || kind == "array" || p == "include.#" {
				continue
			}
			paths = append(paths, p)
		}
		sort.Strings(paths)
		method, route, _ := strings.Cut(req, " ")
		url := strings.Replace(strings.Replace(route, "*", accID, 1), "*", personID, 1)
		n := 0
		var examples []string
		for _, p := range paths {
			body := v2Value(p, fields[p], ids)
			if req == "POST /v2/core/accounts" && baseCreate {
				body = deepMerge(map[string]any{"contact_email": "ops@furever.example",
					"identity":      map[string]any{"country": "us"},
					"configuration": map[string]any{"recipient": map[string]any{}}}, body)
			}
			_, err := e.call(method, url, body)
			total++
			if err != nil && strings.Contains(err.Error(), `"status":404`) {
				missing++
			}
			if err != nil && strings.Contains(strings.ToLower(err.Error()), "unknown") {
				n++
				examples = append(examples, p)
			}
		}
		unknown += n
		if n > 0 {
			raw, _ := json.Marshal(examples[:min(8, len(examples))])
			t.Logf("%s: %d of %d refused as unknown, e.g. %s", req, n, len(paths), raw)
		}
	}
	t.Logf("v2: %d fields sent to an endpoint that answered 404", missing)
	if missing > 0 {
		t.Errorf("v2: %d fields sent to an endpoint that answered 404", missing)
	}
	t.Logf("v2: %d of %d v84 fields refused as unknown", unknown, total)
	if unknown > 0 {
		t.Errorf("v2: %d of %d v84 fields refused as unknown", unknown, total)
	}
}

// baseCreate sends v2 creates with a country and a configuration, which
// the sandbox once demanded, so the count covers the fields themselves.
var baseCreate = false

func deepMerge(dst, src map[string]any) map[string]any {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				dst[k] = deepMerge(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
	return dst
}
