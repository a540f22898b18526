package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// KeyFileSuffix names the file beside a database that holds its
// fingerprint key. Kept out of the database, the key does not travel with
// a copy of sandbox.db, so a copied database gives no way to test guessed
// account numbers against its fingerprints.
const KeyFileSuffix = ".key"

// LoadKey returns the database's fingerprint key, creating it (32 random
// bytes, mode 0600) on first use. Several processes opening the same
// database at once agree on one key: it is written to a temporary file
// and linked into place, and whoever loses the race reads the winner's.
// An in-memory database gets a key of its own.
func LoadKey(path string) ([]byte, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("sandbox: fingerprint key: %w", err)
	}
	if path == ":memory:" || path == "" {
		return key, nil
	}
	kp := path + KeyFileSuffix
	if b, err := readKey(kp); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return b, err
	}
	tmp, err := os.CreateTemp(dirOf(kp), ".sandbox-key-*")
	if err != nil {
		return nil, fmt.Errorf("sandbox: fingerprint key: %w", err)
	}
	defer func() { _ = os.Remove(tmp.Name()) }() // already gone once renamed into place
	if err := tmp.Chmod(0o600); err == nil {
		_, err = tmp.WriteString(hex.EncodeToString(key))
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Link(tmp.Name(), kp)
		}
		if err == nil {
			return key, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("sandbox: fingerprint key: %w", err)
		}
	}
	return readKey(kp)
}

func readKey(kp string) ([]byte, error) {
	raw, err := os.ReadFile(kp)
	if err != nil {
		return nil, err
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(raw)))
	if err != nil || len(key) < 16 {
		return nil, fmt.Errorf("sandbox: fingerprint key %s is damaged; delete it and the database's bank fingerprints change", kp)
	}
	return key, nil
}

func dirOf(p string) string {
	if i := strings.LastIndexByte(p, os.PathSeparator); i >= 0 {
		return p[:i+1]
	}
	return "."
}

// fingerprintsKeyed is the meta flag set once a database's fingerprints
// are HMACs: databases written before carry unsalted SHA-256 ones.
const fingerprintsKeyed = "fingerprints_hmac"

// RekeyFingerprints replaces, once per database, the unsalted fingerprints
// an earlier release stored (in accounts, tokens and published events) by
// keyed ones: the account numbers are not known, so the old value is
// hashed again under the key, which keeps equal accounts equal. Saved
// idempotent responses, which may quote old fingerprints, are dropped.
func RekeyFingerprints(ctx context.Context, db *sql.DB, rehash func(old string) string) error {
	var err error
	for range 50 {
		err = InTx(ctx, db, func(tx *sql.Tx) error {
			var done int
			_ = tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM meta WHERE key = ?`, fingerprintsKeyed).Scan(&done)
			if done > 0 {
				return nil
			}
			for _, t := range []struct{ table, extra string }{
				{"accounts", ", snapshot = ''"}, {"tokens", ""}, {"events", ""},
			} {
				if err := rekeyTable(ctx, tx, rehash, t.table, t.extra); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM idempotency`); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, '1')`, fingerprintsKeyed)
			return err
		})
		if !IsBusy(err) {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("sandbox: rekey fingerprints: %w", err)
	}
	return nil
}

func rekeyTable(ctx context.Context, tx *sql.Tx, rehash func(string) string, table, extra string) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, data FROM `+table+` WHERE data LIKE '%"fingerprint":"%'`)
	if err != nil {
		return err
	}
	type row struct{ id, data string }
	var found []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.data); err != nil {
			_ = rows.Close() // the Scan error is the one to report
			return err
		}
		found = append(found, r)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, r := range found {
		var v any
		if err := json.Unmarshal([]byte(r.data), &v); err != nil {
			return fmt.Errorf("%s %s: %w", table, r.id, err)
		}
		rekeyValue(v, rehash)
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET data = ?`+extra+` WHERE id = ?`, string(b), r.id); err != nil {
			return err
		}
	}
	return nil
}

// rekeyValue rewrites every "fingerprint" string inside v.
func rekeyValue(v any, rehash func(string) string) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if s, ok := val.(string); ok && k == "fingerprint" && s != "" {
				x[k] = rehash(s)
				continue
			}
			rekeyValue(val, rehash)
		}
	case []any:
		for _, val := range x {
			rekeyValue(val, rehash)
		}
	}
}
