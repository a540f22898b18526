package engine

import (
	"time"

	"onboard/sandbox/rules"
)

// DefaultGrace is how long a requirement that becomes currently due (by a
// threshold or a trigger) has before it is past due [G]: Stripe shows the
// deadline (https://docs.stripe.com/connect/handling-api-verification), not how it is chosen.
const DefaultGrace = 14 * 24 * time.Hour

// Timeline is the account's history that moves requirements over time.
// Times are unix nanoseconds on the sandbox clock.
type Timeline struct {
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

// threshold is one row of the threshold table (volume thresholds as
// in https://docs.stripe.com/connect/testing): a card
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
func reachedAt(a *Account, name string, now int64) int64 {
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
func upcoming(a *Account) []int64 {
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

// RecordVolume adds card volume and marks the thresholds it crosses.
func RecordVolume(a *Account, amount int64, now time.Time) {
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

// thresholdUsed reports whether some applicable rule waits on name.
func thresholdUsed(a *Account, name string) bool {
	for _, r := range ApplicableRules(a) {
		if r.Stage == rules.StageLater && r.Threshold == name {
			return true
		}
	}
	return false
}

// ReachNextThreshold marks the next threshold an applicable rule waits on,
// and has not been reached, as reached now (the next_requirements trigger).
func ReachNextThreshold(a *Account, now time.Time) {
	for _, name := range thresholdOrder {
		if !thresholdUsed(a, name) || reachedAt(a, name, now.UnixNano()) != 0 {
			continue
		}
		if a.Time.Reached == nil {
			a.Time.Reached = map[string]int64{}
		}
		a.Time.Reached[name] = now.UnixNano()
		return
	}
}
