package sandbox

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"onboard/sandbox/engine"
	"reflect"
)

// apiVersion is stamped on events; stripe-go's webhook helpers refuse
// events from another release train.
const apiVersion = "2025-08-27.basil"

// eventJSON is a v1 snapshot event.
type eventJSON struct {
	ID              string        `json:"id"`
	Object          string        `json:"object"`
	Account         string        `json:"account"`
	APIVersion      string        `json:"api_version"`
	Created         int64         `json:"created"`
	Data            eventDataJSON `json:"data"`
	Livemode        bool          `json:"livemode"`
	PendingWebhooks int64         `json:"pending_webhooks"`
	Request         eventRequest  `json:"request"`
	Type            string        `json:"type"`
}

type eventDataJSON struct {
	Object             json.RawMessage `json:"object"`
	PreviousAttributes map[string]any  `json:"previous_attributes,omitempty"`
}

type eventRequest struct {
	ID             *string `json:"id"`
	IdempotencyKey *string `json:"idempotency_key"`
}

// persist renders the account, records an account.updated event when the
// rendering differs from before (nil before = a new account), and stores
// facts and snapshot. It returns the rendering for the response.
func persist(r *request, a *engine.Account, before []byte) (accountJSON, error) {
	out := renderAccount(a, r.now)
	after := mustJSON(out)
	if before == nil || !bytes.Equal(before, after) {
		if err := recordEvent(r, a.ID, "account.updated", after, before, true); err != nil {
			return out, err
		}
		if err := capabilityEvents(r, a, before, out.Capabilities, r.now, true); err != nil {
			return out, err
		}
	}
	return out, storeAccount(r, a, after)
}

// recordEvent inserts an event; fromRequest says whether it was caused by
// this API request (settling verifications are not).
func recordEvent(r *request, account, typ string, object, before []byte, fromRequest bool) error {
	var prev map[string]any
	if before != nil {
		var err error
		if prev, err = previousAttributes(before, object); err != nil {
			return err
		}
	}
	return insertEvent(r, account, typ, object, prev, fromRequest)
}

// insertEvent stores one event with the given previous_attributes.
func insertEvent(r *request, account, typ string, object []byte, prev map[string]any, fromRequest bool) error {
	ev := eventJSON{
		ID: newID("evt_", 24), Object: "event", Account: account, APIVersion: apiVersion,
		Created: r.now.Unix(), Data: eventDataJSON{Object: object, PreviousAttributes: prev}, Type: typ,
	}
	if fromRequest {
		ev.Request.ID = &r.id
		if r.idemKey != "" {
			ev.Request.IdempotencyKey = &r.idemKey
		}
	}
	_, err := r.tx.ExecContext(r.ctx,
		`INSERT INTO events (id, type, account, created, data) VALUES (?, ?, ?, ?, ?)`,
		ev.ID, typ, account, ev.Created, string(mustJSON(ev)))
	if err != nil {
		return fmt.Errorf("record event: %w", err)
	}
	return nil
}

// previousAttributes returns, for every attribute that changed, its value
// before the change; nested hashes are diffed recursively and lists are
// given whole, as Stripe does.
func previousAttributes(before, after []byte) (map[string]any, error) {
	var b, a map[string]any
	if err := json.Unmarshal(before, &b); err != nil {
		return nil, fmt.Errorf("diff: %w", err)
	}
	if err := json.Unmarshal(after, &a); err != nil {
		return nil, fmt.Errorf("diff: %w", err)
	}
	return diffMaps(b, a), nil
}

func diffMaps(before, after map[string]any) map[string]any {
	out := map[string]any{}
	for k, bv := range before {
		av, ok := after[k]
		if ok && reflect.DeepEqual(av, bv) {
			continue
		}
		bm, bIsMap := bv.(map[string]any)
		am, aIsMap := av.(map[string]any)
		if bIsMap && aIsMap {
			out[k] = diffMaps(bm, am)
			continue
		}
		out[k] = bv
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			out[k] = nil
		}
	}
	return out
}

