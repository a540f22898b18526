// Package answers reads, checks, runs and records answers files: one
// flat map of requirement paths (and a few setup keys) to values, read as
// text. Load or Read take a file, Parse or ParseWith one map of answer keys
// (a file's, a row's); Answers.Validate checks every value for an account
// before any request; Setup.Account and Setup.Check are the account the
// setup keys describe and flows.CheckSetup's problems with it; Run drives a
// flows.Journey from the answers; a Recorder writes what a journey sent as
// a file that replays it.
//
// The package imports flows (it drives a Journey and fills its Steps) and
// flows never imports it back: a client hears a Recorder through the small
// flows.StepRecorder interface (docs/ARCHITECTURE.md, "The rules between
// rooms").
package answers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"onboard/flows"
	"onboard/schema"
)

// Answers are the values of an answers file, keyed by field key (the
// requirement path, or its parent for dates: individual.dob).
type Answers struct {
	Values map[string]string
	// Keys lists the file's own keys, to report answers that were not used.
	Keys []string
	// Setup is what the file says about the account to create; flags win
	// over it.
	Setup Setup
}

// Setup is the account setup an answers file may carry besides the
// answers: the same choices as new's flags.
type Setup struct {
	Country, BusinessType, AccountsAPI, ContactEmail string
	Capabilities, Configurations                     []string
	// Strategy is what the run collects: progressive, upfront or future
	// (flows.Strategies); "" when the file does not say.
	Strategy string
}

// Options change how strictly an answers file is read.
type Options struct {
	// IgnoreUnknown accepts keys that are no known requirement path (they
	// are kept, and sent only if Stripe asks for them).
	IgnoreUnknown bool
	// Lang is the language of the errors.
	Lang schema.Lang
}

// Load reads an answers file (JSON, or YAML for .yaml/.yml). The
// file is one flat map of requirement paths to values (README, "Answers files"), read
// as text: every value means exactly what was written. Without options
// unknown keys are errors and messages are in English.
func Load(path string, options ...Options) (Answers, error) {
	return Read(context.Background(), path, os.Stdin, options...)
}

// Read is Load with "-" read from stdin, and every read
// given up when ctx ends (an interrupt while a pipe is silent). Only a
// regular file or stdin is read, and at most maxAnswersSize bytes of it.
func Read(ctx context.Context, path string, stdin io.Reader, options ...Options) (Answers, error) {
	var opts Options
	if len(options) > 0 {
		opts = options[0]
	}
	raw, err := readAnswersInput(ctx, path, stdin)
	if err != nil {
		var ae *answerError
		if errors.As(err, &ae) {
			return Answers{}, fmt.Errorf("%s %s: %s", schema.T("answers file").In(opts.Lang), path, ae.In(opts.Lang))
		}
		return Answers{}, fmt.Errorf("%s: %w", schema.T("read answers").In(opts.Lang), err)
	}
	v, err := decodeAnswers(path, raw)
	if err == nil {
		var a Answers
		if a, err = parseAnswers(v, opts); err == nil {
			return a, nil
		}
	}
	return Answers{}, fmt.Errorf(schema.T("answers file %s: %s").In(opts.Lang), path, inLang(err, opts.Lang))
}

// Parse normalizes a decoded answers map (see Load): one row of answer
// keys and values, as a file holds them, the setup keys apart; unknown keys
// are kept. Validate checks the values for an account.
func Parse(m map[string]any) (Answers, error) {
	return parseAnswers(fromGo(m), Options{IgnoreUnknown: true})
}

// ParseWith is Parse as strict as opts say (unknown keys refused unless
// opts.IgnoreUnknown), its errors in opts.Lang: one row of a batch is
// read as a file is.
func ParseWith(m map[string]any, opts Options) (Answers, error) {
	a, err := parseAnswers(fromGo(m), opts)
	if err != nil {
		return Answers{}, errors.New(inLang(err, opts.Lang))
	}
	return a, nil
}

// Account is the new account the setup keys describe, as given (no
// defaults: a caller fills what the file leaves out).
func (s Setup) Account() flows.NewAccount {
	return flows.NewAccount{Country: s.Country, BusinessType: s.BusinessType, Capabilities: s.Capabilities,
		API: s.AccountsAPI, Configurations: s.Configurations, Email: s.ContactEmail}
}

