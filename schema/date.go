package schema

import (
	"strconv"
	"strings"
	"time"
)

// Dates are typed as the operator writes them: YYYY-MM-DD anywhere, and
// the national form of the operator's language, day first in French
// (JJ/MM/AAAA, 01/01/1901) and outside the US, month first for an English
// operator onboarding a US account (MM/DD/YYYY). They are sent as
// day, month and year, so the form typed never reaches Stripe.

// ParseDateIn reads a date as YYYY-MM-DD or in the national form for c
// (see above), with /, . or - between the parts, and refuses impossible
// dates (30/02/2023).
func ParseDateIn(v string, c Context) (time.Time, bool) {
	if t, ok := ParseDate(v); ok {
		return t, true
	}
	parts := strings.FieldsFunc(strings.TrimSpace(v), func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) != 3 || len(parts[2]) != 4 {
		return time.Time{}, false
	}
	n := [3]int{}
	for i, p := range parts {
		if !isDigits(p) || (i < 2 && len(p) > 2) {
			return time.Time{}, false
		}
		n[i], _ = strconv.Atoi(p)
	}
	day, month := n[0], n[1]
	if monthFirst(c) {
		day, month = n[1], n[0]
	}
	t := time.Date(n[2], time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || int(t.Month()) != month {
		return time.Time{}, false
	}
	return t, true
}

// monthFirst: only an English-speaking operator on a US account writes
// the month first.
func monthFirst(c Context) bool {
	return c.Lang != French && strings.EqualFold(c.Country, "US")
}

// DateFormat is the national date form for c, as the operator reads it
// (JJ/MM/AAAA in French): its letters come from the catalogs.
func DateFormat(c Context) string {
	if monthFirst(c) {
		return txtMonthFirst.In(c.Lang)
	}
	return txtDayFirst.In(c.Lang)
}

var (
	txtDayFirst   = TC("date", "DD/MM/YYYY")
	txtMonthFirst = TC("date", "MM/DD/YYYY")
)

// dateFormatIn is DateFormat for country in whatever language the text
// around it is shown in.
func dateFormatIn(country string) func(Lang) string {
	return func(l Lang) string { return DateFormat(Context{Lang: l, Country: country}) }
}
