package sandbox

import (
	"encoding/json"
	"fmt"
	"go/build"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// The v1 oracle: every v1 response the tests produce is validated against
// Stripe's OpenAPI spec (spec3.json, shipped in the stripe-mock module the
// project already has as a tool): the schema of the endpoint's response
// (or the error schema), with required properties, types, enums,
// nullability and properties the spec does not know. Each violation names
// the JSON pointer where it was found.

type spec struct {
	Paths      map[string]map[string]specOp `json:"paths"`
	Components struct {
		Schemas map[string]*schema `json:"schemas"`
	} `json:"components"`
}

type specOp struct {
	Responses map[string]struct {
		Content map[string]struct {
			Schema *schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

type schema struct {
	Ref                  string             `json:"$ref"`
	Type                 string             `json:"type"`
	Nullable             bool               `json:"nullable"`
	Enum                 []any              `json:"enum"`
	Properties           map[string]*schema `json:"properties"`
	Required             []string           `json:"required"`
	Items                *schema            `json:"items"`
	AnyOf                []*schema          `json:"anyOf"`
	OneOf                []*schema          `json:"oneOf"`
	AdditionalProperties json.RawMessage    `json:"additionalProperties"`
	Title                string             `json:"title"`
}

var loadSpec = sync.OnceValues(func() (*spec, error) {
	pkg, err := build.Import("github.com/stripe/stripe-mock", "", build.FindOnly)
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(filepath.Join(pkg.Dir, "embedded", "openapi", "spec3.json"))
	if err != nil {
		return nil, err
	}
	var s spec
	return &s, json.Unmarshal(raw, &s)
})

// responseSchema finds the schema of a response to method path with the
// given status; nil when the spec has no such endpoint (the sandbox's own
// /_sandbox routes).
func (s *spec) responseSchema(method, path string, status int) *schema {
	seg := strings.Split(strings.Trim(path, "/"), "/")
	for tmpl, ops := range s.Paths {
		ts := strings.Split(strings.Trim(tmpl, "/"), "/")
		if len(ts) != len(seg) {
			continue
		}
		match := true
		for i := range ts {
			if !strings.HasPrefix(ts[i], "{") && ts[i] != seg[i] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		op, ok := ops[strings.ToLower(method)]
		if !ok {
			continue
		}
		key := "200"
		if status >= 400 {
			key = "default"
		}
		if c, ok := op.Responses[key].Content["application/json"]; ok {
			return c.Schema
		}
	}
	return nil
}

// checkV1Response validates one v1 response body against the spec.
func checkV1Response(method, path string, status int, body []byte) []string {
	s, err := loadSpec()
	if err != nil {
		return []string{"reading spec3.json: " + err.Error()}
	}
	sc := s.responseSchema(method, path, status)
	if sc == nil {
		return nil
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	var out []string
	s.validate(sc, v, "", &out)
	sort.Strings(out)
	return out
}

func (s *spec) resolve(sc *schema) *schema {
	for sc != nil && sc.Ref != "" {
		sc = s.Components.Schemas[strings.TrimPrefix(sc.Ref, "#/components/schemas/")]
	}
	return sc
}

func (s *spec) validate(sc *schema, v any, ptr string, out *[]string) {
	sc = s.resolve(sc)
	if sc == nil {
		return
	}
	at := ptr
	if at == "" {
		at = "/"
	}
	if v == nil {
		if !sc.Nullable {
			*out = append(*out, at+": null, but the spec does not allow null")
		}
		return
	}
	if alts := append(append([]*schema{}, sc.AnyOf...), sc.OneOf...); len(alts) > 0 {
		var best []string
		for i, alt := range alts {
			var got []string
			s.validate(alt, v, ptr, &got)
			if len(got) == 0 {
				return
			}
			if i == 0 || len(got) < len(best) {
				best = got
			}
		}
		*out = append(*out, best...)
		return
	}
	switch sc.Type {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: %s, want an object", at, kindOf(v)))
			return
		}
		for _, r := range sc.Required {
			if _, ok := m[r]; !ok {
				*out = append(*out, fmt.Sprintf("%s/%s: required by the spec (%s) but missing", ptr, r, sc.Title))
			}
		}
		var extra *schema
		if len(sc.AdditionalProperties) > 0 && string(sc.AdditionalProperties) != "false" && string(sc.AdditionalProperties) != "true" {
			extra = &schema{}
			_ = json.Unmarshal(sc.AdditionalProperties, extra)
		}
		for k, val := range m {
			if p, ok := sc.Properties[k]; ok {
				s.validate(p, val, ptr+"/"+k, out)
			} else if extra != nil {
				s.validate(extra, val, ptr+"/"+k, out)
			} else if sc.Properties != nil && string(sc.AdditionalProperties) != "true" {
				*out = append(*out, fmt.Sprintf("%s/%s: not a property the spec knows (%s)", ptr, k, sc.Title))
			}
		}
	case "array":
		xs, ok := v.([]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: %s, want an array", at, kindOf(v)))
			return
		}
		for i, x := range xs {
			s.validate(sc.Items, x, fmt.Sprintf("%s/%d", ptr, i), out)
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: %s, want a string", at, kindOf(v)))
			return
		}
		if len(sc.Enum) > 0 {
			for _, e := range sc.Enum {
				if e == str {
					return
				}
			}
			*out = append(*out, fmt.Sprintf("%s: %q is not in the spec's enum %v", at, str, sc.Enum))
		}
	case "integer":
		f, ok := v.(float64)
		if !ok || f != math.Trunc(f) {
			*out = append(*out, fmt.Sprintf("%s: %s, want an integer", at, kindOf(v)))
		}
	case "number":
		if _, ok := v.(float64); !ok {
			*out = append(*out, fmt.Sprintf("%s: %s, want a number", at, kindOf(v)))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			*out = append(*out, fmt.Sprintf("%s: %s, want a boolean", at, kindOf(v)))
		}
	}
}

func kindOf(v any) string {
	switch x := v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return fmt.Sprintf("the string %q", x)
	case float64:
		return fmt.Sprintf("the number %v", x)
	case bool:
		return fmt.Sprintf("the boolean %v", x)
	}
	return fmt.Sprintf("%T", v)
}
