package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/schema"
)

// Issue 13: after the sandbox's clock moves 15 days on, the panel counts
// down on the server's clock (its Date header), not this machine's: a
// deadline the server has passed reads "overdue", never "in 43d".
func TestCountdownOnServerClock(t *testing.T) {
	c, sb := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	if _, err := sb.Advance(context.Background(), 15*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	a, err := c.Client.Load(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !a.ServerTime.Equal(epoch.Add(15 * 24 * time.Hour)) {
		t.Fatalf("server time %v, want the sandbox clock", a.ServerTime)
	}
	m := openWizard(t, c, a)
	if m.c.Skew != 15*24*time.Hour {
		t.Fatalf("skew %v, want the 15 days the sandbox moved", m.c.Skew)
	}
	// A deadline 10 days after this machine's clock, which the server
	// passed 5 days ago.
	got := ansi.Strip(deadline(m.c, epoch.Add(10*24*time.Hour)))
	if got != "2026-12-03 5d 0h overdue" {
		t.Errorf("deadline reads %q", got)
	}
}

// Issue 13: a brand-new account reads as new with how much is to give,
// not as "past due" with "Fields were not provided by the deadline".
func TestNewAccountStateInWords(t *testing.T) {
	for _, lang := range schema.Langs {
		c, _ := testCommon(t, lang)
		a := newUSAccount(t, c)
		m := openWizard(t, c, a)
		if v := ansi.Strip(m.View()); strings.Contains(v, flows.StateLabel(flows.StatePastDue, lang)) ||
			strings.Contains(v, map[Lang]string{schema.English: "· past due", schema.French: "· en retard"}[lang]) {
			t.Errorf("%s: the first step of a new account reads as past due:\n%s", lang, v)
		}
		m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlT})
		v := ansi.Strip(m.View())
		// The words are wrapped to the width: look for them line by line.
		want := map[Lang][]string{schema.English: {"new, nothing sent", "Nothing provided yet:", "17 fields"},
			schema.French: {"nouveau, rien envoyé", "Rien n'est encore fourni\u00a0:", "17 champs"}}[lang]
		for _, w := range want {
			if !strings.Contains(v, w) {
				t.Errorf("%s: the status lacks %q:\n%s", lang, w, v)
			}
		}
		if strings.Contains(v, "deadline") || strings.Contains(v, "à temps") {
			t.Errorf("%s: a new account reads as a missed deadline:\n%s", lang, v)
		}
	}
}
