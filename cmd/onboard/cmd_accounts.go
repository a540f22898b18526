package main

import (
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"onboard/flows"
)

// states are the values --state accepts.
var states = []string{flows.StateComplete, flows.StateEnabled, flows.StatePendingEnablement, flows.StateRestricted,
	flows.StatePayoutsDisabled, flows.StateChargesDisabled, flows.StatePastDue, flows.StatePendingDisabled, flows.StateRejected}

func newAccountsCmd(a *app) *cobra.Command {
	var state string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "accounts",
		Short: "List connected accounts with their state, most urgent first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if state != "" && !contains(states, state) {
				return usageErr("--state takes one of %q", states)
			}
			if limit < 0 {
				return usageErr("--limit must be positive")
			}
			cl, release, err := a.setup()
			if err != nil {
				return err
			}
			defer release()
			list, err := cl.Accounts(cmd.Context(), flows.ListOptions{State: state, Limit: limit})
			if err != nil {
				return errors.New(flows.Message(err))
			}
			if asJSON {
				if list == nil {
					list = []flows.Summary{}
				}
				return writeJSON(a.stdout, list)
			}
			w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, t("ID\tNAME\tCOUNTRY\tSTATE\tDEADLINE", "ID\tNOM\tPAYS\tSTATUT\tÉCHÉANCE").In(a.language))
			for _, s := range list {
				dl := "-"
				if !s.Deadline.IsZero() {
					dl = s.Deadline.Format("2006-01-02")
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", s.ID, s.Name, s.Country, flows.StateLabel(s.State, a.language), dl)
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&state, "state", "", "only accounts in this state (e.g. \"restricted (past due)\")")
	cmd.Flags().IntVar(&limit, "limit", 0, "stop after this many accounts (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the list as JSON")
	return cmd
}