// errNeedWrite makes a read-only request retry on the write pool.
var errNeedWrite = errors.New("sandbox: read needs the write path")

// wakesDue reports whether some account has a settle time or deadline due
// that catchUp has not published yet.
func wakesDue(r *request) (bool, error) {
	var n int
	err := r.row(qWakes, r.now.UnixNano()).Scan(&n)
	return n == 1, err
}

// catchUp publishes account.updated for every account whose pending
// verification has settled since it was last published, so that a client
// polling /v1/events sees the change even though nothing wrote to it.
func catchUp(r *request) error {
	rows, err := r.tx.QueryContext(r.ctx, `SELECT id FROM accounts WHERE wake_at > 0 AND wake_at <= ?`, r.now.UnixNano())
	if err != nil {
		return fmt.Errorf("catch up: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			_ = rows.Close() // the Scan error is the one to report
			return err
		}
		ids = append(ids, id)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, id := range ids {
		a, snap, err := loadAccount(r, id)
		if err != nil {
			return err
		}
		after := mustJSON(renderAccount(a, r.now))
		if len(snap) == 0 {
			snap = nil // a migrated row: no previous rendering to diff
		}
		if !bytes.Equal(snap, after) {
			if err := recordEvent(r, a.ID, "account.updated", after, snap, false); err != nil {
				return err
			}
			var caps struct {
				Capabilities map[string]string `json:"capabilities"`
			}
			_ = json.Unmarshal(after, &caps)
			if err := capabilityEvents(r, a, snap, caps.Capabilities, r.now, false); err != nil {
				return err
			}
		}
		if err := storeAccount(r, a, after); err != nil {
			return err
		}
	}
	return nil
}

// listEvents serves GET /v1/events with type / types[] / created filters.
// Stripe keeps a connected account's events on that account: they are
// listed only when the request carries its Stripe-Account header, and the
// platform's own list (no header) does not include them.
func listEvents(r *request) (any, error) {
	pg, err := readPage(r, "events", "event")
	if err != nil {
		return nil, err
	}
	pg.where, pg.args = append(pg.where, "account = ?"), append(pg.args, r.account)
	p := r.params
	if t, ok, e := p.Get("type").NonEmpty(); e != nil {
		return nil, e
	} else if ok {
		// Stripe allows a trailing wildcard: account.*.
		if n := len(t); n > 1 && t[n-1] == '*' {
			pg.where, pg.args = append(pg.where, "type LIKE ?"), append(pg.args, t[:n-1]+"%")
		} else {
			pg.where, pg.args = append(pg.where, "type = ?"), append(pg.args, t)
		}
	}
	if types := p.Get("types"); types.Present() {
		var in []any
		for _, k := range types.Names() {
			v, _, e := types.Get(k).NonEmpty()
			if e != nil {
				return nil, e
			}
			in = append(in, v)
		}
		if len(in) > 0 {
			q := "type IN (?" + string(bytes.Repeat([]byte(",?"), len(in)-1)) + ")"
			pg.where, pg.args = append(pg.where, q), append(pg.args, in...)
		}
	}
	p.Get("expand").MarkAll()
	if e := p.Unknown(); e != nil {
		return nil, e
	}
	data, more, err := pg.fetch(r, "events")
	if err != nil {
		return nil, err
	}
	list := listJSON{Object: "list", Data: []any{}, HasMore: more, URL: "/v1/events"}
	for _, d := range data {
		list.Data = append(list.Data, json.RawMessage(d))
	}
	return list, nil
}

// retrieveEvent serves GET /v1/events/{id}, from the account the request
// acts as (an event of another account is "No such event").
func retrieveEvent(r *request) (any, error) {
	r.params.Get("expand").MarkAll()
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	var data string
	err := r.tx.QueryRowContext(r.ctx, `SELECT data FROM events WHERE id = ? AND account = ?`, r.pathID, r.account).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoSuch("event", r.pathID, "id")
	}
	if err != nil {
		return nil, err
	}
	return json.RawMessage(data), nil
}
