package answers

import (
	"context"
	"maps"

	"onboard/flows"
	"onboard/schema"
)

// Edit sends, on a, the answers for fields that are not due (no step the
// strategy plans asks for them): each group the account holds gets what
// changed in it, and only that. It returns the account as Stripe then
// holds it, a line per value replaced ("Address: Address line 1:
// address_no_match → address_full_match"), and the answer keys it used.
func Edit(ctx context.Context, c *flows.Client, a schema.Account, s flows.Strategy, ans Answers) (schema.Account, []string, []string, error) {
	j := c.Journey(a, s)
	due := map[string]bool{}
	for _, st := range j.Plan() {
		for _, f := range st.Fields {
			due[f.Key] = true
		}
	}
	var replaced, used []string
	for _, st := range flows.EditSteps(a, c.Lang()) {
		acct := j.Account()
		got, _ := ans.For(st, acct)
		values := maps.Clone(st.Values)
		var fields []schema.Field
		for _, f := range st.Fields {
			if v, ok := got[f.Key]; ok && !due[f.Key] {
				values[f.Key] = v
				fields = append(fields, f)
			}
		}
		ch := flows.Changed(st, values)
		if len(fields) == 0 || len(ch.Fields) == 0 {
			continue
		}
		lines := flows.Replaced(st, values, c.Lang())
		if _, err := j.Submit(ctx, ch, values); err != nil {
			return j.Account(), replaced, used, err
		}
		for _, l := range lines {
			replaced = append(replaced, schema.LabelValue(c.Lang(), st.Title(acct, c.Lang()), l))
		}
		used = append(used, ans.Used(fields, acct)...)
	}
	return j.Account(), replaced, used, nil
}
