package sandbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"onboard/sandbox/engine"
	"onboard/sandbox/params"
	"time"

	"onboard/sandbox/store"
)

// DefaultGrace is how long a requirement that becomes currently due (by a
// threshold or a trigger) has before it is past due (engine.DefaultGrace).
const DefaultGrace = engine.DefaultGrace

// AddVolume records amount (minor units, e.g. cents) of card volume on the
// account, as if charges had been made, so that volume thresholds (and the
// "30 days after the first charge" rules) can be rehearsed. It publishes
// account.updated when the requirements change.
func (s *Sandbox) AddVolume(ctx context.Context, accountID string, amount int64) error {
	if amount <= 0 {
		return errors.New("sandbox: volume must be positive")
	}
	return s.mutate(ctx, accountID, func(r *request, a *engine.Account) error {
		engine.RecordVolume(a, amount, r.now)
		return nil
	})
}

// Trigger actions, the effects of Stripe's trigger cards
// (https://docs.stripe.com/connect/testing).
const (
	// TriggerNextRequirements makes the next eventually-due set currently
	// due (tok_visa_triggerNextRequirements).
	TriggerNextRequirements = "next_requirements"
	// TriggerChargeBlock turns charges off until the eventually-due items
	// are supplied (tok_visa_triggerChargeBlock).
	TriggerChargeBlock = "charge_block"
	// TriggerPayoutBlock turns payouts off until the eventually-due items
	// are supplied (tok_visa_triggerPayoutBlock).
	TriggerPayoutBlock = "payout_block"
	// TriggerPayout pays out to the default bank account: an account
	// number from the payout-failure test values (000111111116 …) fails
	// the payout, the bank account goes errored and payouts stop until
	// another account is given; charges go on.
	TriggerPayout = "payout"
)

// Trigger applies one of Stripe's test trigger effects to the account:
// next_requirements makes the next eventually-due set currently due (with
// the default grace); charge_block and payout_block make everything
// eventually due past due at once and turn charges (or payouts) off until
// it is supplied. Blocks do nothing until the initial requirements were
// supplied, as on Stripe.
func (s *Sandbox) Trigger(ctx context.Context, accountID, action string) error {
	return s.mutate(ctx, accountID, func(r *request, a *engine.Account) error {
		return applyTrigger(a, action, r.now)
	})
}

func applyTrigger(a *engine.Account, action string, now time.Time) error {
	switch action {
	case TriggerNextRequirements:
		engine.ReachNextThreshold(a, now)
		return nil
	case TriggerChargeBlock, TriggerPayoutBlock:
		if !engine.Derive(a, now).DetailsSubmitted {
			return nil
		}
		a.Time.Block, a.Time.BlockAt = map[string]string{TriggerChargeBlock: "charge", TriggerPayoutBlock: "payout"}[action], now.UnixNano()
		return nil
	case TriggerPayout:
		if a.Bank != nil && a.Bank.PayoutFailure != "" {
			delete(a.Fields, "external_account")
			engine.Submit(a, "external_account", engine.Outcome{Code: engine.PayoutFailedCode, Immediate: true, PayoutsOnly: true}, now, 0)
		}
		return nil
	}
	return invalid("", "action", "Invalid action: must be one of next_requirements, charge_block, payout_block, payout")
}

// mutate runs fn on one account inside a request-like transaction and
// persists the result with its events, for the exported test-facing
// methods that change an account outside the HTTP API.
func (s *Sandbox) mutate(ctx context.Context, accountID string, fn func(*request, *engine.Account) error) error {
	err := store.InTx(ctx, s.db, func(tx *sql.Tx) error {
		now, err := s.nowIn(ctx, tx)
		if err != nil {
			return err
		}
		r := &request{ctx: ctx, sb: s, tx: tx, now: now, params: params.Parse(nil), id: newID("req_", 14)}
		_, err = mutateIn(r, accountID, fn)
		return err
	})
	if err != nil {
		return fmt.Errorf("sandbox: %w", err)
	}
	return nil
}

// mutateIn is mutate inside an existing request; it returns the account
// as stored.
func mutateIn(r *request, accountID string, fn func(*request, *engine.Account) error) (*engine.Account, error) {
	a, _, err := mustAccount(r, accountID, "account")
	if err != nil {
		return nil, err
	}
	engine.Freeze(a, r.now)
	before := mustJSON(renderAccount(a, r.now))
	if err := fn(r, a); err != nil {
		return nil, err
	}
	_, err = persist(r, a, before)
	return a, err
}
