package schema

import (
	"unicode"
	"unicode/utf8"

	"onboard/internal/untrusted"
)

// Checks every typed value gets, whatever its field: text that would look
// different on screen from what is sent (control characters, bidi
// overrides), or that Stripe refuses for its length, is refused before any
// request.

// maxText is Stripe's limit for a string parameter (maxLength 5000 in its
// OpenAPI spec for names, tax ids, phones); longer free text (a product
// description, 40000) is the exception.
const (
	maxText     = 5000
	maxLongText = 40000
	// maxEmail is the longest address RFC 5321 allows in a mail path.
	maxEmail = 254
)

var (
	msgInvalidUTF8 = T("The value is not valid UTF-8 text.")
	msgControl     = T("Remove the control character at position %d (invisible characters are not sent).")
	msgBidi        = T("Remove the text-direction override at position %d: it makes the value read differently from what is sent.")
	msgInvisible   = T("The value has no visible character.")
)

// checkText refuses what no field accepts: invalid UTF-8, control
// characters (C0, DEL, C1; a tab or new line only in long text), bidi
// controls (what package untrusted escapes on screen), values made only
// of invisible characters, and values longer than Stripe takes.
func checkText(v string, long bool, c Context) error {
	if !utf8.ValidString(v) {
		return fail(c.Lang, msgInvalidUTF8)
	}
	max := maxText
	if long {
		max = maxLongText
	}
	if utf8.RuneCountInString(v) > max {
		return fail(c.Lang, msgTooLong, max)
	}
	visible := false
	pos := 0
	for _, r := range v {
		pos++
		switch {
		case long && (r == '\n' || r == '\t' || r == '\r'):
		case untrusted.IsControl(r):
			return fail(c.Lang, msgControl, pos)
		case untrusted.IsBidi(r):
			return fail(c.Lang, msgBidi, pos)
		}
		if !isInvisible(r) {
			visible = true
		}
	}
	if !visible {
		return fail(c.Lang, msgInvisible)
	}
	return nil
}

// isInvisible reports characters that show nothing: spaces, zero-width
// characters, marks and other format characters (U+200B, U+FEFF, U+200D).
func isInvisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me) || r == 0x3164 || r == 0x115f
}

// hasLetter reports whether a name holds at least one letter of some
// script: a name of emoji, digits or punctuation only is no one's name.
func hasLetter(v string) bool {
	for _, r := range v {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
