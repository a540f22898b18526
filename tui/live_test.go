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

// liveCommon is testCommon with a client on a live key (flows.WithLive,
// no stdin hook: the TUI confirms on screen). The sandbox behind it
// takes the test key; only the client's rule is under test.
func liveCommon(t *testing.T) Common {
	t.Helper()
	c, sb := testCommon(t, schema.English)
	api, v2 := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_tui", APIBase: "http://sandbox.invalid",
		Policy: flows.NewPolicy(sb.Transport(), schema.English)})
	c.Client = flows.New(api, flows.WithV2(v2), flows.WithClock(func() time.Time { return epoch }), flows.WithLive(nil))
	c.Mode = "live"
	return c
}

func accountCount(t *testing.T, c Common) int {
	t.Helper()
	list, err := c.Client.Accounts(context.Background(), flows.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// On a live key every change waits for the account's country code, typed
// on a screen of the TUI (not on stdin): a wrong code sends nothing, the
// right one sends the change, and the next change asks again.
func TestLiveChangesAskOnScreen(t *testing.T) {
	c := liveCommon(t)
	m := New(c, Start{New: true, Preset: true, Setup: flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"transfers"}}})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := ansi.Strip(m.View()); m.current() != screenLive || !strings.Contains(v, "type its country code (US)") {
		t.Fatalf("screen %s:\n%s", m.current(), v)
	}
	m = hit(t, typeInto(t, m, "FR"), enter)
	if v := ansi.Strip(m.View()); m.current() != screenError || !strings.Contains(v, "not confirmed") {
		t.Fatalf("a wrong code: screen %s:\n%s", m.current(), v)
	}
	if n := accountCount(t, c); n != 0 {
		t.Fatalf("%d accounts created without confirmation", n)
	}
	m = runCmds(t, m, m.startCreate())
	if m.current() != screenLive {
		t.Fatalf("the retry did not ask again: %s", m.current())
	}
	m = hit(t, typeInto(t, m, "us"), enter)
	if m.account.ID == "" || accountCount(t, c) != 1 || m.current() != screenWizard {
		t.Fatalf("confirmed create: screen %s account %q", m.current(), m.account.ID)
	}
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m.plan.values["business_profile.mcc"], m.plan.values["business_profile.url"] = "5734", "https://accessible.stripe.com"
	m = runCmds(t, m, m.startSubmit())
	if m.current() != screenLive {
		t.Fatalf("a submit did not ask: %s", m.current())
	}
	// esc leaves the confirmation for the step, values kept, nothing sent.
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	if m.current() != screenWizard || m.plan.values["business_profile.url"] == "" {
		t.Fatalf("esc from the confirmation: %s", m.current())
	}
}

// The home menu shows the explorer disabled on a live key, with the
// reason, and choosing it explains instead of creating accounts.
func TestLiveHomeDisablesExplorer(t *testing.T) {
	c := liveCommon(t)
	m := New(c, Start{})
	m, _ = step(m, tea.WindowSizeMsg{Width: 100, Height: 24})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Explore (disabled: the explorer creates") {
		t.Fatalf("home:\n%s", v)
	}
	var cmd tea.Cmd
	for range 3 {
		m, _ = step(m, tea.KeyMsg{Type: tea.KeyDown})
	}
	m, cmd = step(m, tea.KeyMsg{Type: tea.KeyEnter})
	m = drain(m, cmd)
	if v := ansi.Strip(m.View()); m.current() != screenError || !strings.Contains(v, "never a live key") {
		t.Fatalf("explore on a live key: %s\n%s", m.current(), v)
	}
	if n := accountCount(t, c); n != 0 {
		t.Fatalf("%d throwaway accounts created", n)
	}
}

// drain runs cmd and feeds every message it yields back to the model, as
// the program would (bounded; blinks and ticks included harmlessly).
func drain(m Model, cmd tea.Cmd) Model {
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 50; n++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if b, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, b...)
			continue
		}
		if _, ok := msg.(tea.QuitMsg); ok {
			return m
		}
		var next tea.Cmd
		m, next = step(m, msg)
		queue = append(queue, next)
	}
	return m
}

// Removing a person on a live key asks for the country code on screen
// first, then removes the person picked on the people screen.
func TestLiveRemoveAsksFirst(t *testing.T) {
	c, sb := testCommon(t, schema.English)
	a := newUSCompany(t, c)
	api, v2 := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_tui", APIBase: "http://sandbox.invalid",
		Policy: flows.NewPolicy(sb.Transport(), schema.English)})
	c.Client = flows.New(api, flows.WithV2(v2), flows.WithClock(func() time.Time { return epoch }), flows.WithLive(nil))
	c.Mode = "live"
	m := openWizard(t, c, a)
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlO})
	m = choose(t, m, "Ada Lovelace")
	m = choose(t, m, "Remove Ada Lovelace")
	m = hit(t, hit(t, m, tea.KeyMsg{Type: tea.KeyLeft}), enter)
	if v := view(m); m.current() != screenLive || !strings.Contains(v, "type its country code (US)") {
		t.Fatalf("the removal did not ask (%s):\n%s", m.current(), v)
	}
	m = hit(t, typeInto(t, m, "us"), enter)
	got, err := c.Client.Load(context.Background(), a.ID)
	if err != nil || len(got.Persons) != 1 || m.current() != screenPeople || !strings.Contains(view(m), "Removed Ada Lovelace") {
		t.Fatalf("after confirming: %d persons (%v) on %s:\n%s", len(got.Persons), err, m.current(), view(m))
	}
}
