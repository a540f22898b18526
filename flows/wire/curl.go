package wire

import (
	"fmt"
	"net/url"
	"strings"

	"onboard/schema"
)

// The curl form of a record is a bash command that sends the same request:
// the key is $STRIPE_API_KEY, each sensitive value a variable the user sets
// ("$ID_NUMBER"), and the id of each object the run created is caught from
// the response into a variable (ACCOUNT_1=$(curl … | grep …)) so the
// commands, run in order, replay the journey on a fresh account.

// curlPreamble is printed once before the first curl command: the
// placeholders, and a shell that stops at the first failure, inside
// $(…) too (inherit_errexit), with curl failing on an HTTP error
// (--fail-with-body) so a refused request never leaves PERSON_1= empty.
var curlPreamble = schema.T(`# Requests as curl (bash 4.4 or later, curl 7.76 or later). Set STRIPE_API_KEY
# and every variable in the "needs:" lines before running (Stripe's test
# values in test mode: README.md lists them per country); ids of created
# objects are caught as they come. The placeholders onboard may use:
%s
# Idempotency keys start with ONBOARD_RUN, so each replay makes new objects.
set -euo pipefail
shopt -s inherit_errexit
ONBOARD_RUN="${ONBOARD_RUN:-replay-$(date +%%s)-$RANDOM$RANDOM}"
`)

// placeholderLines lists Placeholders as comment lines of at most about
// 80 columns, each line starting with prefix.
func placeholderLines(prefix string) string {
	var lines []string
	line := prefix
	for _, p := range Placeholders() {
		if len(line)+len(p)+1 > 80 && line != prefix {
			lines = append(lines, line)
			line = prefix
		}
		line += " " + p
	}
	return strings.Join(append(lines, line), "\n")
}

// txtRetries counts the attempts after the first.
var txtRetries = schema.T("%d retries")

// Curl renders r as a curl command, preceded by a comment with its outcome
// in lang.
func Curl(r Record, lang schema.Lang) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", Summary(r, lang))
	if len(r.Sensitive) > 0 {
		fmt.Fprintf(&b, "# needs: %s\n", strings.Join(dollars(r.Sensitive), " "))
	}
	lines := []string{"curl -sS -g -w '\\n'"}
	if r.Method != "GET" && (r.Method != "POST" || (len(r.Form) == 0 && len(r.JSON) == 0 && len(r.Multipart) == 0)) {
		lines[0] += " -X " + r.Method
	}
	lines[0] += " " + dq(urlSegments(r))
	lines = append(lines, "--fail-with-body", `-u "${STRIPE_API_KEY}:"`)
	for _, h := range r.Header {
		if h.Key == "Idempotency-Key" {
			// The run's prefix: a replay must not get the original's
			// answers back from Stripe's idempotency cache.
			lines = append(lines, "-H "+dq([]Segment{{Text: h.Key + ": "}, {Var: "ONBOARD_RUN"}, {Text: "-" + h.Value}}))
			continue
		}
		lines = append(lines, "-H "+dq([]Segment{{Text: h.Key + ": " + h.Value}, {Var: h.Var}}))
	}
	for _, p := range r.Form {
		lines = append(lines, "--data-urlencode "+dq([]Segment{{Text: p.Key + "="}, {Text: p.Value, Var: p.Var}}))
	}
	for _, p := range r.Multipart {
		if p.Secret {
			lines = append(lines, "-F "+dq([]Segment{{Text: p.Key + "=@"}, {Var: p.Var}}))
			continue
		}
		lines = append(lines, "-F "+dq([]Segment{{Text: p.Key + "="}, {Text: p.Value, Var: p.Var}}))
	}
	heredoc := ""
	if len(r.JSON) > 0 {
		lines = append(lines, "-H 'Content-Type: application/json'", "--data-binary @- <<JSON")
		var body strings.Builder
		for _, s := range r.JSON {
			if s.Var != "" {
				body.WriteString("${" + s.Var + "}")
				continue
			}
			body.WriteString(heredocEscape(s.Text))
		}
		heredoc = body.String() + "\nJSON\n"
	}
	cmd := strings.Join(lines, " \\\n  ")
	if r.Created != "" {
		// sed reads to the end, where head would close the pipe early
		// and fail the pipeline under pipefail.
		cmd = r.Created + "=$(" + cmd + " \\\n  | grep -o '\"id\": *\"" + r.CreatedPrefix + "[^\"]*\"' | cut -d'\"' -f4 | sed -n 1p"
		if heredoc != "" {
			return b.String() + cmd + "\n" + heredoc + ")\n" + `echo "` + r.Created + `=${` + r.Created + `}"` + "\n"
		}
		return b.String() + cmd + ")\n" + `echo "` + r.Created + `=${` + r.Created + `}"` + "\n"
	}
	return b.String() + cmd + "\n" + heredoc
}

// Summary is a record's one-line outcome: method, path, status, request
// id, duration and retries.
func Summary(r Record, lang schema.Lang) string { return summary(r, r.PathString(), lang) }

// Line is Summary with the path as sent (real ids), for people reading
// what happened rather than replaying it.
func Line(r Record, lang schema.Lang) string { return summary(r, r.RealPath(), lang) }

func summary(r Record, path string, lang schema.Lang) string {
	s := fmt.Sprintf("%d %s %s", r.Seq, r.Method, path)
	switch {
	case r.Err != "":
		s += " → " + r.Err
	default:
		s += fmt.Sprintf(" → %d", r.Status)
	}
	if r.RequestID != "" {
		s += " " + r.RequestID
	}
	s += fmt.Sprintf(" (%d ms", r.Duration.Milliseconds())
	if r.Retries > 0 {
		s += ", " + fmt.Sprintf(txtRetries.In(lang), r.Retries)
	}
	return s + ")"
}

func dollars(vars []string) []string {
	out := make([]string, len(vars))
	for i, v := range vars {
		out[i] = "$" + v
	}
	return out
}

// urlSegments is the request URL as literal text and variables.
func urlSegments(r Record) []Segment {
	segs := []Segment{{Text: r.Origin}}
	for _, p := range r.Path {
		segs = append(segs, Segment{Text: "/"}, Segment{Text: p.Value, Var: p.Var})
	}
	for i, q := range r.Query {
		sep := "&"
		if i == 0 {
			sep = "?"
		}
		segs = append(segs, Segment{Text: sep + queryEscape(q.Key) + "="}, Segment{Text: queryEscape(q.Value), Var: q.Var})
	}
	return segs
}

// queryEscape escapes a query part but keeps Stripe's brackets readable
// (curl -g sends them as they are).
func queryEscape(s string) string {
	return strings.NewReplacer("%5B", "[", "%5D", "]").Replace(url.QueryEscape(s))
}

// dq writes segments as one double-quoted shell word: literal text with
// ", $, ` and \ escaped, variables as ${NAME}.
func dq(segs []Segment) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, s := range segs {
		if s.Var != "" {
			b.WriteString("${" + s.Var + "}")
			continue
		}
		b.WriteString(strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`").Replace(s.Text))
	}
	b.WriteByte('"')
	return b.String()
}

// heredocEscape makes text literal inside an unquoted here-document, whose
// variables must expand.
func heredocEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "$", `\$`, "`", "\\`").Replace(s)
}
