package sandbox

import (
	"bytes"
	"encoding/json"
	"onboard/sandbox/params"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// dotted turns a bracket path into the response's dotted one.
func dotted(path string) string { return strings.Join(params.SplitKey(path), ".") }

// schemaPath drops a dotted path's array indexes.
func schemaPath(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, s := range parts {
		if !params.IsIndex(s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, ".")
}

// keepAccepted stores the accepted parameters Stripe returns on object
// (a response schema of params.Objects) into extra, under their dotted path
// relative to prefix: the value where the object has the property, "true"
// under the *_provided flag where only that is returned (a secret is never
// stored), nothing where Stripe returns neither. An empty value removes
// what was stored.
func keepAccepted(accepted map[string]string, prefix, object string, extra *map[string]string) (kept []string) {
	for path, v := range accepted {
		d := dotted(path)
		if prefix != "" {
			if !strings.HasPrefix(d, prefix) {
				continue
			}
			d = strings.TrimPrefix(d, prefix)
		}
		fields := params.Objects()[object]
		key, val := d, v
		if f, ok := fields[schemaPath(d)]; !ok || f.Kind == "object" || f.Kind == "map" {
			if _, ok := fields[schemaPath(d)+"_provided"]; !ok {
				continue
			}
			key, val = d+"_provided", "true"
			if v == "" {
				val = ""
			}
		}
		kept = append(kept, path)
		if *extra == nil {
			*extra = map[string]string{}
		}
		if val == "" {
			delete(*extra, key)
		} else {
			(*extra)[key] = val
		}
	}
	return kept
}

// withExtra renders stored parameters into raw, the JSON of object: each
// at its path, typed as the response has it, missing hashes built with
// the properties the spec gives them (null where nullable).
func withExtra(raw []byte, object string, extra map[string]string) ([]byte, error) {
	if len(extra) == 0 {
		return raw, nil
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	fields := params.Objects()[object]
	paths := make([]string, 0, len(extra))
	for p := range extra {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		sp := schemaPath(p)
		f, ok := fields[sp]
		if !ok {
			continue
		}
		kind := f.Kind
		if sp != p && f.Kind == "array" {
			kind = f.Item
		}
		v, ok := typed(kind, extra[p])
		if !ok {
			continue
		}
		parts := strings.Split(sp, ".")
		cur := m
		for i, name := range parts[:len(parts)-1] {
			next, _ := cur[name].(map[string]any)
			if next == nil {
				next = skeleton(fields, strings.Join(parts[:i+1], "."))
				cur[name] = next
			}
			cur = next
		}
		leaf := parts[len(parts)-1]
		if sp != p { // an array item
			list, _ := cur[leaf].([]any)
			if !slices.Contains(anyStrings(list), extra[p]) {
				list = append(list, v)
			}
			cur[leaf] = list
			continue
		}
		cur[leaf] = v
	}
	return json.Marshal(m)
}

func anyStrings(xs []any) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// typed converts a form value to the JSON kind the response has.
func typed(kind, v string) (any, bool) {
	switch kind {
	case "integer":
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		return n, err == nil
	case "number":
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return f, err == nil
	case "boolean":
		switch strings.ToLower(v) {
		case "true", "1":
			return true, true
		case "false", "0":
			return false, true
		}
		return nil, false
	case "string", "any", "array":
		return v, true
	}
	return nil, false
}

// skeleton is a hash of the response at path with every property the
// spec gives it: null where nullable, else an empty value of its kind.
func skeleton(fields map[string]params.Field, path string) map[string]any {
	out := map[string]any{}
	for _, name := range fields[path].Props {
		sub := fields[path+"."+name]
		switch {
		case sub.Nullable:
			out[name] = nil
		case sub.Kind == "object":
			out[name] = skeleton(fields, path+"."+name)
		case sub.Kind == "map":
			out[name] = map[string]any{}
		case sub.Kind == "array":
			out[name] = []any{}
		case sub.Kind == "boolean":
			out[name] = false
		case sub.Kind == "integer", sub.Kind == "number":
			out[name] = 0
		case sub.Kind == "string":
			out[name] = ""
		default:
			out[name] = nil
		}
	}
	return out
}
