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

	"onboard/drafts"
	"onboard/flows"
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
	a.tui = true
	cl, release, err := a.setup()
	if err != nil {
		return err
	}
	defer release()
	// Ask the terminal's background once, before Bubble Tea owns stdin
	// (lipgloss would otherwise query it mid-run and read our input).
	lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	var store *drafts.Store
	if dir, err := xdg.StateFile("onboard/drafts/.keep"); err == nil {
		store = &drafts.Store{Dir: filepath.Dir(dir)}
	}
	c := tui.Common{
		Drafts: store,
		Ctx:    ctx, Client: cl, Lang: a.language, Mode: a.mode,
		Styles: tui.DefaultStyles(tui.DefaultTheme()), Keys: tui.DefaultKeyMap(a.language),
		Now: time.Now, RefreshEvery: time.Second,
	}
	start := tui.Start{New: s.new, Preset: s.preset, Setup: s.setup, Strategy: s.strategy,
		StrategyGiven: s.strategyGiven, AccountID: s.accountID}
	p := tea.NewProgram(tui.New(c, start), tea.WithContext(ctx), tea.WithAltScreen(),
		tea.WithInput(in), tea.WithOutput(a.stdout))
	final, err := p.Run()
	if m, ok := final.(tui.Model); ok {
		if m.Interrupted {
			return &exitError{code: exitInterrupted, err: errors.New("interrupted")}
		}
		if id, state := m.Summary(); id != "" {
			fmt.Fprintf(a.stdout, "%s  %s\n", id, state)
		}
	}
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return fmt.Errorf("terminal: %w", err)
	}
	return nil
}
