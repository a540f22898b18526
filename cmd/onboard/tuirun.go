package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/adrg/xdg"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"onboard/drafts"
	"onboard/flows"
	"onboard/flows/wire"
	"onboard/internal/exitcode"
	"onboard/internal/textout"
	"onboard/tui"
)

// tuiStart says where the interactive program opens.
type tuiStart struct {
	new, preset   bool
	setup         flows.NewAccount
	strategy      flows.Strategy
	strategyGiven bool
	accountID     string
}

// runTUI runs the interactive program until the operator quits.
func (a *app) runTUI(ctx context.Context, s tuiStart) error {
	in, ok := a.stdin.(*os.File)
	if !ok || !term.IsTerminal(in.Fd()) || a.getenv("TERM") == "dumb" || a.getenv("ACCESSIBLE") != "" {
		return a.runLines(ctx, s)
	}
	a.openLate = s.new && s.preset
	ses, err := a.connect(true)
	if err != nil {
		return err
	}
	defer ses.Close()
	if a.showRequests != "" {
		// Printed once the screen is released: stderr would garble it.
		defer func() { wire.WriteAll(a.stderr, a.showRequests, ses.requests.Records(), a.cfg.Lang()) }()
	}
	// Ask the terminal's background once, before Bubble Tea owns stdin
	// (lipgloss would otherwise query it mid-run and read our input).
	dark := lipgloss.HasDarkBackground()
	lipgloss.SetHasDarkBackground(dark)
	var store *drafts.Store
	if dir, err := xdg.StateFile("onboard/drafts/.keep"); err == nil {
		store = &drafts.Store{Dir: filepath.Dir(dir)}
	}
	// Without a cache the triage screen still works: it waits for Stripe.
	// Opened beside the first frame: the screens that read it wait.
	cache, err := ses.openTriageInBackground()
	if err != nil {
		ses.logger.Printf("triage cache: %v", err)
		cache = nil
	} else {
		defer func() {
			if err := cache.Close(); err != nil {
				ses.logger.Printf("triage cache: %v", err)
			}
		}()
	}
	c := tui.Common{
		Drafts: store, Triage: cache,
		Ctx: ctx, Client: ses.client, Lang: a.cfg.Lang(), Mode: ses.api.Mode,
		Styles: tui.DefaultStyles(tui.DefaultTheme().ForTerminal(lipgloss.ColorProfile(), dark)), Keys: tui.DefaultKeyMap(a.cfg.Lang()),
		Now: time.Now, RefreshEvery: time.Second,
		Requests: ses.requests.Records,
		// OSC 52: the terminal (even over ssh) puts the text on the
		// clipboard; one write, between frames.
		Copy: func(text string) error { termenv.NewOutput(a.screen).Copy(text); return nil },
	}
	// The terminal's size is known now: the first frame, drawn as the
	// program starts, is then whole, rather than drawn without a width and
	// redrawn when Bubble Tea reports the size.
	if f, ok := a.screen.(*os.File); ok {
		if w, h, err := term.GetSize(f.Fd()); err == nil {
			c.Width, c.Height = w, h
		}
	}
	start := tui.Start{New: s.new, Preset: s.preset, Setup: s.setup, Strategy: s.strategy,
		StrategyGiven: s.strategyGiven, AccountID: s.accountID}
	if s.new && s.preset {
		start.Foreseen = ses.loadForeseen(s.setup)
	}
	// The embedded sandbox's one-time work for the first account request
	// (its tables), done while the screen starts rather than in it; with
	// a foreseen first form, once that frame is drawn: the first request
	// starts it, with stripe-go's own (Ready).
	warmSandbox := func() {
		if ses.sb != nil {
			go ses.sb.Warm()
		}
	}
	if start.Foreseen == nil {
		warmSandbox()
	}
	c.Created = ses.saveForeseen
	if a.openLate {
		c.Ready = func() error {
			ses.warm()
			if start.Foreseen != nil {
				warmSandbox()
			}
			if ses.sb == nil {
				return nil
			}
			return ses.sb.Ready()
		}
	}
	// At 120 frames a second (Bubble Tea's most; 60 by default) a frame
	// ready between two ticks waits half as long to be drawn: the first
	// form, drawn when the account arrives, among them.
	p := tea.NewProgram(tui.New(c, start), tea.WithContext(ctx), tea.WithAltScreen(),
		tea.WithInput(in), tea.WithOutput(a.screen), tea.WithFPS(120))
	final, err := p.Run()
	m, _ := final.(tui.Model)
	// A signal (SIGTERM, or SIGHUP when the terminal closes) ends the
	// program as ctrl+c does.
	if m.Interrupted || ctx.Err() != nil && errors.Is(err, tea.ErrProgramKilled) {
		return &exitcode.Error{Code: exitInterrupted, Err: textout.WithResume(errors.New(t("interrupted").In(a.cfg.Lang())), m.ResumeID(), a.cfg.Lang())}
	}
	if id, state := m.Summary(); id != "" {
		a.text(a.stdout).Printf("%s  %s\n", id, state)
	}
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return textout.WithResume(fmt.Errorf("terminal: %w", err), m.ResumeID(), a.cfg.Lang())
	}
	if m.Failed() {
		return textout.WithResume(errors.New(m.Failure()), m.ResumeID(), a.cfg.Lang())
	}
	return nil
}
