package params

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// Param is one node of a form-encoded parameter tree. Stripe's v1 bodies
// encode nesting in the key (individual[dob][day]=1), so the request is
// parsed into a tree first and handlers read it by name.
//
// Every read marks the node as touched. After a handler has read everything
// it understands, Unknown finds the first parameter nobody asked for, which
// is how the sandbox answers "Received unknown parameter" without keeping a
// second, separate list of allowed names.
type Param struct {
	Path    string // bracket form, used as the error "param"
	Value   *string
	Kids    map[string]*Param
	touched bool
	read    bool
	// doc is shared by the whole tree: the route's documented parameters
	// and the ones accepted from them (documented.go).
	doc *documented
}

// Parse builds the tree from decoded form values. Repeated keys keep
// the last value, as a Rails-style parser would.
func Parse(values url.Values) *Param {
	root := &Param{touched: true, read: true, doc: &documented{}}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		vs := values[k]
		v := vs[len(vs)-1]
		n := root
		for _, part := range SplitKey(k) {
			n = n.ensure(part)
		}
		n.Value = &v
	}
	return root
}

// SplitKey turns "a[b][c]" into [a b c]. A malformed key is kept whole so
// that it is reported as unknown rather than silently reinterpreted.
func SplitKey(k string) []string {
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

func (p *Param) ensure(name string) *Param {
	if p.Kids == nil {
		p.Kids = map[string]*Param{}
	}
	c, ok := p.Kids[name]
	if !ok {
		path := name
		if p.Path != "" {
			path = p.Path + "[" + name + "]"
		}
		c = &Param{Path: path, doc: p.doc}
		p.Kids[name] = c
	}
	return c
}

// Get returns the named child, or nil. Reading through a nil *param is safe,
// so handlers can write p.Get("individual").Get("dob").
func (p *Param) Get(name string) *Param {
	if p == nil {
		return nil
	}
	p.touched = true
	c := p.Kids[name]
	if c != nil {
		c.touched = true
	}
	return c
}

// Present reports whether the parameter was sent at all.
func (p *Param) Present() bool { return p != nil }

// Str returns the scalar value of the node and whether one was sent.
func (p *Param) Str() (string, bool) {
	if p == nil || p.Value == nil {
		return "", false
	}
	p.read = true
	return *p.Value, true
}

// NonEmpty returns the value, rejecting "" the way Stripe rejects an attempt
// to unset a parameter that cannot be unset.
func (p *Param) NonEmpty() (string, bool, error) {
	v, ok := p.Str()
	if ok && v == "" {
		return "", false, ErrEmpty(p.Path)
	}
	return v, ok, nil
}

// Integer parses the value as a base-10 integer.
func (p *Param) Integer() (int64, bool, error) {
	v, ok, err := p.NonEmpty()
	if err != nil || !ok {
		return 0, ok, err
	}
	n, perr := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if perr != nil {
		return 0, false, ErrInvalidInteger(p.Path, v)
	}
	return n, true, nil
}

// Boolean parses "true"/"false" like Stripe (which also takes 1/0).
func (p *Param) Boolean() (bool, bool, error) {
	v, ok, err := p.NonEmpty()
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
	return false, false, Invalid("", p.Path, "Invalid boolean: %s", v)
}

// Names lists the children in sorted order without touching them.
func (p *Param) Names() []string {
	if p == nil {
		return nil
	}
	out := make([]string, 0, len(p.Kids))
	for k := range p.Kids {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// MarkAll accepts a whole subtree (metadata, expand) as understood.
func (p *Param) MarkAll() {
	if p == nil {
		return
	}
	p.touched, p.read = true, true
	for _, c := range p.Kids {
		c.MarkAll()
	}
}

// Unknown returns the error for the first parameter (in sorted order) that
// no handler read, or nil when everything was understood.
func (p *Param) Unknown() error {
	if p == nil {
		return nil
	}
	if !p.touched {
		return p.acceptDocumented()
	}
	if p.Value != nil && !p.read && len(p.Kids) == 0 {
		if sp, ok := p.doc.lookup(p.Path); ok && sp.scalar() {
			return p.acceptDocumented()
		}
	}
	if p.Value != nil && !p.read {
		// A scalar where the handler expected a hash.
		return Invalid("", p.Path, "Invalid object: %s must be a hash, not a string", p.Path)
	}
	for _, name := range p.Names() {
		if err := p.Kids[name].Unknown(); err != nil {
			return err
		}
	}
	return nil
}
