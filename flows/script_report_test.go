package flows_test

import (
	"strings"
	"testing"

	"onboard/flows"
	"onboard/flows/answers"
)

// A scripted run does not report the fields it had no answer
// for as "still due after submit (Stripe gave no reason)": they were not
// sent, and are listed as having no answer.
func TestScriptDoesNotCallMissingAnswersStillDue(t *testing.T) {
	e := newEnv(t)
	a := e.newUS(t)
	ans, err := answers.Parse(map[string]any{"business_profile.mcc": "5734",
		"individual.first_name": "Jenny", "individual.last_name": "Rosen"})
	if err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	if _, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{Upfront: true}, ans, &log); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(log.String(), "still due after submit") {
		t.Errorf("fields never sent reported as still due:\n%s", log.String())
	}
	if !strings.Contains(log.String(), "no answer for") {
		t.Errorf("the missing answers are not listed:\n%s", log.String())
	}
}
