package sandbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// schema is applied on every Open; each statement is idempotent so several
// processes may open the same file at once.
var schema = []string{
	`CREATE TABLE IF NOT EXISTS meta (
		key   TEXT PRIMARY KEY,
		value TEXT NOT NULL
	)`,
	// data holds the stored facts (accountFacts as JSON); snapshot is the
	// account JSON last published in an event, used to diff the next one;
	// wake_at is when a pending verification settles next (unix ns, 0 = none).
	`CREATE TABLE IF NOT EXISTS accounts (
		seq      INTEGER PRIMARY KEY AUTOINCREMENT,
		id       TEXT NOT NULL UNIQUE,
		created  INTEGER NOT NULL,
		data     TEXT NOT NULL,
		snapshot TEXT NOT NULL DEFAULT '',
		wake_at  INTEGER NOT NULL DEFAULT 0
	)`,
	`CREATE INDEX IF NOT EXISTS accounts_wake ON accounts (wake_at) WHERE wake_at > 0`,
	// tokens keep the public token JSON plus the verification outcome the
	// submitted numbers implied; never the numbers themselves.
	`CREATE TABLE IF NOT EXISTS tokens (
		id      TEXT PRIMARY KEY,
		created INTEGER NOT NULL,
		used    INTEGER NOT NULL DEFAULT 0,
		outcome TEXT NOT NULL DEFAULT '',
		data    TEXT NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS events (
		seq     INTEGER PRIMARY KEY AUTOINCREMENT,
		id      TEXT NOT NULL UNIQUE,
		type    TEXT NOT NULL,
		account TEXT NOT NULL,
		created INTEGER NOT NULL,
		data    TEXT NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS idempotency (
		key         TEXT PRIMARY KEY,
		fingerprint TEXT NOT NULL,
		status      INTEGER NOT NULL,
		body        BLOB NOT NULL,
		created     INTEGER NOT NULL
	)`,
}

// openDB opens the SQLite database. Every transaction is BEGIN IMMEDIATE so
// that two processes writing the same file queue on busy_timeout instead of
// failing when a read lock would have to be upgraded.
func openDB(path string) (*sql.DB, error) {
	const opts = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_txlock=immediate"
	memory := path == ":memory:" || path == ""
	var dsn string
	if memory {
		dsn = "file:" + newID("sandbox", 12) + "?mode=memory&cache=shared&" + opts
	} else {
		// The data directory may not exist on a fresh machine.
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("sandbox: create directory for %s: %w", path, err)
		}
		// A plain file name (not a file: URI) so paths need no escaping.
		dsn = path + "?" + opts + "&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sandbox: open %s: %w", path, err)
	}
	if memory {
		// One connection keeps the in-memory database alive and visible to
		// every request; requests then take turns, which is fine for a stub.
		db.SetMaxOpenConns(1)
	} else {
		db.SetMaxOpenConns(8)
	}
	db.SetConnMaxIdleTime(0)
	ctx := context.Background()
	for _, stmt := range schema {
		if err := execRetry(ctx, db, stmt); err != nil {
			_ = db.Close()
			return nil, fmt.Errorf("sandbox: create schema: %w", err)
		}
	}
	return db, nil
}

// execRetry runs a schema statement, retrying while another process holds
// the file during its own first open (WAL conversion takes a write lock that
// busy_timeout does not always cover).
func execRetry(ctx context.Context, db *sql.DB, stmt string) error {
	var err error
	for range 50 {
		if _, err = db.ExecContext(ctx, stmt); err == nil || !isBusy(err) {
			return err
		}
	}
	return err
}

// isBusy reports whether err is SQLite's "database is locked/busy".
func isBusy(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "SQLITE_BUSY") || strings.Contains(s, "database is locked")
}

// inTx runs fn in one transaction, committing when it returns nil.
func inTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// errNotFound is returned by loaders when a row does not exist.
var errNotFound = errors.New("sandbox: not found")
