package main

import (
	"context"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"onboard/internal/lineui"
)

// terminalIn is standard input when it is a terminal, else nil.
func (a *app) terminalIn() *os.File {
	if f, ok := a.stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		return f
	}
	return nil
}

// lines is the line mode on this invocation's streams; stderr is where
// the live confirmation asks.
func (a *app) lines(stderr io.Writer) lineui.UI {
	return lineui.UI{In: a.in, Out: a.stdout, Err: stderr, TTY: a.terminalIn(), Lang: a.cfg.Lang()}
}

// runLines onboards in line mode (package lineui).
func (a *app) runLines(ctx context.Context, s tuiStart) error {
	if !s.new && s.accountID == "" {
		return lineui.Unavailable(a.cfg.Lang(), a.terminalIn() != nil)
	}
	ses, err := a.connect(false)
	if err != nil {
		return err
	}
	defer ses.Close()
	return a.lines(ses.stderr).Run(ctx, ses.client, lineui.Start{New: s.new, Setup: s.setup, AccountID: s.accountID, Strategy: s.strategy})
}
