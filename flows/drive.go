package flows

import (
	"context"
	"errors"
	"maps"
)

// ErrPass, returned by an Asker, leaves the step without sending it: it
// is not planned again in the journey.
var ErrPass = errors.New("step passed")

// ErrRefusedTooOften wraps the last refusal of a step Stripe refused
// MaxAttempts times.
var ErrRefusedTooOften = errors.New("refused too often")

// Asker gives what to send for a step. On the first ask refused is nil
// and values are what the account already holds; after a send that was
// refused for some of the step's fields (Problems(st, refused)), it is
// asked again with that error and the values sent, to correct them. It
// returns the step to send (the planned one, or one with fewer or more
// fields) and the values, ErrPass to leave the step, or an error to stop.
type Asker func(ctx context.Context, st Step, values map[string]string, refused error) (Step, map[string]string, error)

// StepError is a drive stopped on a step: the step, its title in the
// client's language, and why.
type StepError struct {
	Step  Step
	Title string
	Err   error
}

func (e *StepError) Error() string { return e.Title + ": " + e.Err.Error() }

// Unwrap gives the cause.
func (e *StepError) Unwrap() error { return e.Err }

// Drive runs the journey to its end, for drivers that ask one step at a
// time (line mode, an answers file): each planned step is asked and
// sent; a send refused for fields of the step is asked again with the
// refusal, up to MaxAttempts sends; sent is called with each accepted
// step. A refusal that names no field of the step, a step refused
// MaxAttempts times (ErrRefusedTooOften) and an asker's error end the
// drive with a *StepError. The TUI, which cannot block, uses Next,
// Prepare, Send and Record, the same rules one call at a time.
func (j *Journey) Drive(ctx context.Context, ask Asker, sent func(st Step, res Result)) error {
	for {
		planned, ok := j.Next()
		if !ok {
			return nil
		}
		title := planned.Title(j.Account(), j.c.lang)
		values := maps.Clone(planned.Values)
		if values == nil {
			values = map[string]string{}
		}
		var refused error
		for {
			st, vals, err := ask(ctx, planned, values, refused)
			if errors.Is(err, ErrPass) {
				j.Pass(planned)
				break
			}
			if err != nil {
				return &StepError{Step: planned, Title: title, Err: err}
			}
			res, err := j.Submit(ctx, st, vals)
			if err == nil {
				if sent != nil {
					sent(st, res)
				}
				break
			}
			if len(Problems(st, err)) == 0 {
				return &StepError{Step: st, Title: title, Err: err}
			}
			if j.Attempts(st) >= MaxAttempts {
				return &StepError{Step: st, Title: title, Err: errors.Join(ErrRefusedTooOften, err)}
			}
			planned, values, refused = st, vals, err
		}
	}
}
