package main

import (
	"bufio"
	"fmt"
	"strings"
)

// confirmLive guards every change made with a live key: the operator types
// the country code of the account about to be changed (DESIGN.md). It
// reads one line from standard input, so a scripted live run needs it
// piped in on purpose. Test and sandbox modes pass straight through.
func (a *app) confirmLive(country string) error {
	if a.mode != "live" {
		return nil
	}
	country = strings.ToUpper(strings.TrimSpace(country))
	what := t("Type the account's country code (%s) to change a live account: ",
		"Saisissez le code pays du compte (%s) pour modifier un compte réel : ").In(a.language)
	if country == "" {
		country = "LIVE"
		what = t("Type %s to work on live accounts: ", "Saisissez %s pour travailler sur des comptes réels : ").In(a.language)
	}
	fmt.Fprintf(a.stderr, "LIVE — "+what, country)
	line, _ := bufio.NewReader(a.stdin).ReadString('\n')
	if strings.ToUpper(strings.TrimSpace(line)) != country {
		return usageErr("not confirmed: nothing was changed")
	}
	return nil
}
