package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/schema"
)

// With the account created the last time for this setup, `new` draws the
// first form and its panel at once, before Stripe answers, and says the
// account is being created; keys pressed meanwhile are held and replayed
// on the real account's form; the account created is handed on for the
// next time.
func TestForeseenFirstForm(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	setup := flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"card_payments", "transfers"}}
	last, err := c.Client.Create(context.Background(), setup)
	if err != nil {
		t.Fatal(err)
	}
	kept := make(chan schema.Account, 1)
	c.Created = func(_ flows.NewAccount, a schema.Account) { kept <- a }
	fore := flows.Foreseeable(last)
	if fore.ID != "" || fore.Known != nil {
		t.Fatalf("foreseeable keeps %q / %v", fore.ID, fore.Known)
	}
	// The kept account is read from a file: what it says is not trusted.
	fore.Capabilities = append(fore.Capabilities, schema.Capability{Name: "tax\x1b]2;pwned\x07", Status: "inactive"})
	m := New(c, Start{New: true, Preset: true, Setup: setup, Foreseen: &fore})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if raw := m.View(); strings.Contains(raw, "\x1b]") || strings.Contains(raw, "\x07") {
		t.Errorf("a control sequence from the kept account reaches the terminal: %q", raw)
	}
	if !strings.Contains(ansi.Strip(m.View()), `tax\x1b]2;pwned\x07`) {
		t.Errorf("the kept capability is not shown, made visible:\n%s", ansi.Strip(m.View()))
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"Merchant category", "Card payments", txtCreating.In(schema.English)} {
		if !strings.Contains(v, want) {
			t.Fatalf("the first frame lacks %q:\n%s", want, v)
		}
	}
	// Down twice in the category list, before the account exists.
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyDown})
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyDown})
	if !m.foreseen || len(m.held) != 2 {
		t.Fatalf("keys on the foreseen form: foreseen %v, %d held", m.foreseen, len(m.held))
	}
	real, err := c.Client.Create(context.Background(), setup)
	if err != nil {
		t.Fatal(err)
	}
	m, cmd := step(m, result{m.gen, accountMsg{account: real, created: true}})
	v = ansi.Strip(m.View())
	if m.foreseen || !strings.Contains(v, real.ID) || strings.Contains(v, txtCreating.In(schema.English)) {
		t.Fatalf("the real account does not replace the foreseen one:\n%s", v)
	}
	if !strings.Contains(v, "> 5818") {
		t.Errorf("the keys held are not replayed on the real form:\n%s", v)
	}
	go runCmd(cmd)
	select {
	case a := <-kept:
		if a.ID != real.ID {
			t.Errorf("Created heard %s, want %s", a.ID, real.ID)
		}
	case <-time.After(5 * time.Second):
		t.Error("the account created was not handed on")
	}
}

// What the client talks to may still be opening: the create waits for it
// (Common.Ready) and a failure to open is the create's error, on screen.
func TestCreateWaitsForReady(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	c.Ready = func() error { return errors.New("open sandbox: no room left") }
	m := New(c, Start{New: true, Preset: true, Setup: flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}}})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = drain(m, m.first)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "no room left") {
		t.Fatalf("the failure to open is not on screen:\n%s", v)
	}
}

// A create that fails under a foreseen form leaves it: the error is on
// screen with no account named, and esc leads to the setup, as without
// a foreseen form.
func TestForeseenCreateFails(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	setup := flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"card_payments", "transfers"}}
	last, err := c.Client.Create(context.Background(), setup)
	if err != nil {
		t.Fatal(err)
	}
	fore := flows.Foreseeable(last)
	m := New(c, Start{New: true, Preset: true, Setup: setup, Foreseen: &fore})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyDown}) // held, then dropped with the form
	m, _ = step(m, result{m.gen, accountMsg{err: errors.New("the network is down")}})
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "the network is down") || strings.Contains(v, "Merchant category") || m.loaded {
		t.Fatalf("after a failed create:\n%s", v)
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	m = drain(m, nil)
	if v := ansi.Strip(m.View()); m.current() != screenSetup || !strings.Contains(v, "Country") {
		t.Errorf("esc after a failed create leads to %v, not the setup:\n%s", m.current(), v)
	}
}
