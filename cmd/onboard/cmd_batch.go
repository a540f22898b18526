package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/adrg/xdg"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"onboard/flows"
	"onboard/flows/batch"
	"onboard/flows/explore"
	"onboard/internal/config"
	"onboard/internal/exitcode"
	"onboard/internal/textout"
	"onboard/tui/batchview"
)

type batchFlags struct {
	report                        string
	strict, asJSON, ignoreUnknown bool
	workers                       int
	rate                          float64
}

func newBatchCmd(a *app) *cobra.Command {
	var f batchFlags
	cmd := &cobra.Command{
		Use:   "batch FILE",
		Short: "Onboard or fix many accounts from one CSV or JSON Lines file",
		Long: `Onboard or fix many accounts from one table: a CSV file (or JSON Lines, .jsonl) with one
row per account, whose columns are the answers file's keys (country, business_type,
capabilities, individual.first_name, owners.0.email, external_account.iban...). A row with an
account column fixes that account; a row without one creates an account. A key column names
the row (default: its number).

Every row is checked before the first request: a bad row is reported by row and column and
the others run (--strict: nothing runs). Rows run concurrently within Stripe's rate limit.
Each row's key goes to the account's metadata and to a journal in $XDG_STATE_HOME/onboard/,
so running the same file again after a crash or an interrupt continues where it stopped and
never creates a row's account twice.

Exit codes: 0 every row done, 1 a row failed, 2 a row was refused, 3 fields still due.`,
		// The count is checked in RunE, once the language is known.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr("%s", t("batch takes one file: onboard batch FILE.csv (or FILE.jsonl)").In(a.cfg.Lang()))
			}
			return a.runBatch(cmd.Context(), args[0], f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.report, "report", "", "write each row's outcome to this CSV file")
	fl.BoolVar(&f.strict, "strict", false, "run nothing when a row is refused")
	fl.BoolVar(&f.asJSON, "json", false, "print the outcome as JSON on stdout (progress as lines on stderr)")
	fl.BoolVar(&f.ignoreUnknown, "ignore-unknown", false, "accept columns that are no known requirement path")
	fl.IntVar(&f.workers, "parallel", 8, "rows run at once")
	fl.Float64Var(&f.rate, "rate", 0, "requests per second for the whole batch (default: 90 percent of Stripe's limit, 25 in test mode, 100 live; none on the embedded sandbox)")
	cmd.AddCommand(newBatchTemplateCmd(a))
	return cmd
}

// runBatch is `onboard batch FILE`.
func (a *app) runBatch(ctx context.Context, path string, f batchFlags) error {
	lang := a.cfg.Lang()
	if f.workers < 1 || f.rate < 0 {
		return usageErr("%s", t("--parallel takes a positive number, --rate a positive rate").In(lang))
	}
	file, err := os.Open(path)
	if err != nil {
		return withCode(exitUsage, err)
	}
	if st, err := file.Stat(); err != nil || !st.Mode().IsRegular() {
		_ = file.Close()
		return usageErr(t("%s is not a regular file").In(lang), path)
	}
	rows, err := batch.Read(file, batch.Options{Lang: lang, IgnoreUnknown: f.ignoreUnknown, JSONLines: batch.IsJSONLines(path)})
	_ = file.Close() // read to the end
	if err != nil {
		return usageErr("%s: %s", path, err)
	}
	if len(rows) == 0 {
		return usageErr(t("%s has no row under its header").In(lang), path)
	}
	valid := 0
	for _, r := range rows {
		if r.Err == nil {
			valid++
			continue
		}
		a.text(a.stderr).Println(r.Err.In(lang))
	}
	if valid < len(rows) && f.strict {
		return usageErr(t("%d of %d rows refused (--strict): nothing was sent").In(lang), len(rows)-valid, len(rows))
	}
	api, err := a.cfg.API()
	if err != nil {
		return err
	}
	rate := f.rate
	if rate == 0 && !api.Embedded() {
		rate = flows.WriteRate(api.Mode == config.ModeLive)
	}
	pacer := flows.NewPacer(rate)
	a.tune = func(p *flows.Policy) {
		p.Next = pacer.Transport(p.Next)
		// Failures and waits of the whole batch come out of one budget.
		p.Budget = flows.RunBudget + time.Duration(valid)*2*time.Second
	}
	ses, err := a.connect(false)
	if err != nil {
		return err
	}
	defer ses.Close()
	confirmed := false
	if ses.client.Live() && valid > 0 {
		if err := a.confirmBatch(api, valid); err != nil {
			return err
		}
		confirmed = true
	}
	journal, err := xdg.StateFile(filepath.Join("onboard", "batch", batch.ID(path)+".jsonl"))
	if err != nil {
		return err
	}
	cfg := batch.Config{Client: ses.client, Batch: batch.ID(path), Journal: journal, Workers: f.workers, Confirmed: confirmed}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	start := time.Now()
	var results []batch.Result
	var runErr error
	if a.batchOnTerminal(f.asJSON) {
		halt := make(chan struct{})
		var once sync.Once
		cfg.Stop = halt
		results, runErr = a.batchView(ctx, func() { once.Do(func() { close(halt) }) }, path, ses, rows, cfg)
	} else {
		results, runErr = a.batchLines(ctx, rows, cfg, f.asJSON)
	}
	ses.logger.Printf("batch: %d rows in %v, %d throttled (429)", len(rows), time.Since(start).Round(time.Millisecond), pacer.Throttled())
	if runErr != nil {
		return runErr
	}
	if f.report != "" {
		if err := writeReport(f.report, results, a); err != nil {
			return err
		}
	}
	if f.asJSON {
		if err := textout.JSON(a.stdout, results); err != nil {
			return err
		}
	} else if err := a.batchTable(results); err != nil {
		return err
	}
	return a.batchOutcome(ctx, results)
}

