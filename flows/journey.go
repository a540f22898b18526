package flows

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"onboard/schema"
)

// Journey is the onboarding of one account, whatever drives it (the TUI,
// the line-mode prompter, an answers file): it plans the next step from
// the latest snapshot, sends steps with stable idempotency keys, takes
// Stripe's answer as the new snapshot, remembers the paths already sent
// so a step still due is reported instead of asked in a loop, and counts
// its API requests. Drivers only ask for values and show results.
//
// A Journey is safe for concurrent use: the TUI sends from a command
// while its Update reads the journey.
type Journey struct {
	c        *Client
	strategy Strategy

	// OnSent, when set, is called after each step Stripe accepted, with
	// the account as it then stands, the step, and the values sent for
	// it by field key, sensitive values left out (they are never handed
	// on, so nothing an observer writes can hold one) unless they are
	// Stripe's published test values on a test key. Set it before the
	// first send; it runs on the goroutine that records the result.
	OnSent func(acct schema.Account, st Step, values map[string]string)

	requests atomic.Int64

	mu    sync.Mutex
	acct  schema.Account
	tried map[string]bool
	// passed lists paths left for good: not planned again even when
	// Stripe reports an error on them.
	passed map[string]bool
	// moves counts sends accepted and steps passed, to bound a journey
	// against a server that keeps asking.
	moves int
	// plan is Plan's answer until what it is made of changes (the
	// snapshot, the paths tried or passed, the moves): the screens ask
	// for it on every frame.
	plan    []Step
	planned bool
	// sent lists the paths sent, in order, for the still-due report.
	sent     []string
	done     int
	attempts map[string]int       // by step
	clocks   map[string]time.Time // the clock of each key's first send
	answered map[string]bool      // keys Stripe has answered
	history  []Sent
}

// Sent is one step Stripe accepted, as the journey remembers it.
type Sent struct {
	Step Step
	// Values are the values sent for the step, by field key; a sensitive
	// field's value is masked (schema.Field.Mask): the journey keeps no
	// secret.
	Values map[string]string
	// Masked lists the keys of Values that are masked.
	Masked []string
	// StillDue and Pending are what Stripe said of the step's paths.
	StillDue []StillDue
	Pending  []string
}

// MaxAttempts is how many sends Drive gives a step Stripe keeps refusing
// before it gives up (the TUI's operator may try as often as they like).
const MaxAttempts = 3

// Journey starts onboarding a (created or loaded by c) with strategy s.
func (c *Client) Journey(a schema.Account, s Strategy) *Journey {
	return &Journey{c: c, strategy: s, acct: a, tried: map[string]bool{}, passed: map[string]bool{},
		attempts: map[string]int{}, clocks: map[string]time.Time{}, answered: map[string]bool{},
		OnSent: c.onSent}
}

// Client is the client the journey sends through.
func (j *Journey) Client() *Client { return j.c }

// A StepRecorder hears every step a journey had accepted and the
// strategy it collects (WithRecorder). answers.Recorder is one: it writes
// them as an answers file. It is an interface so that flows, which the
// answers package drives, need not import it back.
type StepRecorder interface {
	Sent(acct schema.Account, st Step, values map[string]string)
	Collects(s Strategy)
}

// Strategy is how much the journey collects.
func (j *Journey) Strategy() Strategy { return j.strategy }

// Account is the latest snapshot of the account.
func (j *Journey) Account() schema.Account {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.acct
}

// SetAccount takes a snapshot read elsewhere (a refresh, a person removed)
// as the latest.
func (j *Journey) SetAccount(a schema.Account) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.acct = a
	j.planned = false
}

// Reload reads the account again (through the API it speaks) and keeps
// the snapshot; its requests count in Requests.
func (j *Journey) Reload(ctx context.Context) (schema.Account, error) {
	a, err := j.c.reload(withCounter(ctx, &j.requests), j.Account())
	if err != nil {
		return a, err
	}
	j.SetAccount(a)
	return a, nil
}

// maxMoves bounds a journey: every step sent or passed marks its paths,
// so a journey ends long before this; the bound guards against a server
// that keeps asking.
const maxMoves = 64

