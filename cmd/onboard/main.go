// Command onboard onboards Stripe Connect connected accounts through the
// API: it reads an account's requirements, asks for exactly what Stripe
// wants, submits each group and shows the account's state as it changes.
// With no API key it runs on an embedded sandbox.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"onboard/internal/config"
	"onboard/internal/untrusted"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// run is main without the process: arguments, streams and environment in,
// exit code out, so tests drive it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	root := newRootCmd(&app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv})
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err != nil {
		// Every error is printed here, cobra's own ("unknown command
		// \"sk_test_…\"") too: keys are redacted, and text that came
		// from Stripe or a file cannot drive the terminal.
		fmt.Fprintln(stderr, "onboard:", untrusted.Lines(config.MaskKeys(err.Error(), config.SecretArgs(args, getenv)...)))
	}
	return codeOf(err)
}
