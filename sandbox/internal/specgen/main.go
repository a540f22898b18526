// Command specgen writes the tables of documented request parameters the
// sandbox accepts: v1's from Stripe's OpenAPI spec (spec3.json, shipped in
// the stripe-mock module), v2's from stripe-go v84's request structs. Run
// it with go generate in package sandbox; it writes params/spec_params_gen.go
// and accountsv2/v84_fields_gen.go, which are committed, so the sandbox
// never reads the spec at run time.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	stripe "github.com/stripe/stripe-go/v84"
)

// endpoints are the v1 operations the sandbox serves, as the spec names
// them; the key is the sandbox's route ("*" for an id segment).
var endpoints = []string{
	"POST /v1/accounts", "GET /v1/accounts",
	"GET /v1/accounts/{account}", "POST /v1/accounts/{account}", "DELETE /v1/accounts/{account}",
	"POST /v1/accounts/{account}/reject", "GET /v1/account",
	"POST /v1/accounts/{account}/persons", "GET /v1/accounts/{account}/persons",
	"GET /v1/accounts/{account}/persons/{person}", "POST /v1/accounts/{account}/persons/{person}",
	"DELETE /v1/accounts/{account}/persons/{person}",
	"POST /v1/accounts/{account}/people", "GET /v1/accounts/{account}/people",
	"GET /v1/accounts/{account}/people/{person}", "POST /v1/accounts/{account}/people/{person}",
	"DELETE /v1/accounts/{account}/people/{person}",
	"GET /v1/accounts/{account}/capabilities", "GET /v1/accounts/{account}/capabilities/{capability}",
	"POST /v1/accounts/{account}/capabilities/{capability}",
	"POST /v1/accounts/{account}/external_accounts", "GET /v1/accounts/{account}/external_accounts",
	"GET /v1/accounts/{account}/external_accounts/{id}", "POST /v1/accounts/{account}/external_accounts/{id}",
	"DELETE /v1/accounts/{account}/external_accounts/{id}",
	"POST /v1/accounts/{account}/bank_accounts",
	"GET /v1/accounts/{account}/bank_accounts/{id}", "POST /v1/accounts/{account}/bank_accounts/{id}",
	"DELETE /v1/accounts/{account}/bank_accounts/{id}",
	"POST /v1/account_links", "GET /v1/country_specs", "GET /v1/country_specs/{country}",
	"POST /v1/files", "GET /v1/files", "GET /v1/files/{file}",
	"POST /v1/tokens", "GET /v1/tokens/{token}", "GET /v1/events", "GET /v1/events/{id}",
}

// rendered are the response objects whose shape the sandbox needs to
// render stored parameters.
var rendered = []string{"account", "person"}

type schema struct {
	Ref                  string             `json:"$ref"`
	Type                 string             `json:"type"`
	Format               string             `json:"format"`
	Nullable             bool               `json:"nullable"`
	Enum                 []any              `json:"enum"`
	MaxLength            int                `json:"maxLength"`
	Properties           map[string]*schema `json:"properties"`
	Required             []string           `json:"required"`
	Items                *schema            `json:"items"`
	AnyOf                []*schema          `json:"anyOf"`
	OneOf                []*schema          `json:"oneOf"`
	AdditionalProperties json.RawMessage    `json:"additionalProperties"`
	Expansion            json.RawMessage    `json:"x-expansionResources"`
}

