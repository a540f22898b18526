package sandbox

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"onboard/sandbox/engine"
)

// loadAccount reads an account's facts and its last published snapshot.
func loadAccount(r *request, id string) (*engine.Account, []byte, error) {
	var data, snap string
	err := r.row(qAccount, id).Scan(&data, &snap)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, errNotFound
	}
	if err != nil {
		return nil, nil, fmt.Errorf("load account %s: %w", id, err)
	}
	a, err := decodeFacts(data)
	return a, []byte(snap), err
}

func decodeFacts(data string) (*engine.Account, error) {
	var a engine.Account
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		return nil, fmt.Errorf("decode account: %w", err)
	}
	if a.Fields == nil {
		a.Fields = map[string]engine.Field{}
	}
	// Rows from the first releases have no controller: they were all
	// created with the custom mapping.
	c := &a.Controller
	c.RequirementCollection = cmp.Or(c.RequirementCollection, "application")
	c.FeesPayer = cmp.Or(c.FeesPayer, "application")
	c.LossesPayments = cmp.Or(c.LossesPayments, "application")
	c.DashboardType = cmp.Or(c.DashboardType, "none")
	return &a, nil
}

// mustAccount loads the account named in a request, or the Stripe 404.
func mustAccount(r *request, id, param string) (*engine.Account, []byte, error) {
	a, snap, err := loadAccount(r, id)
	if errors.Is(err, errNotFound) {
		return nil, nil, errNoSuch("account", id, param)
	}
	return a, snap, err
}

// storeAccount inserts or updates the row with its facts, the snapshot just
// published and the next settle time.
func storeAccount(r *request, a *engine.Account, snapshot []byte) error {
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode account: %w", err)
	}
	_, err = r.tx.ExecContext(r.ctx, `
		INSERT INTO accounts (id, created, data, snapshot, wake_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET data = excluded.data, snapshot = excluded.snapshot, wake_at = excluded.wake_at`,
		a.ID, a.Created, string(data), string(snapshot), engine.WakeAt(a, r.now))
	if err != nil {
		return fmt.Errorf("store account %s: %w", a.ID, err)
	}
	return nil
}

// seqOf returns the insertion sequence of a row, used as the pagination
// cursor so that accounts created in the same second keep a stable order.
func seqOf(r *request, table, id, kind, param string) (int64, error) {
	var seq int64
	q, args := `SELECT seq FROM `+table+` WHERE id = ?`, []any{id}
	if table == "events" {
		// A cursor must be one of the listed account's own events.
		q, args = q+` AND account = ?`, append(args, r.account)
	}
	err := r.tx.QueryRowContext(r.ctx, q, args...).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errNoSuch(kind, id, param)
	}
	return seq, err
}

// errNotFound is returned by loaders when a row does not exist.
var errNotFound = errors.New("sandbox: not found")
