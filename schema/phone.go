package schema

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

//go:generate go run ../internal/phonegen phone_table.go

// Phone numbers are read with libphonenumber's rules for the account's
// country, so people can type them the way they are written there, (415)
// 555-0123 in the US or 020 7123 4567 in the UK, and they are sent in
// E.164 (+14155550123), which is what Stripe stores.
//
// The rules are libphonenumber's metadata (github.com/nyaruka/phonenumbers),
// generated into phone_table.go as plain strings: the library decompresses
// and parses all of its metadata when its package is initialised, which
// every run of onboard paid for at start-up; the table costs nothing until
// a number is checked, and each pattern is compiled the first time it is
// used. phoneParse follows the library's Parse and IsValidNumber for what
// people type in a form (digits, spaces and punctuation, a leading + or
// the country's international prefix, an extension); letters (vanity
// numbers such as 1-800-FLOWERS) are refused. TestPhoneMatchesLibphonenumber
// holds it to the library's answers.

// stripeTestPhone is Stripe's test-mode phone number
// (https://docs.stripe.com/connect/testing):
// it passes Stripe's validation although no numbering plan has it.
const stripeTestPhone = "0000000000"

// phoneDesc is one of libphonenumber's number descriptions: a pattern a
// national significant number must match in full, and its possible
// lengths (none: any length).
type phoneDesc struct {
	pattern string
	lengths []int8
}

// phoneRegion is a numbering plan: a region ("001" for a non-geographical
// calling code such as +800) and what reading and checking its numbers
// needs.
type phoneRegion struct {
	id          string
	cc          int
	idd         string // international prefix, e.g. 011 or 00
	npParse     string // national prefix (and carrier code) to strip
	npTransform string // rewrites what npParse matched, when set
	leading     string // leading digits that tell a shared code's regions apart
	general     phoneDesc
	localOnly   []int8 // lengths dialled only within an area
	types       []phoneDesc
	// example is a valid (fixed-line) number in E.164, exampleNational the
	// same as written in the region.
	example, exampleNational string
}

// phonePatterns compiles each pattern once, on first use.
var phonePatterns sync.Map // string -> *regexp.Regexp

func phoneRE(pattern string) *regexp.Regexp {
	if re, ok := phonePatterns.Load(pattern); ok {
		return re.(*regexp.Regexp)
	}
	re, _ := phonePatterns.LoadOrStore(pattern, regexp.MustCompile(pattern))
	return re.(*regexp.Regexp)
}

// phoneFull reports whether s matches pattern in full.
func phoneFull(pattern, s string) bool { return phoneRE("^(?:" + pattern + ")$").MatchString(s) }

func phoneRegionByID(id string) *phoneRegion {
	for i := range phoneRegions {
		if phoneRegions[i].id == id && id != "001" {
			return &phoneRegions[i]
		}
	}
	return nil
}

// phoneRegionsOf are the regions of a calling code, the main one first.
func phoneRegionsOf(cc int) []phoneRegion {
	start := -1
	for i := range phoneRegions {
		switch {
		case phoneRegions[i].cc == cc && start < 0:
			start = i
		case phoneRegions[i].cc != cc && start >= 0:
			return phoneRegions[start:i]
		}
	}
	if start < 0 {
		return nil
	}
	return phoneRegions[start:]
}

// matches is libphonenumber's isNumberMatchingDesc.
func (d phoneDesc) matches(nsn string) bool {
	if len(d.lengths) > 0 && !containsLength(d.lengths, len(nsn)) {
		return false
	}
	return phoneFull(d.pattern, nsn)
}

func containsLength(ls []int8, n int) bool {
	for _, l := range ls {
		if int(l) == n {
			return true
		}
	}
	return false
}

// valid is libphonenumber's getNumberType != UNKNOWN.
func (r *phoneRegion) valid(nsn string) bool {
	if !r.general.matches(nsn) {
		return false
	}
	for _, d := range r.types {
		if d.matches(nsn) {
			return true
		}
	}
	return false
}

