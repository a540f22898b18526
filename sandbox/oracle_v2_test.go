package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	stripe84 "github.com/stripe/stripe-go/v84"
)

// The v2 oracle: every v2 response the tests produce is decoded strictly
// (no unknown field) into the GA types of Stripe's own SDK, stripe-go v84,
// and checked for the fields those types always carry (a json tag without
// omitempty) and for the enum values the SDK declares. Nobody here wrote
// these types, so they catch the sandbox and the app sharing one mistake.

// v84Enums maps a v84 enum type name to the values it declares, read from
// the SDK's source in the module cache.
var v84Enums = sync.OnceValues(func() (map[string]map[string]bool, error) {
	pkg, err := build.Import("github.com/stripe/stripe-go/v84", "", build.FindOnly)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range []string{"v2core_account.go", "v2core_accountperson.go"} {
		f, err := parser.ParseFile(fset, filepath.Join(pkg.Dir, name), nil, 0)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				id, ok := vs.Type.(*ast.Ident)
				if !ok || len(vs.Values) != 1 {
					continue
				}
				lit, ok := vs.Values[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				v, _ := strconv.Unquote(lit.Value)
				if out[id.Name] == nil {
					out[id.Name] = map[string]bool{}
				}
				out[id.Name][v] = true
			}
		}
	}
	return out, nil
})

// checkV2Response returns the oracle's objections to one v2 response body
// (nothing for error bodies, which have their own test).
func checkV2Response(method string, raw []byte) []string {
	if method == "DELETE" {
		return checkV2As[stripe84.V2DeletedObject](raw, "v2 deleted object")
	}
	var probe struct {
		Object string            `json:"object"`
		Data   []json.RawMessage `json:"data"`
		Error  json.RawMessage   `json:"error"`
	}
	if err := json.Unmarshal(raw, &probe); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	switch {
	case probe.Error != nil:
		return nil
	case probe.Object == "v2.core.account":
		return checkV2As[stripe84.V2CoreAccount](raw, "v2.core.account")
	case probe.Object == "v2.core.account_person":
		return checkV2As[stripe84.V2CoreAccountPerson](raw, "v2.core.account_person")
	case probe.Object == "v2.core.account_token":
		return checkV2As[stripe84.V2CoreAccountToken](raw, "v2.core.account_token")
	case probe.Object == "v2.core.account_person_token":
		return checkV2As[stripe84.V2CoreAccountPersonToken](raw, "v2.core.account_person_token")
	case probe.Object == "v2.core.account_link":
		return checkV2As[stripe84.V2CoreAccountLink](raw, "v2.core.account_link")
	case probe.Object == "" && probe.Data != nil:
		var out []string
		for i, d := range probe.Data {
			for _, v := range checkV2Response("", d) {
				out = append(out, fmt.Sprintf("data[%d]: %s", i, v))
			}
		}
		return out
	}
	return []string{"unexpected v2 object " + strconv.Quote(probe.Object)}
}

func checkV2As[T any](raw []byte, name string) []string {
	var typed T
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var out []string
	if err := dec.Decode(&typed); err != nil {
		out = append(out, name+": strict decode: "+err.Error())
	}
	var generic any
	_ = json.Unmarshal(raw, &generic)
	enums, err := v84Enums()
	if err != nil {
		return append(out, "reading v84 enums: "+err.Error())
	}
	walkV2(reflect.TypeOf(typed), generic, name, enums, &out)
	sort.Strings(out)
	return out
}

var timeType = reflect.TypeOf(time.Time{})

// walkV2 checks v against typ: required fields present (and not null
// unless the Go type can hold null), enum values declared by the SDK.
func walkV2(typ reflect.Type, v any, path string, enums map[string]map[string]bool, out *[]string) {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	switch typ.Kind() {
	case reflect.Struct:
		if typ == timeType {
			return
		}
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if f.Anonymous {
				continue // APIResource: the raw response, not JSON
			}
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			val, present := m[name]
			required := !strings.Contains(opts, "omitempty")
			switch {
			case required && !present:
				*out = append(*out, path+"."+name+": required by "+typ.Name()+" but missing")
			case required && val == nil && canNotBeNull(f.Type):
				*out = append(*out, path+"."+name+": required by "+typ.Name()+" but null")
			case present && val != nil:
				walkV2(f.Type, val, path+"."+name, enums, out)
			}
		}
	case reflect.Slice:
		xs, _ := v.([]any)
		for i, x := range xs {
			walkV2(typ.Elem(), x, fmt.Sprintf("%s[%d]", path, i), enums, out)
		}
	case reflect.Map:
		m, _ := v.(map[string]any)
		for k, x := range m {
			walkV2(typ.Elem(), x, path+"."+k, enums, out)
		}
	case reflect.String:
		if set, ok := enums[typ.Name()]; ok {
			if s, _ := v.(string); !set[s] {
				*out = append(*out, fmt.Sprintf("%s: %q is not a %s", path, s, typ.Name()))
			}
		}
	}
}

func canNotBeNull(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return false
	}
	return true
}
