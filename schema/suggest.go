package schema

import (
	"sort"
	"strings"
)

// Nearest returns the known requirement path closest to path, to suggest
// for a typo in an answers file (individual.frist_name → individual.first_name),
// or "" when nothing is close. A person's path is compared with the leaves
// a person can have, under the same person prefix.
func Nearest(path string) string {
	var cands []string
	prefix := ""
	if ref, leaf, ok := ParsePersonPath(path); ok {
		prefix = ref.Prefix + "."
		if !strings.HasPrefix(path, prefix) {
			// owners.first_name: keep the user's own prefix.
			prefix = strings.TrimSuffix(path, leaf)
		}
		for _, s := range allPersonSpecs() {
			cands = append(cands, prefix+s.leaf)
		}
		for _, p := range stripeVocab {
			if p.obj == objPerson {
				// The field's key: a date's parts are the date.
				cands = append(cands, Lookup(prefix+p.path, "").Key)
			}
		}
	}
	cands = append(cands, accountPaths()...)
	best, bestD := "", -1
	for _, c := range cands {
		d := editDistance(path, c)
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	// Close enough to be a typo: a third of the path's length at most.
	if bestD < 0 || bestD > max(2, len(path)/3) {
		return ""
	}
	return best
}

// accountPaths lists every account-level path the catalog knows.
func accountPaths() []string {
	var out []string
	for _, m := range accountSpecMaps {
		for k := range m {
			out = append(out, k)
		}
	}
	for k := range accountAliases {
		out = append(out, k)
	}
	for base := range accountAddresses {
		for _, leaf := range addressLeafNames {
			if p := base + "." + leaf; !Lookup(p, "").Generic { // town is Japan's only
				out = append(out, p)
			}
		}
	}
	out = append(out, "external_account", "tos_acceptance")
	for _, p := range stripeVocab {
		switch {
		case p.obj == objAccount && p.in&(inAccountCreate|inAccountUpdate) != 0:
			out = append(out, Lookup(p.path, "").Key)
		case p.obj == objBank:
			out = append(out, "external_account."+p.path)
		}
	}
	sort.Strings(out)
	return out
}

// editDistance is the Levenshtein distance between a and b, in bytes
// (paths are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
