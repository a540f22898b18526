package sandbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"onboard/sandbox/engine"
	"time"

	"onboard/sandbox/store"
)

// seedCountries, seedFirst and seedLast vary the seeded accounts so a
// triage list of them looks like a platform's: several countries, named
// and unnamed accounts, individuals and companies.
var (
	seedCountries = []struct{ code, currency string }{
		{"US", "usd"}, {"GB", "gbp"}, {"FR", "eur"}, {"DE", "eur"}, {"CA", "cad"}, {"IE", "eur"}, {"AU", "aud"},
	}
	seedFirst = []string{"Jenny", "Amir", "Chloé", "Lars", "Priya", "Tomás", "Aoife", "Mei", "Kofi", "Ana"}
	seedLast  = []string{"Rosen", "Haddad", "Martin", "Becker", "Nair", "García", "Byrne", "Chen", "Mensah", "Silva"}
)

// SeedAccounts stores n accounts directly, as the API would store them,
// for benchmarks and demonstrations of triage at platform scale: creating
// 100,000 accounts through the API would take minutes. Their creation
// times run back from the sandbox clock in irregular steps (one to ten
// minutes, with bursts of accounts created in the same second), so the
// oldest are past due and creation-time windows are uneven, as on a real
// platform. They are inserted oldest first in one transaction.
func (s *Sandbox) SeedAccounts(ctx context.Context, n int) error {
	now, err := s.nowIn(ctx, s.db)
	if err != nil {
		return fmt.Errorf("sandbox: seed: %w", err)
	}
	created := make([]int64, n)
	t := now.Unix()
	for i := range n {
		created[n-1-i] = t
		if i%997 < 40 {
			continue // a burst: many accounts in one second
		}
		t -= 60 + int64(i*7919%540)
	}
	err = store.InTx(ctx, s.db, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO accounts (id, created, data, snapshot, wake_at) VALUES (?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer func() { _ = stmt.Close() }() // the transaction's commit reports what failed
		for i, c := range created {
			a := seedFacts(i, time.Unix(c, 0))
			data, err := json.Marshal(a)
			if err != nil {
				return err
			}
			snap := mustJSON(renderAccount(a, now))
			if _, err := stmt.ExecContext(ctx, a.ID, a.Created, string(data), string(snap), engine.WakeAt(a, now)); err != nil {
				return fmt.Errorf("store account %s: %w", a.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sandbox: seed: %w", err)
	}
	return nil
}

// seedFacts is the i-th seeded account, created at c.
func seedFacts(i int, c time.Time) *engine.Account {
	a := newAccountFacts(&request{now: c})
	k := seedCountries[i%len(seedCountries)]
	a.Country, a.DefaultCurrency = k.code, k.currency
	a.Capabilities["transfers"] = true
	first, last := seedFirst[i%len(seedFirst)], seedLast[(i/len(seedFirst))%len(seedLast)]
	switch i % 5 {
	case 0: // abandoned right after creation: no name at all
		a.BusinessType = "individual"
	case 1, 2:
		a.BusinessType = "company"
		a.Profile["name"] = fmt.Sprintf("%s %s Ltd %d", first, last, i)
		a.Email = fmt.Sprintf("ops%d@example.com", i)
	default:
		a.BusinessType = "individual"
		a.Email = fmt.Sprintf("%s.%s%d@example.com", first, last, i)
		a.Individual = &engine.Individual{ID: newID("person_", 24), Created: a.Created,
			FirstName: first, LastName: last, Address: map[string]string{}, Metadata: map[string]string{}}
	}
	return a
}