// Plan is every step left, in the order they are asked: what the
// strategy wants from the latest snapshot, less the paths already sent
// (unless Stripe reports a new error on one) and those passed.
func (j *Journey) Plan() []Step {
	j.mu.Lock()
	defer j.mu.Unlock()
	if !j.planned {
		j.plan, j.planned = j.makePlan(), true
	}
	// Each caller gets steps of its own: appending to one's fields or
	// writing its maps leaves the kept plan as it was.
	out := make([]Step, len(j.plan))
	for i, st := range j.plan {
		st.Fields, st.Paths = slices.Clip(st.Fields), slices.Clip(st.Paths)
		st.Values, st.Problems = maps.Clone(st.Values), maps.Clone(st.Problems)
		out[i] = st
	}
	return out
}

func (j *Journey) makePlan() []Step {
	if j.moves >= maxMoves {
		return nil
	}
	var out []Step
	for _, st := range Plan(j.acct, j.strategy, j.tried, j.c.lang) {
		left := false
		for _, p := range st.Paths {
			left = left || !j.passed[p]
		}
		if left {
			out = append(out, st)
		}
	}
	return out
}

// Next is the step to ask now; false when nothing is left.
func (j *Journey) Next() (Step, bool) {
	steps := j.Plan()
	if len(steps) == 0 {
		return Step{}, false
	}
	return steps[0], true
}

// Done counts the steps sent and accepted (steps sent aside not counted).
func (j *Journey) Done() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.done
}

// Total is the number of steps known so far: those done and those left.
func (j *Journey) Total() int {
	return j.Done() + len(j.Plan())
}

// Pass leaves a step for good without sending it (a scripted run has no
// answer for it, or none it has not sent already): it is not planned
// again in this journey.
func (j *Journey) Pass(st Step) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.moves++
	for _, p := range st.Paths {
		j.tried[p], j.passed[p] = true, true
	}
	j.planned = false
}

// Answered reports whether Stripe already accepted these values for this
// step in this journey: sending them again would change nothing.
func (j *Journey) Answered(st Step, values map[string]string) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.answered[j.c.keyFor(j.acct, st, values)]
}

// Attempts counts the sends of a step (a person's step, or a group's),
// refused ones included.
func (j *Journey) Attempts(st Step) int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.attempts[stepID(st)]
}

// StillDue lists the paths sent in this journey that Stripe still asks
// for on the latest snapshot (not merely verifying), with its reason.
func (j *Journey) StillDue() []StillDue {
	j.mu.Lock()
	defer j.mu.Unlock()
	return stillDue(j.sent, j.acct)
}

// Outstanding lists what the strategy still wants and nobody is
// verifying: with it non-empty the onboarding is not finished.
func (j *Journey) Outstanding() []string {
	return Outstanding(j.Account(), j.strategy)
}

// History lists the steps accepted, oldest first, with the values sent
// (sensitive ones masked), for a review of the answers or going back.
func (j *Journey) History() []Sent {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make([]Sent, len(j.history))
	for i, s := range j.history {
		s.Values = maps.Clone(s.Values)
		out[i] = s
	}
	return out
}

// Requests counts the API requests the journey made (a request retried
// after a transient failure counts once).
func (j *Journey) Requests() int { return int(j.requests.Load()) }

// Submit sends values for st and records the result: Prepare, Send and
// Record in one call, for drivers that can wait.
func (j *Journey) Submit(ctx context.Context, st Step, values map[string]string) (Result, error) {
	s := j.Prepare(st, values)
	res, err := s.Send(ctx)
	j.Record(s, res, err)
	return res, err
}

// Submission is one send of a step, prepared from copies: Send touches
// nothing of the journey but its request counter, so a driver may run it
// on another goroutine (a Bubble Tea command) and Record the result on
// its own.
type Submission struct {
	// Step is the step sent.
	Step Step
	// Key is the step's idempotency key (StepKey).
	Key string
	// Aside marks a step sent outside the plan (the TUI's people screen):
	// it does not count as done and its paths are not marked tried.
	Aside bool

	j      *Journey
	acct   schema.Account
	values map[string]string
	now    time.Time
}

