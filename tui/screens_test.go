package tui

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/schema"
)

// completeAccount onboards a US individual up front with Stripe's test
// values and lets verification settle.
func completeAccount(t *testing.T, c Common, advance func(time.Duration)) schema.Account {
	t.Helper()
	a := newUSAccount(t, c)
	ans, err := answers.Parse(map[string]any{
		"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
		"individual.first_name": "Jenny", "individual.last_name": "Rosen", "individual.dob": "1901-01-01",
		"individual.email": "jenny@example.com", "individual.phone": "+14155550123",
		"individual.ssn_last_4": "0000", "individual.id_number": "000000000",
		"individual.address.line1": "address_full_match", "individual.address.city": "San Francisco",
		"individual.address.state": "CA", "individual.address.postal_code": "94107",
		"external_account": "btok_us", "tos_acceptance": true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := answers.Run(context.Background(), c.Client, a, flows.Strategy{Upfront: true}, ans, io.Discard); err != nil {
		t.Fatal(err)
	}
	advance(5 * time.Second)
	got, err := c.Client.Load(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestScreens renders each screen at 80×24 and 60×24 in every language
// (the pseudo-language too) and compares it with its golden file
// (testdata/TestScreens/<screen>_<lang>, <screen>_60_<lang>).
func TestScreens(t *testing.T) {
	for _, lang := range goldenLangs {
		for _, w := range goldenWidths {
			testScreens(t, lang, w)
		}
	}
}

func testScreens(t *testing.T, lang Lang, w int) {
	t.Run(goldenName("home", w, lang), func(t *testing.T) {
		c, _ := testCommon(t, lang)
		tm := teatest.NewTestModel(t, New(c, Start{}), teatest.WithInitialTermSize(w, 24))
		waitFor(t, tm, txtWhatToDo.In(lang))
		teatest.RequireEqualOutput(t, []byte(finalView(t, tm, "")))
	})
	t.Run(goldenName("setup", w, lang), func(t *testing.T) {
		c, _ := testCommon(t, lang)
		tm := teatest.NewTestModel(t, New(c, Start{New: true}), teatest.WithInitialTermSize(w, 24))
		waitFor(t, tm, firstWords(txtCountryHelp.In(lang), 3)) // a long help wraps
		teatest.RequireEqualOutput(t, []byte(finalView(t, tm, "")))
	})
	t.Run(goldenName("summary", w, lang), func(t *testing.T) {
		c, sb := testCommon(t, lang)
		a := completeAccount(t, c, func(d time.Duration) { _, _ = sb.Advance(context.Background(), d) })
		tm := teatest.NewTestModel(t, New(c, Start{AccountID: a.ID, Strategy: flows.Strategy{Upfront: true}, StrategyGiven: true}),
			teatest.WithInitialTermSize(w, 24))
		waitFor(t, tm, txtAllDone.In(lang))
		v := finalView(t, tm, a.ID)
		if !strings.Contains(v, flows.StateLabel(flows.StateComplete, lang)) {
			t.Errorf("summary does not say complete:\n%s", v)
		}
		teatest.RequireEqualOutput(t, []byte(v))
	})
	t.Run(goldenName("accounts", w, lang), func(t *testing.T) {
		c, _ := testCommon(t, lang)
		a := newUSAccount(t, c)
		m := New(c, Start{})
		m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
		list, err := c.Client.Accounts(context.Background(), flows.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		_ = m.toTriage()
		m, _ = step(m, result{m.gen, triageDoneMsg{list: list, at: epoch}})
		tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, 24))
		waitFor(t, tm, "› ") // the list's cursor: its columns and footer change with the width
		teatest.RequireEqualOutput(t, []byte(finalView(t, tm, a.ID)))
	})
	t.Run(goldenName("explore", w, lang), func(t *testing.T) {
		c, _ := testCommon(t, lang)
		m := New(c, Start{})
		m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
		_ = m.push(&explorerScreen{session: m.session}) // its load runs no command
		tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, 24))
		// The load above ran no command: ask again so the result arrives.
		tm.Send(tea.KeyMsg{Type: tea.KeyRight})
		tm.Send(tea.KeyMsg{Type: tea.KeyLeft})
		waitFor(t, tm, schema.Lookup("business_profile.mcc", "US").Label.In(lang))
		teatest.RequireEqualOutput(t, []byte(finalView(t, tm, "")))
	})
	t.Run(goldenName("error", w, lang), func(t *testing.T) {
		c, _ := testCommon(t, lang)
		tm := teatest.NewTestModel(t, New(c, Start{AccountID: "acct_missing0000000000"}), teatest.WithInitialTermSize(w, 24))
		waitFor(t, tm, txtErrorTitle.In(lang))
		teatest.RequireEqualOutput(t, []byte(finalView(t, tm, "")))
	})
	t.Run(goldenName("identity", w, lang), func(t *testing.T) {
		c, _ := testCommon(t, lang)
		a := newUSAccount(t, c)
		m := New(c, Start{AccountID: a.ID})
		m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
		m, _ = step(m, result{m.gen, accountMsg{account: a}})
		m.plan.journey.Pass(flows.Step{Paths: []string{"business_profile.mcc", "business_profile.url"}})
		_ = m.nextStep()
		tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, 24))
		waitFor(t, tm, schema.Lookup("individual.first_name", "US").Label.In(lang))
		teatest.RequireEqualOutput(t, []byte(finalView(t, tm, a.ID)))
	})
}

// From the home screen, the triage list shows every account and opens the
// one picked.
func TestAccountListOpensAccount(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	tm := teatest.NewTestModel(t, New(c, Start{}), teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "What do you want to do?")
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	waitFor(t, tm, "> Accounts to fix")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "new, nothing sent")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Merchant category")
	v := finalView(t, tm, a.ID)
	if !strings.Contains(v, fixedID) {
		t.Errorf("opened the wrong account:\n%s", v)
	}
}

// The explorer is reached from home; enter opens a requirement's details
// in both languages with its API parameter.
func TestExplorerDetails(t *testing.T) {
	c, _ := testCommon(t, schema.French)
	tm := teatest.NewTestModel(t, New(c, Start{}), teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, txtWhatToDo.In(schema.French))
	for range 3 {
		tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	}
	waitFor(t, tm, "> Explorer ce que demande Stripe")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Catégorie marchand")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Français")
	v := finalView(t, tm, "")
	for _, want := range []string{"business_profile[mcc]", "Anglais", "Merchant category (MCC)", "Catégorie marchand (MCC)"} {
		if !strings.Contains(v, want) {
			t.Errorf("details lack %q:\n%s", want, v)
		}
	}
	if all, _ := c.Client.Accounts(context.Background(), flows.ListOptions{}); len(all) != 0 {
		t.Errorf("exploring left %d account(s) behind", len(all))
	}
}
