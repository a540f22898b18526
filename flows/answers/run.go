package answers

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"onboard/flows"
	"onboard/schema"
)

// Report is the outcome of a scripted run.
type Report struct {
	Account schema.Account
	// Outstanding lists what the strategy still wants and nobody is
	// verifying: with it non-empty the run did not finish (exit 3).
	Outstanding []string
	// Missing lists fields the answers file had no value for.
	Missing []string
	// StillDue lists submitted paths Stripe still asks for.
	StillDue []flows.StillDue
	// Requests counts the API requests the run made (Journey.Requests).
	Requests int
	// Unused lists answers for fields that were never asked (not due).
	Unused []string
}

// Run onboards a from answers without a terminal: a journey of c driven
// by the answers file. Each step it has answers for is sent, each step is
// reported on log in the client's language, and paths sent once are never
// sent again in the same run.
func Run(ctx context.Context, c *flows.Client, a schema.Account, s flows.Strategy, ans Answers, log io.Writer) (Report, error) {
	return RunJourney(ctx, c.Journey(a, s), ans, log)
}

// RunJourney drives the journey from answers to its end: for each planned
// step, the answers it has (a new person's other answers joined to the
// step that creates them) are sent; a step with none is passed, and so is
// one whose answers Stripe already took in this run (it reports an error
// on them that the file cannot correct).
func RunJourney(ctx context.Context, j *flows.Journey, ans Answers, log io.Writer) (Report, error) {
	lang := j.Client().Lang()
	// The log is the run's report to the operator (cmd's writer keeps its
	// first error and fails the run); a line it cannot take stops no step.
	logf := func(format string, a ...any) { _, _ = fmt.Fprintf(log, format, a...) }
	var rep Report
	used := map[string]bool{}
	var missing []string
	ask := func(_ context.Context, st flows.Step, _ map[string]string, refused error) (flows.Step, map[string]string, error) {
		if refused != nil {
			return st, nil, refused // a file cannot correct itself
		}
		acct := j.Account()
		values, miss := ans.For(st, acct)
		missing = miss
		rep.Missing = append(rep.Missing, miss...)
		st = withRestOfNewPerson(st, ans, acct, values)
		st = withRestOfBankAccount(st, ans, acct, values)
		for _, k := range ans.Used(st.Fields, acct) {
			used[k] = true
		}
		st.Fields = answered(st.Fields, values)
		if len(st.Fields) == 0 {
			logf("- %s\n", schema.LabelValue(lang, st.Title(acct, lang), schema.LeadIn(noAnswers.In(lang))+strings.Join(miss, ", ")))
			return st, nil, flows.ErrPass
		}
		if j.Answered(st, values) {
			return st, nil, flows.ErrPass
		}
		return st, values, nil
	}
	sent := func(st flows.Step, res flows.Result) {
		logf("✓ %s", schema.LabelValue(lang, st.Title(j.Account(), lang), fmt.Sprintf(schema.Plural(lang, len(st.Fields), sentField, sentFields), len(st.Fields))))
		if len(res.Pending) > 0 {
			logf(schema.Comma(lang)+pendingWord.In(lang), len(res.Pending))
		}
		if len(missing) > 0 {
			logf("; %s%s", schema.LeadIn(noAnswers.In(lang)), strings.Join(missing, ", "))
		}
		logf("\n")
		for _, sd := range res.StillDue {
			if !covered(st.Fields, sd.Path) {
				continue // not sent: already listed as having no answer
			}
			reason := sd.Reason
			if reason == "" {
				reason = reasonUnknown.In(lang)
			}
			logf("  ! %s %s (%s)\n", sd.Path, stillDueWord.In(lang), reason)
		}
	}
	err := j.Drive(ctx, ask, sent)
	rep.Account = j.Account()
	rep.StillDue = j.StillDue()
	rep.Requests = j.Requests()
	if err != nil {
		return rep, err
	}
	rep.Outstanding = j.Outstanding()
	for _, k := range ans.Keys {
		if !used[k] && !usedAsPart(k, used) {
			rep.Unused = append(rep.Unused, k)
		}
	}
	return rep, nil
}

