package main

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"

	"github.com/adrg/xdg"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/stripeapi"
	"onboard/flows/wire"
	"onboard/internal/config"
	"onboard/internal/textout"
	"onboard/sandbox"
	"onboard/schema"
	"onboard/triage"
)

// app is one invocation: its streams and environment, the flags as cobra
// parsed them, and the configuration resolved from them once, before any
// command runs (root's PersistentPreRunE). Commands that talk to Stripe
// open a session from it (connect).
type app struct {
	stdin io.Reader
	// in is standard input behind the invocation's one buffered reader:
	// the line-mode prompter and the live confirmation read from the
	// same one, so neither swallows lines piped for the other.
	in *bufio.Reader
	// stdout and stderr keep their first write error: run turns one on
	// stdout into a failure. screen is stdout as it was given, for the
	// TUI (Bubble Tea looks at the terminal behind it).
	stdout, stderr *textout.Writer
	screen         io.Writer
	getenv         func(string) string

	// flags are the global flags; cfg is what they resolve to.
	flags config.Flags
	cfg   config.Settings

	// showRequests and record are --show-requests and --record, the
	// flags of the commands that onboard (requests.go).
	showRequests, record string
	// edit is resume --edit; edited are the answer keys its corrections
	// used (not reported as ignored).
	edit   bool
	edited []string

	// tune, when set, adjusts the session's request policy once built
	// (batch: one pacer under it for every worker, a budget for the run).
	tune func(*flows.Policy)
	// openLate opens the embedded sandbox beside the interactive
	// program's start instead of before it (runTUI, for `new` with its
	// setup given: the create is its first request, and it waits).
	openLate bool
}

// session is what a command that talks to Stripe opens, built by connect
// from the resolved configuration: the client and what goes with it.
type session struct {
	client *flows.Client
	api    config.API
	sb     *embedded   // the embedded sandbox, when it runs
	warm   func()      // stripeapi.Adapter.Warm: stripe-go's one-time work
	logger *log.Logger // the --debug log, else discarded
	// triageFile names the triage cache of this key and API base (see
	// triage.FileName: a hash, never the key).
	triageFile string
	requests   *wire.Log
	recorder   *answers.Recorder // --record's, or nil
	// stderr is standard error; while requests stream to it as commands
	// (--show-requests), everything else is written to it as comments.
	stderr  *textout.Writer
	lang    schema.Lang
	record  string
	closers []func()
}

// Close releases what the session opened, then says where --record's
// answers went.
func (s *session) Close() {
	for i := len(s.closers) - 1; i >= 0; i-- {
		s.closers[i]()
	}
	s.closers = nil
	s.reportRecorded()
}

