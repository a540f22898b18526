package wire

import (
	"fmt"
	"strconv"
	"strings"

	"onboard/schema"
)

// The Go form of a record is the stripe-go v82 call that sends the same
// request: the typed service and params for v1 (parameters added with
// AddExtra, under the names Stripe's API uses), a raw request for v2 and
// for anything else, the key and each sensitive value read from the
// environment.

// goPreamble is printed once before the first Go call.
var goPreamble = schema.T(`// Requests as stripe-go v82 calls. Setup:
//   ctx := context.Background()
//   sc := stripe.NewClient(os.Getenv("STRIPE_API_KEY"))
//   rb, _ := stripe.GetRawRequestBackend(stripe.APIBackend)
//   raw := rawrequest.Client{B: rb, Key: os.Getenv("STRIPE_API_KEY")}
//   var err error
// Each call is followed by the usual if err != nil { … }. Sensitive values
// are read from the environment (os.Getenv), under these names:
%s
`)

// route is a v1 endpoint with its typed service call.
type route struct {
	method  string
	pattern []string // "*" matches one path segment
	params  string   // params type; "" for none
	call    string   // format with the path arguments (Go expressions)
	// account is the index of the path segment that goes in the params'
	// Account field (-1: none).
	account int
	list    bool
}

var routes = []route{
	{"POST", []string{"v1", "accounts"}, "AccountCreateParams", "sc.V1Accounts.Create(ctx, params)", -1, false},
	{"GET", []string{"v1", "accounts"}, "AccountListParams", "sc.V1Accounts.List(ctx, params)", -1, true},
	{"GET", []string{"v1", "accounts", "*"}, "", "sc.V1Accounts.GetByID(ctx, %s, nil)", -1, false},
	{"POST", []string{"v1", "accounts", "*"}, "AccountUpdateParams", "sc.V1Accounts.Update(ctx, %s, params)", -1, false},
	{"DELETE", []string{"v1", "accounts", "*"}, "", "sc.V1Accounts.Delete(ctx, %s, nil)", -1, false},
	{"GET", []string{"v1", "accounts", "*", "persons"}, "PersonListParams", "sc.V1Persons.List(ctx, params)", 2, true},
	{"POST", []string{"v1", "accounts", "*", "persons"}, "PersonCreateParams", "sc.V1Persons.Create(ctx, params)", 2, false},
	{"POST", []string{"v1", "accounts", "*", "persons", "*"}, "PersonUpdateParams", "sc.V1Persons.Update(ctx, %[2]s, params)", 2, false},
	{"DELETE", []string{"v1", "accounts", "*", "persons", "*"}, "PersonDeleteParams", "sc.V1Persons.Delete(ctx, %[2]s, params)", 2, false},
	{"GET", []string{"v1", "accounts", "*", "capabilities"}, "CapabilityListParams", "sc.V1Capabilities.List(ctx, params)", 2, true},
	{"POST", []string{"v1", "accounts", "*", "external_accounts"}, "BankAccountCreateParams", "sc.V1BankAccounts.Create(ctx, params)", 2, false},
	{"POST", []string{"v1", "tokens"}, "TokenCreateParams", "sc.V1Tokens.Create(ctx, params)", -1, false},
	{"POST", []string{"v1", "account_links"}, "AccountLinkCreateParams", "sc.V1AccountLinks.Create(ctx, params)", -1, false},
	{"GET", []string{"v1", "events"}, "EventListParams", "sc.V1Events.List(ctx, params)", -1, true},
}

