package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"

	"github.com/adrg/xdg"
	"github.com/stripe/stripe-go/v82"

	"onboard/flows"
	"onboard/flows/wire"
	"onboard/internal/config"
	"onboard/sandbox"
	"onboard/schema"
	"onboard/triage"
)

// app is one invocation: its streams and environment, the global flags
// as cobra parsed them, and the configuration resolved from them once,
// before any command runs (root's PersistentPreRunE).
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string

	// flags are the global flags; cfg is what they resolve to.
	flags config.Flags
	cfg   config.Settings

	// What setup opened for the command's client.
	mode   string // sandbox | test | live
	sb     *sandbox.Sandbox
	logger *log.Logger
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

// setup builds the command's Stripe client from the resolved
// configuration, opening the sandbox when no key is given. The returned
// func releases what it opened.
func (a *app) setup() (*flows.Client, func(), error) {
	if err := a.cfg.Problem(); err != nil {
		return nil, nil, err
	}
	lang := a.cfg.Lang()
	a.logger = log.New(io.Discard, "", 0)
	closeLog := func() {}
	if a.flags.Debug {
		path, err := xdg.StateFile("onboard/onboard.log")
		if err == nil {
			// Size-bounded: 1 MiB, three old files kept.
			if f, err := wire.OpenRotating(path, 1<<20, 3); err == nil {
				a.logger = log.New(f, "onboard ", log.LstdFlags)
				closeLog = func() { _ = f.Close() } // a debug log that cannot be flushed is no reason to fail the run
			}
		}
		a.logger.Print(currentBuild().Line(schema.English))
	}
	api, err := a.cfg.API()
	if err != nil {
		closeLog()
		return nil, nil, err
	}
	ep := flows.Endpoint{Logger: a.stripeLogger()}
	var next http.RoundTripper // the network, unless the sandbox runs in-process
	release := closeLog
	var pace flows.Option
	a.mode = api.Mode
	if api.Embedded() {
		sb, err := a.openSandbox()
		if err != nil {
			closeLog()
			return nil, nil, err
		}
		a.sb = sb
		// The in-process sandbox routes by host like Stripe: uploads on
		// the files host, the rest on the API host.
		ep.APIBase, ep.FilesBase = sandbox.APIBase, sandbox.FilesBase
		next = sb.Transport()
		release = func() { _ = sb.Close(); closeLog() } // nothing is left to report it to
		// In process there is no network to wait on and no rate limit.
		pace = flows.WithListPace(0, 4)
		sbPath, _ := xdg.DataFile("onboard/sandbox.db")
		a.triageFile = triage.FileName(api.Key.Key, "embedded:"+sbPath)
	} else {
		ep.APIBase, ep.FilesBase = api.Origin, filesBaseFor(api.Origin)
		// A standalone sandbox stands for Stripe: the same pace.
		pace = flows.WithListPace(flows.ListRate(a.mode == config.ModeLive), 0)
		a.triageFile = triage.FileName(api.Key.Key, api.Origin)
	}
	ep.Key = api.Key.Key
	ep.Policy = flows.NewPolicy(a.observe(next), lang)
	a.logger.Printf("mode=%s key=%s base=%s lang=%s", a.mode, config.Redact(api.Key.Key), ep.APIBase, lang)
	conn, v2 := flows.Connect(ep)
	opts, err := a.recordOptions()
	if err != nil {
		release()
		return nil, nil, err
	}
	opts = append(opts, flows.WithV2(v2))
	if a.mode == config.ModeLive {
		confirm := flows.Confirm(a.askCountry)
		if a.tui {
			confirm = nil // the TUI asks on screen and confirms through the context
		}
		opts = append(opts, flows.WithLive(confirm))
	}
	cl := flows.New(conn, append(opts,
		flows.WithLang(lang),
		flows.WithAcceptance(a.acceptanceIP(), "onboard/0.1 (+terminal)"),
		pace,
	)...)
	return cl, release, nil
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
	if !a.flags.Debug {
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
