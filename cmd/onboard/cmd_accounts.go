package main

import (
	"cmp"
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"onboard/flows"
	"onboard/internal/textout"
)

// quotedList writes names for a message: "a", "b", "c" (a Go slice
// printed with %q read ["a" "b" "c"]).
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

func newAccountsCmd(a *app) *cobra.Command {
	var stateArg string
	var limit int
	var asJSON, cached, dueCSV, upfront bool
	cmd := &cobra.Command{
		Use:   "accounts",
		Short: "List connected accounts with their state, most urgent first",
		Long: "List connected accounts with their state, most urgent first: past due, then failed verification,\n" +
			"then nearest deadline. The list is read fresh from Stripe (over concurrent pages, within the key's\n" +
			"rate limit) and saved to the triage cache; --cached reads that cache only.\n\n" +
			"States are those of Stripe's API-onboarding guide, plus \"new\": a new account on which nothing was\n" +
			"sent yet. Stripe lists all its fields as past due, but no deadline was missed, so it is listed as\n" +
			"new (--state new, or \"not started\"), sorted with the accounts that have fields due now, and left\n" +
			"out of --state past_due. (status --json keeps the guide's state for it: restricted (past due).)\n" +
			"--state failed_verification keeps the accounts whose verification failed, whatever their state.\n" +
			"The REASON column says why each account is urgent: the failed verification in words, the\n" +
			"fields past due or due now.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			state := ""
			if stateArg != "" {
				var ok bool
				if state, ok = flows.ParseState(stateArg); !ok {
					return usageErr(t("--state takes one of %s (or a short form such as past_due), not %q").In(a.cfg.Lang()), quotedList(flows.States), stateArg)
				}
			}
			if limit < 0 {
				return usageErr("%s", t("--limit must be positive").In(a.cfg.Lang()))
			}
			ses, err := a.connect(false)
			if err != nil {
				return err
			}
			defer ses.Close()
			var list []flows.Summary
			if cached {
				list, err = a.cachedAccounts(cmd.Context(), ses, state, limit)
			} else {
				list, err = freshAccounts(cmd.Context(), ses, state, limit)
			}
			if err != nil {
				return err
			}
			if dueCSV {
				return a.dueCSV(cmd.Context(), ses, list, flows.Strategy{Upfront: upfront})
			}
			if asJSON {
				return textout.JSONList(a.stdout, list)
			}
			rows := [][]string{strings.Split(t("ID\tNAME\tCOUNTRY\tSTATE\tDEADLINE\tREASON").In(a.cfg.Lang()), "\t")}
			for _, s := range list {
				dl := "-"
				if !s.Deadline.IsZero() {
					dl = s.Deadline.Format("2006-01-02")
				}
				state := flows.StateLabel(s.State, a.cfg.Lang())
				if s.StripeCollects {
					state += t(" · Stripe collects").In(a.cfg.Lang())
				}
				rows = append(rows, []string{s.ID, s.Name, s.Country, state, dl, cmp.Or(flows.Reason(s, a.cfg.Lang()), "-")})
			}
			return textout.Table(a.stdout, rows)
		},
	}
	cmd.Flags().StringVar(&stateArg, "state", "", "only accounts in this state (e.g. past_due, \"restricted (past due)\", new, failed_verification)")
	cmd.Flags().IntVar(&limit, "limit", 0, "only the N most urgent accounts (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the list as JSON")
	cmd.Flags().BoolVar(&cached, "cached", false, "read the triage cache only (no request to Stripe)")
	cmd.Flags().BoolVar(&dueCSV, "due-csv", false, "print a CSV to fill for onboard batch: one row per account, a column per field due")
	cmd.Flags().BoolVar(&upfront, "upfront", false, "with --due-csv: also the fields due later (eventually due)")
	return cmd
}

// freshAccounts lists from Stripe; a whole list (no filter) also becomes
// the triage cache. A cache that cannot be written is not worth failing a
// listing for: the list is still printed.
func freshAccounts(ctx context.Context, s *session, state string, limit int) ([]flows.Summary, error) {
	var last flows.ListProgress
	start := time.Now()
	list, err := s.client.Accounts(ctx, flows.ListOptions{State: state, Limit: limit,
		Progress: func(p flows.ListProgress) { last = p }})
	s.logger.Printf("accounts: %d pages, %d accounts, %d throttled (429) in %v", last.Pages, last.Accounts,
		last.Throttled, time.Since(start).Round(time.Millisecond))
	if err != nil {
		return nil, errors.New(flows.Message(err))
	}
	if state == "" && limit == 0 {
		if c, err := s.openTriage(); err == nil {
			if err := c.Replace(ctx, list, time.Now()); err != nil {
				s.logger.Printf("triage cache: %v", err)
			}
			if err := c.Close(); err != nil {
				s.logger.Printf("triage cache: %v", err)
			}
		}
	}
	return list, nil
}

// cachedAccounts reads the triage cache, filtered like a fresh list.
func (a *app) cachedAccounts(ctx context.Context, ses *session, state string, limit int) ([]flows.Summary, error) {
	c, err := ses.openTriage()
	if err != nil {
		return nil, err
	}
	defer func() { _ = c.Close() }() // only read: nothing to lose
	all, at, err := c.Load(ctx)
	if err != nil {
		return nil, err
	}
	if at.IsZero() {
		ses.stderr.Println(t("The triage cache is empty: run onboard accounts once without --cached.").In(a.cfg.Lang()))
	}
	list := []flows.Summary{}
	for _, s := range all {
		if flows.MatchState(s, state) {
			list = append(list, s)
		}
		if limit > 0 && len(list) == limit {
			break
		}
	}
	return list, nil
}

// triageLine keeps an account's line in the triage cache current after a
// webhook said it changed (status --watch --listen calls it for every
// account a webhook names). Failures are logged, never shown: the watch
// itself must go on.
func (s *session) triageLine(ctx context.Context, id string) {
	if !strings.HasPrefix(id, "acct_") {
		return
	}
	sum, err := s.client.SummaryOf(ctx, id)
	if err != nil {
		s.logger.Printf("triage cache: read %s: %v", id, err)
		return
	}
	c, err := s.openTriage()
	if err != nil {
		s.logger.Printf("triage cache: %v", err)
		return
	}
	if err := c.Put(ctx, sum); err != nil {
		s.logger.Printf("triage cache: %v", err)
	}
	if err := c.Close(); err != nil {
		s.logger.Printf("triage cache: %v", err)
	}
}
