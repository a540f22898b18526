package sandbox

import (
	"net"
	"net/mail"
	"net/url"
	"onboard/sandbox/engine"
	"regexp"
	"strings"
	"time"
)

// Synchronous checks Stripe makes before accepting a value
// (https://docs.stripe.com/connect/testing). They return 400s with the bracket param so clients can put the
// message back on the field.

var (
	mccRE        = regexp.MustCompile(`^\d{4}$`)
	last4RE      = regexp.MustCompile(`^\d{4}$`)
	digitsRE     = regexp.MustCompile(`^\d+$`)
	currencyRE   = regexp.MustCompile(`^[a-z]{3}$`)
	countryRE    = regexp.MustCompile(`^[A-Z]{2}$`)
	descriptorRE = regexp.MustCompile(`[A-Za-z]`)
)

func checkURL(param, raw string) *apiError {
	u, err := url.Parse(engine.WithScheme(strings.TrimSpace(raw)))
	host := ""
	if err == nil {
		host = u.Hostname()
	}
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || host == "" ||
		(!strings.Contains(host, ".") && host != "localhost") || strings.ContainsAny(raw, " \t\n") {
		return invalid("url_invalid", param, "Not a valid URL")
	}
	return nil
}

func checkEmail(param, raw string) *apiError {
	addr, err := mail.ParseAddress(raw)
	if err != nil || addr.Address != raw || !strings.Contains(raw[strings.LastIndexByte(raw, '@')+1:], ".") {
		return invalid("email_invalid", param, "Invalid email address: %s", raw)
	}
	return nil
}

// checkPhone is lenient: Stripe parses many notations, and its test value
// 0000000000 must pass. It only rejects text that cannot be a number.
func checkPhone(param, raw string) *apiError {
	digits := 0
	for _, r := range raw {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("+-() .", r):
		default:
			return invalid("", param, "Invalid phone number: %s", raw)
		}
	}
	if digits < 7 || digits > 15 {
		return invalid("", param, "Invalid phone number: %s", raw)
	}
	return nil
}

func checkIP(param, raw string) *apiError {
	if net.ParseIP(raw) == nil {
		return invalid("", param, "Invalid IP address: %s", raw)
	}
	return nil
}

func checkMCC(param, raw string) *apiError {
	if !mccRE.MatchString(raw) {
		return invalid("", param, "Invalid MCC: %s. An MCC is a 4-digit merchant category code such as 5734.", raw)
	}
	return nil
}

// checkDescriptor applies Stripe's statement descriptor rule: 5-22
// characters, at least one letter, none of < > \ ' " *.
func checkDescriptor(param, raw string) *apiError {
	if n := len([]rune(raw)); n < 5 || n > 22 {
		return invalid("", param, "The statement descriptor must be between 5 and 22 characters long.")
	}
	if !descriptorRE.MatchString(raw) || strings.ContainsAny(raw, `<>\'"*`) {
		return invalid("", param, "The statement descriptor must contain at least one letter and none of < > \\ ' \" *.")
	}
	return nil
}

// checkDOB validates a complete date: real, in the past, age between 13 and
// 120 (Stripe's test dates are exempt from the upper bound).
func checkDOB(param string, d engine.Date, now time.Time) *apiError {
	t := time.Date(int(d.Year), time.Month(d.Month), int(d.Day), 0, 0, 0, 0, time.UTC)
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || t.Day() != int(d.Day) || t.Month() != time.Month(d.Month) {
		return invalid("", param, "Invalid date of birth: %04d-%02d-%02d is not a date.", d.Year, d.Month, d.Day)
	}
	if engine.MagicDOB(d) {
		return nil
	}
	age := now.Year() - t.Year()
	if now.Month() < t.Month() || (now.Month() == t.Month() && now.Day() < t.Day()) {
		age--
	}
	if age < 13 {
		return invalid("invalid_dob_age_under_minimum", param, "The date of birth must be at least 13 years ago.")
	}
	if age > 120 {
		return invalid("invalid_dob_age_over_maximum", param, "The date of birth must be less than 120 years ago.")
	}
	return nil
}

// checkDescriptorPrefix: 2-10 characters with at least one letter, the
// same forbidden characters as the descriptor.
func checkDescriptorPrefix(param, raw string) *apiError {
	if n := len([]rune(raw)); n < 2 || n > 10 {
		return invalid("", param, "The statement descriptor prefix must be between 2 and 10 characters long.")
	}
	if !descriptorRE.MatchString(raw) || strings.ContainsAny(raw, `<>\'"*`) {
		return invalid("", param, "The statement descriptor prefix must contain at least one letter and none of < > \\ ' \" *.")
	}
	return nil
}