// batchOnTerminal says whether the progress view is drawn.
func (a *app) batchOnTerminal(asJSON bool) bool {
	out, ok := a.screen.(*os.File)
	return !asJSON && ok && term.IsTerminal(out.Fd()) && a.getenv("TERM") != "dumb" && a.getenv("ACCESSIBLE") == ""
}

// batchView runs the batch under the progress view.
func (a *app) batchView(ctx context.Context, stop func(), path string, ses *session, rows []batch.Row, cfg batch.Config) ([]batch.Result, error) {
	title := fmt.Sprintf("onboard batch %s", filepath.Base(path))
	if ses.api.Mode == config.ModeSandbox {
		title += " · SANDBOX"
	}
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithOutput(a.screen)}
	if in := a.terminalIn(); in != nil {
		opts = append(opts, tea.WithInput(in))
	} else {
		opts = append(opts, tea.WithInput(nil))
	}
	p := tea.NewProgram(batchview.New(title, len(rows), a.cfg.Lang(), stop), opts...)
	cfg.OnChange = func(c batch.Counts, r *batch.Result) {
		ch := batchview.Change{Counts: c}
		if r.Status != "" {
			ch.Result = *r
		}
		p.Send(ch)
	}
	var results []batch.Result
	var runErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		results, runErr = batch.Run(ctx, rows, cfg)
		p.Send(batchview.Finished{})
	}()
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		stop()
		wg.Wait()
		return results, fmt.Errorf("terminal: %w", err)
	}
	wg.Wait()
	return results, runErr
}

// batchLines runs the batch printing one line per row that ends and the
// counts every tenth of the way: on stdout, or stderr with --json.
func (a *app) batchLines(ctx context.Context, rows []batch.Row, cfg batch.Config, asJSON bool) ([]batch.Result, error) {
	lang := a.cfg.Lang()
	out := a.text(a.stdout)
	if asJSON {
		out = a.text(a.stderr)
	}
	step := max(1, len(rows)/10)
	cfg.OnChange = func(c batch.Counts, r *batch.Result) {
		if r.Status == "" || r.Status == batch.StatusInvalid {
			return // started; refused rows were listed before the run
		}
		out.Println(batch.ResultLine(*r, lang))
		if c.Finished()%step == 0 || c.Finished() == c.Total {
			out.Println(batch.CountsLine(c, lang))
		}
	}
	out.Println(batch.CountsLine(batch.Counts{Total: len(rows)}, lang))
	return batch.Run(ctx, rows, cfg)
}

// batchTable prints the final table: one line per row.
func (a *app) batchTable(results []batch.Result) error {
	lang := a.cfg.Lang()
	table := [][]string{strings.Split(t("ROW\tKEY\tACCOUNT\tSTATUS\tSTATE\tSTILL DUE OR WHY").In(lang), "\t")}
	for _, r := range results {
		rec := batch.ReportRecord(r, lang)
		why := rec[5]
		if why == "" {
			why = rec[6]
		}
		table = append(table, []string{rec[0], rec[1], dash(rec[2]), rec[3], dash(rec[4]), dash(why)})
	}
	if err := textout.Table(a.text(a.stdout), table); err != nil {
		return err
	}
	a.text(a.stdout).Println(batch.CountsLine(batch.Tally(results), lang))
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// writeReport writes --report.
func writeReport(path string, results []batch.Result, a *app) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := batch.WriteReport(f, results, a.cfg.Lang()); err != nil {
		_ = f.Close()
		return fmt.Errorf("report %s: %w", path, err)
	}
	return f.Close()
}