// Prepare readies a send of values for st on the latest snapshot. Its key
// is StepKey's of the values as sent (normalized); the clock that dates a
// terms acceptance is the one of the key's first send, so a resend
// carries exactly the same parameters (as Stripe requires of a key used
// again).
func (j *Journey) Prepare(st Step, values map[string]string) *Submission {
	j.mu.Lock()
	defer j.mu.Unlock()
	key := j.c.keyFor(j.acct, st, values)
	now, ok := j.clocks[key]
	if !ok {
		now = j.c.now()
		j.clocks[key] = now
	}
	return &Submission{Step: st, Key: key, j: j, acct: j.acct, values: maps.Clone(values), now: now}
}

// Send sends the step. It reads nothing of the journey that Record
// writes: a command may run it while the driver reads the journey.
func (s *Submission) Send(ctx context.Context) (Result, error) {
	return s.j.c.send(withCounter(ctx, &s.j.requests), s.acct, s.Step, s.values, s.Key, s.now)
}

// Record takes the outcome of a send: a refused step only counts as an
// attempt; an accepted one makes the response the latest snapshot, marks
// the step's paths tried, joins the history and is passed to OnSent.
func (j *Journey) Record(s *Submission, res Result, err error) {
	j.mu.Lock()
	j.attempts[stepID(s.Step)]++
	if err != nil {
		j.mu.Unlock()
		return
	}
	j.acct = res.Account
	j.planned = false
	j.answered[s.Key] = true
	if !s.Aside {
		j.done++
		j.moves++
		for _, p := range s.Step.Paths {
			j.tried[p] = true
		}
	}
	for _, p := range s.Step.Paths {
		if !contains(j.sent, p) {
			j.sent = append(j.sent, p)
		}
	}
	sent := Sent{Step: s.Step, Values: map[string]string{}, StillDue: res.StillDue, Pending: res.Pending}
	observed := map[string]string{}
	for k, v := range sentValues(s.Step, s.values) {
		if f := fieldOf(s.Step, k); f.Sensitive {
			sent.Values[k] = f.Mask(v)
			sent.Masked = append(sent.Masked, k)
			if !j.c.live && schema.IsTestValue(f, v) {
				// One of Stripe's test values says nothing about anyone:
				// an answers file recorded from it replays to the same
				// state.
				observed[k] = v
			}
			continue
		}
		sent.Values[k] = v
		observed[k] = v
	}
	j.history = append(j.history, sent)
	hook, acct := j.OnSent, j.acct
	j.mu.Unlock()
	if j.c.onStrategy != nil {
		j.c.onStrategy(j.strategy)
	}
	if hook != nil {
		hook(acct, s.Step, observed)
	}
}

// sentValues are the values a send of st takes from values: its fields',
// and those that change what is sent without being a field of the step.
func sentValues(st Step, values map[string]string) map[string]string {
	out := map[string]string{}
	for _, f := range st.Fields {
		if v, ok := values[f.Key]; ok && v != "" {
			out[f.Key] = v
		}
	}
	for _, k := range []string{"external_account", "tos_acceptance.ip"} {
		if v := values[k]; v != "" {
			out[k] = v
		}
	}
	return out
}

// fieldOf is the step's field for key, or the catalog's.
func fieldOf(st Step, key string) schema.Field {
	for _, f := range st.Fields {
		if f.Key == key {
			return f
		}
	}
	return schema.Field{Key: key}
}

// Problems maps a refused send back to the step's fields: each field an
// *InputError names with its message, or the field an *APIError names.
// It is empty when the error names no field of the step (a network
// failure, a refusal of the whole request): there is nothing to correct.
func Problems(st Step, err error) map[string]string {
	out := map[string]string{}
	var ie *InputError
	var ae *APIError
	for _, f := range st.Fields {
		switch {
		case errors.As(err, &ie) && ie.Fields[f.Key] != "":
			out[f.Key] = ie.Fields[f.Key]
		case errors.As(err, &ae) && ae.Field == f.Key:
			out[f.Key] = ae.Message
		}
	}
	return out
}
