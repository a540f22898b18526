package params

import (
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
// sandbox does not model its effect (package sandbox names them in its
// Sandbox-Not-Modelled response header).

// documented is the route's table and what was accepted from it.
type documented struct {
	ep *Endpoint
	// accepted holds bracket path → value of the documented parameters
	// no handler read.
	accepted map[string]string
	// fileExists checks a file id named by an accepted parameter.
	fileExists func(id, param string) error
	// kept are the accepted parameters a handler stored (markKept).
	kept map[string]bool
}

// ForRoute attaches the documented parameters of a route key ("POST
// v1/accounts/*") to the tree.
func (p *Param) ForRoute(key string, fileExists func(id, param string) error) *Param {
	if ep, ok := Endpoints()[key]; ok {
		p.doc.ep = &ep
	}
	p.doc.fileExists = fileExists
	return p
}

// lookup finds the documented parameter a concrete bracket path names:
// an index ("0", or "" for a[]) matches "#", any key of a free hash "*".
func (d *documented) lookup(path string) (Spec, bool) {
	if d == nil || d.ep == nil {
		return Spec{}, false
	}
	key := ""
	for i, s := range SplitKey(path) {
		if i == 0 {
			key = s
			if _, ok := d.ep.Params[key]; !ok {
				return Spec{}, false
			}
			continue
		}
		switch {
		case has(d.ep.Params, key+"["+s+"]"):
			key += "[" + s + "]"
		case IsIndex(s) && has(d.ep.Params, key+"[#]"):
			key += "[#]"
		case has(d.ep.Params, key+"[*]"):
			key += "[*]"
		default:
			return Spec{}, false
		}
	}
	sp, ok := d.ep.Params[key]
	return sp, ok
}

func has(m map[string]Spec, k string) bool { _, ok := m[k]; return ok }

// IsIndex reports whether a bracket path segment is an array index ("0",
// or "" for a[]).
func IsIndex(s string) bool {
	if s == "" {
		return true
	}
	_, err := strconv.Atoi(s)
	return err == nil
}

// scalar reports whether the parameter takes a value of its own.
func (sp Spec) scalar() bool {
	return strings.Trim(strings.ReplaceAll(sp.Kinds, "empty", ""), ",") != ""
}

// acceptDocumented accepts a parameter no handler read when the spec
// documents it and its value fits, and refuses it as unknown otherwise.
func (p *Param) acceptDocumented() error {
	sp, ok := p.doc.lookup(p.Path)
	if !ok {
		return ErrUnknown(p.Path)
	}
	p.touched, p.read = true, true
	if p.Value != nil && len(p.Kids) == 0 {
		if e := checkDocumented(p.Path, sp, *p.Value); e != nil {
			return e
		}
		if id := *p.Value; isFileParam(p.Path) && id != "" && p.doc.fileExists != nil {
			if err := p.doc.fileExists(id, p.Path); err != nil {
				return err
			}
		}
		if p.doc.accepted == nil {
			p.doc.accepted = map[string]string{}
		}
		p.doc.accepted[p.Path] = *p.Value
	}
	if len(p.Kids) > 0 && !sp.Obj && !sp.Arr && !sp.Map {
		return Invalid("", p.Path, "Invalid %s: must be a string, not a hash", p.Path)
	}
	for _, name := range p.Names() {
		if err := p.Kids[name].Unknown(); err != nil {
			return err
		}
	}
	return nil
}

// isFileParam reports a parameter that names an uploaded file: a
// document's files, front or back, a branding icon or logo.
func isFileParam(path string) bool {
	parts := SplitKey(path)
	for i := len(parts) - 1; i >= 0; i-- {
		if IsIndex(parts[i]) {
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
func checkDocumented(path string, sp Spec, v string) *Error {
	kinds := strings.Split(sp.Kinds, ",")
	if v == "" {
		for _, k := range kinds {
			if k == "empty" || (k == "string" && len(sp.Enum) == 0) {
				return nil
			}
		}
		return ErrEmpty(path)
	}
	var first *Error
	for _, k := range kinds {
		var e *Error
		switch k {
		case "string":
			switch {
			case len(sp.Enum) > 0 && !slices.Contains(sp.Enum, v):
				e = Invalid("", path, "Invalid %s: must be one of %s", path, strings.Join(sp.Enum, ", "))
			case sp.Max > 0 && len([]rune(v)) > sp.Max:
				e = Invalid("parameter_invalid_string", path, "Invalid string: %s...; must be at most %d characters", string([]rune(v)[:20]), sp.Max)
			}
		case "integer":
			if _, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err != nil {
				e = ErrInvalidInteger(path, v)
			}
		case "number":
			if _, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
				e = Invalid("", path, "Invalid decimal: %s", v)
			}
		case "boolean":
			switch strings.ToLower(v) {
			case "true", "false", "1", "0":
			default:
				e = Invalid("", path, "Invalid boolean: %s", v)
			}
		case "empty":
			continue
		default:
			e = Invalid("", path, "Invalid object: %s must be a hash, not a string", path)
		}
		if e == nil {
			return nil
		}
		if first == nil {
			first = e
		}
	}
	if first == nil {
		return Invalid("", path, "Invalid object: %s must be a hash, not a string", path)
	}
	return first
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
// not stored: they had no effect (the sandbox's Sandbox-Not-Modelled header).
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

// Accepted holds bracket path → value of the documented parameters no
// handler read, for the whole tree p belongs to.
func (p *Param) Accepted() map[string]string { return p.doc.accepted }

// MarkKept records the accepted parameters a handler stored.
func (p *Param) MarkKept(paths []string) { p.doc.markKept(paths) }

// NotModelled lists, sorted, the accepted documented parameters that were
// not stored: they had no effect (package sandbox names them in a
// response header).
func (p *Param) NotModelled() []string { return p.doc.notModelled() }