// Go renders r as a stripe-go v82 call, preceded by a comment with its
// outcome in lang.
func Go(r Record, lang schema.Lang) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// %s\n", Summary(r, lang))
	if isFiles(r) {
		b.WriteString(goFile(r))
		return b.String()
	}
	rt, args, ok := match(r)
	if !ok || len(r.JSON) > 0 || len(r.Multipart) > 0 {
		b.WriteString(goRaw(r))
		return b.String()
	}
	result, assign := "_", "="
	if r.Created != "" {
		result, assign = goVar(r.Created), ":="
	}
	params := fmt.Sprintf("params%d", r.Seq)
	if rt.params != "" {
		b.WriteString(params + " := &stripe." + rt.params + "{")
		if rt.account >= 0 {
			b.WriteString("Account: stripe.String(" + goExpr(r.Path[rt.account]) + ")")
		}
		b.WriteString("}\n")
		pairs := r.Form
		if rt.list {
			pairs = r.Query
		}
		for _, p := range pairs {
			if rt.list {
				if p.Key == "limit" {
					b.WriteString(params + ".Limit = stripe.Int64(" + p.Value + ")\n")
					continue
				}
				fmt.Fprintf(&b, "%s.Filters.AddFilter(%s, \"\", %s)\n", params, strconv.Quote(p.Key), goExpr(p))
				continue
			}
			fmt.Fprintf(&b, "%s.AddExtra(%s, %s)\n", params, strconv.Quote(p.Key), goExpr(p))
		}
		for _, h := range r.Header {
			switch h.Key {
			case "Idempotency-Key":
				if !rt.list {
					fmt.Fprintf(&b, "%s.SetIdempotencyKey(%s)\n", params, goExpr(h))
				}
			case "Stripe-Account":
				fmt.Fprintf(&b, "%s.SetStripeAccount(%s)\n", params, goExpr(h))
			}
		}
	}
	call := rt.call
	if strings.Contains(call, "%") {
		call = fmt.Sprintf(call, args...)
	}
	call = strings.ReplaceAll(call, "params)", params+")")
	if rt.list {
		fmt.Fprintf(&b, "for item, err := range %s {\n\t_, _ = item, err\n}\n", call)
		return b.String()
	}
	fmt.Fprintf(&b, "%s, err %s %s\n", result, assign, call)
	return b.String()
}

// match finds r's typed route and its path arguments as Go expressions.
func match(r Record) (route, []any, bool) {
	for _, rt := range routes {
		if rt.method != r.Method || len(rt.pattern) != len(r.Path) {
			continue
		}
		var args []any
		ok := true
		for i, seg := range rt.pattern {
			if seg == "*" {
				args = append(args, goExpr(r.Path[i]))
				continue
			}
			if r.Path[i].Var != "" || r.Path[i].Value != seg {
				ok = false
				break
			}
		}
		if ok {
			return rt, args, true
		}
	}
	return route{}, nil, false
}

func isFiles(r Record) bool {
	return r.Method == "POST" && len(r.Path) == 2 && r.Path[0].Value == "v1" && r.Path[1].Value == "files"
}

// goFile is a file upload: the document is opened from the path the
// placeholder names.
func goFile(r Record) string {
	var b strings.Builder
	result, assign := "_", "="
	if r.Created != "" {
		result, assign = goVar(r.Created), ":="
	}
	params := fmt.Sprintf("params%d", r.Seq)
	b.WriteString(params + " := &stripe.FileCreateParams{}\n")
	for _, p := range r.Multipart {
		switch {
		case p.Secret:
			fmt.Fprintf(&b, "f%d, _ := os.Open(os.Getenv(%q))\n%s.FileReader, %s.Filename = f%d, stripe.String(f%d.Name())\n", r.Seq, p.Var, params, params, r.Seq, r.Seq)
		case p.Key == "purpose":
			fmt.Fprintf(&b, "%s.Purpose = stripe.String(%s)\n", params, goExpr(p))
		default:
			fmt.Fprintf(&b, "%s.AddExtra(%s, %s)\n", params, strconv.Quote(p.Key), goExpr(p))
		}
	}
	fmt.Fprintf(&b, "%s, err %s sc.V1Files.Create(ctx, %s)\n", result, assign, params)
	return b.String()
}

