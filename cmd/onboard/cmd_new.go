package main

import (
	"strings"

	"github.com/spf13/cobra"

	"onboard/flows"
	"onboard/schema"
)

type newFlags struct {
	country, businessType, agreement, answers string
	accountsAPI, email                        string
	capabilities, configurations              []string
	upfront, future, json, ignoreUnknown      bool
	testValues                                bool
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
			var ans flows.Answers
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
			if flows.DialectNamed(n.API).NeedsContactEmail() && n.Email == "" {
				if n.Email = contactEmail(ans); n.Email == "" {
					return usageErr("%s", t("Accounts v2 needs a contact email: give --email, or contact_email (or the account's or representative's email) in the answers file; nothing was sent").In(a.cfg.Lang()))
				}
			}
			if n.Email != "" {
				lang := a.cfg.Lang()
				if err := schema.Lookup("individual.email", n.Country).Validate(n.Email, schema.Context{Lang: lang, Country: n.Country}); err != nil {
					return usageErr(t("contact email %q: %s").In(lang), n.Email, err)
				}
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

func (f newFlags) account(lang schema.Lang) (flows.NewAccount, error) {
	usage := func(msg schema.Text, args ...any) error { return usageErr(msg.In(lang), args...) }
	country := strings.ToUpper(strings.TrimSpace(f.country))
	if len(country) != 2 {
		return flows.NewAccount{}, usage(t("--country takes a two-letter code such as US, not %q"), f.country)
	}
	switch f.businessType {
	case "individual", "company", "non_profit", "government_entity":
	default:
		return flows.NewAccount{}, usage(t("--business-type takes individual, company, non_profit or government_entity, not %q"), f.businessType)
	}
	switch f.agreement {
	case "full", "recipient":
	default:
		return flows.NewAccount{}, usage(t("--agreement takes full or recipient, not %q"), f.agreement)
	}
	var caps []string
	for _, c := range f.capabilities {
		switch c = strings.TrimSpace(c); c {
		case "card_payments", "transfers":
			caps = append(caps, c)
		case "":
		default:
			return flows.NewAccount{}, usage(t("unknown capability %q (card_payments, transfers)"), c)
		}
	}
	if len(caps) == 0 {
		return flows.NewAccount{}, usage(t("--capabilities needs at least one of card_payments, transfers"))
	}
	if f.agreement == "recipient" && contains(caps, "card_payments") {
		return flows.NewAccount{}, usage(t("card_payments needs the full service agreement; use --capabilities transfers with --agreement recipient"))
	}
	switch f.accountsAPI {
	case "v1":
		if len(f.configurations) > 0 {
			return flows.NewAccount{}, usage(t("--configurations goes with --accounts-api v2"))
		}
	case "v2":
		for _, c := range f.configurations {
			if c != "merchant" && c != "recipient" && c != "customer" {
				return flows.NewAccount{}, usage(t("unknown configuration %q (merchant, recipient, customer)"), c)
			}
		}
	default:
		return flows.NewAccount{}, usage(t("--accounts-api takes v1 or v2, not %q"), f.accountsAPI)
	}
	return flows.NewAccount{Country: country, BusinessType: f.businessType, Capabilities: caps, Agreement: f.agreement,
		API: f.accountsAPI, Configurations: f.configurations, Email: f.email}, nil
}

// fromAnswers takes the setup an answers file carries for every flag the
// command line did not give: flags win.
func (f *newFlags) fromAnswers(ans flows.Answers, changed func(string) bool) {
	su := ans.Setup
	pick := func(flag string, dst *string, v string) {
		if v != "" && !changed(flag) {
			*dst = v
		}
	}
	pick("country", &f.country, su.Country)
	pick("business-type", &f.businessType, su.BusinessType)
	pick("accounts-api", &f.accountsAPI, su.AccountsAPI)
	pick("email", &f.email, su.ContactEmail)
	if len(su.Capabilities) > 0 && !changed("capabilities") {
		f.capabilities = su.Capabilities
	}
	if len(su.Configurations) > 0 && !changed("configurations") {
		f.configurations = su.Configurations
	}
	if s, ok := flows.Strategies[su.Strategy]; ok && !changed("upfront") && !changed("future") {
		f.upfront, f.future = s.Upfront, s.Future
	}
}

// contactEmail is the email an answers file gives for the account: its
// contact_email, else the individual's, the company's representative's.
func contactEmail(ans flows.Answers) string {
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

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
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
