package sandbox

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// MaxClockOffset is how far Advance can move the sandbox clock in all:
// a century, well inside the range where Unix nanoseconds (the store's
// time unit) cannot overflow.
const MaxClockOffset = 100 * 365 * 24 * time.Hour

// daysRE matches a day count inside a duration such as "1d12h" or "1.5d".
var daysRE = regexp.MustCompile(`(\d+(?:\.\d+)?)d`)

// ParseDuration parses a Go duration ("90m", "2h30m") that may also use a
// day unit ("30d", "1d12h", "1.5d"); a day is 24 hours on the sandbox clock.
// It backs `onboard sandbox advance`.
func ParseDuration(s string) (time.Duration, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return 0, errors.New("sandbox: empty duration")
	}
	var convErr error
	expanded := daysRE.ReplaceAllStringFunc(in, func(m string) string {
		f, err := strconv.ParseFloat(strings.TrimSuffix(m, "d"), 64)
		if err != nil {
			convErr = err
			return m
		}
		return strconv.FormatFloat(f*24, 'f', -1, 64) + "h"
	})
	if convErr != nil {
		return 0, fmt.Errorf("sandbox: invalid duration %q: %w", s, convErr)
	}
	d, err := time.ParseDuration(expanded)
	if err != nil {
		return 0, fmt.Errorf("sandbox: invalid duration %q (use e.g. 30d, 1d12h, 90m)", s)
	}
	return d, nil
}
