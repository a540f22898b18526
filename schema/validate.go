package schema

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Messages shown by validators. Each says what a right value looks like.
var (
	msgRequired      = T("This field is required.")
	msgNotAnOption   = T("Pick one of the listed values.")
	msgEmail         = T("Enter an email address such as jenny@example.com.")
	msgPhone         = T("Enter a valid phone number, e.g. %s.")
	msgPhoneNational = T("Written as in the country, e.g. %s, also works.")
	msgURL           = T("Enter a full web address starting with https://, e.g. https://example.com.")
	msgDate          = T("Enter a real date as YYYY-MM-DD or %s, e.g. 1985-04-23.")
	msgDateFuture    = T("The date must be in the past.")
	msgAgeMin        = T("The person must be at least %d years old.")
	msgAgeMax        = T("A date of birth more than 120 years ago is not plausible.")
	msgMCC           = T("Enter a 4-digit merchant category code (MCC), e.g. 5734.")
	msgDigits        = T("Enter exactly %d digits.")
	msgSSN           = T("Enter the 9-digit Social Security number, with or without dashes (123-45-6789).")
	msgPostalUS      = T("Enter a ZIP code: 5 digits, or ZIP+4 (94107 or 94107-1234).")
	msgState         = T("Enter the 2-letter state code, e.g. CA.")
	msgRouting       = T("Enter the 9-digit ABA routing number, e.g. 110000000.")
	msgRoutingLength = T("A routing number has 9 digits; this one has %d (e.g. 110000000).")
	msgRoutingCheck  = T("This routing number fails its checksum: a digit is wrong (e.g. 110000000).")
	msgURLNoDomain   = T("This address has no domain: write it in full, e.g. https://example.com.")
	msgAccountNum    = T("Enter the account number: 4 to 17 digits.")
	msgDescLength    = T("Describe the business in at least 10 characters.")
	msgTooLong       = T("At most %d characters.")
	msgAcceptance    = T("The account holder must accept the terms to continue.")
	msgPlainText     = T("Enter plain text without < > or control characters.")
	msgNameRequired  = T("Enter the name as it appears on an official ID.")
)

func fail(lang Lang, t Text, args ...any) error {
	s := t.In(lang)
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return errors.New(s)
}

var (
	reMCC    = regexp.MustCompile(`^\d{4}$`)
	reState2 = regexp.MustCompile(`^[A-Z]{2}$`)
)

func checkEmail(v string, c Context) error {
	if len(v) > maxEmail {
		return fail(c.Lang, msgTooLong, maxEmail)
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || !strings.Contains(v[strings.LastIndex(v, "@"):], ".") {
		return fail(c.Lang, msgEmail)
	}
	return nil
}

func checkURL(v string, c Context) error {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || strings.ContainsAny(v, " \t") {
		return fail(c.Lang, msgURL)
	}
	if u.Host == "" || !strings.Contains(strings.Trim(u.Hostname(), "."), ".") {
		return fail(c.Lang, msgURLNoDomain)
	}
	if len(v) > 5000 {
		return fail(c.Lang, msgTooLong, 5000)
	}
	return nil
}

// ParseDate reads a date as YYYY-MM-DD and refuses impossible ones
// (2023-02-30).
func ParseDate(v string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(v))
	return t, err == nil
}

// testBirthDates are Stripe's test-mode dates of birth. They are more than
// 120 years old, so the plausibility check would refuse them; Stripe's test
// mode accepts them, and so do we. One list, so it is easy to correct.
var testBirthDates = map[string]bool{"1900-01-01": true, "1901-01-01": true, "1902-01-01": true}

func ageAt(born, now time.Time) int {
	age := now.Year() - born.Year()
	if now.Month() < born.Month() || (now.Month() == born.Month() && now.Day() < born.Day()) {
		age--
	}
	return age
}

