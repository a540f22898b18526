package tui

import (
	"strings"
	"testing"

	"onboard/flows"
	"onboard/schema"
)

// French past participles agree with what they qualify: one field is
// "dû", several are "dus", and a step (one field or many) gets a form
// that does not vary.
func TestFrenchDueWordsAgree(t *testing.T) {
	c, _ := testCommon(t, schema.French)
	if got := dueWord("now", schema.French); got != "dû maintenant" {
		t.Errorf("one field due now reads %q", got)
	}
	if got := dueWord("later", schema.French); got != "dû plus tard" {
		t.Errorf("one field due later reads %q", got)
	}
	head := stepHeading(c, 1, 3, flows.Step{Due: schema.CurrentlyDue})
	if strings.Contains(head, "dus") || !strings.Contains(head, "à fournir maintenant") {
		t.Errorf("step heading %q", head)
	}
	one := schema.Account{ID: "acct_1", Country: "FR", Requirements: schema.Requirements{CurrentlyDue: []string{"business_profile.url"}}}
	if line := statusLine(c, one, 200); !strings.Contains(line, "1 dû maintenant") {
		t.Errorf("one field due now in the status line: %q", line)
	}
	one.Requirements.CurrentlyDue = append(one.Requirements.CurrentlyDue, "business_profile.mcc")
	if line := statusLine(c, one, 200); !strings.Contains(line, "2 dus maintenant") {
		t.Errorf("two fields due now in the status line: %q", line)
	}
}