// goRaw is a raw request: v2 endpoints (stripe-go v82 has no typed v2
// accounts) and anything without a typed route.
func goRaw(r Record) string {
	var b strings.Builder
	// The path and query as one Go string expression: literals merged,
	// captured ids and placeholders as expressions.
	var segs []goPart
	for _, p := range r.Path {
		segs = append(segs, goPart{lit: "/"})
		if p.Var != "" {
			segs = append(segs, goPart{expr: goVarExpr(p.Var)})
		} else {
			segs = append(segs, goPart{lit: p.Value})
		}
	}
	for i, q := range r.Query {
		sep := "&"
		if i == 0 {
			sep = "?"
		}
		segs = append(segs, goPart{lit: sep + queryEscape(q.Key) + "="})
		if q.Var != "" {
			segs = append(segs, goPart{expr: "url.QueryEscape(" + goVarExpr(q.Var) + ")"})
		} else {
			segs = append(segs, goPart{lit: queryEscape(q.Value)})
		}
	}
	pathExpr := goConcat(segs)
	content := `""`
	switch {
	case len(r.JSON) > 0:
		var parts []string
		for _, s := range r.JSON {
			if s.Var != "" {
				parts = append(parts, goVarExpr(s.Var))
				continue
			}
			parts = append(parts, "`"+strings.ReplaceAll(s.Text, "`", "`+\"`\"+`")+"`")
		}
		content = strings.Join(parts, " + ")
	case len(r.Form) > 0:
		var parts []string
		for i, p := range r.Form {
			sep := "&"
			if i == 0 {
				sep = ""
			}
			parts = append(parts, fmt.Sprintf("%q + url.QueryEscape(%s)", sep+p.Key+"=", goExpr(p)))
		}
		content = strings.Join(parts, " + ")
	}
	params := fmt.Sprintf("params%d", r.Seq)
	b.WriteString(params + " := &stripe.RawParams{}\n")
	for _, h := range r.Header {
		switch h.Key {
		case "Idempotency-Key":
			fmt.Fprintf(&b, "%s.SetIdempotencyKey(%s)\n", params, goExpr(h))
		case "Stripe-Account":
			fmt.Fprintf(&b, "%s.SetStripeAccount(%s)\n", params, goExpr(h))
		case "Stripe-Version":
			fmt.Fprintf(&b, "%s.Headers = http.Header{\"Stripe-Version\": {%s}}\n", params, goExpr(h))
		}
	}
	result, assign := "_", "="
	if r.Created != "" {
		v := goVar(r.Created)
		result, assign = "resp"+strings.ToUpper(v[:1])+v[1:], ":="
	}
	fmt.Fprintf(&b, "%s, err %s raw.RawRequest(%q, %s, %s, %s)\n", result, assign, r.Method, pathExpr, content, params)
	if r.Created != "" {
		fmt.Fprintf(&b, "var %s struct{ ID string }\n_ = json.Unmarshal(%s.RawJSON, &%s)\n", goVar(r.Created), result, goVar(r.Created))
	}
	return b.String()
}

// goExpr is a value as a Go expression: a literal, a created object's id,
// or an environment variable.
func goExpr(p Param) string {
	if p.Var != "" {
		return goVarExpr(p.Var)
	}
	return strconv.Quote(p.Value)
}

func goVarExpr(v string) string {
	if isIDVar(v) {
		return goVar(v) + ".ID"
	}
	return fmt.Sprintf("os.Getenv(%q)", v)
}

// goVar is ACCOUNT_1 as a Go identifier: account1.
func goVar(v string) string {
	parts := strings.Split(strings.ToLower(v), "_")
	out := parts[0]
	for _, p := range parts[1:] {
		if p == "" {
			continue
		}
		if p[0] >= '0' && p[0] <= '9' {
			out += p
			continue
		}
		out += strings.ToUpper(p[:1]) + p[1:]
	}
	return out
}

// goPart is a piece of a Go string expression: literal text or an
// expression.
type goPart struct{ lit, expr string }

// goConcat joins parts into one expression, merging adjacent literals.
func goConcat(parts []goPart) string {
	var out []string
	lit, have := "", false
	for _, p := range parts {
		if p.expr == "" {
			lit, have = lit+p.lit, true
			continue
		}
		if have {
			out = append(out, strconv.Quote(lit))
			lit, have = "", false
		}
		out = append(out, p.expr)
	}
	if have || len(out) == 0 {
		out = append(out, strconv.Quote(lit))
	}
	return strings.Join(out, " + ")
}
