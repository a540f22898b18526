package main

import (
	"errors"
	"fmt"
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
	return exitFailure
}

// resumeError is a failure on an account, with the command that picks the
// account up where it was left.
type resumeError struct {
	err error
	id  string
}

func (e *resumeError) Error() string {
	return e.err.Error() + "\n  continue with: onboard resume " + e.id
}
func (e *resumeError) Unwrap() error { return e.err }

// withResume adds the resume command to err when there is an account to
// resume (DESIGN: a failure names the step and prints onboard resume acct_…).
func withResume(err error, id string) error {
	if err == nil || id == "" {
		return err
	}
	return &resumeError{err: err, id: id}
}
