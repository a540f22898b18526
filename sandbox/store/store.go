// Package store is the sandbox's SQLite database: opening it (mode 0600,
// WAL, a read pool beside the write pool), its schema and migrations, one
// transaction per request, the persisted clock offset and the fingerprint
// key kept beside the database. It knows tables, not Stripe.
package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// migrations are the schema, one step per version: Open applies the steps
// after the version recorded in schema_version, in one transaction, so an
// older database (from an earlier release) is migrated in place and
// several processes opening the same file at once apply each step once.
// Steps are append-only; never edit a released one.
var migrations = [][]string{
	// 1: the first slice.
	SchemaV1,
	// 2: files, and indexes that keep large lists fast.
	{
		`CREATE TABLE IF NOT EXISTS files (
			seq     INTEGER PRIMARY KEY AUTOINCREMENT,
			id      TEXT NOT NULL UNIQUE,
			created INTEGER NOT NULL,
			data    TEXT NOT NULL
		)`,
		`CREATE INDEX IF NOT EXISTS accounts_created ON accounts (created, seq)`,
		`CREATE INDEX IF NOT EXISTS events_type ON events (type, seq)`,
		`CREATE INDEX IF NOT EXISTS events_created ON events (created, seq)`,
	},
	// 3: retrieve serves stored snapshots; drop the ones rendered by the
	// first slice, whose shape was narrower.
	{`UPDATE accounts SET snapshot = ''`},
	// 4: Accounts v2: which accounts were created through v2, and with
	// which configurations (the v1 state stays the single source of truth).
	{
		`CREATE TABLE IF NOT EXISTS v2_accounts (
			seq            INTEGER PRIMARY KEY AUTOINCREMENT,
			id             TEXT NOT NULL UNIQUE,
			configurations TEXT NOT NULL
		)`,
	},
	// 5: events are listed per account (the Stripe-Account header).
	{`CREATE INDEX IF NOT EXISTS events_account ON events (account, seq)`},
	// 6: Accounts v2 accounts can be closed.
	{`ALTER TABLE v2_accounts ADD COLUMN closed INTEGER NOT NULL DEFAULT 0`},
}

// SchemaV1 is the schema of the first slice, which had no schema_version:
// the migrations start from it, and tests build an old database with it.
var SchemaV1 = []string{
	`CREATE TABLE IF NOT EXISTS meta (
		key   TEXT PRIMARY KEY,
		value TEXT NOT NULL
	)`,
	// data holds the stored facts (engine.Account as JSON); snapshot is the
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

// Open opens the SQLite database. Every transaction is BEGIN IMMEDIATE so
// that two processes writing the same file queue on busy_timeout instead of
// failing when a read lock would have to be upgraded.
func Open(path string) (*sql.DB, error) {
	const opts = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_txlock=immediate"
	memory := path == ":memory:" || path == ""
	var dsn string
	if memory {
		dsn = "file:" + memoryName() + "?mode=memory&cache=shared&" + opts
	} else {
		// The data directory may not exist on a fresh machine.
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("sandbox: create directory for %s: %w", path, err)
		}
		// The database holds what people typed about themselves: only its
		// owner may read it. SQLite gives its -wal and -shm files the
		// database file's mode.
		if err := ownerOnly(path); err != nil {
			return nil, err
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
	if err := migrate(context.Background(), db); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("sandbox: migrate schema: %w", err)
	}
	if !memory {
		// Files an earlier release created with the default mode.
		for _, f := range []string{path + "-wal", path + "-shm"} {
			if err := os.Chmod(f, 0o600); err != nil && !errors.Is(err, os.ErrNotExist) {
				_ = db.Close()
				return nil, fmt.Errorf("sandbox: %w", err)
			}
		}
	}
	return db, nil
}

// ownerOnly creates the database file with mode 0600, or narrows the mode
// of an existing one.
func ownerOnly(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("sandbox: open %s: %w", path, err)
	}
	_ = f.Close()
	if err := os.Chmod(path, 0o600); err != nil {
		return fmt.Errorf("sandbox: %w", err)
	}
	return nil
}

// OpenRead opens a second pool on a file database for read-only
// requests: deferred, query-only transactions that WAL lets run alongside
// each other and alongside the one writer. An in-memory database has one
// connection, so it reads through the write pool (nil here).
func OpenRead(path string) (*sql.DB, error) {
	if path == ":memory:" || path == "" {
		return nil, nil
	}
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)")
	if err != nil {
		return nil, fmt.Errorf("sandbox: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(0)
	return db, nil
}

// SchemaVersion is the version Open migrates to.
var SchemaVersion = len(migrations)

// migrate brings the database to SchemaVersion.
func migrate(ctx context.Context, db *sql.DB) error {
	// A database already at this version (every open but the first) is
	// read, not written: no write lock, no transaction to commit.
	var v int
	if err := db.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err == nil && v == SchemaVersion {
		return nil
	}
	if err := execRetry(ctx, db, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	var err error
	for range 50 {
		err = InTx(ctx, db, func(tx *sql.Tx) error {
			var v int
			err := tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (0)`); err != nil {
					return err
				}
			case err != nil:
				return err
			}
			if v > SchemaVersion {
				return fmt.Errorf("database schema version %d is newer than this sandbox (%d)", v, SchemaVersion)
			}
			for i := v; i < SchemaVersion; i++ {
				for _, stmt := range migrations[i] {
					if _, err := tx.ExecContext(ctx, stmt); err != nil {
						return fmt.Errorf("step %d: %w", i+1, err)
					}
				}
			}
			_, err = tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, SchemaVersion)
			return err
		})
		if !IsBusy(err) {
			return err
		}
	}
	return err
}

// execRetry runs a schema statement, retrying while another process holds
// the file during its own first open (WAL conversion takes a write lock that
// busy_timeout does not always cover).
func execRetry(ctx context.Context, db *sql.DB, stmt string) error {
	var err error
	for range 50 {
		if _, err = db.ExecContext(ctx, stmt); err == nil || !IsBusy(err) {
			return err
		}
	}
	return err
}

// IsBusy reports whether err is SQLite's "database is locked/busy".
func IsBusy(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "SQLITE_BUSY") || strings.Contains(s, "database is locked")
}

// InTx runs fn in one transaction, committing when it returns nil.
func InTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
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

// memoryName names a private in-memory database.
func memoryName() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return "sandbox" + hex.EncodeToString(b)
}