// Check is the first problem flows.CheckSetup finds with the setup, each
// choice named by its key, in lang; nil when there is none.
func (s Setup) Check(lang schema.Lang) error {
	if ps := flows.CheckSetup(s.Account(), lang); len(ps) > 0 {
		return errors.New(ps[0].In(lang, flows.SetupKey))
	}
	return nil
}

// setupKeys are the keys that describe the account rather than answer a
// requirement.
var setupKeys = map[string]bool{"country": true, "business_type": true, "capabilities": true,
	"accounts_api": true, "configurations": true, "contact_email": true, "strategy": true}

// parseAnswers checks the file's shape and normalizes it: dates given whole
// or as day/month/year parts, external_account as a token or an object,
// tos_acceptance as true, the setup keys apart.
func parseAnswers(root answerValue, opts Options) (Answers, error) {
	if root.kind != kindMap {
		return Answers{}, errf(schema.T("expected one map of requirement paths to values, got %s"), root.kind)
	}
	a := Answers{Values: map[string]string{}}
	dates := map[string]map[string]string{}
	var unknown []string
	for _, k := range root.keys {
		v := root.m[k]
		if setupKeys[k] {
			if err := a.Setup.set(k, v); err != nil {
				return Answers{}, err
			}
			continue
		}
		a.Keys = append(a.Keys, k)
		switch {
		case k == "external_account":
			if err := bankAnswer(a.Values, v); err != nil {
				return Answers{}, err
			}
		case isDatePart(k):
			s, err := textOf(k, v, false)
			if err != nil {
				return Answers{}, err
			}
			i := strings.LastIndexByte(k, '.')
			if dates[k[:i]] == nil {
				dates[k[:i]] = map[string]string{}
			}
			dates[k[:i]][k[i+1:]] = s
		case k == "tos_acceptance.date" || k == "tos_acceptance.ip":
			if _, err := textOf(k, v, false); err != nil {
				return Answers{}, err
			}
			a.Values["tos_acceptance"] = "true"
		default:
			f := schema.Lookup(k, "")
			if f.Generic {
				unknown = append(unknown, k)
			}
			s, err := textOf(k, v, f.Kind == schema.KindYesNo || f.Kind == schema.KindAcceptance || f.Generic)
			if err != nil {
				return Answers{}, err
			}
			a.Values[k] = s
		}
	}
	for parent := range dates {
		if schema.Lookup(parent, "").Generic {
			unknown = append(unknown, parent+".day")
		}
	}
	if len(unknown) > 0 && !opts.IgnoreUnknown {
		sort.Strings(unknown)
		return Answers{}, unknownKeys(unknown, opts.Lang)
	}
	for parent, parts := range dates {
		if _, whole := a.Values[parent]; whole {
			return Answers{}, errf(schema.T("answer %s: given whole and in parts; give one"), parent)
		}
		d, m, y := parts["day"], parts["month"], parts["year"]
		di, errD := strconv.Atoi(d)
		mi, errM := strconv.Atoi(m)
		_, errY := strconv.Atoi(y)
		if d == "" || m == "" || y == "" {
			return Answers{}, errf(schema.T("answer %s: give day, month and year together, or %s as YYYY-MM-DD"), parent, parent)
		}
		if errD != nil || errM != nil || errY != nil {
			return Answers{}, errf(schema.T("answer %s: day, month and year must be numbers"), parent)
		}
		a.Values[parent] = fmt.Sprintf("%s-%02d-%02d", y, mi, di)
		a.Keys = append(a.Keys, parent)
	}
	sort.Strings(a.Keys)
	return a, nil
}

func isDatePart(k string) bool {
	return strings.HasSuffix(k, ".day") || strings.HasSuffix(k, ".month") || strings.HasSuffix(k, ".year")
}

// textOf is a value that must be text (a string or a number as written),
// or true/false when boolOK.
func textOf(key string, v answerValue, boolOK bool) (string, error) {
	switch {
	case v.kind == kindText, v.kind == kindBool && boolOK:
		return v.text, nil
	case v.kind == kindBool:
		return "", errf(schema.T("answer %s%s: expected text, got %s (quote it if you mean the word)"), key, at(v), v.text)
	}
	return "", errf(schema.T("answer %s%s: expected text, got %s"), key, at(v), v.kind)
}

