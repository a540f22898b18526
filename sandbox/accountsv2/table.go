package accountsv2

import (
	"database/sql"
	"errors"
	"strings"
)

// The v2_accounts table keeps what v1 has no place for: the
// configurations a v2 account applies (comma-separated, sorted) and
// whether it was closed. Accounts created through v1 have no row until
// one is closed through v2. Every query runs in the request's one
// transaction.

// readConfigs reads an account's v2 configurations; accounts created
// through v1 have none (applied_configurations is empty for them).
func (c *call) readConfigs(id string) ([]string, error) {
	var cs string
	err := c.tx.SQL().QueryRowContext(c.r.Context(), `SELECT configurations FROM v2_accounts WHERE id = ?`, id).Scan(&cs)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return splitConfigs(cs), nil
}

// splitConfigs reads the configurations column ("" is none).
func splitConfigs(cs string) []string {
	if cs == "" {
		return nil
	}
	return strings.Split(cs, ",")
}

// isClosed reports whether POST /v2/core/accounts/{id}/close closed id.
func (c *call) isClosed(id string) (bool, error) {
	var n int
	err := c.tx.SQL().QueryRowContext(c.r.Context(), `SELECT closed FROM v2_accounts WHERE id = ?`, id).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return n == 1, err
}

// insertConfigs records a new v2 account's configurations.
func (c *call) insertConfigs(id string, configs []string) error {
	_, err := c.tx.SQL().ExecContext(c.r.Context(), `INSERT OR IGNORE INTO v2_accounts (id, configurations) VALUES (?, ?)`,
		id, strings.Join(configs, ","))
	return err
}

// updateConfigs replaces an account's configurations.
func (c *call) updateConfigs(id string, configs []string) error {
	_, err := c.tx.SQL().ExecContext(c.r.Context(), `UPDATE v2_accounts SET configurations = ? WHERE id = ?`, strings.Join(configs, ","), id)
	return err
}

// markClosed closes an account, giving a v1 account its row.
func (c *call) markClosed(id string, configs []string) error {
	_, err := c.tx.SQL().ExecContext(c.r.Context(), `INSERT INTO v2_accounts (id, configurations, closed) VALUES (?, ?, 1)
		ON CONFLICT(id) DO UPDATE SET closed = 1`, id, strings.Join(configs, ","))
	return err
}

// row is one account of a list page.
type row struct {
	seq     int64 // the page token: rows come newest first
	id      string
	configs []string
	closed  bool
}

// listRows reads up to limit accounts older than the page token after.
func (c *call) listRows(after int64, limit int, closed bool) ([]row, error) {
	rows, err := c.tx.SQL().QueryContext(c.r.Context(),
		`SELECT seq, id, configurations, closed FROM v2_accounts WHERE seq < ? AND closed = ? ORDER BY seq DESC LIMIT ?`, after, closed, limit)
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong reading
	var found []row
	for rows.Next() {
		var r row
		var cs string
		var closed int
		if err := rows.Scan(&r.seq, &r.id, &cs, &closed); err != nil {
			return nil, err
		}
		r.configs, r.closed = splitConfigs(cs), closed == 1
		found = append(found, r)
	}
	return found, rows.Err()
}
