package flows

import (
	"slices"
	"sort"
	"strings"
	"time"

	"onboard/schema"
)

// Correcting what Stripe already holds. A support agent fixes what is
// wrong, not only what is due: a failed address or date of birth is
// corrected in place (Stripe re-runs the check on the new value, see
// https://docs.stripe.com/connect/handling-api-verification), a wrong MCC
// replaced. EditSteps opens every group the account holds values for,
// prefilled with them; Changed keeps what the operator changed, so only
// that is sent.

// notEditable are known keys no correction form offers: the business
// type is chosen when the account is created, and the "provided" flags
// are answered by the people themselves.
var notEditable = map[string]bool{"business_type": true, "company.owners_provided": true,
	"company.directors_provided": true, "company.executives_provided": true, "tos_acceptance.date": true}

// EditSteps lists the account's groups Stripe holds values for, one step
// each, as Plan groups them (business profile, company, the individual's
// identity and address, each person, the bank account), in the plan's
// order. A step's Values are what Stripe returns; write-only values (id
// numbers, bank numbers) are never returned, so their fields start empty.
// Every field is optional: an edit sends only what changed (Changed).
// Paths is empty: nothing of an edit step is due.
func EditSteps(a schema.Account, lang schema.Lang) []Step {
	if a.StripeCollects {
		return nil
	}
	var paths []string
	for k := range a.Known {
		if !notEditable[k] {
			paths = append(paths, editPath(k))
		}
	}
	for k, given := range a.Provided {
		if given && !notEditable[k] {
			paths = append(paths, editPath(k))
		}
	}
	sort.Strings(paths)
	held := a
	held.Requirements = schema.Requirements{CurrentlyDue: paths}
	held.Future = schema.Requirements{}
	steps := Plan(held, Strategy{}, nil, lang)
	for i := range steps {
		st := &steps[i]
		st.Paths, st.Due, st.Deadline = nil, schema.FutureDue, time.Time{}
		fields := slices.Clone(st.Fields)
		for j := range fields {
			fields[j].Optional = true
		}
		st.Fields = fields
	}
	return steps
}

// editPath is the requirement path that asks for a known key: a whole
// date of birth is asked through its day.
func editPath(key string) string {
	if strings.HasSuffix(key, ".dob") {
		return key + ".day"
	}
	return key
}

// Changed is st reduced to the fields whose value in values differs from
// what the account holds (st.Values): what an edit sends. A bank account
// is sent whole or not at all: it changes when a number is typed, and
// then each of its fields is required again.
func Changed(st Step, values map[string]string) Step {
	out := st
	out.Fields = nil
	bank := false
	for _, f := range st.Fields {
		if isBankNumber(f.Key) && strings.TrimSpace(values[f.Key]) != "" {
			bank = true
		}
	}
	for _, f := range st.Fields {
		v := strings.TrimSpace(values[f.Key])
		if strings.HasPrefix(f.Key, "external_account.") {
			if bank {
				f.Optional = schema.Lookup(f.Key, "").Optional
				out.Fields = append(out.Fields, f)
			}
			continue
		}
		if v == "" || v == strings.TrimSpace(st.Values[f.Key]) {
			continue
		}
		out.Fields = append(out.Fields, f)
	}
	return out
}

// isBankNumber reports a bank field that holds a number (not the holder's
// name, which forms fill in on their own).
func isBankNumber(key string) bool {
	return strings.HasPrefix(key, "external_account.") && key != "external_account.account_holder_name"
}

// Replaced lists, for an edit, each field changed with the value it
// replaces ("MCC: 5734 → 5817"); a write-only value reads as provided.
func Replaced(st Step, values map[string]string, lang schema.Lang) []string {
	var out []string
	for _, f := range Changed(st, values).Fields {
		if strings.HasPrefix(f.Key, "external_account.") && !isBankNumber(f.Key) {
			continue
		}
		old, now := st.Values[f.Key], strings.TrimSpace(values[f.Key])
		if f.Sensitive {
			old, now = f.Mask(old), f.Mask(now)
		}
		if old == "" {
			old = "—"
		}
		out = append(out, schema.LabelValue(lang, f.Label.In(lang), old+" → "+now))
	}
	return out
}

// personKnown files p's known values under its id ("person_1.dob"), as
// the account's own known values are filed under their paths.
func personKnown(p schema.Person, k map[string]string, provided map[string]bool) {
	if p.ID == "" || k == nil || provided == nil {
		return
	}
	for leaf, v := range p.Known {
		if v != "" {
			k[p.ID+"."+leaf] = v
		}
	}
	for leaf, on := range p.Provided {
		provided[p.ID+"."+leaf] = on
	}
}