func at(v answerValue) lineRef { return lineRef(v.line) }

// unknownShown is how many unknown keys are listed, each with the nearest
// known one; the rest are counted.
const unknownShown = 10

// unknownKeys is the error for keys that are no requirement path: the
// first few, each with the nearest known one, and how many more (a file
// of 100,000 stray keys is one short message, found in well under a
// second: a suggestion compares a key with the whole catalog).
func unknownKeys(keys []string, lang schema.Lang) error {
	var b strings.Builder
	b.WriteString(schema.T("unknown key(s), not a requirement path:").In(lang))
	for _, k := range keys[:min(len(keys), unknownShown)] {
		fmt.Fprintf(&b, "\n  %s", k)
		if n := schema.Nearest(k); n != "" {
			fmt.Fprintf(&b, schema.T(" (did you mean %s?)").In(lang), n)
		}
	}
	if more := len(keys) - unknownShown; more > 0 {
		fmt.Fprintf(&b, schema.T("\n  and %s more (%s unknown keys in all)").In(lang),
			groupDigits(more, lang), groupDigits(len(keys), lang))
	}
	b.WriteString(schema.T("\nuse --ignore-unknown to keep them anyway").In(lang))
	return errors.New(b.String())
}

// set records one setup key.
func (s *Setup) set(k string, v answerValue) error {
	if k == "capabilities" || k == "configurations" {
		list, err := listOf(k, v)
		if err != nil {
			return err
		}
		if k == "capabilities" {
			s.Capabilities = list
		} else {
			s.Configurations = list
		}
		return nil
	}
	t, err := textOf(k, v, false)
	if err != nil {
		return err
	}
	switch k {
	case "country":
		s.Country = strings.ToUpper(strings.TrimSpace(t))
	case "business_type":
		s.BusinessType = strings.TrimSpace(t)
	case "accounts_api":
		s.AccountsAPI = strings.TrimSpace(t)
	case "contact_email":
		s.ContactEmail = strings.TrimSpace(t)
	case "strategy":
		s.Strategy = strings.TrimSpace(t)
		if _, ok := flows.Strategies[s.Strategy]; !ok {
			return errf(schema.T("answer strategy%s: progressive, upfront or future, not %q"), at(v), s.Strategy)
		}
	}
	return nil
}

