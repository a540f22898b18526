package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"onboard/flows"
	"onboard/flows/stripeapi"
	"onboard/internal/config"
	"onboard/internal/textout"
	"onboard/internal/untrusted"
	"onboard/schema"
)

// watchFlags are status --watch's options.
type watchFlags struct {
	listen, secret string
	every, max     time.Duration
}

// watchStatus prints the account's status, then again each time it
// changes, until interrupted. Changes are found by polling account.updated
// events with backoff and, with --listen, by Stripe webhooks whose
// signatures are verified.
func (a *app) watchStatus(ctx context.Context, ses *session, id string, asJSON bool, w watchFlags) error {
	wake := make(chan struct{}, 1)
	if w.listen != "" {
		hooks := make(chan string, 16)
		stop, err := a.serveWebhooks(ses, w, hooks)
		if err != nil {
			return err
		}
		defer stop()
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				case acctID := <-hooks:
					ses.triageLine(ctx, acctID) // the triage list follows webhooks too
					if acctID == id {
						select {
						case wake <- struct{}{}:
						default: // a change is already queued
						}
					}
				}
			}
		}()
	}
	show := func(acct schema.Account) error {
		if asJSON {
			raw, err := json.Marshal(flows.StatusOf(acct))
			if err != nil {
				return err
			}
			a.stdout.Println(string(untrusted.JSON(raw)))
			return a.stdout.Err()
		}
		a.stdout.Printf("— %s\n", time.Now().Format("15:04:05"))
		return textout.Status(a.stdout, acct, a.cfg.Lang())
	}
	last := ""
	err := ses.client.Watch(ctx, id, flows.WatchOptions{Min: w.every, Max: w.max, Wake: wake}, func(l flows.Look) error {
		if l.Err != nil {
			a.text(ses.stderr).Println("watch:", flows.Message(l.Err))
		}
		if !l.Read {
			return nil
		}
		if fp := fingerprint(l.Account); fp != last {
			last = fp
			if err := show(l.Account); err != nil {
				return showFailed{err}
			}
		}
		return nil
	})
	var sf showFailed
	switch {
	case err == nil:
		return nil
	case errors.As(err, &sf):
		return sf.err
	}
	return errors.New(flows.LocalMessage(err, a.cfg.Lang()))
}

// showFailed is an account that could not be printed (stdout is gone):
// the watch ends with that error as it is.
type showFailed struct{ err error }

func (e showFailed) Error() string { return e.err.Error() }

// fingerprint is the part of an account the status shows, to print only
// real changes.
func fingerprint(a schema.Account) string {
	raw, _ := json.Marshal(flows.StatusOf(a))
	return string(raw)
}

// serveWebhooks runs the webhook receiver on a loopback address.
func (a *app) serveWebhooks(ses *session, w watchFlags, hooks chan<- string) (func(), error) {
	host, _, err := net.SplitHostPort(w.listen)
	if err != nil || !config.IsLoopback(host) {
		return nil, usageErr(t("--listen must be a loopback address such as 127.0.0.1:4242, not %q").In(a.cfg.Lang()), w.listen)
	}
	if !strings.HasPrefix(w.secret, "whsec_") {
		return nil, usageErr("%s", t("--listen needs --webhook-secret whsec_… (the endpoint's signing secret)").In(a.cfg.Lang()))
	}
	ln, err := net.Listen("tcp", w.listen)
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	// Timeouts: a webhook is one small POST; no client holds the listener.
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second,
		IdleTimeout: 2 * time.Minute, Handler: stripeapi.WebhookHandler(w.secret, func(acct string) {
			select {
			case hooks <- acct:
			default: // a change is already queued
			}
		})}
	go func() { _ = srv.Serve(ln) }()
	ses.stderr.Printf("webhooks: listening on http://%s\n", ln.Addr())
	return func() {
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}, nil
}
