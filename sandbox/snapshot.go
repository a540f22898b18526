package sandbox

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"onboard/sandbox/store"
)

// routeRetrieveAccount is the route snapshotStep answers.
const routeRetrieveAccount = "GET v1/accounts/*"

// qRetrieve reads, in one statement and so in one read transaction, what
// a retrieve of an account needs when nothing has come due: the clock
// offset, whether any account's pending verification has settled by now
// (the base clock plus that offset, the first argument being the base in
// Unix nanoseconds) — this account's own included — and the account's
// stored snapshot. Its arguments: the base clock, store.ClockKey, the
// account id.
const qRetrieve = `SELECT c.off,
	EXISTS (SELECT 1 FROM accounts WHERE wake_at > 0 AND wake_at <= ? + c.off),
	COALESCE(a.snapshot, '')
	FROM (SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?), 0) AS off) AS c
	LEFT JOIN accounts AS a ON a.id = ?`

// snapshotStep answers GET /v1/accounts/{id} — no parameters, no
// Stripe-Account header — from the account's stored snapshot, read with
// the clock and the pending wakes in one statement. That is the answer
// the rest of the chain gives (retrieveAccount's fast path, in a read
// transaction that found nothing due), for a fraction of its cost: one
// statement instead of a transaction of three, no parameter tree. In
// every other case — no such account, a verification that has settled
// and must be published first, an error — it hands the call on, and the
// rest of the chain answers as it always does.
func snapshotStep(c *call, next func() error) error {
	if c.route != routeRetrieveAccount || c.hr.URL.RawQuery != "" || c.r.account != "" {
		return next()
	}
	body, now, ok := c.s.readSnapshot(c.hr.Context(), c.r.pathID)
	if !ok {
		return next()
	}
	c.now, c.status, c.body = now, http.StatusOK, body
	return nil
}

// readSnapshot returns account id's stored snapshot and the sandbox time
// it was read at, when that snapshot is the account's current rendering
// and no verification anywhere waits to be published; ok is false
// otherwise (or on any error, which the full chain then meets and
// reports).
func (s *Sandbox) readSnapshot(ctx context.Context, id string) (body []byte, now time.Time, ok bool) {
	pool := s.rdb
	if pool == nil {
		pool = s.db
	}
	st := s.stmts.get(pool, qRetrieve)
	if st == nil {
		return nil, time.Time{}, false
	}
	base := s.now()
	var (
		off int64
		due bool
	)
	// Without the connection's cancellation: the statement is a few
	// point reads, and a context that can end would cost the driver a
	// watcher goroutine per statement.
	err := st.QueryRowContext(context.WithoutCancel(ctx), base.UnixNano(), store.ClockKey, id).Scan(&off, &due, &body)
	if err != nil || due || len(body) == 0 {
		return nil, time.Time{}, false
	}
	return body, base.Add(time.Duration(off)), true
}

// get returns the statement prepared for query on db at Open, or nil.
func (c *stmtCache) get(db *sql.DB, query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[stmtKey{db, query}]
}
