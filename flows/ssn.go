package flows

import (
	"strings"

	"onboard/schema"
)

// oneSSN asks a US person's SSN once: where the last four digits and the
// full number are both wanted, only the full number is asked and it
// answers both (schema.AnswersLastFour).
func oneSSN(fields []schema.Field, country string) []schema.Field {
	if country != "US" {
		return fields
	}
	full := map[string]int{}
	for i, f := range fields {
		if base, ok := strings.CutSuffix(f.Key, ".id_number"); ok {
			full[base] = i
		}
	}
	if len(full) == 0 {
		return fields
	}
	out := make([]schema.Field, 0, len(fields))
	for _, f := range fields {
		if base, ok := strings.CutSuffix(f.Key, ".ssn_last_4"); ok {
			if i, both := full[base]; both {
				fields[i] = schema.AnswersLastFour(fields[i], f)
				continue
			}
		}
		out = append(out, f)
	}
	// The full numbers were rewritten in fields after some may have been
	// copied to out: copy them again.
	for j, f := range out {
		if base, ok := strings.CutSuffix(f.Key, ".id_number"); ok {
			out[j] = fields[full[base]]
		}
	}
	return out
}
