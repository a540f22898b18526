package schema

import "testing"

// Terms left on "Not now" are sent empty: the message says what unblocks
// the step ("must accept the terms"), not "This field is required." under
// a choice the form shows as made.
func TestUnacceptedTermsSayWhy(t *testing.T) {
	f := Lookup("tos_acceptance", "DE")
	for _, lang := range []Lang{English, French} {
		err := f.Validate("", Context{Lang: lang})
		if err == nil || err.Error() != msgAcceptance.In(lang) {
			t.Errorf("%s: empty acceptance says %v, want %q", lang, err, msgAcceptance.In(lang))
		}
		if err := f.Validate("false", Context{Lang: lang}); err == nil || err.Error() != msgAcceptance.In(lang) {
			t.Errorf("%s: declined acceptance says %v", lang, err)
		}
	}
	// Other required fields keep the plain message.
	if err := Lookup("individual.first_name", "DE").Validate("", Context{Lang: English}); err == nil || err.Error() != msgRequired.In(English) {
		t.Errorf("empty name says %v", err)
	}
}
