// Command onboard onboards Stripe Connect connected accounts through the
// API: it reads an account's requirements, asks for exactly what Stripe
// wants, submits each group and shows the account's state as it changes.
// With no API key it runs on an embedded sandbox.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"onboard/internal/config"
	"onboard/internal/textout"
	"onboard/internal/untrusted"
)

func main() {
	paceStartUp(os.Getenv, startGCWindow)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// run is main without the process: arguments, streams and environment in,
// exit code out, so tests drive it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	// SIGHUP is the terminal closing (a window shut, an ssh session
	// dropped): the run stops as on ctrl+c, so what was typed is kept as a
	// draft and the sandbox's database is closed cleanly (its write-ahead
	// log folded in, not replayed by the next start).
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGHUP, os.Interrupt)
	defer stop()
	a := newApp(stdin, stdout, stderr, getenv)
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	err := root.ExecuteContext(ctx)
	if werr := a.stdout.Err(); err == nil && werr != nil {
		// What the command printed did not arrive (a closed pipe, a
		// full disk): a script reading it must not take it for done.
		err = fmt.Errorf("standard output: %w", werr)
	}
	if err != nil {
		// Every error is printed here, cobra's own ("unknown command
		// \"sk_test_…\"") too: keys are redacted, and text that came
		// from Stripe or a file cannot drive the terminal.
		a.stderr.Println("onboard:", untrusted.Lines(config.MaskKeys(err.Error(), config.SecretArgs(args, getenv)...)))
	}
	return codeOf(err)
}

// newApp is an invocation on these streams and this environment.
func newApp(stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *app {
	return &app{stdin: stdin, in: bufio.NewReader(stdin), screen: stdout,
		stdout: textout.NewWriter(stdout), stderr: textout.NewWriter(stderr), getenv: getenv}
}
