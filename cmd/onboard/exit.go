package main

import (
	"errors"
	"fmt"

	"onboard/flows"
	"onboard/internal/exitcode"
	"onboard/schema"
)

// Exit codes of the command-line contract (package exitcode).
const (
	exitOK          = exitcode.OK
	exitFailure     = exitcode.Failure
	exitUsage       = exitcode.Usage
	exitStillDue    = exitcode.StillDue
	exitInterrupted = exitcode.Interrupted
)

var (
	usageErr = exitcode.Usagef
	withCode = exitcode.With
)

// codeOf is the exit code for an error returned by a command.
func codeOf(err error) int {
	var ee *exitcode.Error
	var le *flows.LiveError
	if !errors.As(err, &ee) && errors.As(err, &le) {
		return exitUsage // the operator did not confirm: nothing was sent
	}
	return exitcode.Of(err)
}

// runFailed is a failure in the middle of a run on account id: it says
// where it stopped (the step and the call, in err's wrapping) and how to
// continue from there. Exit 1, or 2 for an answer refused before sending;
// sent says requests were already made (for what an input error says).
func (a *app) runFailed(id string, err error, rest string, sent bool) error {
	code := codeOf(err)
	var ie *flows.InputError
	if errors.As(err, &ie) {
		code = exitUsage
	}
	msg := describeRunError(err, a.cfg.Lang(), sent)
	if id != "" {
		msg += "\n" + fmt.Sprintf(t("To continue: onboard resume %s%s", "Pour reprendre\u00a0: onboard resume %s%s").In(a.cfg.Lang()), id, rest)
	}
	return &exitcode.Error{Code: code, Err: errors.New(msg)}
}

// resumeError is a failure on an account, with the command that picks the
// account up where it was left.
type resumeError struct {
	err  error
	id   string
	lang schema.Lang
}

func (e *resumeError) Error() string {
	return e.err.Error() + "\n" + fmt.Sprintf(t("To continue: onboard resume %s%s", "Pour reprendre\u00a0: onboard resume %s%s").In(e.lang), e.id, "")
}
func (e *resumeError) Unwrap() error { return e.err }

// withResume adds the resume command to err when there is an account to
// resume (DESIGN: a failure names the step and prints onboard resume acct_…).
func withResume(err error, id string, lang schema.Lang) error {
	if err == nil || id == "" {
		return err
	}
	return &resumeError{err: err, id: id, lang: lang}
}
