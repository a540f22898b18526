package flows

import (
	"container/heap"
	"slices"
	"strings"

	"onboard/schema"
)

// Urgency orders summaries for triage, most urgent first: accounts with
// past-due fields (not new ones: see ListState), then those whose
// verification failed, then by nearest
// deadline (none last), then those with fields currently due, then the
// newest. It returns a negative number when a comes first.
func Urgency(a, b Summary) int {
	if d := urgencyRank(a) - urgencyRank(b); d != 0 {
		return d
	}
	switch {
	case a.Deadline.Equal(b.Deadline):
	case a.Deadline.IsZero():
		return 1
	case b.Deadline.IsZero():
		return -1
	case a.Deadline.Before(b.Deadline):
		return -1
	default:
		return 1
	}
	if (a.CurrentlyDue > 0) != (b.CurrentlyDue > 0) {
		if a.CurrentlyDue > 0 {
			return -1
		}
		return 1
	}
	if a.Created != b.Created {
		if a.Created > b.Created {
			return -1
		}
		return 1
	}
	return strings.Compare(a.ID, b.ID)
}

func urgencyRank(s Summary) int {
	switch {
	case s.PastDue > 0 && s.State != StateNew: // a new account missed no deadline
		return 0
	case s.Errors > 0:
		return 1
	}
	return 2
}

// topN keeps the n most urgent summaries seen (all of them when n is 0)
// in a heap whose root is the least urgent kept, so --limit 10 over
// 100,000 accounts holds 10.
type topN struct {
	n    int
	list []Summary
}

func newTopN(n int) *topN { return &topN{n: n} }

func (t *topN) add(s Summary) {
	if t.n <= 0 {
		t.list = append(t.list, s)
		return
	}
	if len(t.list) < t.n {
		heap.Push(t, s)
		return
	}
	if Urgency(s, t.list[0]) < 0 {
		t.list[0] = s
		heap.Fix(t, 0)
	}
}

// sorted returns what was kept, most urgent first (never nil).
func (t *topN) sorted() []Summary {
	out := t.list
	if out == nil {
		out = []Summary{}
	}
	slices.SortFunc(out, Urgency)
	return out
}

// heap.Interface: the least urgent summary is at the root.
func (t *topN) Len() int           { return len(t.list) }
func (t *topN) Less(i, j int) bool { return Urgency(t.list[i], t.list[j]) > 0 }
func (t *topN) Swap(i, j int)      { t.list[i], t.list[j] = t.list[j], t.list[i] }
func (t *topN) Push(x any)         { t.list = append(t.list, x.(Summary)) }
func (t *topN) Pop() any {
	last := t.list[len(t.list)-1]
	t.list = t.list[:len(t.list)-1]
	return last
}

// ParseState reads a --state value: a state's name ("restricted (past
// due)"), its short form ("past_due", "past due", "payouts-disabled",
// "pending_enablement"), its label in either language, or an alias
// ("not started" for new), in any case.
func ParseState(v string) (string, bool) {
	want := normalizeState(v)
	if want == "" {
		return "", false
	}
	if st, ok := stateAliases[want]; ok {
		return st, true
	}
	for _, st := range States {
		forms := []string{st}
		if i := strings.Index(st, "("); i > 0 && strings.HasSuffix(st, ")") {
			forms = append(forms, st[i+1:len(st)-1]) // "past due" for "restricted (past due)"
		}
		for _, l := range schema.Langs {
			forms = append(forms, StateLabel(st, l))
		}
		for _, f := range forms {
			if normalizeState(f) == want {
				return st, true
			}
		}
	}
	return "", false
}

// States are every state ListState returns, for --state and its help.
var States = []string{StateNew, StateComplete, StateEnabled, StatePendingEnablement, StateRestricted,
	StatePayoutsDisabled, StateChargesDisabled, StatePastDue, StatePendingDisabled, StateRejected,
	StateFailedVerification}

// stateAliases are other words people type for a state.
var stateAliases = map[string]string{"not started": StateNew, "nothing sent": StateNew, "nouveau": StateNew}

// normalizeState folds case, underscores, hyphens and parentheses so
// "Past_Due" and "past due" compare equal.
func normalizeState(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("_", " ", "-", " ", "(", " ", ")", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