var (
	noAnswers     = schema.T("no answer for")
	sentField     = schema.T("%d field sent")
	sentFields    = schema.T("%d fields sent")
	pendingWord   = schema.T("%d being verified")
	stillDueWord  = schema.T("still due after submit")
	reasonUnknown = schema.T("Stripe gave no reason")
)

// covered reports whether one of fs answers path.
func covered(fs []schema.Field, path string) bool {
	for _, f := range fs {
		if slices.Contains(f.Covers, path) {
			return true
		}
	}
	return false
}

// answered keeps the fields that have a value (a bank token stands for all
// bank fields).
func answered(fs []schema.Field, values map[string]string) []schema.Field {
	var out []schema.Field
	for _, f := range fs {
		if values[f.Key] != "" || (strings.HasPrefix(f.Key, "external_account.") && values["external_account"] != "") {
			out = append(out, f)
		}
	}
	return out
}

// usedAsPart reports an answer given as a part of a field that was used:
// individual.dob.day when individual.dob was.
func usedAsPart(k string, used map[string]bool) bool {
	for _, suffix := range []string{".day", ".month", ".year"} {
		if parent, ok := strings.CutSuffix(k, suffix); ok && used[parent] {
			return true
		}
	}
	return (k == "tos_acceptance.date" || k == "tos_acceptance.ip") && used["tos_acceptance"]
}

// withRestOfNewPerson adds to a step that creates a person every other
// answer given for that person (representative.dob, owners.0.address.city),
// so the person is created whole in one request instead of being created
// bare and then asked again field by field.
func withRestOfNewPerson(st flows.Step, ans Answers, acct schema.Account, values map[string]string) flows.Step {
	ref := st.Person
	if ref == nil || ref.ID != "" || ref.Role == "" {
		return st
	}
	if _, exists := acct.PersonFor(*ref); exists {
		return st
	}
	have := map[string]bool{}
	for _, f := range st.Fields {
		have[f.Key] = true
	}
	prefixes := []string{ref.Prefix + "."}
	if ref.Index == 0 && ref.Role != schema.RoleRepresentative {
		prefixes = append(prefixes, schema.RolePrefix(ref.Role)+".")
	}
	keys := make([]string, 0, len(ans.Values))
	for k := range ans.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, pre := range prefixes {
			if !strings.HasPrefix(k, pre) {
				continue
			}
			f := schema.Lookup(k, acct.Country)
			if f.Generic || f.Person == nil || f.Person.Prefix != ref.Prefix || have[f.Key] {
				continue
			}
			have[f.Key] = true
			st.Fields = append(st.Fields, f)
			values[f.Key] = ans.Values[k]
		}
	}
	return st
}

// withRestOfBankAccount adds to a step that asks for the bank account the
// other bank_account parameters the answers give (Stripe's
// account_holder_type, account_type), so they go into the same token.
func withRestOfBankAccount(st flows.Step, ans Answers, acct schema.Account, values map[string]string) flows.Step {
	have := map[string]bool{}
	bank := false
	for _, f := range st.Fields {
		have[f.Key] = true
		bank = bank || strings.HasPrefix(f.Key, "external_account.")
	}
	if !bank {
		return st
	}
	keys := make([]string, 0, len(ans.Values))
	for k := range ans.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		// Country and currency go with every part already.
		if !strings.HasPrefix(k, "external_account.") || have[k] || k == "external_account.country" || k == "external_account.currency" {
			continue
		}
		f := schema.Lookup(k, acct.Country)
		if f.Generic || f.Key != k {
			continue
		}
		st.Fields = append(st.Fields, f)
		values[k] = ans.Values[k]
	}
	return st
}
