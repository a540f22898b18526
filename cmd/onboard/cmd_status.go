package main

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"onboard/flows"
)

func newStatusCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status ACCOUNT_ID",
		Short: "Show an account's state, capabilities and requirements",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cl, release, err := a.setup()
			if err != nil {
				return err
			}
			defer release()
			acct, err := cl.Load(cmd.Context(), strings.TrimSpace(args[0]))
			if err != nil {
				return errors.New(flows.Message(err))
			}
			if asJSON {
				return writeJSON(a.stdout, flows.StatusOf(acct))
			}
			printStatus(a.stdout, acct, a.language)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the status as JSON")
	return cmd
}

func newResumeCmd(a *app) *cobra.Command {
	var answers string
	var upfront, future, asJSON bool
	cmd := &cobra.Command{
		Use:   "resume ACCOUNT_ID",
		Short: "Continue onboarding an existing account (fix what is due)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := strings.TrimSpace(args[0])
			s := flows.Strategy{Upfront: upfront || future, Future: future}
			if answers != "" {
				return a.scriptResume(cmd.Context(), id, s, answers, asJSON)
			}
			if asJSON {
				return usageErr("--json needs --answers")
			}
			return a.runTUI(cmd.Context(), tuiStart{accountID: id, strategy: s, strategyGiven: true})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&answers, "answers", "", "answers file (JSON or YAML): run without a terminal")
	fl.BoolVar(&upfront, "upfront", false, "collect eventually_due now too")
	fl.BoolVar(&future, "future", false, "also collect future requirements")
	fl.BoolVar(&asJSON, "json", false, "print the final status as JSON on stdout")
	return cmd
}
