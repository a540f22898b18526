package textout

import (
	"errors"
	"strings"
	"testing"

	"onboard/flows"
	"onboard/schema"
)

// "Nothing was sent" is said only when it is true: an invalid answer found
// after the account was created (or a step was sent) says so instead.
func TestInvalidAnswersSayWhetherAnythingWasSent(t *testing.T) {
	err := &flows.InputError{Fields: map[string]string{"individual.phone": "bad"}}
	before := DescribeInput(err, schema.English, false).Error()
	if !strings.Contains(before, "nothing was sent") {
		t.Errorf("before any request: %q", before)
	}
	after := describeRunError(err, schema.English, true)
	if strings.Contains(after, "nothing was sent") || !strings.Contains(after, "were sent") || !strings.Contains(after, "individual.phone") {
		t.Errorf("after a request: %q", after)
	}
	if fr := DescribeInput(err, schema.French, false).Error(); !strings.Contains(fr, "rien n'a été envoyé") {
		t.Errorf("French: %q", fr)
	}
	if other := DescribeInput(errors.New("x"), schema.English, false); other.Error() != "x" {
		t.Errorf("a non-input error is changed: %v", other)
	}
}
