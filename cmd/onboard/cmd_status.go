package main

import (
	"errors"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/internal/textout"
)

func newStatusCmd(a *app) *cobra.Command {
	var asJSON, watch bool
	var wf watchFlags
	cmd := &cobra.Command{
		Use:   "status ACCOUNT_ID",
		Short: "Show an account's state, capabilities and requirements",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if wf.secret == "" {
				wf.secret = a.getenv("STRIPE_WEBHOOK_SECRET")
			}
			if wf.listen != "" && !watch {
				return usageErr("%s", t("--listen and --webhook-secret go with --watch").In(a.cfg.Lang()))
			}
			if wf.every <= 0 || wf.max < wf.every {
				return usageErr("%s", t("--interval must be positive and at most --max-interval").In(a.cfg.Lang()))
			}
			ses, err := a.connect(false)
			if err != nil {
				return err
			}
			defer ses.Close()
			if watch {
				return a.watchStatus(cmd.Context(), ses, strings.TrimSpace(args[0]), asJSON, wf)
			}
			acct, err := ses.client.Load(cmd.Context(), strings.TrimSpace(args[0]))
			if err != nil {
				return errors.New(flows.LocalMessage(err, a.cfg.Lang()))
			}
			if asJSON {
				return textout.JSON(a.stdout, flows.StatusOf(acct))
			}
			return textout.Status(a.stdout, acct, a.cfg.Lang())
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&asJSON, "json", false, "print the status as JSON (with --watch: one object per line)")
	fl.BoolVar(&watch, "watch", false, "keep printing the status as it changes (ctrl+c to stop)")
	fl.StringVar(&wf.listen, "listen", "", "with --watch: receive Stripe webhooks on this loopback address")
	fl.StringVar(&wf.secret, "webhook-secret", "", "with --listen: the endpoint's signing secret (whsec_…; else STRIPE_WEBHOOK_SECRET)")
	fl.DurationVar(&wf.every, "interval", time.Second, "with --watch: first polling interval")
	fl.DurationVar(&wf.max, "max-interval", 30*time.Second, "with --watch: longest polling interval")
	fl.Var(showFormat{&a.showRequests}, "show-requests", showRequestsUsage)
	return cmd
}

func newResumeCmd(a *app) *cobra.Command {
	var answersFile string
	var upfront, future, asJSON, ignoreUnknown, testValues, edit bool
	cmd := &cobra.Command{
		Use:   "resume ACCOUNT_ID",
		Short: "Continue onboarding an existing account (fix what is due)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := strings.TrimSpace(args[0])
			s := flows.Strategy{Upfront: upfront || future, Future: future}
			if testValues {
				if err := a.refuseLiveTestValues(); err != nil {
					return err
				}
			}
			if answersFile != "" || testValues {
				var ans answers.Answers
				if answersFile != "" {
					var err error
					if ans, err = a.loadAnswers(cmd.Context(), answersFile, ignoreUnknown); err != nil {
						return err
					}
				}
				if fs, ok := flows.Strategies[ans.Setup.Strategy]; ok && !cmd.Flags().Changed("upfront") && !cmd.Flags().Changed("future") {
					s = fs // the file's strategy, unless a flag says
				}
				a.edit = edit
				return a.scriptResume(cmd.Context(), id, s, ans, resumeArgs(answersFile, testValues), testValues, asJSON)
			}
			if asJSON {
				return usageErr("%s", t("--json needs --answers").In(a.cfg.Lang()))
			}
			if edit {
				return usageErr("%s", t("--edit needs --answers (in the terminal, ctrl+l opens any group to correct it)").In(a.cfg.Lang()))
			}
			return a.runTUI(cmd.Context(), tuiStart{accountID: id, strategy: s, strategyGiven: true})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&answersFile, "answers", "", "answers file (JSON or YAML, - for stdin): run without a terminal")
	fl.BoolVar(&ignoreUnknown, "ignore-unknown", false, "with --answers: accept keys that are no known requirement path")
	fl.BoolVar(&upfront, "upfront", false, "collect eventually_due now too")
	fl.BoolVar(&future, "future", false, "also collect future requirements")
	fl.BoolVar(&asJSON, "json", false, "print the final status as JSON on stdout")
	fl.BoolVar(&testValues, "test-values", false, "answer every due field the answers file does not with Stripe's test value for the account's country (sandbox and test keys only)")
	fl.BoolVar(&edit, "edit", false, "with --answers: also send answers for fields that are not due, correcting what Stripe holds (says which values it replaced)")
	addJourneyFlags(a, cmd)
	return cmd
}