// lengthFits is libphonenumber's testNumberLength for any type, reduced to
// what parsing asks: a possible length, or too long.
func (r *phoneRegion) lengthFits(nsn string) (possible, tooLong bool) {
	ls := r.general.lengths
	if len(ls) == 0 || ls[0] == -1 || containsLength(r.localOnly, len(nsn)) {
		return false, false
	}
	if len(nsn) > int(ls[len(ls)-1]) {
		return false, true
	}
	return containsLength(ls, len(nsn)), false
}

// stripNationalPrefix is libphonenumber's
// maybeStripNationalPrefixAndCarrierCode.
func (r *phoneRegion) stripNationalPrefix(n string) string {
	if n == "" || r.npParse == "" {
		return n
	}
	re := phoneRE("^(?:" + r.npParse + ")")
	m := re.FindStringSubmatchIndex(n)
	if m == nil {
		return n
	}
	viable := phoneFull(r.general.pattern, n)
	last := len(m)/2 - 1
	if r.npTransform == "" || m[last*2] < 0 {
		if viable && !phoneFull(r.general.pattern, n[m[1]:]) {
			return n
		}
		return n[m[1]:]
	}
	t := re.ReplaceAllString(n, r.npTransform)
	if viable && !phoneFull(r.general.pattern, t) {
		return n
	}
	return t
}

// phoneExtension is an extension after a number: "x 12", "ext. 12", "#12".
var phoneExtension = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:;ext=|[ \x{00A0}\t,]*(?:ext(?:ension|n)?|x|#)[:.]?[ \x{00A0}\t,-]*)\d{1,7}#?$`)
})

