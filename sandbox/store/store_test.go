package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A new database is created owner-only, migrated to the current schema,
// keeps its clock offset, and a failed transaction leaves nothing behind.
func TestOpenMigrateClockAndTransactions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }()
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v %v", st.Mode().Perm(), err)
	}
	var v int
	if err := db.QueryRow(`SELECT version FROM schema_version`).Scan(&v); err != nil || v != SchemaVersion {
		t.Errorf("schema version %d %v, want %d", v, err, SchemaVersion)
	}
	ctx := context.Background()
	if off, err := ReadOffset(ctx, db); err != nil || off != 0 {
		t.Errorf("fresh offset %v %v", off, err)
	}
	boom := errors.New("boom")
	err = InTx(ctx, db, func(tx *sql.Tx) error {
		if err := WriteOffset(ctx, tx, time.Hour); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("InTx: %v", err)
	}
	if off, _ := ReadOffset(ctx, db); off != 0 {
		t.Errorf("a failed transaction moved the clock to %v", off)
	}
	if err := InTx(ctx, db, func(tx *sql.Tx) error { return WriteOffset(ctx, tx, time.Hour) }); err != nil {
		t.Fatal(err)
	}
	if off, _ := ReadOffset(ctx, db); off != time.Hour {
		t.Errorf("offset %v, want 1h", off)
	}
}
