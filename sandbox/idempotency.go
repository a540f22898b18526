package sandbox

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
)

// maxIdempotencyKey is Stripe's limit on the Idempotency-Key header.
const maxIdempotencyKey = 255

// idempotencyKept is how long a key is honoured: Stripe removes keys once
// they are at least 24 hours old, after which the same key is a new
// request (https://docs.stripe.com/api/idempotent_requests). The sandbox
// forgets them at 24 hours of its clock.
const idempotencyKept = 24 * 60 * 60

// lookupIdempotent returns the saved response for r.idemKey. A key reused
// with other parameters (or another endpoint) is Stripe's 400
// idempotency_error; results are only saved for requests that executed,
// so a request that failed validation can be retried with the same key.
func lookupIdempotent(r *request, fp string) (int, []byte, bool, error) {
	if len(r.idemKey) > maxIdempotencyKey {
		return 0, nil, false, invalid("", "", "Idempotency-Key must be at most %d characters long.", maxIdempotencyKey)
	}
	var saved string
	var status int
	var body []byte
	var created int64
	err := r.tx.QueryRowContext(r.ctx,
		`SELECT fingerprint, status, body, created FROM idempotency WHERE key = ?`, r.idemKey).Scan(&saved, &status, &body, &created)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && r.now.Unix()-created >= idempotencyKept) {
		return 0, nil, false, nil
	}
	if err != nil {
		return 0, nil, false, fmt.Errorf("idempotency lookup: %w", err)
	}
	if saved != digest(fp) {
		return 0, nil, false, &apiError{
			Status: http.StatusBadRequest,
			Type:   errTypeIdempotency,
			Message: fmt.Sprintf("Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '%s' if you meant to execute a different request.",
				r.idemKey),
		}
	}
	return status, body, true, nil
}

// saveIdempotent stores the response of an executed request under its key.
// Only a digest of the parameters is kept: the body may hold secrets.
func saveIdempotent(r *request, fp string, status int, body []byte) error {
	_, err := r.tx.ExecContext(r.ctx,
		`INSERT OR REPLACE INTO idempotency (key, fingerprint, status, body, created) VALUES (?, ?, ?, ?, ?)`,
		r.idemKey, digest(fp), status, body, r.now.Unix())
	if err != nil {
		return fmt.Errorf("idempotency save: %w", err)
	}
	return nil
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
