package main

import (
	"onboard/internal/exitcode"
	"onboard/internal/textout"
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
	return textout.ExitCode(err)
}

// runFailed is textout.RunFailed in the operator's language.
func (a *app) runFailed(id string, err error, rest string, sent bool) error {
	return textout.RunFailed(id, err, rest, sent, a.cfg.Lang())
}

var t = schema.T
