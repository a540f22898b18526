// Package exitcode is onboard's exit codes (the command-line contract in
// README.md) and the error that carries one up to main: nothing below
// main calls os.Exit.
package exitcode

import (
	"errors"
	"fmt"
)

// The exit codes.
const (
	OK          = 0
	Failure     = 1
	Usage       = 2 // a usage error: nothing was sent
	StillDue    = 3 // the run ended with fields still due
	Interrupted = 130
)

// Error is err with the code the process exits with.
type Error struct {
	Code int
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Usagef is a usage error (exit 2) formatted as fmt.Errorf does.
func Usagef(format string, args ...any) error {
	return &Error{Code: Usage, Err: fmt.Errorf(format, args...)}
}

// With gives err the code; a nil err stays nil.
func With(code int, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Code: code, Err: err}
}

// Of is the code an error carries: OK for nil, Failure when none is set.
func Of(err error) int {
	if err == nil {
		return OK
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Failure
}