// listOf is a list of text, given as a list or as comma-separated text.
func listOf(k string, v answerValue) ([]string, error) {
	if v.kind == kindText {
		var out []string
		for _, p := range strings.Split(v.text, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out, nil
	}
	if v.kind != kindList {
		return nil, errf(schema.T("answer %s%s: expected a list, got %s"), k, at(v), v.kind)
	}
	var out []string
	for _, e := range v.list {
		t, err := textOf(k, e, false)
		if err != nil {
			return nil, err
		}
		out = append(out, strings.TrimSpace(t))
	}
	return out, nil
}

// bankKeys are the keys of an external_account object, and the field each
// fills. The national names (sort_code, bsb, transit_number with
// institution_number) are the routing number Stripe's bank token takes;
// an iban is the account number of a SEPA account, which has no routing
// number.
var bankKeys = map[string]string{
	"account_holder_name": "external_account.account_holder_name",
	"country":             "external_account.country",
	"currency":            "external_account.currency",
	"routing_number":      "external_account.routing_number",
	"sort_code":           "external_account.routing_number",
	"bsb":                 "external_account.routing_number",
	"account_number":      "external_account.account_number",
	"iban":                "external_account.account_number",
}

func bankAnswer(out map[string]string, v answerValue) error {
	switch v.kind {
	case kindText:
		out["external_account"] = v.text
		return nil
	case kindMap:
	default:
		return errf(schema.T("answer external_account%s: give a token (btok_…) or an object with account_number (or iban), got %s"), at(v), v.kind)
	}
	parts := map[string]string{}
	for _, k := range v.keys {
		if _, ok := bankKeys[k]; !ok && k != "transit_number" && k != "institution_number" && schema.Lookup("external_account."+k, "").Generic {
			return errf(schema.T("answer external_account: unknown key %q (Stripe's bank_account parameters: account_holder_name, account_holder_type, routing_number, account_number, country, currency…; or iban, sort_code, bsb, transit_number with institution_number)"), k)
		}
		t, err := textOf("external_account."+k, v.m[k], false)
		if err != nil {
			return err
		}
		parts[k] = t
	}
	if parts["transit_number"] != "" || parts["institution_number"] != "" {
		tr, in := schema.Digits(parts["transit_number"]), schema.Digits(parts["institution_number"])
		if tr == "" || in == "" {
			return errf(schema.T("answer external_account: give transit_number and institution_number together"))
		}
		parts["routing_number_ca"] = tr + "-" + in
	}
	given := map[string]string{}
	for k, t := range parts {
		field := bankKeys[k]
		switch {
		case k == "routing_number_ca":
			field = "external_account.routing_number"
		case field == "" && k != "transit_number" && k != "institution_number":
			// Another of Stripe's bank_account parameters
			// (account_holder_type, account_type): sent as written.
			field = "external_account." + k
		}
		if field == "" {
			continue
		}
		if prev, dup := given[field]; dup {
			return errf(schema.T("answer external_account: %s and %s are the same number; give one"), prev, k)
		}
		given[field] = k
		out[field] = t
	}
	if given["external_account.account_number"] == "iban" && given["external_account.routing_number"] != "" {
		return errf(schema.T("answer external_account: an iban has no routing number; give iban alone"))
	}
	return nil
}

// candidates are the answer keys that can hold a field's value: its key,
// the requirement paths it answers (owners.email answers owners.0.email),
// and, for an existing person, the role names the answers file uses for
// them (representative.dob for person_abc.dob when person_abc is the
// representative).
func candidates(f schema.Field, acct schema.Account) []string {
	keys := append([]string{f.Key}, f.Covers...)
	if strings.HasPrefix(f.Key, "external_account.") {
		return keys[:1] // bank parts are only ever answered by their own key
	}
	if f.Person == nil || f.Person.ID == "" {
		return keys
	}
	leaf := strings.TrimPrefix(f.Key, f.Person.Prefix+".")
	for _, alias := range personAliases(acct, f.Person.ID) {
		keys = append(keys, alias+"."+leaf)
	}
	return keys
}

// personAliases names a person as an answers file does: by role and
// index among the people holding that role.
func personAliases(acct schema.Account, id string) []string {
	var out []string
	count := map[string]int{}
	for _, p := range acct.Persons {
		for _, r := range p.Roles {
			idx := count[r]
			count[r]++
			if p.ID != id {
				continue
			}
			prefix := schema.RolePrefix(r)
			if r == schema.RoleRepresentative {
				out = append(out, prefix)
				continue
			}
			out = append(out, fmt.Sprintf("%s.%d", prefix, idx))
			if idx == 0 {
				out = append(out, prefix)
			}
		}
	}
	return out
}

// lookup finds a field's answer under any of its candidate keys.
func (a Answers) lookup(f schema.Field, acct schema.Account) (string, bool) {
	for _, k := range candidates(f, acct) {
		if v, ok := a.Values[k]; ok {
			return v, true
		}
	}
	return "", false
}

// Used lists the answer keys a set of fields consumes.
func (a Answers) Used(fs []schema.Field, acct schema.Account) []string {
	var out []string
	for _, f := range fs {
		for _, k := range candidates(f, acct) {
			if _, ok := a.Values[k]; ok {
				out = append(out, k)
			}
		}
		if strings.HasPrefix(f.Key, "external_account.") {
			_, token := a.Values["external_account"]
			if _, part := a.Values[f.Key]; token || part {
				// The file's key is external_account, a token or an
				// object whose parts these are.
				out = append(out, "external_account")
			}
		}
	}
	return out
}

// For returns the answers for a step's fields of acct, and the keys of
// required fields it has no answer for.
func (a Answers) For(st flows.Step, acct schema.Account) (values map[string]string, missing []string) {
	values = map[string]string{}
	for _, f := range st.Fields {
		if v, ok := a.lookup(f, acct); ok {
			values[f.Key] = v
			continue
		}
		if strings.HasPrefix(f.Key, "external_account.") && a.Values["external_account"] != "" {
			values["external_account"] = a.Values["external_account"]
			continue
		}
		if !f.Optional && f.Kind != schema.KindLink {
			missing = append(missing, f.Key)
		}
	}
	return values, missing
}
