package main

import (
	"bufio"
	"context"
	"fmt"

	"onboard/flows"
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

// askCountry is the live confirmation of line mode and scripted runs
// (flows.Confirm): it asks on stderr and reads one line from the shared
// reader, so a scripted live run needs the answers piped in on purpose.
// flows compares the line with the account's country code (flows.WithLive).
func (a *app) askCountry(_ context.Context, ch flows.LiveChange) (string, error) {
	what := t("LIVE — type the account's country code (%s) to change a live account: ",
		"PRODUCTION — saisissez le code pays du compte (%s) pour modifier un compte réel\u00a0: ").In(a.cfg.Lang())
	if ch.Account == "" {
		what = t("LIVE — type the country code (%s) to create a live account: ",
			"PRODUCTION — saisissez le code pays (%s) pour créer un compte réel\u00a0: ").In(a.cfg.Lang())
	}
	fmt.Fprintf(a.stderr, what, ch.Country)
	line, err := a.reader().ReadString('\n')
	if err != nil && line == "" {
		return "", usageErr("%s", t("not confirmed (no answer on standard input): nothing was changed",
			"non confirmé (aucune réponse sur l'entrée standard)\u00a0: rien n'a été modifié").In(a.cfg.Lang()))
	}
	return line, nil
}
