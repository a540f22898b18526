package main

import (
	"net/http"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/wire"
	"onboard/internal/config"
	"onboard/internal/textout"
	"onboard/schema"
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
	return valueError{schema.Tf(txtShowFormat.EN, strings.Join(wire.Formats, "|"), v)}
}

var txtShowFormat = schema.T("--show-requests takes %s, not %q")

// showRequestsUsage is the flag's help.
const showRequestsUsage = "print each request on stderr as the equivalent curl command or stripe-go v82 call (curl|go); the key and sensitive values are placeholders"

// addJourneyFlags adds the flags of commands that onboard (new, resume).
func addJourneyFlags(a *app, cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.Var(showFormat{&a.showRequests}, "show-requests", showRequestsUsage)
	fl.StringVar(&a.record, "record", "", "write what was answered to FILE as a YAML answers file that new --answers FILE replays (sensitive values never written)")
}

// observe wraps the transport each attempt of the request policy goes
// through, so every request is recorded in s.requests (for
// --show-requests, the TUI's requests pane and --debug's log); next nil
// is the network. Outside the TUI the requests stream to stderr as they
// complete; the TUI prints them when the screen is released.
func (a *app) observe(s *session, next http.RoundTripper, interactive bool) http.RoundTripper {
	origin := ""
	if s.sb != nil {
		// The embedded sandbox has no address; the equivalent call goes
		// to Stripe.
		origin = config.StripeAPIBase
	}
	if a.showRequests != "" && !interactive {
		wire.Stream(s.requests, a.stderr, a.showRequests, s.lang)
		// Whatever else goes to stderr (steps with --json, what is still
		// due) becomes comments, so stderr stays a script that runs.
		prefix := "# "
		if a.showRequests == "go" {
			prefix = "// "
		}
		s.stderr = textout.NewWriter(textout.NewCommentWriter(a.stderr, prefix))
	}
	if a.flags.Debug {
		wire.DebugLog(s.requests, s.logger.Writer(), time.Now)
	}
	return &wire.Transport{Base: next, Log: s.requests, Origin: origin}
}

// recordOptions starts the --record recorder: every journey of the run,
// whichever driver runs it, reports what Stripe accepted to it.
func (a *app) recordOptions(s *session) ([]flows.Option, error) {
	if a.record == "" {
		return nil, nil
	}
	rec, err := answers.NewRecorder(a.record, s.api.Mode == config.ModeSandbox)
	if err != nil {
		return nil, withCode(exitUsage, err)
	}
	s.recorder = rec
	return []flows.Option{flows.WithRecorder(rec)}, nil
}

// reportRecorded says where the answers went (or why they did not). A run
// that sent nothing writes no file (an existing one is left as it was).
func (s *session) reportRecorded() {
	switch {
	case s.recorder == nil:
	case s.recorder.Err() != nil:
		s.stderr.Printf("onboard: %v\n", s.recorder.Err())
	case s.recorder.Count() == 0:
		s.stderr.Printf("%s\n", t("Nothing was sent, so nothing was recorded.").In(s.lang))
	default:
		s.stderr.Printf("%s %s\n", t("Answers recorded in").In(s.lang), s.record)
	}
}
