package sandbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"onboard/sandbox/rules"

	"onboard/sandbox/store"
)

// DefaultGrace is how long a requirement that becomes currently due (by a
// threshold or a trigger) has before it is past due: sandbox-rules §1.5
// [G].
const DefaultGrace = 14 * 24 * time.Hour

// timeFacts is the account's history that moves requirements over time.
// Times are unix nanoseconds on the sandbox clock.
type timeFacts struct {
	// Volume is the lifetime card volume in minor units (AddVolume).
	Volume int64 `json:"volume,omitempty"`
	// FirstCharge is when volume was first recorded.
	FirstCharge int64 `json:"first_charge,omitempty"`
	// Reached records when each threshold was crossed by volume or forced
	// by the next_requirements trigger.
	Reached map[string]int64 `json:"reached,omitempty"`
	// Block is "charge" or "payout" after a block trigger, from BlockAt.
	Block   string `json:"block,omitempty"`
	BlockAt int64  `json:"block_at,omitempty"`
	// Rejected is the reject reason (fraud, terms_of_service, other).
	Rejected string `json:"rejected,omitempty"`
}

// threshold is one row of the threshold table (sandbox-rules §1.5): a card
// volume in minor units and/or a delay after the first charge.
type threshold struct {
	Volume           int64
	AfterFirstCharge time.Duration
}

// thresholds are referenced by name from the requirement tables. The
// amounts are in the account's currency minor units, whatever it is [G].
var thresholds = map[string]threshold{
	// US: full SSN / id_number at $500,000 of lifetime card volume [V].
	"us_id_number": {Volume: 500_000_00},
	// US: owners' details before $750,000 (payouts) [V].
	"us_owners": {Volume: 750_000_00},
	// Elsewhere: Stripe's testing guide asks for more after $1,500 of
	// charges or 30 days, whichever first [V as an example; G as a rule].
	"intl_more": {Volume: 1_500_00, AfterFirstCharge: 30 * 24 * time.Hour},
}

// thresholdOrder is the order next_requirements walks thresholds in.
var thresholdOrder = []string{"intl_more", "us_id_number", "us_owners"}

// reachedAt returns when threshold name was reached (unix ns), 0 if not by
// now.
func reachedAt(a *accountFacts, name string, now int64) int64 {
	var at int64
	if t := a.Time.Reached[name]; t != 0 {
		at = t
	}
	th := thresholds[name]
	if th.AfterFirstCharge > 0 && a.Time.FirstCharge != 0 {
		t := a.Time.FirstCharge + int64(th.AfterFirstCharge)
		if at == 0 || t < at {
			at = t
		}
	}
	if at > now {
		return 0
	}
	return at
}

// upcoming lists future moments (unix ns) at which the account's
// requirements change by themselves: thresholds reached by time after the
// first charge, and the deadlines of items that are currently due.
func upcoming(a *accountFacts) []int64 {
	var out []int64
	for name, th := range thresholds {
		if th.AfterFirstCharge > 0 && a.Time.FirstCharge != 0 {
			t := a.Time.FirstCharge + int64(th.AfterFirstCharge)
			out = append(out, t, t+int64(DefaultGrace))
		}
		if t := a.Time.Reached[name]; t != 0 {
			out = append(out, t+int64(DefaultGrace))
		}
	}
	return out
}

// recordVolume adds card volume and marks the thresholds it crosses.
func recordVolume(a *accountFacts, amount int64, now time.Time) {
	if a.Time.FirstCharge == 0 {
		a.Time.FirstCharge = now.UnixNano()
	}
	a.Time.Volume += amount
	for name, th := range thresholds {
		if th.Volume > 0 && a.Time.Volume >= th.Volume && a.Time.Reached[name] == 0 {
			if a.Time.Reached == nil {
				a.Time.Reached = map[string]int64{}
			}
			a.Time.Reached[name] = now.UnixNano()
		}
	}
}

// AddVolume records amount (minor units, e.g. cents) of card volume on the
// account, as if charges had been made, so that volume thresholds (and the
// "30 days after the first charge" rules) can be rehearsed. It publishes
// account.updated when the requirements change.
func (s *Sandbox) AddVolume(ctx context.Context, accountID string, amount int64) error {
	if amount <= 0 {
		return errors.New("sandbox: volume must be positive")
	}
	return s.mutate(ctx, accountID, func(r *request, a *accountFacts) error {
		recordVolume(a, amount, r.now)
		return nil
	})
}

// Trigger actions, the effects of Stripe's trigger cards (sandbox-rules
// §2.7).
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
	return s.mutate(ctx, accountID, func(r *request, a *accountFacts) error {
		return applyTrigger(a, action, r.now)
	})
}

func applyTrigger(a *accountFacts, action string, now time.Time) error {
	switch action {
	case TriggerNextRequirements:
		for _, name := range thresholdOrder {
			if !thresholdUsed(a, name) || reachedAt(a, name, now.UnixNano()) != 0 {
				continue
			}
			if a.Time.Reached == nil {
				a.Time.Reached = map[string]int64{}
			}
			a.Time.Reached[name] = now.UnixNano()
			return nil
		}
		return nil
	case TriggerChargeBlock, TriggerPayoutBlock:
		if !derive(a, now).DetailsSubmitted {
			return nil
		}
		a.Time.Block, a.Time.BlockAt = map[string]string{TriggerChargeBlock: "charge", TriggerPayoutBlock: "payout"}[action], now.UnixNano()
		return nil
	case TriggerPayout:
		if a.Bank != nil && a.Bank.PayoutFailure != "" {
			delete(a.Fields, "external_account")
			submit(a, "external_account", outcome{Code: payoutFailedCode, Immediate: true, PayoutsOnly: true}, now, 0)
		}
		return nil
	}
	return invalid("", "action", "Invalid action: must be one of next_requirements, charge_block, payout_block, payout")
}

// thresholdUsed reports whether some applicable rule waits on name.
func thresholdUsed(a *accountFacts, name string) bool {
	for _, r := range applicableRules(a) {
		if r.Stage == rules.StageLater && r.Threshold == name {
			return true
		}
	}
	return false
}

// mutate runs fn on one account inside a request-like transaction and
// persists the result with its events, for the exported test-facing
// methods that change an account outside the HTTP API.
func (s *Sandbox) mutate(ctx context.Context, accountID string, fn func(*request, *accountFacts) error) error {
	err := store.InTx(ctx, s.db, func(tx *sql.Tx) error {
		now, err := s.nowIn(ctx, tx)
		if err != nil {
			return err
		}
		r := &request{ctx: ctx, sb: s, tx: tx, now: now, params: parseParams(nil), id: newID("req_", 14)}
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
func mutateIn(r *request, accountID string, fn func(*request, *accountFacts) error) (*accountFacts, error) {
	a, _, err := mustAccount(r, accountID, "account")
	if err != nil {
		return nil, err
	}
	freeze(a, r.now)
	before := mustJSON(renderAccount(a, r.now))
	if err := fn(r, a); err != nil {
		return nil, err
	}
	_, err = persist(r, a, before)
	return a, err
}
