package accountsv2

import (
	"strconv"
	"strings"
	"sync"
)

// The façade translates the v2 fields v1 has a place for. The other
// fields stripe-go v84 sends (v84_fields_gen.go, generated from its
// request structs) are accepted when their JSON kind fits, and have no
// effect: the sandbox does not model them (notModelledHeader in ../guesses.go).

// v84Paths is the union of the fields v84 sends to an account or person
// create or update, by dotted path; a person's are also under "person.".
var v84Paths = sync.OnceValue(func() map[string]string {
	out := map[string]string{"person": "object"}
	for _, req := range []string{"POST /v2/core/accounts", "POST /v2/core/accounts/*"} {
		for k, v := range v84Fields[req] {
			out[k] = v
		}
	}
	for _, req := range []string{"POST /v2/core/accounts/*/persons", "POST /v2/core/accounts/*/persons/*"} {
		for k, v := range v84Fields[req] {
			out["person."+k] = v
		}
	}
	return out
})

// documentedField checks a field the façade does not translate: nil when
// v84 sends it and v is of its kind, unknownField otherwise.
func documentedField(path string, v any) error {
	paths := v84Paths()
	key := ""
	for i, s := range strings.Split(path, ".") {
		next := s
		if i > 0 {
			next = key + "." + s
		}
		if _, ok := paths[next]; !ok {
			if _, err := strconv.Atoi(s); err == nil && i > 0 {
				next = key + ".#"
			} else if i > 0 {
				next = key + ".*"
			}
		}
		if _, ok := paths[next]; !ok {
			return unknownField{path}
		}
		key = next
	}
	return checkKind(key, paths, v)
}

// checkKind checks v and what it contains against the kinds v84 gives.
func checkKind(key string, paths map[string]string, v any) error {
	ok := true
	switch paths[key] {
	case "string":
		_, ok = v.(string)
	case "integer", "number":
		_, ok = v.(float64)
		if !ok {
			// v2 sends decimal amounts and counts as strings too.
			_, ok = v.(string)
		}
	case "boolean":
		_, ok = v.(bool)
	case "object":
		m, isMap := v.(map[string]any)
		ok = isMap
		for k, sub := range m {
			next := key + "." + k
			if _, known := paths[next]; !known {
				next = key + ".*"
			}
			if _, known := paths[next]; !known {
				return unknownField{key + "." + k}
			}
			if err := checkKind(next, paths, sub); err != nil {
				return err
			}
		}
	case "array":
		list, isList := v.([]any)
		ok = isList
		for _, sub := range list {
			if err := checkKind(key+".#", paths, sub); err != nil {
				return err
			}
		}
	}
	if !ok && v != nil {
		return invalidKind{key, paths[key]}
	}
	return nil
}

// invalidKind is a documented field sent with a value of the wrong kind.
type invalidKind struct{ path, kind string }

func (e invalidKind) Error() string { return "Invalid " + e.path + ": must be " + e.kind + "." }

// invalidValue is a documented field sent with a value the façade cannot
// take.
type invalidValue struct{ path, why string }

func (e invalidValue) Error() string { return "Invalid value for " + e.path + ": " + e.why + "." }
