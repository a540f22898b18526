package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"

	"github.com/adrg/xdg"
	"github.com/stripe/stripe-go/v82"

	"onboard/flows"
	"onboard/flows/wire"
	"onboard/sandbox"
	"onboard/schema"
	"onboard/triage"
)

// app is the resolved configuration of one invocation, built once from
// flags, the environment and the config file (in that order of
// precedence) and handed down as values.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string

	// global flags
	apiKey, profile, apiBase, lang string
	forceSandbox, live, debug      bool
	verbose                        bool

	// resolved
	language schema.Lang
	mode     string // sandbox | test | live
	sb       *sandbox.Sandbox
	logger   *log.Logger
	// triageFile names the triage cache of this key and API base (see
	// triage.FileName: a hash, never the key).
	triageFile string
	// in is standard input's one buffered reader (see reader).
	in *bufio.Reader
	// tui is set when the interactive program runs: it confirms live
	// changes on screen, not on standard input.
	tui bool

	// --show-requests, --record and what they need (requests.go).
	showRequests, record string
	reqLog               *wire.Log
	recorder             *flows.Recorder
}

// setup resolves language, key and API base, and opens the sandbox when no
// key is given. The returned func releases what it opened.
func (a *app) setup() (*flows.Client, func(), error) {
	cfgPath, err := configPath()
	if err != nil {
		return nil, nil, err
	}
	cfg, err := readConfig(cfgPath)
	if err != nil {
		return nil, nil, withCode(exitUsage, err)
	}
	name := a.profile
	if name == "" {
		name = "default"
	}
	prof, ok := cfg.Profiles[name]
	if !ok && a.profile != "" {
		return nil, nil, usageErr(t("no profile %q in %s", "aucun profil %q dans %s").In(a.earlyLang()), a.profile, cfgPath)
	}
	if err := a.resolveLang(prof); err != nil {
		return nil, nil, err
	}
	a.logger = log.New(io.Discard, "", 0)
	closeLog := func() {}
	if a.debug {
		path, err := xdg.StateFile("onboard/onboard.log")
		if err == nil {
			// Size-bounded: 1 MiB, three old files kept.
			if f, err := wire.OpenRotating(path, 1<<20, 3); err == nil {
				a.logger = log.New(f, "onboard ", log.LstdFlags)
				closeLog = func() { f.Close() }
			}
		}
		a.logger.Print(currentBuild().Line(schema.English))
	}
	key := resolveKey(a.apiKey, a.getenv("STRIPE_API_KEY"), prof)
	if a.forceSandbox {
		key = keyChoice{}
	}
	if err := checkKey(key, a.live, a.earlyLang()); err != nil {
		return nil, nil, err
	}
	base := a.apiBase
	if base == "" {
		base = prof.APIBase
	}
	ep := flows.Endpoint{Logger: a.stripeLogger()}
	var next http.RoundTripper // the network, unless the sandbox runs in-process
	release := closeLog
	var pace flows.Option
	switch {
	case key.Key == "" && base == "":
		sb, err := a.openSandbox()
		if err != nil {
			return nil, nil, err
		}
		a.sb, a.mode = sb, "sandbox"
		key = keyChoice{Key: "sk_test_sandbox", Source: "sandbox"}
		// The in-process sandbox routes by host like Stripe: uploads on
		// the files host, the rest on the API host.
		ep.APIBase, ep.FilesBase = sandbox.APIBase, sandbox.FilesBase
		next = sb.Transport()
		release = func() { sb.Close(); closeLog() }
		// In process there is no network to wait on and no rate limit.
		pace = flows.WithListPace(0, 4)
		sbPath, _ := xdg.DataFile("onboard/sandbox.db")
		a.triageFile = triage.FileName(key.Key, "embedded:"+sbPath)
	default:
		if base == "" {
			base = stripeAPIBase
		}
		origin, err := checkAPIBase(base, a.earlyLang())
		if err != nil {
			return nil, nil, err
		}
		ep.APIBase, ep.FilesBase = origin, filesBaseFor(origin)
		a.mode = "test"
		if isLiveKey(key.Key) {
			a.mode = "live"
		}
		if key.Key == "" {
			// A loopback sandbox or stripe-mock takes any test key.
			key = keyChoice{Key: "sk_test_sandbox", Source: "sandbox"}
			a.mode = "sandbox"
		}
		// A standalone sandbox stands for Stripe: the same pace.
		pace = flows.WithListPace(flows.ListRate(a.mode == "live"), 0)
		a.triageFile = triage.FileName(key.Key, origin)
	}
	ep.Key = key.Key
	ep.Policy = flows.NewPolicy(a.observe(next), a.language)
	a.logger.Printf("mode=%s key=%s base=%s lang=%s", a.mode, redactKey(key.Key), ep.APIBase, a.language)
	api, v2 := flows.Connect(ep)
	opts, err := a.recordOptions()
	if err != nil {
		return nil, nil, err
	}
	opts = append(opts, flows.WithV2(v2))
	if a.mode == "live" {
		confirm := flows.Confirm(a.askCountry)
		if a.tui {
			confirm = nil // the TUI asks on screen and confirms through the context
		}
		opts = append(opts, flows.WithLive(confirm))
	}
	cl := flows.New(api, append(opts,
		flows.WithLang(a.language),
		flows.WithAcceptance(a.acceptanceIP(), "onboard/0.1 (+terminal)"),
		pace,
	)...)
	return cl, release, nil
}

func (a *app) resolveLang(p profile) error {
	switch {
	case a.lang != "":
		l, ok := schema.ParseLang(a.lang)
		if !ok {
			return usageErr("--lang takes en or fr, not %q", a.lang)
		}
		a.language = l
	case p.Lang != "":
		a.language, _ = schema.ParseLang(p.Lang)
	default:
		a.language = schema.DetectLang(a.getenv)
	}
	if a.language == "" {
		a.language = schema.English
	}
	return nil
}

func (a *app) acceptanceIP() string {
	if a.mode == "sandbox" {
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

// stripeLogger keeps stripe-go quiet on stderr (it would garble the TUI);
// with --debug its errors go to the log file.
func (a *app) stripeLogger() stripe.LeveledLoggerInterface {
	if !a.debug {
		return &stripe.LeveledLogger{Level: stripe.LevelNull}
	}
	return fileLogger{a.logger}
}

// fileLogger sends stripe-go's warnings and errors to the debug log. Its
// messages name requests, never parameter values.
type fileLogger struct{ l *log.Logger }

func (f fileLogger) Debugf(string, ...any)          {}
func (f fileLogger) Infof(string, ...any)           {}
func (f fileLogger) Warnf(format string, v ...any)  { f.l.Printf("stripe warn: "+format, v...) }
func (f fileLogger) Errorf(format string, v ...any) { f.l.Printf("stripe error: "+format, v...) }

// openTriage opens the triage cache of the key and API base setup chose,
// under $XDG_CACHE_HOME/onboard/.
func (a *app) openTriage() (*triage.Cache, error) {
	if a.triageFile == "" {
		return nil, errors.New("triage cache: no API chosen yet")
	}
	path, err := xdg.CacheFile("onboard/" + a.triageFile)
	if err != nil {
		return nil, fmt.Errorf("triage cache path: %w", err)
	}
	return triage.Open(path)
}

// filesBaseFor is where uploads go for an API origin: Stripe serves them
// on files.stripe.com (flows.Endpoint's default, ""), a loopback
// simulator or stripe-mock on its one origin.
func filesBaseFor(origin string) string {
	if origin == stripeAPIBase {
		return ""
	}
	return origin
}
