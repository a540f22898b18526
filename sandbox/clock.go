package sandbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// clockKey is the meta row holding the offset added to the base clock, in
// nanoseconds. Keeping it in the database (not in memory) is what lets
// `onboard sandbox advance 30d` in one process move time for a server
// running in another.
const clockKey = "clock_offset_ns"

// querier is the part of *sql.DB and *sql.Tx the clock needs.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// readOffset returns the persisted clock offset (zero when none is stored).
func readOffset(ctx context.Context, q querier) (time.Duration, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, clockKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("sandbox: read clock: %w", err)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("sandbox: corrupt clock offset %q: %w", v, err)
	}
	return time.Duration(n), nil
}

func writeOffset(ctx context.Context, q querier, d time.Duration) error {
	_, err := q.ExecContext(ctx,
		`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
		clockKey, strconv.FormatInt(int64(d), 10))
	if err != nil {
		return fmt.Errorf("sandbox: write clock: %w", err)
	}
	return nil
}

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