// connect builds the command's Stripe client from the resolved
// configuration, opening the sandbox when no key is given and the debug
// log with --debug. interactive says the TUI runs: it confirms live
// changes on screen and prints the requests once the screen is released.
func (a *app) connect(interactive bool) (*session, error) {
	if err := a.cfg.Problem(); err != nil {
		return nil, err
	}
	lang := a.cfg.Lang()
	s := &session{logger: log.New(io.Discard, "", 0), stderr: a.stderr, lang: lang, record: a.record, requests: wire.NewLog()}
	if a.flags.Debug {
		path, err := xdg.StateFile("onboard/onboard.log")
		if err == nil {
			// Size-bounded: 1 MiB, three old files kept.
			if f, err := wire.OpenRotating(path, 1<<20, 3); err == nil {
				s.logger = log.New(f, "onboard ", log.LstdFlags)
				s.closers = append(s.closers, func() { _ = f.Close() }) // a debug log that cannot be flushed is no reason to fail the run
			}
		}
		s.logger.Print(currentBuild().Line(schema.English))
	}
	api, err := a.cfg.API()
	if err != nil {
		s.Close()
		return nil, err
	}
	s.api = api
	ep := stripeapi.Endpoint{}
	if a.flags.Debug {
		ep.Debug = s.logger // stripe-go's errors go to the debug log; otherwise it stays quiet (stderr would garble the TUI)
	}
	var next http.RoundTripper // the network, unless the sandbox runs in-process
	var pace flows.Option
	if api.Embedded() {
		if interactive && a.openLate {
			// Opened beside the program's start, the first request
			// waiting for it: a first form drawn from what is known
			// (tui.Start.Foreseen) does not wait for the database.
			s.sb = openEmbedded(func() (*sandbox.Sandbox, error) { return a.openSandbox() })
		} else {
			sb, err := a.openSandbox()
			if err != nil {
				s.Close()
				return nil, err
			}
			s.sb = openedEmbedded(sb)
		}
		s.closers = append(s.closers, func() {
			if err := s.sb.Close(); err != nil {
				s.logger.Printf("sandbox: %v", err) // the command has had its outcome
			}
		})
		// The in-process sandbox routes by host like Stripe: uploads on
		// the files host, the rest on the API host.
		ep.APIBase, ep.FilesBase = sandbox.APIBase, sandbox.FilesBase
		next = s.sb
		// In process there is no network to wait on and no rate limit.
		pace = flows.WithListPace(0, 4)
		sbPath, _ := xdg.DataFile("onboard/sandbox.db")
		s.triageFile = triage.FileName(api.Key.Key, "embedded:"+sbPath)
	} else {
		ep.APIBase, ep.FilesBase = api.Origin, filesBaseFor(api.Origin)
		// A standalone sandbox stands for Stripe: the same pace.
		pace = flows.WithListPace(flows.ListRate(api.Mode == config.ModeLive), 0)
		s.triageFile = triage.FileName(api.Key.Key, api.Origin)
	}
	ep.Key = api.Key.Key
	ep.Policy = flows.NewPolicy(a.observe(s, next, interactive), lang)
	if a.tune != nil {
		a.tune(ep.Policy)
	}
	s.logger.Printf("mode=%s key=%s base=%s lang=%s", api.Mode, config.Redact(api.Key.Key), ep.APIBase, lang)
	// A first frame drawn before the first request (openLate) is not
	// slowed by stripe-go's one-time work: the request starts it (Ready).
	ep.WarmLater = interactive && a.openLate
	conn, v2 := stripeapi.Connect(ep)
	s.warm = conn.Warm
	opts, err := a.recordOptions(s)
	if err != nil {
		s.Close()
		return nil, err
	}
	opts = append(opts, flows.WithV2(v2))
	if api.Mode == config.ModeLive {
		var confirm flows.Confirm // the TUI asks on screen and confirms through the context
		if !interactive {
			confirm = a.lines(s.stderr).ConfirmLive
		}
		opts = append(opts, flows.WithLive(confirm))
	}
	s.client = flows.New(conn, append(opts,
		flows.WithLang(lang),
		flows.WithAcceptance(acceptanceIP(api.Mode), "onboard/0.1 (+terminal)"),
		pace,
	)...)
	return s, nil
}

func acceptanceIP(mode string) string {
	if mode == config.ModeSandbox {
		return "127.0.0.1"
	}
	return outboundIP()
}

func (a *app) openSandbox(opts ...sandbox.Option) (*sandbox.Sandbox, error) {
	path, err := xdg.DataFile("onboard/sandbox.db")
	if err != nil {
		return nil, fmt.Errorf("sandbox path: %w", err)
	}
	sb, err := sandbox.Open(path, opts...)
	if err != nil {
		return nil, fmt.Errorf("open sandbox %s: %w", path, err)
	}
	return sb, nil
}

// openTriage opens the triage cache of the session's key and API base,
// under $XDG_CACHE_HOME/onboard/.
func (s *session) openTriage() (*triage.Cache, error) {
	path, err := xdg.CacheFile("onboard/" + s.triageFile)
	if err != nil {
		return nil, fmt.Errorf("triage cache path: %w", err)
	}
	return triage.Open(path)
}

// openTriageInBackground is openTriage with the file opened in a goroutine
// (triage.OpenInBackground): an error to open it is its methods'.
func (s *session) openTriageInBackground() (*triage.Cache, error) {
	path, err := xdg.CacheFile("onboard/" + s.triageFile)
	if err != nil {
		return nil, fmt.Errorf("triage cache path: %w", err)
	}
	return triage.OpenInBackground(path), nil
}

// filesBaseFor is where uploads go for an API origin: Stripe serves them
// on files.stripe.com (stripeapi.Endpoint's default, ""), a loopback
// simulator or stripe-mock on its one origin.
func filesBaseFor(origin string) string {
	if origin == config.StripeAPIBase {
		return ""
	}
	return origin
}

// outboundIP is this machine's address for terms-of-service records: the
// first up, non-loopback interface address. It opens no connection.
func outboundIP() string {
	ifaces, err := net.Interfaces()
	if err != nil {
		return "127.0.0.1"
	}
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := ifc.Addrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil {
				return n.IP.String()
			}
		}
	}
	return "127.0.0.1"
}
