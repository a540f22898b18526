package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/schema"
)

type newFlags struct {
	country, businessType, agreement, answers string
	accountsAPI, email                        string
	capabilities, configurations              []string
	upfront, future, json, ignoreUnknown      bool
	testValues                                bool
	// fromFile marks the choices the answers file made (no flag gave
	// them): a problem with one names the file's key.
	fromFile map[flows.SetupField]bool
}

func newNewCmd(a *app) *cobra.Command {
	var f newFlags
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Create a connected account and onboard it",
		Long: `Create a connected account and collect what Stripe asks for it, group by group.
With --country, --business-type and --capabilities all given the setup screen is
skipped. With --answers FILE the run is scripted: no terminal is needed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var ans answers.Answers
			if f.answers != "" {
				var err error
				ans, err = a.loadAnswers(cmd.Context(), f.answers, f.ignoreUnknown)
				if err != nil {
					return err
				}
				f.fromAnswers(ans, cmd.Flags().Changed)
			}
			n, err := f.account(a.cfg.Lang())
			if err != nil {
				return err
			}
			strat := flows.Strategy{Upfront: f.upfront || f.future, Future: f.future}
			if f.testValues {
				if err := a.refuseLiveTestValues(); err != nil {
					return err
				}
				if ans, err = withTestValues(ans, n.Country, n.BusinessType); err != nil {
					return err
				}
			}
			if f.answers == "" && !f.testValues {
				if f.json {
					return usageErr("%s", t("--json needs --answers (the interactive wizard prints no JSON)").In(a.cfg.Lang()))
				}
				preset := cmd.Flags().Changed("country") && cmd.Flags().Changed("business-type") && cmd.Flags().Changed("capabilities")
				return a.runTUI(cmd.Context(), tuiStart{new: true, preset: preset, setup: n, strategy: strat,
					strategyGiven: preset || cmd.Flags().Changed("upfront") || cmd.Flags().Changed("future")})
			}
			if n.Email == "" && flows.DialectNamed(n.API).NeedsContactEmail() {
				n.Email = contactEmail(ans)
			}
			if ps := flows.CheckSetup(n, a.cfg.Lang()); len(ps) > 0 {
				return usageErr("%s", f.problem(ps[0], a.cfg.Lang()))
			}
			return a.scriptNew(cmd.Context(), n, strat, ans, resumeArgs(f.answers, f.testValues), f.json)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.country, "country", "US", "country of the account (ISO 3166-1 alpha-2)")
	fl.StringVar(&f.businessType, "business-type", "individual", "individual, company, non_profit or government_entity")
	fl.StringSliceVar(&f.capabilities, "capabilities", []string{"card_payments", "transfers"}, "capabilities to request")
	fl.StringVar(&f.agreement, "agreement", "full", "service agreement: full or recipient")
	fl.BoolVar(&f.upfront, "upfront", false, "collect eventually_due now too")
	fl.BoolVar(&f.future, "future", false, "also collect future requirements (implies --upfront)")
	fl.StringVar(&f.accountsAPI, "accounts-api", "v1", "Stripe accounts API: v1 or v2 (configurations, requirement entries)")
	fl.StringSliceVar(&f.configurations, "configurations", nil, "with --accounts-api v2: configurations to apply (merchant, recipient, customer)")
	fl.StringVar(&f.email, "email", "", "the account's contact email (required by v2)")
	fl.StringVar(&f.answers, "answers", "", "answers file (JSON or YAML, - for stdin): run without a terminal")
	fl.BoolVar(&f.ignoreUnknown, "ignore-unknown", false, "with --answers: accept keys that are no known requirement path")
	fl.BoolVar(&f.json, "json", false, "print the final status as JSON on stdout")
	fl.BoolVar(&f.testValues, "test-values", false, "answer every due field the answers file does not with Stripe's test value for the account's country: any country onboards in one command (sandbox and test keys only)")
	addJourneyFlags(a, cmd)
	return cmd
}

// account is the setup the flags (and the answers file's setup keys)
// describe, checked by flows.CheckSetup. The contact email may still come
// from the answers file or the setup form: a missing one is checked later.
func (f newFlags) account(lang schema.Lang) (flows.NewAccount, error) {
	var caps []string
	for _, c := range f.capabilities {
		if c = strings.TrimSpace(c); c != "" {
			caps = append(caps, c)
		}
	}
	n := flows.NewAccount{Country: strings.ToUpper(strings.TrimSpace(f.country)), BusinessType: f.businessType, Capabilities: caps,
		Agreement: f.agreement, API: f.accountsAPI, Configurations: f.configurations, Email: f.email}
	for _, p := range flows.CheckSetup(n, lang) {
		if !p.Missing() {
			return flows.NewAccount{}, usageErr("%s", f.problem(p, lang))
		}
	}
	return n, nil
}

// setupFlags are the flags of new's setup, by the choice they make.
var setupFlags = map[flows.SetupField]string{
	flows.SetupCountry: "--country", flows.SetupBusinessType: "--business-type", flows.SetupCapabilities: "--capabilities",
	flows.SetupAgreement: "--agreement", flows.SetupAccountsAPI: "--accounts-api", flows.SetupConfigurations: "--configurations",
	flows.SetupEmail: "--email",
}

// problem says a setup problem naming the flag, or, for a choice the
// answers file made, its key in the file.
func (f newFlags) problem(p flows.SetupProblem, lang schema.Lang) string {
	if f.fromFile[p.Field] {
		return fmt.Sprintf(t("answers file %s: %s").In(lang), f.answers, p.In(lang, flows.SetupKey))
	}
	return p.In(lang, func(sf flows.SetupField) string {
		if f.fromFile[sf] {
			return sf.String()
		}
		return setupFlags[sf]
	})
}

// fromAnswers takes the setup an answers file carries for every flag the
// command line did not give: flags win.
func (f *newFlags) fromAnswers(ans answers.Answers, changed func(string) bool) {
	su := ans.Setup
	f.fromFile = map[flows.SetupField]bool{}
	pick := func(field flows.SetupField, dst *string, v string) {
		if v != "" && !changed(setupFlags[field][2:]) {
			*dst = v
			f.fromFile[field] = true
		}
	}
	pick(flows.SetupCountry, &f.country, su.Country)
	pick(flows.SetupBusinessType, &f.businessType, su.BusinessType)
	pick(flows.SetupAccountsAPI, &f.accountsAPI, su.AccountsAPI)
	pick(flows.SetupEmail, &f.email, su.ContactEmail)
	if len(su.Capabilities) > 0 && !changed("capabilities") {
		f.capabilities = su.Capabilities
		f.fromFile[flows.SetupCapabilities] = true
	}
	if len(su.Configurations) > 0 && !changed("configurations") {
		f.configurations = su.Configurations
		f.fromFile[flows.SetupConfigurations] = true
	}
	if s, ok := flows.Strategies[su.Strategy]; ok && !changed("upfront") && !changed("future") {
		f.upfront, f.future = s.Upfront, s.Future
	}
}

// contactEmail is the email an answers file gives for the account: its
// contact_email, else the individual's, the company's representative's.
func contactEmail(ans answers.Answers) string {
	if ans.Setup.ContactEmail != "" {
		return ans.Setup.ContactEmail
	}
	for _, k := range []string{"individual.email", "representative.email"} {
		if v := strings.TrimSpace(ans.Values[k]); v != "" {
			return v
		}
	}
	return ""
}

// progress is where scripted runs report their steps: stdout, unless
// stdout is reserved for JSON.
func (a *app) progress(ses *session, json bool) func(format string, args ...any) {
	w := a.stdout
	if json {
		w = ses.stderr
	}
	return func(format string, args ...any) { a.text(w).Printf(format, args...) }
}
