package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// ClockKey is the meta row holding the offset added to the base clock, in
// nanoseconds. Keeping it in the database (not in memory) is what lets
// `onboard sandbox advance 30d` in one process move time for a server
// running in another.
const ClockKey = "clock_offset_ns"

// Querier is the part of *sql.DB and *sql.Tx the clock needs.
type Querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// ReadOffset returns the persisted clock offset (zero when none is stored).
func ReadOffset(ctx context.Context, q Querier) (time.Duration, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, ClockKey).Scan(&v)
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

// WriteOffset stores the clock offset.
func WriteOffset(ctx context.Context, q Querier, d time.Duration) error {
	_, err := q.ExecContext(ctx,
		`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
		ClockKey, strconv.FormatInt(int64(d), 10))
	if err != nil {
		return fmt.Errorf("sandbox: write clock: %w", err)
	}
	return nil
}
