package schema

import (
	"fmt"
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

// The conventions of each language for dates and numbers, as catalog
// entries: Go time layouts, the thousands separator, a percentage.
var (
	txtDateLayout     = TC("layout", "2006-01-02")
	txtDateTimeLayout = TC("layout", "2006-01-02 15:04")
	txtThousands      = TC("number", ",")
	txtPercent        = TC("number", "%g%%")
)

// DateLayout is the Go layout of a calendar date as lang writes it:
// 2006-01-02 in English (ISO, unambiguous), 02/01/2006 in French.
func DateLayout(lang Lang) string { return convention(txtDateLayout, lang) }

// DateTimeLayout is DateLayout with the time of day.
func DateTimeLayout(lang Lang) string { return convention(txtDateTimeLayout, lang) }

// GroupDigits writes n with lang's thousands separator: 99,990 in
// English, 99 990 in French (a narrow no-break space).
func GroupDigits(n int, lang Lang) string {
	s := strconv.Itoa(n)
	sep := convention(txtThousands, lang)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && c != '-' && s[i-1] != '-' && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Percent writes a percentage as lang does: 60% in English, 60 % (held
// together) in French.
func Percent(p float64, lang Lang) string {
	return fmt.Sprintf(convention(txtPercent, lang), p)
}

// convention is a convention's entry in lang; the pseudo-language keeps
// English's (a layout is not a text to accent).
func convention(t Text, lang Lang) string {
	if lang == Pseudo {
		lang = English
	}
	return t.In(lang)
}

// dateFormatIn is DateFormat for country in whatever language the text
// around it is shown in.
func dateFormatIn(country string) func(Lang) string {
	return func(l Lang) string { return DateFormat(Context{Lang: l, Country: country}) }
}
