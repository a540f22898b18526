package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"onboard/internal/config"
	"onboard/sandbox"
)

func newSandboxCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sandbox",
		Short: "Run or control the embedded Stripe sandbox",
	}
	var addr string
	var rate int
	serve := &cobra.Command{
		Use:   "serve",
		Short: "Serve the sandbox over HTTP on a loopback address",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			host, _, err := net.SplitHostPort(addr)
			if err != nil || !config.IsLoopback(host) {
				return usageErr(t("--addr must be a loopback address such as 127.0.0.1:12111, not %q").In(a.cfg.Lang()), addr)
			}
			if rate < 0 {
				return usageErr(t("--rate-limit takes a number of requests per second (0: none), not %d").In(a.cfg.Lang()), rate)
			}
			serverGC(a.getenv)
			return a.withSandbox(func(sb *sandbox.Sandbox) error {
				return serveSandbox(cmd.Context(), sb, addr, func(bound string) {
					a.stdout.Printf(t("sandbox listening on http://%s (use --api-base http://%s)\n").In(a.cfg.Lang()), bound, bound)
					// Second, so that scripts reading the first line still find the address.
					a.stdout.Println(currentBuild().Line(a.cfg.Lang()))
				})
			}, sandbox.WithRateLimit(rate))
		},
	}
	serve.Flags().StringVar(&addr, "addr", "127.0.0.1:12111", "loopback address to listen on")
	serve.Flags().IntVar(&rate, "rate-limit", 0, "answer 429 past this many requests per second, like Stripe (25 in test mode); 0: no limit")
	advance := &cobra.Command{
		Use:   "advance DURATION",
		Short: "Move the sandbox clock forward (e.g. 30d, 36h, 90s)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := sandbox.ParseDuration(args[0])
			if err != nil || d < 0 {
				return usageErr(t("DURATION takes a positive duration such as 30d, 36h or 90s, not %q").In(a.cfg.Lang()), args[0])
			}
			return a.withSandbox(func(sb *sandbox.Sandbox) error {
				now, err := sb.Advance(cmd.Context(), d)
				if err != nil {
					return err
				}
				a.stdout.Printf(t("sandbox clock: %s\n").In(a.cfg.Lang()), now.UTC().Format(time.RFC3339))
				return nil
			})
		},
	}
	reset := &cobra.Command{
		Use:   "reset",
		Short: "Delete every sandbox account and reset its clock",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withSandbox(func(sb *sandbox.Sandbox) error {
				if err := sb.Reset(cmd.Context()); err != nil {
					return err
				}
				a.stdout.Println(t("sandbox reset").In(a.cfg.Lang()))
				return nil
			})
		},
	}
	volume := &cobra.Command{
		Use:   "volume ACCOUNT_ID AMOUNT",
		Short: "Simulate card volume on an account (minor units: 60000 = $600.00) to reach thresholds",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			amount, err := strconv.ParseInt(args[1], 10, 64)
			if err != nil || amount <= 0 {
				return usageErr(t("AMOUNT takes a positive whole number of minor units (60000 = $600.00), not %q").In(a.cfg.Lang()), args[1])
			}
			return a.withSandbox(func(sb *sandbox.Sandbox) error {
				if err := sb.AddVolume(cmd.Context(), args[0], amount); err != nil {
					return err
				}
				a.stdout.Printf(t("%s: +%d card volume recorded\n").In(a.cfg.Lang()), args[0], amount)
				return nil
			})
		},
	}
	trigger := &cobra.Command{
		Use:   "trigger ACCOUNT_ID next_requirements|charge_block|payout_block|payout",
		Short: "Apply one of Stripe's test-card triggers to an account",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch args[1] {
			case sandbox.TriggerNextRequirements, sandbox.TriggerChargeBlock, sandbox.TriggerPayoutBlock, sandbox.TriggerPayout:
			default:
				return usageErr(t("trigger takes next_requirements, charge_block, payout_block or payout, not %q").In(a.cfg.Lang()), args[1])
			}
			return a.withSandbox(func(sb *sandbox.Sandbox) error {
				if err := sb.Trigger(cmd.Context(), args[0], args[1]); err != nil {
					return err
				}
				a.stdout.Printf(t("%s: %s applied\n").In(a.cfg.Lang()), args[0], args[1])
				return nil
			})
		},
	}
	seed := &cobra.Command{
		Use:   "seed N",
		Short: "Store N generated accounts at once (to try triage at a platform's scale)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := strconv.Atoi(args[0])
			if err != nil || n <= 0 || n > 1_000_000 {
				return usageErr(t("N takes a number of accounts from 1 to 1000000, not %q").In(a.cfg.Lang()), args[0])
			}
			return a.withSandbox(func(sb *sandbox.Sandbox) error {
				start := time.Now()
				if err := sb.SeedAccounts(cmd.Context(), n); err != nil {
					return err
				}
				a.stdout.Printf(t("sandbox: %d accounts stored in %s\n").In(a.cfg.Lang()),
					n, time.Since(start).Round(time.Millisecond))
				return nil
			})
		},
	}
	cmd.AddCommand(serve, advance, reset, volume, trigger, seed)
	return cmd
}

// withSandbox opens the embedded sandbox, runs f on it and closes it: a
// sandbox that cannot be closed (its last writes) fails the command.
func (a *app) withSandbox(f func(*sandbox.Sandbox) error, opts ...sandbox.Option) error {
	sb, err := a.openSandbox(opts...)
	if err != nil {
		return err
	}
	err = f(sb)
	if cerr := sb.Close(); err == nil {
		err = cerr
	}
	return err
}

// serverGCPercent is the garbage collector's target for `sandbox serve`:
// a server whose live heap is a few megabytes and whose every request
// leaves a few kilobytes of garbage would otherwise collect a thousand
// requests apart, tens of times a second, and on a machine of two cores
// a collection takes a quarter of the processor from the requests (its
// own share of the tail latency). At 400 it collects a fifth as often,
// for a heap that peaks at five times the live one instead of twice.
const serverGCPercent = 400

// serverGC sets serverGCPercent, unless GOGC says otherwise (the
// runtime has read it already).
func serverGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(serverGCPercent)
	}
}

// serveSandbox serves until ctx ends (SIGTERM) or the process is
// interrupted.
func serveSandbox(ctx context.Context, sb *sandbox.Sandbox, addr string, ready func(string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := sb.Server() // with read, write and idle timeouts
	ready(ln.Addr().String())
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
