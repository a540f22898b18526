package main

import (
	"github.com/spf13/cobra"

	"onboard/internal/config"
	"onboard/schema"
)

// extraCommands are added by files built with a tag (gendocs.go).
var extraCommands []func(*app) *cobra.Command

func newRootCmd(a *app) *cobra.Command {
	var showVersion bool
	root := &cobra.Command{
		Use:   "onboard",
		Short: "Onboard Stripe Connect accounts through the API",
		Long: `onboard reads a connected account's live requirements, asks for exactly what
Stripe wants, submits each group and shows capabilities, deadlines and the
account's state as they change. With no API key it runs on an embedded
sandbox (marked SANDBOX on every screen).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		// The configuration is resolved once, from the parsed flags, the
		// environment and the config file, before any command runs.
		PersistentPreRunE: func(*cobra.Command, []string) error {
			a.cfg = config.Resolve(a.flags, a.getenv)
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			if showVersion {
				return a.printVersion(false)
			}
			return a.runTUI(cmd.Context(), tuiStart{})
		},
	}
	root.Flags().BoolVar(&showVersion, "version", false, "print onboard's version and exit")
	f := root.PersistentFlags()
	f.StringVar(&a.flags.APIKey, "api-key", "", "Stripe secret key (else STRIPE_API_KEY, else the profile; none: sandbox)")
	f.StringVarP(&a.flags.Profile, "profile", "p", "", "profile in the config file")
	f.StringVar(&a.flags.APIBase, "api-base", "", "API origin: https://api.stripe.com (default) or a loopback address, e.g. onboard sandbox serve's http://127.0.0.1:12111")
	f.BoolVar(&a.flags.ForceSandbox, "sandbox", false, "use the embedded sandbox even when a key is set")
	f.StringVar(&a.flags.Lang, "lang", "", schema.Tf(txtLangUsage.EN, schema.LangList()).In(schema.English))
	f.BoolVar(&a.flags.Live, "live", false, "allow a live key (sk_live_…)")
	f.BoolVarP(&a.flags.Verbose, "verbose", "v", false, "say more (e.g. answers ignored because their fields are not due)")
	f.BoolVar(&a.flags.Debug, "debug", false, "write a debug log to $XDG_STATE_HOME/onboard/onboard.log")
	root.AddCommand(newNewCmd(a), newResumeCmd(a), newStatusCmd(a), newAccountsCmd(a), newExploreCmd(a), newBatchCmd(a), newConfigCmd(a), newSandboxCmd(a), newVersionCmd(a))
	for _, extra := range extraCommands {
		root.AddCommand(extra(a))
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return withCode(exitUsage, flagError(err, a.earlyLang()))
	})
	// cobra adds its completion commands as it executes; added now, the
	// walk below reaches them too.
	root.InitDefaultCompletionCmd()
	localizeArgs(root, a)
	// --help speaks the operator's language: the flags are parsed by the
	// time help is asked for, so the language resolves as for a command.
	defaultHelp := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		lang := config.Resolve(a.flags, a.getenv).Lang()
		// A command's own --lang (config set-key's: the profile's
		// language) is the language of its messages, its help too.
		if f := c.LocalNonPersistentFlags().Lookup("lang"); f != nil && f.Changed {
			if l, ok := schema.ParseLang(f.Value.String()); ok {
				lang = l
			}
		}
		localizeHelp(root, lang)
		defaultHelp(c, args)
	})
	return root
}