type operation struct {
	Parameters []struct {
		In     string  `json:"in"`
		Name   string  `json:"name"`
		Schema *schema `json:"schema"`
	} `json:"parameters"`
	RequestBody struct {
		Content map[string]struct {
			Schema *schema `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
	Responses map[string]struct {
		Content map[string]struct {
			Schema *schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

type spec struct {
	Paths      map[string]map[string]*operation `json:"paths"`
	Components struct {
		Schemas map[string]*schema `json:"schemas"`
	} `json:"components"`
}

var sp spec

func resolve(s *schema) *schema {
	for s != nil && s.Ref != "" {
		s = sp.Components.Schemas[strings.TrimPrefix(s.Ref, "#/components/schemas/")]
	}
	return s
}

// node is one documented request parameter: the scalar kinds it takes
// and, for hashes and arrays, how its children are named.
type node struct {
	kinds []string // string, integer, number, boolean
	enum  []string
	max   int
	unix  bool
	obj   bool // has named children
	arr   bool // has "#" children (array items)
	mapOf bool // has "*" children (free keys, as metadata)
}

func (n *node) addKind(k string) {
	if !slices.Contains(n.kinds, k) {
		n.kinds = append(n.kinds, k)
	}
}

// walk flattens a request schema into path → node.
func walk(s *schema, path string, out map[string]*node, depth int) {
	s = resolve(s)
	if s == nil || depth > 8 {
		return
	}
	n := out[path]
	if n == nil && path != "" {
		n = &node{}
		out[path] = n
	}
	for _, alt := range append(append([]*schema{}, s.AnyOf...), s.OneOf...) {
		walk(alt, path, out, depth)
	}
	if n == nil {
		for name, p := range s.Properties {
			walk(p, name, out, depth+1)
		}
		return
	}
	switch s.Type {
	case "string":
		if len(s.Enum) == 1 && s.Enum[0] == "" {
			n.addKind("empty") // "" unsets the parameter
			return
		}
		n.addKind("string")
		for _, e := range s.Enum {
			if str, ok := e.(string); ok && !slices.Contains(n.enum, str) {
				n.enum = append(n.enum, str)
			}
		}
		if s.MaxLength > n.max {
			n.max = s.MaxLength
		}
	case "integer":
		n.addKind("integer")
		if s.Format == "unix-time" {
			n.unix = true
		}
	case "number":
		n.addKind("number")
	case "boolean":
		n.addKind("boolean")
	case "array":
		n.arr = true
		walk(s.Items, path+"[#]", out, depth+1)
	case "object":
		if len(s.Properties) > 0 {
			n.obj = true
		}
		for name, p := range s.Properties {
			walk(p, path+"["+name+"]", out, depth+1)
		}
		if ap := s.AdditionalProperties; len(ap) > 0 && string(ap) != "false" {
			n.mapOf = true
			var sub schema
			if string(ap) == "true" || json.Unmarshal(ap, &sub) != nil {
				sub = schema{Type: "string"}
			}
			walk(&sub, path+"[*]", out, depth+1)
		} else if len(s.Properties) == 0 && len(ap) == 0 {
			n.mapOf = true
			walk(&schema{Type: "string"}, path+"[*]", out, depth+1)
		}
	}
}

// expandable lists the response properties the spec marks expandable,
// nested ones by dotted path (a list's items under "data."), up to the
// four levels Stripe expands.
func expandable(s *schema, prefix string, depth int, out *[]string) {
	s = resolve(s)
	if s == nil || depth > 3 {
		return
	}
	for _, alt := range s.AnyOf {
		expandable(alt, prefix, depth, out)
	}
	names := make([]string, 0, len(s.Properties))
	for k := range s.Properties {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		p := s.Properties[k]
		if len(p.Expansion) > 0 {
			if !slices.Contains(*out, prefix+k) {
				*out = append(*out, prefix+k)
			}
			continue
		}
		r := resolve(p)
		if r == nil {
			continue
		}
		if r.Type == "array" {
			if k == "data" {
				expandable(r.Items, prefix+"data.", depth+1, out)
			}
			continue
		}
		expandable(p, prefix+k+".", depth+1, out)
	}
}

// respNode is one property of a response object.
type respNode struct {
	Kind     string // object, array, string, integer, number, boolean, map
	Nullable bool
	Props    []string // an object's properties, in order
	Item     string   // an array's item kind
}

func walkResp(s *schema, path string, out map[string]*respNode, depth int) {
	s = resolve(s)
	if s == nil || depth > 5 {
		return
	}
	nullable := s.Nullable
	if len(s.AnyOf) > 0 {
		if len(s.AnyOf) > 1 || len(s.Expansion) > 0 {
			out[path] = &respNode{Kind: "any", Nullable: nullable}
			return
		}
		inner := resolve(s.AnyOf[0])
		cp := *inner
		cp.Nullable = cp.Nullable || nullable
		s = &cp
	}
	n := &respNode{Kind: s.Type, Nullable: s.Nullable}
	if s.Type == "array" {
		if it := resolve(s.Items); it != nil {
			n.Item = it.Type
			if n.Item == "" {
				n.Item = "any"
			}
		}
	}
	if s.Type == "object" {
		if len(s.Properties) == 0 {
			n.Kind = "map"
		}
		for k := range s.Properties {
			n.Props = append(n.Props, k)
		}
		sort.Strings(n.Props)
		for _, k := range n.Props {
			sub := k
			if path != "" {
				sub = path + "." + k
			}
			walkResp(s.Properties[k], sub, out, depth+1)
		}
	}
	out[path] = n
}

// out is the directory of package sandbox; the tables are written to its
// params and accountsv2 sub-packages.
var out = flag.String("out", ".", "directory of package sandbox")

func main() {
	flag.Parse()
	raw, err := specBytes()
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(raw, &sp); err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by sandbox/internal/specgen from Stripe's spec3.json (stripe-mock module); DO NOT EDIT.\n\npackage params\n\nimport \"sync\"\n\n")
	b.WriteString("// Endpoints maps a route to its documented request parameters and\n// the response properties expand[] may name. It is built when first read:\n// a program that never serves the sandbox does not pay for it at start.\nvar Endpoints = sync.OnceValue(func() map[string]Endpoint {\nreturn map[string]Endpoint{\n")
	for _, ep := range endpoints {
		method, path, _ := strings.Cut(ep, " ")
		op := sp.Paths[path][strings.ToLower(method)]
		if op == nil {
			log.Fatalf("%s: not in the spec", ep)
		}
		params := map[string]*node{}
		for _, p := range op.Parameters {
			if p.In == "query" {
				walk(&schema{Type: "object", Properties: map[string]*schema{p.Name: p.Schema}}, "", params, 0)
			}
		}
		for _, c := range op.RequestBody.Content {
			walk(c.Schema, "", params, 0)
		}
		var exp []string
		if r, ok := op.Responses["200"].Content["application/json"]; ok {
			expandable(r.Schema, "", 0, &exp)
		}
		key := method + " " + strings.TrimPrefix(routeOf(path), "/")
		fmt.Fprintf(&b, "%q: {Expand: %#v, Params: map[string]Spec{\n", key, exp)
		names := make([]string, 0, len(params))
		for k := range params {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			n := params[k]
			fmt.Fprintf(&b, "%q: {Kinds: %q", k, strings.Join(n.kinds, ","))
			if len(n.enum) > 0 {
				fmt.Fprintf(&b, ", Enum: %#v", n.enum)
			}
			if n.max > 0 {
				fmt.Fprintf(&b, ", Max: %d", n.max)
			}
			if n.unix {
				b.WriteString(", Unix: true")
			}
			if n.obj {
				b.WriteString(", Obj: true")
			}
			if n.arr {
				b.WriteString(", Arr: true")
			}
			if n.mapOf {
				b.WriteString(", Map: true")
			}
			b.WriteString("},\n")
		}
		b.WriteString("}},\n")
	}
	b.WriteString("}\n})\n\n// Objects is the shape of the response objects stored parameters\n// are rendered into: property path → kind, nullability and properties,\n// built when first read.\nvar Objects = sync.OnceValue(func() map[string]map[string]Field {\nreturn map[string]map[string]Field{\n")
	for _, name := range rendered {
		out := map[string]*respNode{}
		walkResp(sp.Components.Schemas[name], "", out, 0)
		fmt.Fprintf(&b, "%q: {\n", name)
		keys := make([]string, 0, len(out))
		for k := range out {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n := out[k]
			fmt.Fprintf(&b, "%q: {Kind: %q, Nullable: %v, Props: %#v, Item: %q},\n", k, n.Kind, n.Nullable, n.Props, n.Item)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n})\n")
	write(filepath.Join("params", "spec_params_gen.go"), b.Bytes())
	writeV2()
}

func routeOf(path string) string {
	seg := strings.Split(path, "/")
	for i, s := range seg {
		if strings.HasPrefix(s, "{") {
			seg[i] = "*"
		}
	}
	return strings.Join(seg, "/")
}

func write(name string, raw []byte) {
	src, err := format.Source(raw)
	if err != nil {
		log.Fatalf("%s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(*out, name), src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// specBytes reads spec3.json from the stripe-mock module the build uses.
func specBytes() ([]byte, error) {
	out, err := exec.Command("go", "list", "-m", "-json", "github.com/stripe/stripe-mock").Output()
	if err != nil {
		return nil, fmt.Errorf("locating stripe-mock: %w", err)
	}
	var m struct{ Dir string }
	if err := json.Unmarshal(out, &m); err != nil || m.Dir == "" {
		return nil, fmt.Errorf("locating stripe-mock: no module directory (go mod download github.com/stripe/stripe-mock)")
	}
	return os.ReadFile(filepath.Join(m.Dir, "embedded", "openapi", "spec3.json"))
}

// v2Requests are the Accounts v2 requests whose fields v84 sends.
var v2Requests = []struct {
	key string
	v   any
}{
	{"POST /v2/core/accounts", stripe.V2CoreAccountCreateParams{}},
	{"POST /v2/core/accounts/*", stripe.V2CoreAccountUpdateParams{}},
	{"GET /v2/core/accounts", stripe.V2CoreAccountListParams{}},
	{"POST /v2/core/accounts/*/persons", stripe.V2CoreAccountsPersonCreateParams{}},
	{"POST /v2/core/accounts/*/persons/*", stripe.V2CoreAccountsPersonUpdateParams{}},
	{"GET /v2/core/accounts/*/persons", stripe.V2CoreAccountsPersonListParams{}},
	{"POST /v2/core/account_links", stripe.V2CoreAccountLinkCreateParams{}},
	{"POST /v2/core/account_tokens", stripe.V2CoreAccountTokenCreateParams{}},
	{"POST /v2/core/accounts/*/person_tokens", stripe.V2CoreAccountsPersonTokenCreateParams{}},
}

// writeV2 flattens v84's request structs into dotted JSON paths ("#" for
// an array item, "*" for a free map key) with the JSON kind each takes.
func writeV2() {
	var b bytes.Buffer
	b.WriteString("// Code generated by sandbox/internal/specgen from stripe-go v84's request structs; DO NOT EDIT.\n\npackage accountsv2\n\n")
	b.WriteString("// v84Fields maps a v2 request to the JSON fields stripe-go v84 can send\n// (dotted paths) and the JSON kind of each.\nvar v84Fields = map[string]map[string]string{\n")
	for _, r := range v2Requests {
		out := map[string]string{}
		flatten(reflect.TypeOf(r.v), "", out, 0)
		fmt.Fprintf(&b, "%q: {\n", r.key)
		keys := make([]string, 0, len(out))
		for k := range out {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%q: %q,\n", k, out[k])
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n")
	write("accountsv2/v84_fields_gen.go", b.Bytes())
}

func flatten(t reflect.Type, path string, out map[string]string, depth int) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if depth > 10 {
		return
	}
	join := func(name string) string {
		if path == "" {
			return name
		}
		return path + "." + name
	}
	switch t.Kind() {
	case reflect.Struct:
		if path != "" {
			out[path] = "object"
		}
		for i := range t.NumField() {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.Anonymous || tag == "" || tag == "-" {
				continue
			}
			flatten(f.Type, join(tag), out, depth+1)
		}
	case reflect.Slice:
		out[path] = "array"
		flatten(t.Elem(), path+".#", out, depth+1)
	case reflect.Map:
		out[path] = "object"
		flatten(t.Elem(), path+".*", out, depth+1)
	case reflect.String:
		out[path] = "string"
	case reflect.Int, reflect.Int64, reflect.Int32:
		out[path] = "integer"
	case reflect.Float64:
		out[path] = "number"
	case reflect.Bool:
		out[path] = "boolean"
	default:
		out[path] = "any"
	}
}
