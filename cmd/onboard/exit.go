package main

import (
	"errors"
	"fmt"

	"onboard/flows"
)

// Exit codes of the command-line contract.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitStillDue    = 3
	exitInterrupted = 130
)

// exitError carries an exit code up to main; nothing below main calls
// os.Exit.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: code, err: err}
}

// codeOf is the exit code for an error returned by a command.
func codeOf(err error) int {
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var le *flows.LiveError
	if errors.As(err, &le) {
		return exitUsage // the operator did not confirm: nothing was sent
	}
	return exitFailure
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
	msg := describeRunError(err, a.language, sent)
	if id != "" {
		msg += "\n" + fmt.Sprintf(t("To continue: onboard resume %s%s", "Pour reprendre\u00a0: onboard resume %s%s").In(a.language), id, rest)
	}
	return &exitError{code: code, err: errors.New(msg)}
}
