// Package triage keeps the platform's account list on disk, so the triage
// screen opens at once from the last listing while a fresh one is read in
// the background, and so opening an account by id can complete from the
// accounts listed and opened recently.
//
// One SQLite file per API key and API base (the key is known only by a
// hash of it), under $XDG_CACHE_HOME/onboard/. It holds what the list
// shows and nothing sensitive: id, name, email, country, business type,
// state, deadline, counts of due fields, the first failed verification's
// code, the creation time, and the names and emails of the account's
// people (searched by the triage filter).
package triage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver

	"onboard/flows"
)

// Cache is one key's and one API base's triage cache.
type Cache struct {
	db *sql.DB
	// ready is closed once db is open (OpenInBackground); err is why it
	// could not be. Nil for a cache Open returned.
	ready chan struct{}
	err   error
}

// OpenInBackground is Open in a goroutine: the cache is returned at once
// and each method waits for the file to be open, so a program draws its
// first frame meanwhile. Failing to open is every method's error, Close's
// included.
func OpenInBackground(path string) *Cache {
	c := &Cache{ready: make(chan struct{})}
	go func() {
		defer close(c.ready)
		o, err := Open(path)
		if err != nil {
			c.err = err
			return
		}
		c.db = o.db
	}()
	return c
}

// open waits for the file to be open.
func (c *Cache) open() error {
	if c.ready != nil {
		<-c.ready
	}
	return c.err
}

// FileName is the cache file's name for an API key and base: a hash of
// both, so the key never appears on disk and two keys (or a sandbox and
// Stripe) never share a list.
func FileName(key, apiBase string) string {
	keyHash := sha256.Sum256([]byte(key))
	sum := sha256.Sum256([]byte(hex.EncodeToString(keyHash[:]) + "\n" + apiBase))
	return "triage-" + hex.EncodeToString(sum[:8]) + ".db"
}

const schema = `
CREATE TABLE IF NOT EXISTS accounts (
	id            TEXT PRIMARY KEY,
	name          TEXT NOT NULL,
	email         TEXT NOT NULL,
	country       TEXT NOT NULL,
	business_type TEXT NOT NULL,
	state         TEXT NOT NULL,
	deadline      INTEGER NOT NULL,
	past_due      INTEGER NOT NULL,
	currently_due INTEGER NOT NULL,
	errors        INTEGER NOT NULL,
	created       INTEGER NOT NULL,
	error_code    TEXT NOT NULL DEFAULT '',
	people        TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS recent (
	id        TEXT PRIMARY KEY,
	opened_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);`

// Open opens (creating it, readable by its owner only) the cache at path.
func Open(path string) (*Cache, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("triage cache: %w", err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("triage cache: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("triage cache: %w", err)
	}
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("triage cache %s: %w", path, err)
	}
	if _, err := db.Exec(schema); err != nil {
		_ = db.Close() // the schema's error is the one to report
		return nil, fmt.Errorf("triage cache %s: %w", path, err)
	}
	if err := migrate(db); err != nil {
		_ = db.Close() // the migration's error is the one to report
		return nil, fmt.Errorf("triage cache %s: %w", path, err)
	}
	return &Cache{db: db}, nil
}

// added are the columns later versions added to accounts: a cache file
// written before them gets them (empty) when opened.
var added = []struct{ name, decl string }{
	{"error_code", "TEXT NOT NULL DEFAULT ''"},
	{"people", "TEXT NOT NULL DEFAULT ''"},
}

func migrate(db *sql.DB) error {
	rows, err := db.Query(`SELECT name FROM pragma_table_info('accounts')`)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			_ = rows.Close()
			return err
		}
		have[n] = true
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, c := range added {
		if !have[c.name] {
			if _, err := db.Exec(`ALTER TABLE accounts ADD COLUMN ` + c.name + ` ` + c.decl); err != nil {
				return err
			}
		}
	}
	return nil
}

// Close closes the cache.
func (c *Cache) Close() error {
	if err := c.open(); err != nil {
		return err // never opened: nothing to close, but why it could not be is worth the log
	}
	return c.db.Close()
}

// sep separates a line's fields when Load reads it as one column: the
// ASCII unit separator, which row removes from the texts it stores.
const sep = "\x1f"

// Load returns the cached list, most urgent first, and when it was last
// read in full (zero if never). Each account is read as one column that
// SQLite joins: the driver's cost is per column, and this is what the
// triage screen waits for (10,000 lines: about 3 times faster than eleven
// columns).
func (c *Cache) Load(ctx context.Context) ([]flows.Summary, time.Time, error) {
	if err := c.open(); err != nil {
		return nil, time.Time{}, err
	}
	rows, err := c.db.QueryContext(ctx, `SELECT id || char(31) || name || char(31) || email || char(31) ||
		country || char(31) || business_type || char(31) || state || char(31) || deadline || char(31) ||
		past_due || char(31) || currently_due || char(31) || errors || char(31) || created || char(31) ||
		error_code || char(31) || people FROM accounts`)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("triage cache: %w", err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong reading
	var list []flows.Summary
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, time.Time{}, fmt.Errorf("triage cache: %w", err)
		}
		s, ok := parseLine(line)
		if !ok {
			continue // a line this version cannot read is left out, not fatal
		}
		list = append(list, s)
	}
	if err := rows.Err(); err != nil {
		return nil, time.Time{}, fmt.Errorf("triage cache: %w", err)
	}
	slices.SortFunc(list, flows.Urgency)
	at, err := c.refreshedAt(ctx)
	return list, at, err
}

