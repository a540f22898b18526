package wire

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// namer hands out variable names: one per distinct sensitive value of a
// field (ID_NUMBER, ID_NUMBER_2) and one per created object (ACCOUNT_1).
// It remembers sensitive values only as hashes, so the log never holds
// them.
type namer struct {
	mu      sync.Mutex
	ids     map[string]string   // object id -> variable
	secrets map[[32]byte]string // hash of (name, value) -> variable
	counts  map[string]int
}

func newNamer() *namer {
	return &namer{ids: map[string]string{}, secrets: map[[32]byte]string{}, counts: map[string]int{}}
}

func (n *namer) secret(base, value string) string {
	h := sha256.Sum256([]byte(base + "\x00" + value))
	n.mu.Lock()
	defer n.mu.Unlock()
	if v, ok := n.secrets[h]; ok {
		return v
	}
	n.counts[base]++
	v := base
	if c := n.counts[base]; c > 1 {
		v = fmt.Sprintf("%s_%d", base, c)
	}
	n.secrets[h] = v
	return v
}

func (n *namer) id(id string) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.ids[id]
}

// created gives id a variable; fresh is false when it already had one.
func (n *namer) created(base, id string) (v string, fresh bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if v, ok := n.ids[id]; ok {
		return v, false
	}
	n.counts["#"+base]++
	v = fmt.Sprintf("%s_%d", base, n.counts["#"+base])
	n.ids[id] = v
	return v, true
}

// shownHeaders are the request headers a replay needs; the key
// (Authorization) is never among them.
var shownHeaders = []string{"Stripe-Version", "Stripe-Account", "Stripe-Context", "Idempotency-Key"}

// capture turns a request into a record, replacing sensitive values and
// known ids by variables.
func (n *namer) capture(req *http.Request, body []byte) Record {
	r := Record{Method: req.Method, Origin: req.URL.Scheme + "://" + req.URL.Host}
	endpoint := req.URL.Path
	for _, seg := range strings.Split(strings.Trim(endpoint, "/"), "/") {
		if v := n.id(seg); v != "" {
			r.Path = append(r.Path, Param{Value: seg, Var: v})
		} else {
			r.Path = append(r.Path, Param{Value: seg})
		}
	}
	for _, kv := range orderedQuery(req.URL.RawQuery) {
		r.Query = append(r.Query, n.param(endpoint, kv[0], kv[1]))
	}
	for _, h := range shownHeaders {
		if v := req.Header.Get(h); v != "" {
			p := Param{Key: h, Value: v}
			if id := n.id(v); id != "" {
				p = Param{Key: h, Value: v, Var: id}
			}
			r.Header = append(r.Header, p)
		}
	}
	ct, ctParams, _ := mime.ParseMediaType(req.Header.Get("Content-Type"))
	switch {
	case len(body) == 0:
	case ct == "application/x-www-form-urlencoded":
		for _, kv := range orderedQuery(string(body)) {
			r.Form = append(r.Form, n.param(endpoint, kv[0], kv[1]))
		}
	case ct == "application/json":
		r.JSON = n.jsonBody(endpoint, body)
	case ct == "multipart/form-data":
		r.Multipart = n.multipartBody(body, ctParams["boundary"])
	default:
		r.Form = []Param{{Key: "(body)", Var: "BODY", Secret: true}}
	}
	// Stripe reads form parameters by name: they are shown sorted, so the
	// same journey prints the same script at every run (the order of
	// repeated keys, an array's items, is kept).
	sort.SliceStable(r.Form, func(i, j int) bool { return r.Form[i].Key < r.Form[j].Key })
	for _, ps := range [][]Param{r.Query, r.Form, r.Multipart} {
		for _, p := range ps {
			if p.Secret {
				r.Sensitive = appendOnce(r.Sensitive, p.Var)
			}
		}
	}
	for _, s := range r.JSON {
		if s.Var != "" && !isIDVar(s.Var) {
			r.Sensitive = appendOnce(r.Sensitive, s.Var)
		}
	}
	return r
}

var idVar = regexp.MustCompile(`^(ACCOUNT|PERSON|TOKEN|FILE|BANK_ACCOUNT)_\d+$`)

func isIDVar(v string) bool { return idVar.MatchString(v) }

func appendOnce(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// param is one form or query pair: a captured id, a placeholder for a
// sensitive value, or the value itself.
func (n *namer) param(endpoint, key, value string) Param {
	if v := n.id(value); v != "" {
		return Param{Key: key, Value: value, Var: v}
	}
	if name, ok := sensitiveParam(endpoint, key); ok && value != "" {
		return Param{Key: key, Var: n.secret(name, value), Secret: true}
	}
	return Param{Key: key, Value: value}
}

// orderedQuery parses a query or form body keeping the order of its pairs
// (Stripe's nested parameters read best in the order they were sent).
func orderedQuery(s string) [][2]string {
	var out [][2]string
	for _, part := range strings.Split(s, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		ku, err1 := url.QueryUnescape(k)
		vu, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			ku, vu = k, v
		}
		out = append(out, [2]string{ku, vu})
	}
	return out
}

// sentinel marks a variable inside a JSON body while it is re-encoded.
const sentinel = "\u00a7\u00a7"

// jsonBody re-encodes a v2 body with its sensitive strings and known ids
// as variables, split into literal and variable segments.
func (n *namer) jsonBody(endpoint string, body []byte) []Segment {
	var v any
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	if d.Decode(&v) != nil {
		return []Segment{{Var: "BODY"}}
	}
	v = n.walkJSON(endpoint, nil, v, nil)
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return []Segment{{Var: "BODY"}}
	}
	var segs []Segment
	parts := strings.Split(string(out), sentinel)
	for i, p := range parts {
		if i%2 == 1 {
			segs = append(segs, Segment{Var: p})
		} else if p != "" {
			segs = append(segs, Segment{Text: p})
		}
	}
	return segs
}

func (n *namer) walkJSON(endpoint string, path []string, v any, parent map[string]any) any {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			x[k] = n.walkJSON(endpoint, append(append([]string(nil), path...), k), x[k], x)
		}
		return x
	case []any:
		for i := range x {
			x[i] = n.walkJSON(endpoint, path, x[i], nil)
		}
		return x
	case string:
		if id := n.id(x); id != "" {
			return sentinel + id + sentinel
		}
		if name, ok := sensitiveV2(endpoint, path, parent); ok && x != "" {
			return sentinel + n.secret(name, x) + sentinel
		}
	}
	return v
}

// multipartBody lists a file upload's fields; the file itself is a
// placeholder for its path (documents are sensitive).
func (n *namer) multipartBody(body []byte, boundary string) []Param {
	var out []Param
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		p, err := mr.NextPart()
		if err != nil {
			break
		}
		data, _ := io.ReadAll(p)
		if p.FileName() != "" {
			out = append(out, Param{Key: p.FormName(), Var: n.secret("DOCUMENT", string(data)), Secret: true})
			continue
		}
		out = append(out, Param{Key: p.FormName(), Value: string(data)})
	}
	return out
}