func checkBirthDate(minAge int) func(string, Context) error {
	return func(v string, c Context) error {
		d, ok := ParseDateIn(v, c)
		if !ok {
			return fail(c.Lang, msgDate, DateFormat(c))
		}
		now := c.Now
		if now.IsZero() {
			now = time.Now()
		}
		if !d.Before(now) {
			return fail(c.Lang, msgDateFuture)
		}
		if testBirthDates[d.Format("2006-01-02")] {
			return nil
		}
		age := ageAt(d, now)
		if age < minAge {
			return fail(c.Lang, msgAgeMin, minAge)
		}
		if age > 120 {
			return fail(c.Lang, msgAgeMax)
		}
		return nil
	}
}

func checkMCC(v string, c Context) error {
	if !reMCC.MatchString(v) {
		return fail(c.Lang, msgMCC)
	}
	return nil
}

// Digits strips the separators people type in numbers (spaces, dashes).
func Digits(v string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(v))
}

func checkDigits(n int) func(string, Context) error {
	return func(v string, c Context) error {
		d := Digits(v)
		if len(d) != n || !isDigits(d) {
			return fail(c.Lang, msgDigits, n)
		}
		return nil
	}
}

// ValidABA reports whether a US routing number has 9 digits and a valid
// ABA checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
func ValidABA(v string) bool {
	if len(v) != 9 || !isDigits(v) {
		return false
	}
	d := func(i int) int { return int(v[i] - '0') }
	sum := 3*(d(0)+d(3)+d(6)) + 7*(d(1)+d(4)+d(7)) + d(2) + d(5) + d(8)
	return sum%10 == 0
}

// whyABA says what is wrong with a routing number ValidABA refuses: its
// length, else its checksum.
func whyABA(v string) Text {
	d := Digits(v)
	if !isDigits(d) {
		return Text{} // letters: the general message says what to type
	}
	if len(d) != 9 {
		return Tf(msgRoutingLength.EN, len(d))
	}
	return msgRoutingCheck
}

func checkDescription(v string, c Context) error {
	if len([]rune(v)) < 10 {
		return fail(c.Lang, msgDescLength)
	}
	return nil
}

func checkPlain(max int) func(string, Context) error {
	return func(v string, c Context) error {
		if len([]rune(v)) > max {
			return fail(c.Lang, msgTooLong, max)
		}
		if strings.ContainsAny(v, "<>") || strings.IndexFunc(v, func(r rune) bool { return r < ' ' }) >= 0 {
			return fail(c.Lang, msgPlainText)
		}
		return nil
	}
}

func checkName(v string, c Context) error {
	if err := checkPlain(100)(v, c); err != nil {
		return err
	}
	if !hasLetter(v) {
		return fail(c.Lang, msgNameRequired)
	}
	return nil
}

// msgKana says what a kana field takes: Stripe's *_kana parameters hold
// the reading of a Japanese name in katakana.
var msgKana = T("Write it in katakana (full- or half-width), e.g. ジェニー.")

// checkKana accepts plain text in katakana: full-width (U+30A0–U+30FF, the
// long vowel mark and middle dot among them), half-width (U+FF65–U+FF9F),
// spaces (ASCII and ideographic), digits and hyphens (company names and
// addresses carry them).
func checkKana(v string, c Context) error {
	if err := checkPlain(100)(v, c); err != nil {
		return err
	}
	kana := false
	for _, r := range v {
		switch {
		case r >= 0x30a0 && r <= 0x30ff, r >= 0xff65 && r <= 0xff9f:
			kana = true
		case r == ' ', r == 0x3000, r == '-', r == 0xff0d, r >= '0' && r <= '9', r >= 0xff10 && r <= 0xff19:
		default:
			return fail(c.Lang, msgKana)
		}
	}
	if !kana {
		return fail(c.Lang, msgKana)
	}
	return nil
}

// kanaField gives a name field the kana check.
func kanaField(f func(string, string) Field) func(string, string) Field {
	return func(p, country string) Field {
		field := f(p, country)
		field.check = checkKana
		return field
	}
}

func checkAcceptance(v string, c Context) error {
	if b, ok := parseYesNo(v); !ok || !b {
		return fail(c.Lang, msgAcceptance)
	}
	return nil
}
