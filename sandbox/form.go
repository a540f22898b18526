package sandbox

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// param is one node of a form-encoded parameter tree. Stripe's v1 bodies
// encode nesting in the key (individual[dob][day]=1), so the request is
// parsed into a tree first and handlers read it by name.
//
// Every read marks the node as touched. After a handler has read everything
// it understands, unknown() finds the first parameter nobody asked for, which
// is how the sandbox answers "Received unknown parameter" without keeping a
// second, separate list of allowed names.
type param struct {
	path    string // bracket form, used as the error "param"
	value   *string
	kids    map[string]*param
	touched bool
	read    bool
	// doc is shared by the whole tree: the route's documented parameters
	// and the ones accepted from them (documented.go).
	doc *documented
}

// parseParams builds the tree from decoded form values. Repeated keys keep
// the last value, as a Rails-style parser would.
func parseParams(values url.Values) *param {
	root := &param{touched: true, read: true, doc: &documented{}}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		vs := values[k]
		v := vs[len(vs)-1]
		n := root
		for _, part := range splitKey(k) {
			n = n.ensure(part)
		}
		n.value = &v
	}
	return root
}

// splitKey turns "a[b][c]" into [a b c]. A malformed key is kept whole so
// that it is reported as unknown rather than silently reinterpreted.
func splitKey(k string) []string {
	i := strings.IndexByte(k, '[')
	if i <= 0 {
		return []string{k}
	}
	parts := []string{k[:i]}
	rest := k[i:]
	for rest != "" {
		if rest[0] != '[' {
			return []string{k}
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return []string{k}
		}
		parts = append(parts, rest[1:j])
		rest = rest[j+1:]
	}
	return parts
}

func (p *param) ensure(name string) *param {
	if p.kids == nil {
		p.kids = map[string]*param{}
	}
	c, ok := p.kids[name]
	if !ok {
		path := name
		if p.path != "" {
			path = p.path + "[" + name + "]"
		}
		c = &param{path: path, doc: p.doc}
		p.kids[name] = c
	}
	return c
}

// get returns the named child, or nil. Reading through a nil *param is safe,
// so handlers can write p.get("individual").get("dob").
func (p *param) get(name string) *param {
	if p == nil {
		return nil
	}
	p.touched = true
	c := p.kids[name]
	if c != nil {
		c.touched = true
	}
	return c
}

// present reports whether the parameter was sent at all.
func (p *param) present() bool { return p != nil }

// str returns the scalar value of the node and whether one was sent.
func (p *param) str() (string, bool) {
	if p == nil || p.value == nil {
		return "", false
	}
	p.read = true
	return *p.value, true
}

// nonEmpty returns the value, rejecting "" the way Stripe rejects an attempt
// to unset a parameter that cannot be unset.
func (p *param) nonEmpty() (string, bool, error) {
	v, ok := p.str()
	if ok && v == "" {
		return "", false, errEmpty(p.path)
	}
	return v, ok, nil
}

// integer parses the value as a base-10 integer.
func (p *param) integer() (int64, bool, error) {
	v, ok, err := p.nonEmpty()
	if err != nil || !ok {
		return 0, ok, err
	}
	n, perr := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if perr != nil {
		return 0, false, errInvalidInteger(p.path, v)
	}
	return n, true, nil
}

// boolean parses "true"/"false" like Stripe (which also takes 1/0).
func (p *param) boolean() (bool, bool, error) {
	v, ok, err := p.nonEmpty()
	if err != nil || !ok {
		return false, ok, err
	}
	// Older official clients send Python's and Ruby's capitalised True
	// and False; Stripe's v1 accepts any case.
	switch strings.ToLower(v) {
	case "true", "1":
		return true, true, nil
	case "false", "0":
		return false, true, nil
	}
	return false, false, invalid("", p.path, "Invalid boolean: %s", v)
}

// names lists the children in sorted order without touching them.
func (p *param) names() []string {
	if p == nil {
		return nil
	}
	out := make([]string, 0, len(p.kids))
	for k := range p.kids {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// markAll accepts a whole subtree (metadata, expand) as understood.
func (p *param) markAll() {
	if p == nil {
		return
	}
	p.touched, p.read = true, true
	for _, c := range p.kids {
		c.markAll()
	}
}

// unknown returns the error for the first parameter (in sorted order) that
// no handler read, or nil when everything was understood.
func (p *param) unknown() error {
	if p == nil {
		return nil
	}
	if !p.touched {
		return p.acceptDocumented()
	}
	if p.value != nil && !p.read && len(p.kids) == 0 {
		if sp, ok := p.doc.lookup(p.path); ok && sp.scalar() {
			return p.acceptDocumented()
		}
	}
	if p.value != nil && !p.read {
		// A scalar where the handler expected a hash.
		return invalid("", p.path, "Invalid object: %s must be a hash, not a string", p.path)
	}
	for _, name := range p.names() {
		if err := p.kids[name].unknown(); err != nil {
			return err
		}
	}
	return nil
}
