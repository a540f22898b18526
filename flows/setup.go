package flows

import (
	"slices"
	"sort"

	"onboard/schema"
)

// RequestedCapabilities names an account's capabilities as a new account's
// setup does (card_payments, transfers): a v2 capability by the v1 name it
// stands for (configurationFor), those implied by a configuration
// (payouts) left out. A recorded answers file writes them.
func RequestedCapabilities(cs []schema.Capability) []string {
	v1 := map[string]string{}
	for name, c := range configurationFor {
		v1[name] = name
		v1[c[0]+"."+c[1]] = name
	}
	var out []string
	for _, c := range cs {
		if n, ok := v1[c.Name]; ok && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
