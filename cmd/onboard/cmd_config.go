package main

import (
	"bufio"
	"sort"

	"github.com/spf13/cobra"

	"onboard/internal/config"
	"onboard/schema"
)

func newConfigCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Profiles and keys ($XDG_CONFIG_HOME/onboard/config.toml)",
	}
	path := &cobra.Command{
		Use:   "path",
		Short: "Print the config file's path",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			p, _, err := a.cfg.File()
			if p == "" {
				return err // no path: the XDG directory could not be made
			}
			a.stdout.Println(p)
			return nil
		},
	}
	show := &cobra.Command{
		Use:   "show",
		Short: "List profiles, keys redacted",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, c, err := a.cfg.File()
			if err != nil {
				return err
			}
			names := make([]string, 0, len(c.Profiles))
			for n := range c.Profiles {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				pr := c.Profiles[n]
				key := "(none: sandbox)"
				if pr.APIKey != "" {
					key = config.Redact(pr.APIKey)
				}
				a.stdout.Printf("[%s] api_key=%s", n, key)
				if pr.APIBase != "" {
					a.stdout.Printf(" api_base=%s", pr.APIBase)
				}
				if pr.Lang != "" {
					a.stdout.Printf(" lang=%s", pr.Lang)
				}
				a.stdout.Println()
			}
			return nil
		},
	}
	var lang, base string
	setKey := &cobra.Command{
		Use:   "set-key",
		Short: "Store a test key in a profile (read from standard input, never from the command line)",
		Long: `set-key reads a key from standard input so it never lands in the shell's history, and
stores it in the profile (--profile, default "default"). Only test keys are stored:
live keys are never written to disk; pass them with STRIPE_API_KEY and --live.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			// set-key's own --lang (the profile's) is the language
			// of its messages too: it hides the global flag here.
			ml := a.cfg.Lang()
			if l, ok := schema.ParseLang(lang); ok {
				ml = l
			}
			line, err := bufio.NewReader(a.stdin).ReadString('\n')
			if err != nil && line == "" {
				return usageErr("%s", t("no key on standard input (echo sk_test_… | onboard config set-key)").In(ml))
			}
			key, err := config.ParseKeyLine(line, ml)
			if err != nil {
				return err
			}
			if base != "" {
				if _, err := config.CheckAPIBase(base, a.cfg.Lang()); err != nil {
					return err
				}
			}
			pr := config.Profile{APIKey: key, APIBase: base, Lang: lang}
			p, err := config.Path()
			if err != nil {
				return err
			}
			if err := config.Save(p, a.cfg.ProfileName(), pr); err != nil {
				return err
			}
			a.stdout.Println(schema.Tf("profile %s: %s saved in %s", a.cfg.ProfileName(), config.Redact(key), p).In(ml))
			return nil
		},
	}
	setKey.Flags().StringVar(&lang, "lang", "", schema.Tf(txtProfileLangUsage.EN, schema.LangList()).In(schema.English))
	setKey.Flags().StringVar(&base, "api-base", "", "the profile's API origin")
	cmd.AddCommand(path, show, setKey)
	return cmd
}
