// Package accountsv2 is the sandbox's Accounts v2 API (/v2/core/accounts
// and its persons): a façade that translates each v2 request into v1
// steps run by the sandbox's one engine, and draws the v1 state it reads
// back as v2 objects. One engine means v1 and v2 can never disagree about
// an account.
//
// The package owns everything that is v2's own: the routes, the mapping
// between v2 bodies and v1 parameters (mapping.go), the rendering of v2
// objects (render.go), include parsing, v2 errors and versions, and the
// v2_accounts table (the configurations and the closed flag v1 has no
// place for). The engine it runs on is an interface, Engine, so that it
// does not import the sandbox (which imports it to route /v2/).
package accountsv2

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

// Engine is what the façade needs of the sandbox's engine: a transaction
// per v2 request, and the sandbox clock for the answers given before one.
type Engine interface {
	// InTx runs fn in one store transaction, after the sandbox clock is
	// read and whatever came due by then is published, and sets the
	// response's Date header from that clock (also when fn fails). An
	// error rolls back every step fn made: fn's own error comes back as
	// it is; a busy store comes back as an *Error (Stripe's lock_timeout,
	// which clients retry); any other error is the engine's failure.
	InTx(w http.ResponseWriter, r *http.Request, fn func(Tx) error) error
	// Now is the sandbox clock, which a response's Date header carries
	// even when the request is refused before any transaction.
	Now(ctx context.Context) (time.Time, error)
}

// Tx is one v2 request's transaction.
type Tx interface {
	// Now is the sandbox clock the transaction runs at.
	Now() time.Time
	// V1 runs one v1 step (a v1 method, path and form parameters) on the
	// engine's own handlers, in this transaction, as if the v1 API had been
	// called, and returns the JSON body it answers. A step that fails
	// returns its HTTP status and Stripe's v1 error object (type, code,
	// message, param) instead, and no body. When the v2 request carries an
	// Idempotency-Key, a POST step gets its own key derived from it, so a
	// retried v2 request replays each step instead of repeating it.
	V1(method, path string, form map[string]string) (status int, body []byte, stripeErr map[string]any)
	// SQL is the transaction's statements, for the v2_accounts table, the
	// one table the façade reads and writes (its schema is the store's).
	SQL() Statements
}

// Statements is the part of the request's *sql.Tx the façade uses: it
// reads and writes, and cannot commit or roll back (InTx does that, once
// its function returns).
type Statements interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
