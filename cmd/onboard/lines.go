package main

import (
	"bufio"
	"context"
	"os"

	"github.com/charmbracelet/x/term"

	"onboard/flows"
	"onboard/internal/lineui"
)

// reader is standard input behind one buffered reader for the whole
// invocation: the line-mode prompter and the live confirmation read
// from the same one, so neither swallows lines piped for the other.
func (a *app) reader() *bufio.Reader {
	if a.in == nil {
		a.in = bufio.NewReader(a.stdin)
	}
	return a.in
}

// terminalIn is standard input when it is a terminal, else nil.
func (a *app) terminalIn() *os.File {
	if f, ok := a.stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		return f
	}
	return nil
}

// lines is the line mode on this invocation's streams.
func (a *app) lines() lineui.UI {
	return lineui.UI{In: a.reader(), Out: a.stdout, Err: a.stderr, TTY: a.terminalIn(), Lang: a.cfg.Lang()}
}

// askCountry confirms a live change on standard input (line mode and
// scripted runs; the TUI asks on screen).
func (a *app) askCountry(ctx context.Context, ch flows.LiveChange) (string, error) {
	return a.lines().ConfirmLive(ctx, ch)
}

// runLines onboards in line mode (package lineui).
func (a *app) runLines(ctx context.Context, s tuiStart) error {
	if !s.new && s.accountID == "" {
		return lineui.Unavailable(a.cfg.Lang(), a.terminalIn() != nil)
	}
	cl, release, err := a.setup()
	if err != nil {
		return err
	}
	defer release()
	return a.lines().Run(ctx, cl, lineui.Start{New: s.new, Setup: s.setup, AccountID: s.accountID, Strategy: s.strategy})
}
