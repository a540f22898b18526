package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/flows/stripeapi"
	"onboard/schema"
)

// After the sandbox's clock moves 15 days on, the panel counts
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

// A brand-new account reads as new with how much is to give,
// not as "past due" with "Fields were not provided by the deadline"; on
// Accounts v2 too (it read "restricted (past due)"): the wizard's step,
// the status (ctrl+t), the one-line status of a narrow window and the
// state the exit line prints.
func TestNewAccountStateInWords(t *testing.T) {
	for _, api := range []string{"v1", "v2"} {
		for _, lang := range schema.Langs {
			c, a := newAccountOn(t, lang, api)
			m := openWizard(t, c, a)
			if v := ansi.Strip(m.View()); strings.Contains(v, flows.StateLabel(flows.StatePastDue, lang)) ||
				strings.Contains(v, "· "+txtPastDue.In(lang)) {
				t.Errorf("%s %s: the first step of a new account reads as past due:\n%s", api, lang, v)
			}
			if _, st := m.Summary(); st != flows.StateLabel(flows.StateNew, lang) {
				t.Errorf("%s %s: the exit line's state is %q", api, lang, st)
			}
			narrow, _ := step(m, tea.WindowSizeMsg{Width: 60, Height: 24})
			if v := ansi.Strip(narrow.View()); !strings.Contains(v, flows.StateLabel(flows.StateNew, lang)) {
				t.Errorf("%s %s: the one-line status does not say new:\n%s", api, lang, v)
			}
			m, _ = step(narrow, tea.WindowSizeMsg{Width: 80, Height: 24}) // one model: back to its width
			m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlT})
			v := ansi.Strip(m.View())
			// The words are wrapped to the width: look for them line by line.
			want := map[Lang][]string{schema.English: {"new, nothing sent", "Nothing provided yet:"},
				schema.French: {"nouveau, rien envoyé", "Rien n'est encore fourni\u00a0:"}}[lang]
			if api == "v1" {
				want = append(want, map[Lang]string{schema.English: "17 fields", schema.French: "17 champs"}[lang])
			}
			for _, w := range want {
				if !strings.Contains(v, w) {
					t.Errorf("%s %s: the status lacks %q:\n%s", api, lang, w, v)
				}
			}
			if strings.Contains(v, "deadline") || strings.Contains(v, "à temps") {
				t.Errorf("%s %s: a new account reads as a missed deadline:\n%s", api, lang, v)
			}
		}
	}
}

// newAccountOn creates a US individual through Accounts api (v1 or v2)
// on a fresh sandbox.
func newAccountOn(t *testing.T, lang Lang, api string) (Common, schema.Account) {
	t.Helper()
	if api == "v1" {
		c, _ := testCommon(t, lang)
		return c, newUSAccount(t, c)
	}
	c := v2Common(t, lang)
	a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}, API: "v2", Email: "jenny@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if a.V2 == nil {
		t.Fatal("created through v2, read back as v1")
	}
	return c, a
}

// v2Common is testCommon with a client that speaks Accounts v2 too.
func v2Common(t *testing.T, lang Lang) Common {
	t.Helper()
	c, sb := testCommon(t, lang)
	api, v2 := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_tui", APIBase: "http://sandbox.invalid",
		Policy: flows.NewPolicy(sb.Transport(), lang)})
	c.Client = flows.New(api, flows.WithV2(v2), flows.WithClock(func() time.Time { return epoch }), flows.WithLang(lang))
	return c
}
