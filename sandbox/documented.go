package sandbox

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Stripe's spec documents more request parameters than the sandbox
// models. The ones no handler reads are not refused as unknown: each is
// checked against the spec's type, enum and length (spec_params_gen.go,
// generated from spec3.json), and then kept only where Stripe returns
// it, to be rendered back (a write-only secret leaves its *_provided flag
// instead). What Stripe returns nowhere is accepted and not stored: the
// sandbox does not model its effect (see notModelledHeader in guesses.go).

// documented is the route's table and what was accepted from it.
type documented struct {
	ep *specEndpoint
	// accepted holds bracket path → value of the documented parameters
	// no handler read.
	accepted map[string]string
	// fileExists checks a file id named by an accepted parameter.
	fileExists func(id, param string) error
	// kept are the accepted parameters a handler stored (markKept).
	kept map[string]bool
}

// forRoute attaches the documented parameters of a route key ("POST
// v1/accounts/*") to the tree.
func (p *param) forRoute(key string, fileExists func(id, param string) error) *param {
	if ep, ok := specEndpoints[key]; ok {
		p.doc.ep = &ep
	}
	p.doc.fileExists = fileExists
	return p
}

// lookup finds the documented parameter a concrete bracket path names:
// an index ("0", or "" for a[]) matches "#", any key of a free hash "*".
func (d *documented) lookup(path string) (specParam, bool) {
	if d == nil || d.ep == nil {
		return specParam{}, false
	}
	key := ""
	for i, s := range splitKey(path) {
		if i == 0 {
			key = s
			if _, ok := d.ep.Params[key]; !ok {
				return specParam{}, false
			}
			continue
		}
		switch {
		case has(d.ep.Params, key+"["+s+"]"):
			key += "[" + s + "]"
		case isIndex(s) && has(d.ep.Params, key+"[#]"):
			key += "[#]"
		case has(d.ep.Params, key+"[*]"):
			key += "[*]"
		default:
			return specParam{}, false
		}
	}
	sp, ok := d.ep.Params[key]
	return sp, ok
}

func has(m map[string]specParam, k string) bool { _, ok := m[k]; return ok }

func isIndex(s string) bool {
	if s == "" {
		return true
	}
	_, err := strconv.Atoi(s)
	return err == nil
}

// scalar reports whether the parameter takes a value of its own.
func (sp specParam) scalar() bool {
	return strings.Trim(strings.ReplaceAll(sp.Kinds, "empty", ""), ",") != ""
}

// acceptDocumented accepts a parameter no handler read when the spec
// documents it and its value fits, and refuses it as unknown otherwise.
func (p *param) acceptDocumented() error {
	sp, ok := p.doc.lookup(p.path)
	if !ok {
		return errUnknownParam(p.path)
	}
	p.touched, p.read = true, true
	if p.value != nil && len(p.kids) == 0 {
		if e := checkDocumented(p.path, sp, *p.value); e != nil {
			return e
		}
		if id := *p.value; isFileParam(p.path) && id != "" && p.doc.fileExists != nil {
			if err := p.doc.fileExists(id, p.path); err != nil {
				return err
			}
		}
		if p.doc.accepted == nil {
			p.doc.accepted = map[string]string{}
		}
		p.doc.accepted[p.path] = *p.value
	}
	if len(p.kids) > 0 && !sp.Obj && !sp.Arr && !sp.Map {
		return invalid("", p.path, "Invalid %s: must be a string, not a hash", p.path)
	}
	for _, name := range p.names() {
		if err := p.kids[name].unknown(); err != nil {
			return err
		}
	}
	return nil
}

// isFileParam reports a parameter that names an uploaded file: a
// document's files, front or back, a branding icon or logo.
func isFileParam(path string) bool {
	parts := splitKey(path)
	for i := len(parts) - 1; i >= 0; i-- {
		if isIndex(parts[i]) {
			continue
		}
		switch parts[i] {
		case "files", "front", "back", "icon", "logo":
			return true
		}
		return false
	}
	return false
}

// checkDocumented checks a value against the spec's kinds, enum and
// maximum length, with Stripe's error for the first kind that fails.
func checkDocumented(path string, sp specParam, v string) *apiError {
	kinds := strings.Split(sp.Kinds, ",")
	if v == "" {
		for _, k := range kinds {
			if k == "empty" || (k == "string" && len(sp.Enum) == 0) {
				return nil
			}
		}
		return errEmpty(path)
	}
	var first *apiError
	for _, k := range kinds {
		var e *apiError
		switch k {
		case "string":
			switch {
			case len(sp.Enum) > 0 && !slices.Contains(sp.Enum, v):
				e = invalid("", path, "Invalid %s: must be one of %s", path, strings.Join(sp.Enum, ", "))
			case sp.Max > 0 && len([]rune(v)) > sp.Max:
				e = invalid("parameter_invalid_string", path, "Invalid string: %s...; must be at most %d characters", string([]rune(v)[:20]), sp.Max)
			}
		case "integer":
			if _, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err != nil {
				e = errInvalidInteger(path, v)
			}
		case "number":
			if _, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
				e = invalid("", path, "Invalid decimal: %s", v)
			}
		case "boolean":
			switch strings.ToLower(v) {
			case "true", "false", "1", "0":
			default:
				e = invalid("", path, "Invalid boolean: %s", v)
			}
		case "empty":
			continue
		default:
			e = invalid("", path, "Invalid object: %s must be a hash, not a string", path)
		}
		if e == nil {
			return nil
		}
		if first == nil {
			first = e
		}
	}
	if first == nil {
		return invalid("", path, "Invalid object: %s must be a hash, not a string", path)
	}
	return first
}

// dotted turns a bracket path into the response's dotted one.
func dotted(path string) string { return strings.Join(splitKey(path), ".") }

// schemaPath drops a dotted path's array indexes.
func schemaPath(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, s := range parts {
		if !isIndex(s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, ".")
}

// keepAccepted stores the accepted parameters Stripe returns on object
// (a response schema of specObjects) into extra, under their dotted path
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
		fields := specObjects[object]
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

// markKept records the accepted parameters a handler stored.
func (d *documented) markKept(paths []string) {
	if d.kept == nil {
		d.kept = map[string]bool{}
	}
	for _, p := range paths {
		d.kept[p] = true
	}
}

// notModelled lists, sorted, the accepted documented parameters that were
// not stored: they had no effect (notModelledHeader in guesses.go).
func (d *documented) notModelled() []string {
	var out []string
	for p := range d.accepted {
		if !d.kept[p] {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
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
	fields := specObjects[object]
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
func skeleton(fields map[string]specField, path string) map[string]any {
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
