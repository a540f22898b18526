package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"onboard/flows"
	"onboard/flows/wire"
)

// showFormat is the value of --show-requests: curl or go, checked when
// the flag is parsed so a typo is a usage error before any request.
type showFormat struct{ v *string }

func (s showFormat) String() string { return *s.v }
func (s showFormat) Type() string   { return "curl|go" }

func (s showFormat) Set(v string) error {
	for _, f := range wire.Formats {
		if v == f {
			*s.v = v
			return nil
		}
	}
	return fmt.Errorf("--show-requests takes %s, not %q", strings.Join(wire.Formats, " or "), v)
}

// showRequestsUsage is the flag's help.
const showRequestsUsage = "print each request on stderr as the equivalent curl command or stripe-go v82 call (curl|go); the key and sensitive values are placeholders"

// addJourneyFlags adds the flags of commands that onboard (new, resume).
func addJourneyFlags(a *app, cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.Var(showFormat{&a.showRequests}, "show-requests", showRequestsUsage)
	fl.StringVar(&a.record, "record", "", "write what was answered to FILE as a YAML answers file that new --answers FILE replays (sensitive values never written)")
}

// observe wraps the transport each attempt of the request policy goes
// through, so every request is recorded (for --show-requests, the TUI's
// requests pane and --debug's log); next nil is the network. Outside the
// TUI the requests stream to stderr as they complete; the TUI prints them
// when the screen is released.
func (a *app) observe(next http.RoundTripper) http.RoundTripper {
	if a.reqLog == nil {
		a.reqLog = wire.NewLog()
	}
	origin := ""
	if a.sb != nil {
		// The embedded sandbox has no address; the equivalent call goes
		// to Stripe.
		origin = stripeAPIBase
	}
	if a.showRequests != "" && !a.tui {
		wire.Stream(a.reqLog, a.stderr, a.showRequests, a.language)
		// Whatever else goes to stderr (steps with --json, what is still
		// due) becomes comments, so stderr stays a script that runs.
		prefix := "# "
		if a.showRequests == "go" {
			prefix = "// "
		}
		a.stderr = &commentWriter{w: a.stderr, prefix: prefix}
	}
	if a.debug {
		wire.DebugLog(a.reqLog, a.logger.Writer(), time.Now)
	}
	return &wire.Transport{Base: next, Log: a.reqLog, Origin: origin}
}

// recordOptions starts the --record recorder: every journey of the run,
// whichever driver runs it, reports what Stripe accepted to it.
func (a *app) recordOptions() ([]flows.Option, error) {
	if a.record == "" {
		return nil, nil
	}
	rec, err := flows.NewRecorder(a.record, a.mode == "sandbox")
	if err != nil {
		return nil, withCode(exitUsage, err)
	}
	a.recorder = rec
	return []flows.Option{flows.WithRecorder(rec)}, nil
}

// printRecorded says where the answers went (or why they did not). A run
// that sent nothing writes no file (an existing one is left as it was).
func (a *app) printRecorded() {
	if a.recorder == nil {
		return
	}
	if err := a.recorder.Err(); err != nil {
		fmt.Fprintf(a.stderr, "onboard: %v\n", err)
		return
	}
	if a.recorder.Count() == 0 {
		fmt.Fprintf(a.stderr, "%s\n", t("Nothing was sent, so nothing was recorded.", "Rien n'a été envoyé, donc rien n'a été enregistré.").In(a.language))
		return
	}
	fmt.Fprintf(a.stderr, "%s %s\n", t("Answers recorded in", "Réponses enregistrées dans").In(a.language), a.record)
}

// commentWriter writes every line it is given as a comment.
type commentWriter struct {
	w      io.Writer
	prefix string
	mid    bool // the last write ended mid-line
}

func (c *commentWriter) Write(p []byte) (int, error) {
	var b strings.Builder
	for _, r := range string(p) {
		if !c.mid {
			b.WriteString(c.prefix)
			c.mid = true
		}
		b.WriteRune(r)
		if r == '\n' {
			c.mid = false
		}
	}
	if _, err := io.WriteString(c.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}
