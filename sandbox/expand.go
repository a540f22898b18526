package sandbox

import (
	"bytes"
	"encoding/json"
	"net/url"
	"onboard/sandbox/params"
	"slices"
	"sort"
	"strings"
)

// expand[] names properties of the response to answer as objects instead
// of ids. The ones each endpoint may expand are the spec's
// (params.Endpoints()[…].Expand, generated from spec3.json); any other is
// refused as Stripe refuses it.

// expandPaths lists the expand[] values of a request form, in order.
func expandPaths(form url.Values) []string {
	var keys []string
	for k := range form {
		if k == "expand" || strings.HasPrefix(k, "expand[") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		for _, v := range form[k] {
			if v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// checkExpand refuses a path the endpoint cannot expand.
func checkExpand(r *request, paths []string) error {
	ep, ok := params.Endpoints()[r.route]
	if !ok {
		return nil
	}
	for _, p := range paths {
		if !slices.Contains(ep.Expand, p) {
			return invalid("", "", "This property cannot be expanded (%s).", p)
		}
	}
	return nil
}

// expandBody replaces the ids at paths in a response body by the objects
// they name (a list's items are under "data").
func expandBody(r *request, body []byte, paths []string) ([]byte, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	for _, p := range paths {
		var err error
		if v, err = expandAt(r, v, strings.Split(p, ".")); err != nil {
			return nil, err
		}
	}
	return json.Marshal(v)
}

func expandAt(r *request, v any, path []string) (any, error) {
	if len(path) == 0 {
		id, ok := v.(string)
		if !ok {
			return v, nil // null, or already an object
		}
		return expandID(r, id)
	}
	switch x := v.(type) {
	case map[string]any:
		sub, ok := x[path[0]]
		if !ok {
			return v, nil
		}
		next, err := expandAt(r, sub, path[1:])
		if err != nil {
			return nil, err
		}
		x[path[0]] = next
	case []any:
		for i := range x {
			next, err := expandAt(r, x[i], path)
			if err != nil {
				return nil, err
			}
			x[i] = next
		}
	}
	return v, nil
}

// expandID is the object an id names: an account or an uploaded file.
// Stripe's test file tokens name no stored file and stay ids.
func expandID(r *request, id string) (any, error) {
	var obj any
	switch {
	case strings.HasPrefix(id, "acct_"):
		a, _, err := mustAccount(r, id, "expand")
		if err != nil {
			return nil, err
		}
		obj = renderAccount(a, r.now)
	case strings.HasPrefix(id, "file_"):
		if _, magic := magicFiles[id]; magic {
			return id, nil
		}
		f, err := loadFile(r, id, "expand")
		if err != nil {
			return nil, err
		}
		obj = f.fileJSON
	default:
		return id, nil
	}
	var out any
	return out, json.Unmarshal(mustJSON(obj), &out)
}
