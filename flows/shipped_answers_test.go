package flows_test

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"onboard/flows"
	"onboard/flows/answers"
)

// Every answers file onboard ever shipped keeps its meaning: the examples
// of today, and in testdata/shipped every older version of them that
// differs (git log -- examples: older setups without country, E.164
// phones, other tax ids), and answers written with Stripe's own names. Each
// is read strictly (no --ignore-unknown), validates for its account, and
// runs with --upfront to the end, every value it sends taken. Today's
// files leave nothing unanswered; an older one may not answer what
// Stripe asks since it was written (a US company's representative's
// relationship.executive), which is logged.
func TestEveryShippedAnswersFileStillRuns(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../examples/*.json", "testdata/shipped/*.json", "testdata/shipped/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 22 {
		t.Fatalf("only %d shipped answers files", len(files))
	}
	for _, file := range files {
		base := filepath.Base(file)
		t.Run(base, func(t *testing.T) {
			e := newEnv(t)
			ans, err := answers.Load(file, answers.Options{})
			if err != nil {
				t.Fatal(err)
			}
			country, btype := ans.Setup.Country, ans.Setup.BusinessType
			if country == "" {
				// The first files carried no setup: their name says it.
				c, b, _ := strings.Cut(strings.TrimSuffix(base[:strings.IndexAny(base, "@.")], ".json"), "-")
				country, btype = strings.ToUpper(c), b
			}
			acct, err := e.cl.Create(e.ctx, flows.NewAccount{Country: country, BusinessType: btype,
				Capabilities: []string{"card_payments", "transfers"}})
			if err != nil {
				t.Fatal(err)
			}
			if err := ans.Validate(e.cl.Context(acct)); err != nil {
				t.Fatalf("does not validate: %v", err)
			}
			s := flows.Strategy{Upfront: true}
			if fs, ok := flows.Strategies[ans.Setup.Strategy]; ok {
				s = fs
			}
			rep, err := answers.Run(e.ctx, e.cl, acct, s, ans, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			for _, sd := range rep.StillDue {
				if sd.Reason != "" {
					t.Errorf("%s refused: %s", sd.Path, sd.Reason)
				}
			}
			if len(rep.Missing) > 0 || len(rep.Outstanding) > 0 {
				if !strings.Contains(file, "@") {
					t.Fatalf("left unanswered: missing %v, outstanding %v", rep.Missing, rep.Outstanding)
				}
				t.Logf("asked since the file was written: %v", rep.Outstanding)
			}
		})
	}
}