// batchOutcome is the exit code of a batch, as for `new`: 1 when a row
// failed, 2 when one was refused, 3 when fields are still due, 130 when
// interrupted before every row ran.
func (a *app) batchOutcome(ctx context.Context, results []batch.Result) error {
	lang := a.cfg.Lang()
	c := batch.Tally(results)
	var failed, refused, notRun int
	for _, r := range results {
		switch r.Status {
		case batch.StatusFailed:
			failed++
		case batch.StatusInvalid:
			refused++
		case batch.StatusNotRun:
			notRun++
		}
	}
	again := t("; run the same file again to continue").In(lang)
	switch {
	case ctx.Err() != nil || notRun > 0: // interrupted, or stopped from the view
		return &exitcode.Error{Code: exitInterrupted, Err: errors.New(t("interrupted").In(lang) + again)}
	case failed > 0:
		return &exitcode.Error{Code: exitFailure, Err: fmt.Errorf(t("%d row(s) failed").In(lang)+again, failed)}
	case refused > 0:
		return &exitcode.Error{Code: exitUsage, Err: fmt.Errorf(t("%d row(s) refused: fix them and run the file again").In(lang), refused)}
	case c.Due > 0:
		return &exitcode.Error{Code: exitStillDue, Err: fmt.Errorf(t("%d account(s) with fields still due").In(lang), c.Due)}
	}
	return nil
}

// confirmBatch asks, on a live key, for the number of accounts the batch
// changes, naming the platform by its key.
func (a *app) confirmBatch(api config.API, n int) error {
	lang := a.cfg.Lang()
	a.stderr.Printf(t("LIVE — platform key %s: this batch creates or changes %d live account(s). Type %d to go on: ").In(lang),
		config.Redact(api.Key.Key), n, n)
	line, err := a.in.ReadString('\n')
	if err != nil && line == "" {
		return exitcode.Usagef("%s", t("not confirmed (no answer on standard input): nothing was changed").In(lang))
	}
	if strings.TrimSpace(line) != strconv.Itoa(n) {
		return exitcode.Usagef("%s", t("not confirmed: nothing was changed").In(lang))
	}
	return nil
}

// newBatchTemplateCmd is `onboard batch template`: the header of a batch
// file for a setup, from what Stripe asks of it (the explorer).
func newBatchTemplateCmd(a *app) *cobra.Command {
	var s explore.Setup
	var upfront bool
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Print the CSV header of what Stripe asks for a setup",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s.Country = strings.ToUpper(strings.TrimSpace(s.Country))
			if err := s.Check(a.cfg.Lang()); err != nil {
				return withCode(exitUsage, err)
			}
			ses, err := a.connect(false)
			if err != nil {
				return err
			}
			defer ses.Close()
			x, err := a.exploreOne(cmd.Context(), ses, s, false)
			if err != nil {
				return err
			}
			return csvLine(a, batch.Template(ses.client, x, upfront))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&s.Country, "country", "US", "country of the accounts")
	fl.StringVar(&s.BusinessType, "business-type", "individual", "individual, company, non_profit or government_entity")
	fl.StringSliceVar(&s.Capabilities, "capabilities", []string{"card_payments", "transfers"}, "capabilities to request")
	fl.StringVar(&s.Agreement, "agreement", "full", "service agreement: full or recipient")
	fl.StringVar(&s.API, "accounts-api", "v1", "Stripe accounts API: v1 or v2")
	fl.BoolVar(&upfront, "upfront", false, "also the fields Stripe asks for later (eventually due)")
	return cmd
}

// csvLine prints one CSV record on stdout.
func csvLine(a *app, rec []string) error {
	w := csv.NewWriter(a.stdout)
	if err := w.Write(rec); err != nil {
		return err
	}
	w.Flush()
	return w.Error()
}

// dueCSV is `accounts --due-csv`: one row per listed account, its account
// column filled and an empty column for every field due on any of them,
// to fill in and give to `onboard batch`.
func (a *app) dueCSV(ctx context.Context, ses *session, list []flows.Summary, s flows.Strategy) error {
	var cols []string
	seen := map[string]bool{}
	due := make([]map[string]bool, len(list))
	for i, sum := range list {
		acct, err := ses.client.Load(ctx, sum.ID)
		if err != nil {
			return a.runFailed(sum.ID, err, "", false)
		}
		due[i] = map[string]bool{}
		if acct.StripeCollects {
			continue // Stripe collects its requirements: nothing to fill
		}
		for _, c := range batch.DueColumns(ses.client.Journey(acct, s)) {
			due[i][c] = true
			if !seen[c] {
				seen[c] = true
				cols = append(cols, c)
			}
		}
	}
	w := csv.NewWriter(a.text(a.stdout))
	if err := w.Write(append([]string{batch.ColKey, batch.ColAccount}, cols...)); err != nil {
		return err
	}
	for _, sum := range list {
		rec := make([]string, len(cols)+2)
		rec[0], rec[1] = sum.ID, sum.ID
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}
