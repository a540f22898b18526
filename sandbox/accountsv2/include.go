package accountsv2

import (
	"net/http"
	"strings"
)

// includeValues are the include values the Accounts v2 endpoints know.
var includeValues = map[string]bool{"configuration.customer": true, "configuration.merchant": true, "configuration.recipient": true,
	"configuration.storer": true, "defaults": true, "future_requirements": true, "identity": true, "requirements": true}

// includes reads include from the query (include=a,b; include[0]=a;
// include[]=a) or from a JSON body's include list; bad is the first
// value no endpoint knows (Stripe refuses it).
func includes(r *http.Request, body map[string]any) (out map[string]bool, bad string) {
	out = parseIncludes(r, body)
	for k := range out {
		if !includeValues[k] {
			return nil, k
		}
	}
	return out, ""
}

func parseIncludes(r *http.Request, body map[string]any) map[string]bool {
	out := map[string]bool{}
	for k, vs := range r.URL.Query() {
		if k == "include" || k == "include[]" || strings.HasPrefix(k, "include[") {
			for _, v := range vs {
				for _, p := range strings.Split(v, ",") {
					out[strings.TrimSpace(p)] = true
				}
			}
		}
	}
	if list, ok := body["include"].([]any); ok {
		for _, x := range list {
			if s, ok := x.(string); ok {
				out[s] = true
			}
		}
	}
	return out
}
