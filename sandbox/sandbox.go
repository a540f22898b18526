// Package sandbox is an offline, stateful simulator of the slice of Stripe's
// API that Connect onboarding touches. It serves real HTTP (or an in-process
// RoundTripper) so the real stripe-go client can run against it, keeps its
// state in SQLite so several processes can share one database, and derives
// requirements, capability statuses and the enabled flags from stored facts
// and its own movable clock on every read.
//
// It deliberately imports nothing of the application: it is a stand-in for
// Stripe with its own rule tables, so that a misunderstanding in the app
// cannot hide behind the same misunderstanding in the simulator.
package sandbox

//go:generate go run ./internal/specgen

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"onboard/sandbox/store"
)

// DefaultVerifyDelay is how long a submitted value stays in
// pending_verification before it settles, unless WithVerifyDelay says
// otherwise.
const DefaultVerifyDelay = 2 * time.Second

// Sandbox is one simulator backed by a SQLite database. It is safe for
// concurrent use, and several Sandboxes (in one process or many) may share
// the same database file.
type Sandbox struct {
	db      *sql.DB
	rdb     *sql.DB // read-only pool for GET requests (the write pool when nil)
	now     func() time.Time
	delay   time.Duration
	limiter *limiter
	uploads uploadGate
	stmts   stmtCache
	// fpKey keys the bank fingerprints (fingerprint); see store.LoadKey.
	fpKey []byte
	// secrets keeps the parameters of account, person and PII tokens
	// (token id → form values) in memory only: they hold id numbers, which
	// are never written to disk. A token outlives neither the process nor
	// Reset.
	secrets sync.Map
	// mux routes v1 requests (chain.go).
	mux *http.ServeMux
}

// config collects the options given to Open.
type config struct {
	now   func() time.Time
	delay time.Duration
	rate  int
}

// Option configures a Sandbox in Open.
type Option func(*config)

// WithClock sets the base clock (time.Now by default). The sandbox clock is
// this base plus the offset persisted by Advance, so tests pass a fixed
// function and never depend on wall time.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.now = now }
}

// WithVerifyDelay sets how long asynchronous verification stays pending on
// the sandbox clock (DefaultVerifyDelay by default). Zero settles every
// submission on the next read.
func WithVerifyDelay(d time.Duration) Option {
	return func(c *config) { c.delay = d }
}

// Open opens (creating it and its directory if needed) the sandbox database
// at path. ":memory:" gives a private in-memory database that lives until
// Close.
func Open(path string, opts ...Option) (*Sandbox, error) {
	c := config{now: time.Now, delay: DefaultVerifyDelay}
	for _, o := range opts {
		o(&c)
	}
	if c.delay < 0 {
		return nil, errors.New("sandbox: verify delay must not be negative")
	}
	db, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	rdb, err := store.OpenRead(path)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	key, err := store.LoadKey(path)
	if err == nil {
		// Fingerprints of earlier releases were unsalted: hashed again
		// under the key, equal accounts stay equal.
		err = store.RekeyFingerprints(context.Background(), db, func(old string) string { return fingerprint(key, "rekeyed", old) })
	}
	if err != nil {
		_ = db.Close()
		if rdb != nil {
			_ = rdb.Close()
		}
		return nil, err
	}
	sb := &Sandbox{db: db, rdb: rdb, now: c.now, delay: c.delay, fpKey: key}
	sb.mux = sb.buildMux()
	for _, pool := range []*sql.DB{db, rdb} {
		if pool == nil {
			continue
		}
		if err := sb.stmts.prepareAll(pool); err != nil {
			_ = sb.Close()
			return nil, fmt.Errorf("sandbox: prepare: %w", err)
		}
	}
	if c.rate > 0 {
		sb.limiter = &limiter{n: c.rate, window: map[string]*window{}}
	}
	return sb, nil
}

// Close closes the database.
func (s *Sandbox) Close() error {
	s.stmts.close()
	if s.rdb != nil {
		_ = s.rdb.Close()
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("sandbox: close: %w", err)
	}
	return nil
}

// Server returns the http.Server that serves the sandbox on a network
// address (`onboard sandbox serve`): the Handler with read, write and idle
// timeouts, so a slow or idle client cannot hold a connection forever.
func (s *Sandbox) Server() *http.Server {
	return &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second, // a 16 MB upload on a slow link
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// Handler returns the HTTP API (Stripe's /v1 paths).
func (s *Sandbox) Handler() http.Handler { return http.HandlerFunc(s.serveRecovered) }

// serveRecovered turns a panic in the simulator into a Stripe-shaped 500,
// as Stripe's own api_error, instead of taking down the process: in
// process the sandbox runs inside the user's terminal session.
func (s *Sandbox) serveRecovered(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if p := recover(); p != nil {
			e := errInternal(fmt.Errorf("%v", p))
			id := newID("req_", 14)
			w.Header().Set("Request-Id", id)
			s.setDate(w, r, time.Time{})
			writeJSON(w, e.Status, mustJSON(e.body(id)))
		}
	}()
	if strings.HasPrefix(r.URL.Path, "/v2/") {
		s.serveV2(w, r)
		return
	}
	s.serveHTTP(w, r)
}

// Now returns the sandbox clock: the base clock plus the persisted offset.
func (s *Sandbox) Now(ctx context.Context) (time.Time, error) {
	return s.nowIn(ctx, s.db)
}

func (s *Sandbox) nowIn(ctx context.Context, q store.Querier) (time.Time, error) {
	off, err := store.ReadOffset(ctx, q)
	if err != nil {
		return time.Time{}, err
	}
	return s.now().Add(off), nil
}

// Advance moves the sandbox clock forward by d and returns the new time.
// The offset is stored in the database, so every process sharing it sees
// the move; pending verifications whose delay has passed settle at once.
func (s *Sandbox) Advance(ctx context.Context, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, errors.New("sandbox: cannot move the clock backwards")
	}
	var now time.Time
	err := store.InTx(ctx, s.db, func(tx *sql.Tx) error {
		off, err := store.ReadOffset(ctx, tx)
		if err != nil {
			return err
		}
		// Compared without adding, so a huge d cannot overflow into a
		// negative offset (a clock that moves backwards).
		if d > MaxClockOffset-off {
			return fmt.Errorf("the clock is already %s ahead and moves at most %s in all (100 years)",
				off.Round(time.Hour), MaxClockOffset.Round(time.Hour))
		}
		if err := store.WriteOffset(ctx, tx, off+d); err != nil {
			return err
		}
		now = s.now().Add(off + d)
		return nil
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("sandbox: advance: %w", err)
	}
	return now, nil
}

// Reset deletes every account, token, event and idempotency record and
// the clock offset, leaving an empty sandbox.
func (s *Sandbox) Reset(ctx context.Context) error {
	err := store.InTx(ctx, s.db, func(tx *sql.Tx) error {
		for _, t := range []string{"accounts", "tokens", "events", "idempotency", "files", "v2_accounts"} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM meta WHERE key = ?`, store.ClockKey)
		return err
	})
	if err != nil {
		return fmt.Errorf("sandbox: reset: %w", err)
	}
	return nil
}
