package sandbox

import (
	"encoding/json"
	"fmt"
	"onboard/sandbox/engine"
)

// newAccountFacts returns the defaults of an account the platform onboards
// through the API: US, full service agreement, application controller.
func newAccountFacts(r *request) *engine.Account {
	return &engine.Account{
		ID:      newID("acct_", 16),
		Created: r.now.Unix(),
		Country: "US",
		Controller: engine.Controller{
			RequirementCollection: "application", FeesPayer: "application",
			LossesPayments: "application", DashboardType: "none",
		},
		Capabilities: map[string]bool{},
		Profile:      map[string]string{},
		TOS:          engine.TOS{ServiceAgreement: "full"},
		Metadata:     map[string]string{},
		Fields:       map[string]engine.Field{},
	}
}

// createAccount serves POST /v1/accounts.
func createAccount(r *request) (any, error) {
	if err := mergeToken(r, "account_token", "account"); err != nil {
		return nil, err
	}
	a := newAccountFacts(r)
	ap := &applier{r: r, a: a}
	if err := ap.apply(true); err != nil {
		return nil, err
	}
	// The spec: capabilities are required when the account has no
	// Stripe-hosted dashboard (custom accounts). A v2 account with only
	// the customer configuration has none, and is allowed.
	if a.Controller.DashboardType == "none" && len(a.Capabilities) == 0 && !r.fromV2 {
		return nil, errNoCapabilities()
	}
	return persist(r, a, nil)
}

// retrieveOwnAccount serves GET /v1/account: the account the request acts
// as, which is the connected account of its Stripe-Account header, or
// the platform itself without one.
func retrieveOwnAccount(r *request) (any, error) {
	if r.account == "" {
		r.params.Get("expand").MarkAll()
		if e := r.params.Unknown(); e != nil {
			return nil, e
		}
		return platformAccount(r.now), nil
	}
	r.pathID = r.account
	return retrieveAccount(r)
}

// retrieveAccount serves GET /v1/accounts/{id}.
func retrieveAccount(r *request) (any, error) {
	r.params.Get("expand").MarkAll()
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	// Fast path: the snapshot stored with the account is its rendering at
	// the last write or catch-up, and nothing in a rendering changes with
	// the clock except at wake_at (settle times, deadlines, thresholds).
	// serveHTTP has already published every wake due by now, so a snapshot
	// whose wake is still ahead is the current rendering.
	var snap string
	var wake int64
	err := r.row(qSnapshot, r.pathID).Scan(&snap, &wake)
	if err == nil && snap != "" && (wake == 0 || wake > r.now.UnixNano()) {
		return json.RawMessage(snap), nil
	}
	a, _, err := mustAccount(r, r.pathID, "id")
	if err != nil {
		return nil, err
	}
	return renderAccount(a, r.now), nil
}

// updateAccount serves POST /v1/accounts/{id}. Outcomes that settled
// before this request are frozen first, so the update only re-opens the
// verifications of the fields it changes.
func updateAccount(r *request) (any, error) {
	if err := mergeToken(r, "account_token", "account"); err != nil {
		return nil, err
	}
	a, _, err := mustAccount(r, r.pathID, "id")
	if err != nil {
		return nil, err
	}
	engine.Freeze(a, r.now)
	before := mustJSON(renderAccount(a, r.now))
	ap := &applier{r: r, a: a}
	if err := ap.apply(false); err != nil {
		return nil, err
	}
	return persist(r, a, before)
}

// deleteAccount serves DELETE /v1/accounts/{id}.
func deleteAccount(r *request) (any, error) {
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	if _, _, err := mustAccount(r, r.pathID, "id"); err != nil {
		return nil, err
	}
	if _, err := r.tx.ExecContext(r.ctx, `DELETE FROM accounts WHERE id = ?`, r.pathID); err != nil {
		return nil, fmt.Errorf("delete account: %w", err)
	}
	return map[string]any{"id": r.pathID, "object": "account", "deleted": true}, nil
}

// listAccounts serves GET /v1/accounts, newest first.
func listAccounts(r *request) (any, error) {
	pg, err := readPage(r, "accounts", "account")
	if err != nil {
		return nil, err
	}
	r.params.Get("expand").MarkAll()
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	// Current snapshots are served as stored (see retrieveAccount); the
	// first byte says which column came back.
	pg.column = `CASE WHEN snapshot != '' AND (wake_at = 0 OR wake_at > ?) THEN 's' || snapshot ELSE 'd' || data END`
	pg.columnArgs = []any{r.now.UnixNano()}
	data, more, err := pg.fetch(r, "accounts")
	if err != nil {
		return nil, err
	}
	list := listJSON{Object: "list", Data: []any{}, HasMore: more, URL: "/v1/accounts"}
	for _, d := range data {
		if d[0] == 's' {
			list.Data = append(list.Data, json.RawMessage(d[1:]))
			continue
		}
		a, err := decodeFacts(d[1:])
		if err != nil {
			return nil, err
		}
		list.Data = append(list.Data, renderAccount(a, r.now))
	}
	return list, nil
}
