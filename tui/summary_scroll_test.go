package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"onboard/flows"
	"onboard/schema"
)

// v2Summary is the summary at the end of a v2 US individual's journey in
// the wizard, on a terminal of w×h: its requirement entries (Stripe is
// still verifying, the sandbox's clock is stopped) and the review of the
// answers sent are taller than 24 rows.
func v2Summary(t *testing.T, lang Lang, w, h int) (Model, schema.Account) {
	t.Helper()
	c := v2Common(t, lang)
	a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}, API: "v2", Email: "jenny@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	m := openWizard(t, c, a)
	m = sendEveryStep(t, m)
	m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m, a
}

// The v2 summary at 80×24: the title on top, the footer (with the scroll
// keys) at the bottom, and the entries cut with a marker; at the end
// (end key) the review of the answers sent, with the footer still there.
func TestSummaryV2Scrolls(t *testing.T) {
	m, a := v2Summary(t, schema.English, 80, 24)
	m.first = nil // the journey ran already: nothing to load
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "more below")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnd})
	waitFor(t, tm, "Terms of service")
	v := finalView(t, tm, a.ID)
	for _, want := range []string{"more above", "I accept", "✓ Terms of service", "↑/↓ scroll", "enter home"} {
		if !strings.Contains(v, want) {
			t.Errorf("the summary's end lacks %q:\n%s", want, v)
		}
	}
	if n := strings.Count(v, "\n") + 1; n != 24 {
		t.Errorf("%d lines, want 24:\n%s", n, v)
	}
	teatest.RequireEqualOutput(t, []byte(v))
}

// At 80 and 60 columns, in English and French, every screen of the
// scrolled summary is the terminal's height, keeps the title and the
// footer with its scroll key, and scrolling reaches every line: the
// entries at the top, the review and its last answer at the end.
func TestSummaryScrollReachesEverything(t *testing.T) {
	for _, lang := range schema.Langs {
		for _, w := range []int{80, 60} {
			m, a := v2Summary(t, lang, w, 24)
			title := txtAllDone.In(lang)
			scroll := keyName("↑/↓", lang) + " " + txtScroll.In(lang)
			seen := map[string]bool{}
			check := func(what string) {
				t.Helper()
				v := strings.ReplaceAll(ansi.Strip(m.View()), a.ID, fixedID)
				lines := strings.Split(v, "\n")
				if len(lines) != 24 {
					t.Errorf("%s %d cols, %s: %d lines, want 24:\n%s", lang, w, what, len(lines), v)
				}
				for i, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Errorf("%s %d cols, %s: line %d is %d wide", lang, w, what, i, ansi.StringWidth(l))
					}
				}
				// The footer (two lines at 80 columns) holds the scroll key.
				if !strings.Contains(v, title) || !strings.Contains(strings.Join(lines[len(lines)-2:], "\n"), scroll) {
					t.Errorf("%s %d cols, %s: title or scroll key missing:\n%s", lang, w, what, v)
				}
				for _, l := range lines {
					seen[strings.TrimSpace(l)] = true
				}
			}
			check("top")
			first := m.View()
			for i := 0; i < 200 && m.summaryTop < m.summaryMaxTop(); i++ {
				m, _ = step(m, tea.KeyMsg{Type: tea.KeyDown})
				check("scrolled")
			}
			if m.summaryTop == 0 {
				t.Fatalf("%s %d cols: the summary never scrolled", lang, w)
			}
			for _, l := range strings.Split(ansi.Strip(m.summaryBody()), "\n") {
				if l = strings.TrimSpace(l); l != "" && !seen[l] {
					t.Errorf("%s %d cols: line never shown: %q", lang, w, l)
				}
			}
			// pgup and home come back to the top; down past the end stays.
			m, _ = step(m, tea.KeyMsg{Type: tea.KeyDown})
			if m.summaryTop != m.summaryMaxTop() {
				t.Errorf("%s %d cols: scrolled past the end: %d > %d", lang, w, m.summaryTop, m.summaryMaxTop())
			}
			m, _ = step(m, tea.KeyMsg{Type: tea.KeyPgUp})
			if m.summaryTop >= m.summaryMaxTop() {
				t.Errorf("%s %d cols: pgup did not scroll", lang, w)
			}
			m, _ = step(m, tea.KeyMsg{Type: tea.KeyHome})
			if m.summaryTop != 0 || m.View() != first {
				t.Errorf("%s %d cols: home did not come back to the top", lang, w)
			}
		}
	}
}

// The status opened mid-wizard (ctrl+t) is the same screen: ? shows every
// key there, the scroll keys with paging and the ends among them (the
// step's form behind it has a text field focused, but it is not typed
// into).
func TestStatusFromWizardFullHelp(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	m.plan.journey.Pass(flows.Step{Paths: []string{"business_profile.mcc", "business_profile.url"}})
	_ = m.nextStep() // Identity: a text field has focus
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlT})
	if m.current() != screenSummary {
		t.Fatalf("ctrl+t: screen %s", m.current())
	}
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 16}) // short: the status scrolls
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	if !m.fullHelp {
		t.Fatalf("? on the status opened mid-wizard did nothing:\n%s", ansi.Strip(m.View()))
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"fewer keys", "↑/↓", "pgup/pgdn", "home/end"} {
		if !strings.Contains(v, want) {
			t.Errorf("full help lacks %q:\n%s", want, v)
		}
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	if m.current() != screenWizard || wizardOf(m).form.GetFocusedField() == nil {
		t.Fatalf("esc: screen %s", m.current())
	}
}

// Scrolled to the end, the summary stays at its end when its room
// changes: ? (the taller full help), ? again, a shorter then a taller
// window, a refresh. It used to keep the old offset, and the full help hid the last
// lines until End was pressed again. Up from the end then moves at once.
func TestSummaryEndStaysEnd(t *testing.T) {
	m, _ := v2Summary(t, schema.English, 80, 24)
	body := strings.Split(strings.TrimRight(ansi.Strip(m.summaryBody()), "\n "), "\n")
	last := strings.TrimSpace(body[len(body)-1])
	atEnd := func(what string) {
		t.Helper()
		v := ansi.Strip(m.View())
		if !strings.Contains(v, last) || strings.Contains(v, txtMoreBelow.In(schema.English)) {
			t.Errorf("%s: the end (%q) is not in view:\n%s", what, last, v)
		}
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEnd})
	atEnd("end")
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	if !m.fullHelp {
		t.Fatal("? did not open the full help")
	}
	atEnd("full help")
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	atEnd("short help again")
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 18})
	atEnd("a shorter window")
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 30})
	atEnd("a taller window")
	// A refresh (the account read again while the summary shows) keeps
	// the place: it used to scroll back to the top.
	m, _ = step(m, result{m.gen, accountMsg{account: m.account, background: true}})
	atEnd("a refresh")
	before := m.View()
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyUp})
	if m.View() == before {
		t.Error("up from the end, after the window grew, did not scroll")
	}
	// Away from the end, the offset is kept (clamped), not pulled down.
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyHome})
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	if v := ansi.Strip(m.View()); strings.Contains(v, txtMoreAbove.In(schema.English)) {
		t.Errorf("at the top, ? scrolled the summary:\n%s", v)
	}
}