// phoneDigits reads a number as typed: leading text and trailing
// punctuation dropped, an extension dropped, the rest digits (ASCII,
// full-width or Arabic-Indic) and punctuation. plus is a leading + sign.
func phoneDigits(v string) (digits string, plus, ok bool) {
	if len(v) > 250 {
		return "", false, false
	}
	start := strings.IndexFunc(v, func(r rune) bool { return r == '+' || r == '＋' || phoneDigit(r) >= 0 })
	if start < 0 {
		return "", false, false
	}
	v = strings.TrimRightFunc(v[start:], func(r rune) bool { return r != '#' && !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	if loc := phoneExtension().FindStringIndex(v); loc != nil && loc[0] > 0 {
		v = v[:loc[0]]
	}
	var b strings.Builder
	for _, r := range v {
		switch d := phoneDigit(r); {
		case d >= 0:
			b.WriteByte(byte('0' + d))
		case (r == '+' || r == '＋') && b.Len() == 0:
			plus = true
		case strings.ContainsRune(phonePunctuation, r):
		default:
			return "", false, false
		}
	}
	return b.String(), plus, b.Len() >= 2
}

// phonePunctuation is what libphonenumber lets people put between digits.
const phonePunctuation = "-x\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF0D\uFF0E\uFF0F \u00A0\u00AD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D.[]/~\u2053\u223C\uFF5E*"

func phoneDigit(r rune) int {
	for _, zero := range []rune{'0', '\uFF10', '\u0660', '\u06F0'} {
		if r >= zero && r <= zero+9 {
			return int(r - zero)
		}
	}
	return -1
}

// phoneParse reads v as dialled from region and returns the calling code
// and national significant number, as libphonenumber's Parse does.
func phoneParse(v, region string) (cc int, nsn string, ok bool) {
	digits, plus, ok := phoneDigits(v)
	if !ok {
		return 0, "", false
	}
	home := phoneRegionByID(region)
	if home == nil && !plus {
		return 0, "", false // no region to read a national number in
	}
	cc, rest, err := phoneCountryCode(digits, plus, home)
	if err && plus {
		// A + before a number that has no calling code: read it again
		// without the +, as libphonenumber does.
		cc, rest, err = phoneCountryCode(digits, false, home)
		if !err && cc == 0 {
			return 0, "", false
		}
	}
	if err {
		return 0, "", false
	}
	plan := home
	if cc != 0 {
		if main := phoneRegionsOf(cc)[0]; main.id != region {
			plan = &main
		}
	} else {
		cc, rest = home.cc, digits
	}
	if len(rest) < 2 {
		return 0, "", false
	}
	if plan != nil {
		if s := plan.stripNationalPrefix(rest); s != rest {
			if possible, tooLong := plan.lengthFits(s); possible || tooLong {
				rest = s
			}
		}
	}
	if len(rest) < 2 || len(rest) > 17 {
		return 0, "", false
	}
	return cc, rest, true
}

// phoneCountryCode is libphonenumber's maybeExtractCountryCode: the
// calling code after a + or the region's international prefix (cc 0:
// none, a national number), err when one was announced but is unknown.
func phoneCountryCode(digits string, plus bool, home *phoneRegion) (cc int, rest string, err bool) {
	intl := plus
	if !plus && home != nil && home.idd != "" {
		if loc := phoneRE("^(?:" + home.idd + ")").FindStringIndex(digits); loc != nil && loc[1] < len(digits) && digits[loc[1]] != '0' {
			digits, intl = digits[loc[1]:], true
		}
	}
	if intl {
		if len(digits) <= 2 || digits[0] == '0' {
			return 0, "", true
		}
		for i := 1; i <= 3 && i <= len(digits); i++ {
			c, _ := strconv.Atoi(digits[:i])
			if phoneRegionsOf(c) != nil {
				return c, digits[i:], false
			}
		}
		return 0, "", true
	}
	if home == nil {
		return 0, digits, false
	}
	// A national number that starts with the region's own calling code
	// (4415… typed in the UK): the code is dropped when the rest reads
	// better as a national number.
	code := strconv.Itoa(home.cc)
	if strings.HasPrefix(digits, code) {
		national := home.stripNationalPrefix(digits[len(code):])
		_, tooLong := home.lengthFits(digits)
		if (!phoneFull(home.general.pattern, digits) && phoneFull(home.general.pattern, national)) || tooLong {
			return home.cc, national, false
		}
	}
	return 0, digits, false
}

// phoneValid is libphonenumber's IsValidNumber: the number belongs to one
// of its calling code's regions and is a number of that region's plan.
func phoneValid(cc int, nsn string) bool {
	regions := phoneRegionsOf(cc)
	if len(regions) == 1 {
		return regions[0].valid(nsn)
	}
	for i := range regions {
		r := &regions[i]
		if r.leading != "" {
			if phoneRE("^(?:" + r.leading + ")").MatchString(nsn) {
				return r.valid(nsn)
			}
		} else if r.valid(nsn) {
			return true
		}
	}
	return false
}

// NormalizePhone removes the spaces, dots, dashes and brackets people type
// in phone numbers, keeping a leading +.
func NormalizePhone(v string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(v) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// PhoneE164 reads a phone number typed as people write it in country
// (national or international form) and returns it in E.164. ok is false
// when the number is not a valid number of its numbering plan.
func PhoneE164(v, country string) (string, bool) {
	if d := NormalizePhone(v); d == stripeTestPhone || d == "+1"+stripeTestPhone {
		return d, true
	}
	cc, nsn, ok := phoneParse(strings.TrimSpace(v), strings.ToUpper(strings.TrimSpace(country)))
	if !ok || !phoneValid(cc, nsn) {
		return "", false
	}
	return "+" + strconv.Itoa(cc) + nsn, true
}

// PhoneExample is a valid phone number of country in E.164, for
// placeholders (a UK form shows a UK number, not a US one).
func PhoneExample(country string) string {
	if r := phoneRegionByID(strings.ToUpper(country)); r != nil && r.example != "" {
		return r.example
	}
	return "+14155550123"
}

// phoneExampleNational is the same example as written in the country.
func phoneExampleNational(country string) string {
	if r := phoneRegionByID(strings.ToUpper(country)); r != nil {
		return r.exampleNational
	}
	return ""
}

func checkPhone(v string, c Context) error {
	if _, ok := PhoneE164(v, c.Country); !ok {
		msg := fail(c.Lang, msgPhone, PhoneExample(c.Country)).Error()
		if nat := phoneExampleNational(c.Country); nat != "" && c.Country != "" {
			msg += " " + fail(c.Lang, msgPhoneNational, nat).Error()
		}
		return &Problem{Message: msg}
	}
	return nil
}

// encodePhoneAt sends a phone number in E.164 under path.
func encodePhoneAt(path string) func(string, Context) []Param {
	return func(v string, c Context) []Param {
		e, ok := PhoneE164(v, c.Country)
		if !ok {
			e = NormalizePhone(v)
		}
		return []Param{{Key: Brackets(path), Value: e}}
	}
}
