package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"
	"github.com/spf13/cobra"

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
			p, err := configPath()
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, p)
			return nil
		},
	}
	show := &cobra.Command{
		Use:   "show",
		Short: "List profiles, keys redacted",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			p, err := configPath()
			if err != nil {
				return err
			}
			c, err := readConfig(p)
			if err != nil {
				return withCode(exitUsage, err)
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
					key = redactKey(pr.APIKey)
				}
				fmt.Fprintf(a.stdout, "[%s] api_key=%s", n, key)
				if pr.APIBase != "" {
					fmt.Fprintf(a.stdout, " api_base=%s", pr.APIBase)
				}
				if pr.Lang != "" {
					fmt.Fprintf(a.stdout, " lang=%s", pr.Lang)
				}
				fmt.Fprintln(a.stdout)
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
			ml := a.earlyLang()
			if lang == string(schema.French) {
				ml = schema.French
			}
			line, err := bufio.NewReader(a.stdin).ReadString('\n')
			if err != nil && line == "" {
				return usageErr("%s", t("no key on standard input (echo sk_test_… | onboard config set-key)",
					"aucune clé sur l'entrée standard (echo sk_test_… | onboard config set-key)").In(ml))
			}
			key := strings.TrimSpace(line)
			// A live key anywhere in the input (after a tab, a label, a
			// test key) is refused, not only at its start.
			if containsLiveKey(line) {
				return usageErr("%s", t("live keys are never written to disk: use STRIPE_API_KEY and --live",
					"les clés live ne sont jamais écrites sur disque : utilisez STRIPE_API_KEY et --live").In(ml))
			}
			if strings.ContainsFunc(key, unicode.IsSpace) {
				return usageErr("%s", t("one key on one line, nothing else (echo sk_test_… | onboard config set-key)",
					"une clé sur une ligne, rien d'autre (echo sk_test_… | onboard config set-key)").In(ml))
			}
			if !isTestSecretKey(key) {
				return usageErr(t("%s is not a test secret key (sk_test_… or rk_test_…)",
					"%s n'est pas une clé secrète de test (sk_test_… ou rk_test_…)").In(ml), redactKey(key))
			}
			if base != "" {
				if _, err := checkAPIBase(base, a.earlyLang()); err != nil {
					return err
				}
			}
			return a.saveProfile(profile{APIKey: key, APIBase: base, Lang: lang})
		},
	}
	setKey.Flags().StringVar(&lang, "lang", "", "the profile's language (en or fr)")
	setKey.Flags().StringVar(&base, "api-base", "", "the profile's API origin")
	cmd.AddCommand(path, show, setKey)
	return cmd
}

// saveProfile writes one profile, keeping the others, with mode 0600.
func (a *app) saveProfile(pr profile) error {
	p, err := configPath()
	if err != nil {
		return err
	}
	c, err := readConfig(p)
	if err != nil {
		return withCode(exitUsage, err)
	}
	if c.Profiles == nil {
		c.Profiles = map[string]profile{}
	}
	name := a.profile
	if name == "" {
		name = "default"
	}
	c.Profiles[name] = pr
	f, err := os.OpenFile(p, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	if err := os.Chmod(p, 0o600); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if err := toml.NewEncoder(f).Encode(c); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	fmt.Fprintf(a.stdout, "profile %s: %s saved in %s\n", name, redactKey(pr.APIKey), p)
	return nil
}

// configPath is the config file's path; resolving it creates its directory.
func configPath() (string, error) {
	p, err := xdg.ConfigFile("onboard/config.toml")
	if err != nil {
		return "", fmt.Errorf("config path: %w", err)
	}
	return p, nil
}
