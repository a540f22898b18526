package batch

import (
	"slices"
	"strings"

	"onboard/flows"
	"onboard/flows/explore"
	"onboard/schema"
)

// Template is the header of a batch file for an exploration: key, the
// setup columns, then one column per field Stripe asks for (due now; also
// later with upfront), named as an answers file names them, a bank
// account as its parts, and a person Stripe asks to add (Stripe's
// relationship.owner) as what adding them takes (owners.0.first_name...),
// as c plans it.
func Template(c *flows.Client, x explore.Exploration, upfront bool) []string {
	cols := []string{ColKey, "country", "business_type", "capabilities"}
	if flows.DialectNamed(x.Setup.API).NeedsContactEmail() { // Accounts v2
		cols = append(cols, "accounts_api", "contact_email")
	}
	seen := map[string]bool{}
	for _, c := range cols {
		seen[c] = true
	}
	add := func(k string) {
		if !seen[k] {
			seen[k] = true
			cols = append(cols, k)
		}
	}
	for _, it := range x.Items {
		if it.Due != "now" && (!upfront || it.Due != "later") {
			continue
		}
		if strings.HasPrefix(it.Path, "relationship.") {
			// A person to add: the fields that add them.
			a := schema.Account{Country: x.Setup.Country, BusinessType: x.Setup.BusinessType}
			a.Requirements.CurrentlyDue = []string{it.Path}
			for _, k := range DueColumns(c.Journey(a, flows.Strategy{Upfront: upfront})) {
				add(k)
			}
			continue
		}
		for _, k := range columnsOf(it.Field, x.Setup.Country) {
			add(k)
		}
	}
	return cols
}

// columnsOf is the columns that answer a field: a bank account's parts,
// else the field's own key (never a person's id, which a new account
// does not have yet).
func columnsOf(field, country string) []string {
	if field == "" || strings.HasPrefix(field, "person_") {
		return nil
	}
	if field == "external_account" {
		var out []string
		for _, f := range schema.FieldsFor([]string{"external_account"}, country) {
			out = append(out, f.Key)
		}
		return out
	}
	return []string{field}
}

// DueColumns is what a batch row needs to answer for acct with strategy:
// the keys of the fields of every planned step.
func DueColumns(j *flows.Journey) []string {
	acct := j.Account()
	var out []string
	for _, st := range j.Plan() {
		for _, f := range st.Fields {
			for _, k := range columnsOf(f.Key, acct.Country) {
				if !slices.Contains(out, k) {
					out = append(out, k)
				}
			}
			if strings.HasPrefix(f.Key, "person_") && !slices.Contains(out, f.Key) {
				out = append(out, f.Key) // an existing person, by id
			}
		}
	}
	return out
}