// parseLine reads one line of Load's query.
func parseLine(line string) (flows.Summary, bool) {
	f := strings.Split(line, sep)
	if len(f) != 13 {
		return flows.Summary{}, false
	}
	var n [5]int64
	for i := range n {
		v, err := strconv.ParseInt(f[6+i], 10, 64)
		if err != nil {
			return flows.Summary{}, false
		}
		n[i] = v
	}
	s := flows.Summary{ID: f[0], Name: f[1], Email: f[2], Country: f[3], Type: f[4], State: f[5],
		PastDue: int(n[1]), CurrentlyDue: int(n[2]), Errors: int(n[3]), Created: n[4], ErrorCode: f[11]}
	if f[12] != "" {
		s.People = strings.Split(f[12], "\n")
	}
	if n[0] != 0 {
		s.Deadline = time.Unix(n[0], 0).UTC()
		d := s.Deadline
		s.DeadlineJSON = &d
	}
	return s, true
}

func (c *Cache) refreshedAt(ctx context.Context) (time.Time, error) {
	if err := c.open(); err != nil {
		return time.Time{}, err
	}
	var v string
	err := c.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'refreshed_at'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("triage cache: %w", err)
	}
	n, _ := strconv.ParseInt(v, 10, 64)
	return time.Unix(n, 0), nil
}

// Replace makes list the whole cached list (a full listing read at at):
// accounts no longer listed leave the cache.
func (c *Cache) Replace(ctx context.Context, list []flows.Summary, at time.Time) error {
	return c.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM accounts`); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, upsert)
		if err != nil {
			return err
		}
		defer func() { _ = stmt.Close() }() // the transaction's commit reports what was not written
		for _, s := range list {
			if _, err := stmt.ExecContext(ctx, row(s)...); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('refreshed_at', ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, strconv.FormatInt(at.Unix(), 10))
		return err
	})
}

// Put writes one account's line (a webhook said it changed).
func (c *Cache) Put(ctx context.Context, s flows.Summary) error {
	if err := c.open(); err != nil {
		return err
	}
	_, err := c.db.ExecContext(ctx, upsert, row(s)...)
	if err != nil {
		return fmt.Errorf("triage cache: %w", err)
	}
	return nil
}

const upsert = `INSERT INTO accounts (id, name, email, country, business_type, state, deadline, past_due,
	currently_due, errors, created, error_code, people) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT(id) DO UPDATE SET name = excluded.name, email = excluded.email, country = excluded.country,
	business_type = excluded.business_type, state = excluded.state, deadline = excluded.deadline,
	past_due = excluded.past_due, currently_due = excluded.currently_due, errors = excluded.errors,
	created = excluded.created, error_code = excluded.error_code, people = excluded.people`

func row(s flows.Summary) []any {
	var deadline int64
	if !s.Deadline.IsZero() {
		deadline = s.Deadline.Unix()
	}
	clean := func(v string) string { return strings.ReplaceAll(v, sep, " ") }
	people := make([]string, len(s.People))
	for i, p := range s.People {
		people[i] = strings.ReplaceAll(clean(p), "\n", " ")
	}
	return []any{clean(s.ID), clean(s.Name), clean(s.Email), clean(s.Country), clean(s.Type), clean(s.State),
		deadline, s.PastDue, s.CurrentlyDue, s.Errors, s.Created, clean(s.ErrorCode), strings.Join(people, "\n")}
}

// recentKept is how many recently opened accounts are remembered.
const recentKept = 20

// Opened records that an account was opened at at.
func (c *Cache) Opened(ctx context.Context, id string, at time.Time) error {
	return c.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO recent (id, opened_at) VALUES (?, ?)
			ON CONFLICT(id) DO UPDATE SET opened_at = excluded.opened_at`, id, at.UnixNano()); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM recent WHERE id NOT IN
			(SELECT id FROM recent ORDER BY opened_at DESC LIMIT ?)`, recentKept)
		return err
	})
}

// Recent returns the accounts opened recently, the last one first.
func (c *Cache) Recent(ctx context.Context) ([]string, error) {
	if err := c.open(); err != nil {
		return nil, err
	}
	rows, err := c.db.QueryContext(ctx, `SELECT id FROM recent ORDER BY opened_at DESC`)
	if err != nil {
		return nil, fmt.Errorf("triage cache: %w", err)
	}
	defer func() { _ = rows.Close() }() // rows.Err reports what went wrong reading
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("triage cache: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func (c *Cache) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	if err := c.open(); err != nil {
		return err
	}
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("triage cache: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("triage cache: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("triage cache: %w", err)
	}
	return nil
}
