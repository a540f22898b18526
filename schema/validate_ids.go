package schema

import (
	"strings"
)

// Checksums of national numbers. Each takes the value with separators
// already removed and never panics on any input.

// validLuhn reports whether s is all digits and passes the Luhn check
// (Canadian SIN, French SIREN).
func validLuhn(s string) bool {
	if !isDigits(s) {
		return false
	}
	sum := 0
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if (len(s)-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// validACN checks an Australian Company Number: 9 digits, the last a
// complement of the weighted sum (weights 8..1) of the first eight.
func validACN(s string) bool {
	if len(s) != 9 || !isDigits(s) {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(s[i]-'0') * (8 - i)
	}
	return (10-sum%10)%10 == int(s[8]-'0')
}

// validABN checks an Australian Business Number: 11 digits; subtract 1
// from the first, weight by 10,1,3,...,19 and the sum divides by 89.
func validABN(s string) bool {
	if len(s) != 11 || !isDigits(s) {
		return false
	}
	weights := [11]int{10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19}
	sum := 0
	for i := 0; i < 11; i++ {
		d := int(s[i] - '0')
		if i == 0 {
			d--
		}
		sum += d * weights[i]
	}
	return sum%89 == 0
}

// ibanLengths is the IBAN length of each country that has one. Countries
// not listed are checked for 15–34 characters only.
var ibanLengths = map[string]int{
	"AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
	"ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28, "IE": 22,
	"IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18,
	"NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
}

// NormalizeIBAN removes spaces and dashes and upper-cases an IBAN.
func NormalizeIBAN(v string) string { return strings.ToUpper(Digits(v)) }

// ValidIBAN reports whether v (spaces allowed) is an IBAN with the length
// of its country and a mod-97 remainder of 1: the first four characters
// move to the end and letters count as 10..35.
func ValidIBAN(v string) bool {
	s := NormalizeIBAN(v)
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	if s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' || !isDigits(s[2:4]) {
		return false
	}
	if n, ok := ibanLengths[s[:2]]; ok && len(s) != n {
		return false
	}
	rem := 0
	for _, r := range s[4:] + s[:4] {
		switch {
		case r >= '0' && r <= '9':
			rem = (rem*10 + int(r-'0')) % 97
		case r >= 'A' && r <= 'Z':
			rem = (rem*100 + int(r-'A'+10)) % 97
		default:
			return false
		}
	}
	return rem == 1
}

// testIDNumbers are Stripe's test-mode personal and company id numbers
// (https://docs.stripe.com/connect/testing). They fail several national checksums, and
// test mode must still accept them. One list, so it is easy to correct.
var testIDNumbers = map[string]bool{
	"000000000": true, "000000001": true, "111111111": true, "111111112": true, "222222222": true,
}

// isTestID reports whether a normalized id is a Stripe test value or a
// Stripe.js PII token (pii_…), which replaces any national number.
func isTestID(s string) bool {
	return testIDNumbers[s] || strings.HasPrefix(strings.ToLower(s), "pii_")
}

// idClean is an id number without the spaces, dashes and dots people
// type, upper-cased.
func idClean(v string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '.' || r == '/' {
			return -1
		}
		return r
	}, strings.TrimSpace(v)))
}

// isAlnum reports whether s is only ASCII letters and digits.
func isAlnum(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') {
			return false
		}
	}
	return true
}
