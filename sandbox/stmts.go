package sandbox

import (
	"database/sql"
	"sync"
)

// stmtCache keeps prepared statements per pool, so the hot queries of every
// request (clock, pending wakes, account load) are parsed once per
// connection instead of once per request.
type stmtCache struct {
	mu sync.Mutex
	m  map[stmtKey]*sql.Stmt
}

type stmtKey struct {
	db    *sql.DB
	query string
}

// Hot queries, prepared on every pool at Open.
const (
	qClock    = `SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?), 0)`
	qWakes    = `SELECT EXISTS (SELECT 1 FROM accounts WHERE wake_at > 0 AND wake_at <= ?)`
	qAccount  = `SELECT data, snapshot FROM accounts WHERE id = ?`
	qSnapshot = `SELECT snapshot, wake_at FROM accounts WHERE id = ?`
)

// row runs a single-row query inside the request's transaction, through
// the statement prepared at Open when there is one. Statements are never
// prepared here: preparing on the pool needs a free connection, which a
// request holding one could wait for forever.
func (r *request) row(query string, args ...any) *sql.Row {
	st := r.sb.stmts.get(r.db, query)
	if st == nil {
		return r.tx.QueryRowContext(r.ctx, query, args...)
	}
	return r.tx.StmtContext(r.ctx, st).QueryRowContext(r.ctx, args...)
}

// prepareAll prepares the hot queries on db before it serves requests.
func (c *stmtCache) prepareAll(db *sql.DB) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[stmtKey]*sql.Stmt{}
	}
	for _, q := range []string{qClock, qWakes, qAccount, qSnapshot, qRetrieve} {
		st, err := db.Prepare(q)
		if err != nil {
			return err
		}
		c.m[stmtKey{db, q}] = st
	}
	return nil
}

// close releases every statement.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		_ = st.Close()
	}
	c.m = nil
}
