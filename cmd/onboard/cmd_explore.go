package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"

	"onboard/flows"
	"onboard/flows/explore"
	"onboard/internal/config"
	"onboard/internal/textout"
)

type exploreFlags struct {
	setup                    explore.Setup
	capabilities             []string
	compare                  bool
	matrix                   bool
	countries, businessTypes []string
	asJSON, asCSV, refresh   bool
}

func newExploreCmd(a *app) *cobra.Command {
	var f exploreFlags
	cmd := &cobra.Command{
		Use:   "explore",
		Short: "Show what Stripe asks for a setup, compare two, or lay out a matrix",
		Long: `explore creates a throwaway account for a setup (on the sandbox unless a test key is
given), reads its requirements and deletes it, then shows them as the wizard would ask them.

  onboard explore --country FR --business-type company
  onboard explore --compare 'FR,company,card_payments+transfers' 'FR,individual,transfers'
  onboard explore --matrix --countries US,GB,FR --business-types individual,company [--csv]

Results are cached under $XDG_CACHE_HOME/onboard/explore with the time they were read;
--refresh reads them again.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f.setup.Capabilities = f.capabilities
			if f.compare != (len(args) > 0) || (f.compare && len(args) != 2) {
				return usageErr("%s", t("--compare takes two setups, such as 'FR,company' 'FR,individual,transfers'").In(a.cfg.Lang()))
			}
			if f.compare && f.matrix {
				return usageErr("%s", t("--compare and --matrix do not go together").In(a.cfg.Lang()))
			}
			return a.explore(cmd.Context(), f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.setup.Country, "country", "US", "country (ISO 3166-1 alpha-2)")
	fl.StringVar(&f.setup.BusinessType, "business-type", "individual", "individual, company, non_profit or government_entity")
	fl.StringSliceVar(&f.capabilities, "capabilities", []string{"card_payments", "transfers"}, "capabilities")
	fl.StringVar(&f.setup.Agreement, "agreement", "full", "service agreement: full or recipient")
	fl.StringVar(&f.setup.API, "accounts-api", "v1", "accounts API: v1 or v2")
	fl.BoolVar(&f.matrix, "matrix", false, "a matrix of --countries × --business-types")
	fl.StringSliceVar(&f.countries, "countries", []string{"US"}, "with --matrix: countries")
	fl.StringSliceVar(&f.businessTypes, "business-types", []string{"individual", "company"}, "with --matrix: business types")
	fl.BoolVar(&f.asJSON, "json", false, "print JSON")
	fl.BoolVar(&f.asCSV, "csv", false, "with --matrix: print CSV")
	fl.BoolVar(&f.refresh, "refresh", false, "read again instead of using the cache")
	fl.BoolVar(&f.compare, "compare", false, "compare the two setups given as arguments (COUNTRY,TYPE[,CAP+CAP][,AGREEMENT])")
	return cmd
}

func (a *app) explore(ctx context.Context, f exploreFlags, args []string) error {
	var setups []explore.Setup
	switch {
	case f.compare:
		for _, s := range args {
			st, err := explore.ParseSetup(s, a.cfg.Lang())
			if err != nil {
				return usageErr("%v", err)
			}
			st.API = f.setup.API
			setups = append(setups, st)
		}
	case f.matrix:
		for _, c := range f.countries {
			for _, bt := range f.businessTypes {
				st := explore.Setup{Country: strings.ToUpper(c), BusinessType: bt, Capabilities: f.setup.Capabilities,
					Agreement: f.setup.Agreement, API: f.setup.API}
				if err := st.Check(a.cfg.Lang()); err != nil {
					return usageErr("%v", err)
				}
				setups = append(setups, st)
			}
		}
	default:
		f.setup.Country = strings.ToUpper(f.setup.Country)
		if err := f.setup.Check(a.cfg.Lang()); err != nil {
			return usageErr("%v", err)
		}
		setups = append(setups, f.setup)
	}
	if f.asCSV && !f.matrix {
		return usageErr("%s", t("--csv goes with --matrix").In(a.cfg.Lang()))
	}
	ses, err := a.connect(false)
	if err != nil {
		return err
	}
	defer ses.Close()
	mode := ses.api.Mode
	if mode == config.ModeLive {
		return usageErr("%s", t("explore creates throwaway accounts: use a test key or the sandbox, never a live key").In(a.cfg.Lang()))
	}
	if mode == config.ModeTest {
		ses.stderr.Println(t("explore: creating throwaway test-mode accounts on your Stripe account; each is deleted right after it is read.").In(a.cfg.Lang()))
	}
	var results []explore.Exploration
	for _, s := range setups {
		x, err := a.exploreOne(ctx, ses, s, f.refresh)
		if err != nil {
			return fmt.Errorf("%s: %s", s, flows.Message(err))
		}
		results = append(results, x)
	}
	switch {
	case f.compare:
		c := explore.Compare(results[0], results[1])
		if f.asJSON {
			return textout.JSON(a.stdout, c)
		}
		return textout.Comparison(a.stdout, c, a.cfg.Lang())
	case f.matrix:
		m := explore.Matrix(results)
		switch {
		case f.asJSON:
			return textout.JSON(a.stdout, struct {
				Setups []explore.Setup     `json:"setups"`
				Rows   []explore.MatrixRow `json:"rows"`
			}{textout.Setups(results), m})
		case f.asCSV:
			return textout.MatrixCSV(a.stdout, results, m)
		}
		return textout.Matrix(a.stdout, results, m, a.cfg.Lang())
	default:
		if f.asJSON {
			return textout.JSON(a.stdout, results[0])
		}
		return textout.Exploration(a.stdout, results[0], a.cfg.Lang(), mode)
	}
}

// exploreOne reads a setup, from the cache unless refresh is set.
func (a *app) exploreOne(ctx context.Context, ses *session, s explore.Setup, refresh bool) (explore.Exploration, error) {
	sum := sha256.Sum256([]byte(ses.api.Mode + "|" + a.cfg.Flags().APIBase + "|" + s.String()))
	path, err := xdg.CacheFile(filepath.Join("onboard", "explore", hex.EncodeToString(sum[:8])+".json"))
	if err == nil && !refresh {
		if raw, err := os.ReadFile(path); err == nil {
			var x explore.Exploration
			if json.Unmarshal(raw, &x) == nil && x.Setup.String() == s.String() {
				return x, nil
			}
		}
	}
	x, err := explore.Run(ctx, ses.client, s)
	if err != nil {
		return x, err
	}
	if path != "" {
		if raw, err := json.MarshalIndent(x, "", "  "); err == nil {
			_ = os.WriteFile(path, raw, 0o600) // a cache that cannot be written is only slower
		}
	}
	return x, nil
}
