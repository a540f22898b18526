package tui

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"onboard/flows"
	"onboard/schema"
)

// At every width the wizard is usable: below sideBySide the status is one
// line above the form, the mode badge is whole, a select shows at least
// three options and no line is wider than the terminal. Each width and
// language is also a golden (testdata/TestNarrowWizard).
func TestNarrowWizard(t *testing.T) {
	for _, lang := range goldenLangs {
		c, _ := testCommon(t, lang)
		a := newUSAccount(t, c)
		sizes := [][2]int{{100, 30}, {80, 24}, {71, 24}, {60, 24}, {50, 24}, {40, 20}}
		if lang == schema.Pseudo {
			sizes = [][2]int{{80, 24}, {60, 24}} // the widths TestPseudoScreens reads
		}
		for _, size := range sizes {
			w, h := size[0], size[1]
			t.Run(string(lang)+"_"+itoa(w), func(t *testing.T) {
				m := openWizard(t, c, a)
				m.account.ID = fixedID // the header may cut the id: replace it before
				m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: h})
				v := ansi.Strip(m.View())
				lines := strings.Split(v, "\n")
				if len(lines) != h {
					t.Errorf("%d lines, want %d", len(lines), h)
				}
				for i, l := range lines {
					if lw := ansi.StringWidth(l); lw > w {
						t.Errorf("line %d is %d wide: %q", i, lw, l)
					}
				}
				badge := txtSandbox.In(lang)
				if !strings.HasSuffix(strings.TrimRight(lines[0], " "), badge) {
					t.Errorf("the badge %q is cut: %q", badge, lines[0])
				}
				// The header gives way word by word: business type, then
				// country; the account id stays whole down to 50 columns.
				if w >= 50 && !strings.Contains(lines[0], fixedID) {
					t.Errorf("the header cuts the account id: %q", lines[0])
				}
				if w >= 80 && !strings.Contains(lines[0], businessTypeWord("individual", lang)) {
					t.Errorf("the header lacks the business type: %q", lines[0])
				}
				panel := strings.Contains(v, "╭")
				if w >= sideBySide != panel {
					t.Errorf("width %d: panel shown = %v", w, panel)
				}
				if w < sideBySide && !strings.Contains(v, schema.Colon(lang, txtState.In(lang))) {
					t.Errorf("width %d: no one-line status:\n%s", w, v)
				}
				if w < sideBySide && !strings.HasPrefix(lines[len(lines)-1], m.c.Keys.Status.Help().Key) {
					t.Errorf("width %d: the footer does not start with the key of the whole status: %q", w, lines[len(lines)-1])
				}
				// The merchant category select: the cursor's option and at
				// least two more.
				if n := strings.Count(v, "┃   "); n < 2 {
					t.Errorf("width %d: the select shows %d options besides the cursor's:\n%s", w, n, v)
				}
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

// ctrl+t shows the whole status mid-wizard, using the window's width: in
// a 100-column window no line of it is cut at 80 columns, and at 50 it
// fits.
func TestStatusScreenUsesItsWidth(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	for _, w := range []int{100, 50} {
		m := openWizard(t, c, a)
		m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 30})
		m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlT})
		v := ansi.Strip(m.View())
		if !strings.Contains(v, txtStatusTitle.In(schema.English)) {
			t.Fatalf("ctrl+t did not open the status:\n%s", v)
		}
		widest := 0
		for i, l := range strings.Split(v, "\n") {
			widest = max(widest, ansi.StringWidth(strings.TrimRight(l, " ")))
			// The header and the footer may end in "…"; the status may not.
			if i > 0 && strings.Contains(l, "…") && !strings.Contains(l, "•") {
				t.Errorf("width %d: a line is cut: %q", w, l)
			}
		}
		if widest > w || (w == 100 && widest <= 80) {
			t.Errorf("width %d: the status is %d wide:\n%s", w, widest, v)
		}
		// A new account's state in words, wrapped to the width.
		for _, want := range []string{"Card payments", "Nothing provided yet:", "to enable"} {
			if !strings.Contains(v, want) {
				t.Errorf("width %d: the status lacks %q:\n%s", w, want, v)
			}
		}
	}
}

// Wrapped text keeps its indent: the lines an error or a bullet wraps
// onto start under its text, not at column 0.
func TestWrapUnderKeepsIndent(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	out := ansi.Strip(wrapUnder(c.Styles.Notice.Error, "✗ ", "Date of birth: the value was refused; enter it again as it appears on the document.", 30))
	lines := strings.Split(out, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "✗ Date") {
		t.Fatalf("not wrapped: %q", out)
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "   ") {
			t.Errorf("wrapped line not under the text: %q", l)
		}
	}
}

// Cut text ends in an ellipsis, and styled text is cut by its width on
// screen.
func TestFitEndsInEllipsis(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	got := ansi.Strip(fit(c.Styles.Status.Label.Render("7372 Computer programming, data processing"), 30))
	if got != "7372 Computer programming, da…" {
		t.Errorf("got %q", got)
	}
	if fit("short", 30) != "short" {
		t.Errorf("fit changed a short text")
	}
}

// Durations in the operator's language.
func TestSpanInFrench(t *testing.T) {
	const h, d = 3600e9, 24 * 3600e9
	cases := []struct {
		in   float64
		lang Lang
		want string
	}{
		{d + 2*h, schema.English, "1d 2h"}, {d + 2*h, schema.French, "1\u00a0j 2\u00a0h"},
		{5*h + 12*60e9, schema.French, "5\u00a0h 12\u00a0min"}, {40 * 60e9, schema.French, "40\u00a0min"},
		{40 * 60e9, schema.English, "40m"},
	}
	for _, tc := range cases {
		if got := span(durationOf(tc.in), tc.lang); got != tc.want {
			t.Errorf("span(%v, %s) = %q, want %q", tc.in, tc.lang, got, tc.want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func durationOf(ns float64) time.Duration { return time.Duration(ns) }

// The date mask is one the field accepts, in the operator's language.
func TestDateMask(t *testing.T) {
	isoOnly := func(v string) error {
		if _, ok := schema.ParseDate(v); !ok {
			return errors.New("no")
		}
		return nil
	}
	both := func(string) error { return nil }
	if got := dateMask(schema.English, both); got != "YYYY-MM-DD" {
		t.Errorf("English: %q", got)
	}
	if got := dateMask(schema.French, isoOnly); got != "AAAA-MM-JJ" {
		t.Errorf("French, ISO only: %q", got)
	}
	if got := dateMask(schema.French, both); got != "JJ/MM/AAAA" {
		t.Errorf("French, national form accepted: %q", got)
	}
}

// "e.g." is never split across lines by huh's wrapping (which breaks after
// any full stop): at every width, no line of a form ends in "e." with the
// next starting with "g.".
func TestExampleAbbreviationNeverSplits(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	for _, st := range flows.Plan(a, flows.Strategy{Upfront: true}, nil, schema.English) {
		if st.Group != schema.GroupAddress {
			continue
		}
		m.plan.step = st
		_ = m.showStep()
		for w := 30; w <= 80; w++ {
			m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 60})
			lines := strings.Split(ansi.Strip(m.View()), "\n")
			for i := 0; i+1 < len(lines); i++ {
				end := strings.TrimRight(lines[i], " ")
				next := strings.TrimLeft(lines[i+1], " ┃│")
				if (strings.HasSuffix(end, "e.") || strings.HasSuffix(end, "e\u2024")) &&
					(strings.HasPrefix(next, "g.") || strings.HasPrefix(next, "g\u2024")) {
					t.Errorf("width %d splits e.g.:\n%s\n%s", w, lines[i], lines[i+1])
				}
			}
		}
	}
}

// Text copied from the terminal reads "e.g." with plain full stops: the
// frame drawn holds no U+2024, though huh wraps with it.
func TestCopiedExampleHasPlainPeriods(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	found := false
	for _, st := range flows.Plan(a, flows.Strategy{Upfront: true}, nil, schema.English) {
		m.plan.step = st
		_ = m.showStep()
		m, _ = step(m, tea.WindowSizeMsg{Width: 100, Height: 60})
		v := ansi.Strip(m.View())
		if strings.ContainsRune(v, '\u2024') {
			t.Errorf("step %s draws U+2024 (copied text reads e\u2024g\u2024):\n%s", st.Group, v)
		}
		found = found || strings.Contains(v, "e.g.")
	}
	if !found {
		t.Error(`no step showed "e.g.": the test checks nothing`)
	}
}

// The explorer's list keeps each field's label whole on a narrow
// terminal: the label comes first, the columns after it.
func TestExplorerNarrowKeepsLabels(t *testing.T) {
	c, _ := testCommon(t, schema.French)
	m := New(c, Start{})
	m, _ = step(m, tea.WindowSizeMsg{Width: 50, Height: 24})
	cmd := m.push(&explorerScreen{session: m.session})
	m, _ = step(m, cmd())
	v := ansi.Strip(m.View())
	for _, path := range []string{"business_profile.mcc", "business_profile.url", "individual.ssn_last_4"} {
		if label := schema.Lookup(path, "US").Label.In(schema.French); !strings.Contains(v, label) {
			t.Errorf("the label %q is cut at 50 columns:\n%s", label, v)
		}
	}
}

// Counts agree with their noun: no "champ(s)". French takes the singular
// for 0 and 1, English for 1 only.
func TestPluralForms(t *testing.T) {
	cases := []struct {
		lang Lang
		n    int
		want string
	}{
		{schema.French, 0, "Stripe vérifie 0 champ"}, {schema.French, 1, "Stripe vérifie 1 champ"},
		{schema.French, 2, "Stripe vérifie 2 champs"}, {schema.English, 0, "Stripe is verifying 0 fields"},
		{schema.English, 1, "Stripe is verifying 1 field;"}, {schema.English, 3, "Stripe is verifying 3 fields"},
	}
	for _, tc := range cases {
		got := fmt.Sprintf(plural(tc.lang, tc.n, txtPendingOne, txtWaiting), tc.n)
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s %d: %q", tc.lang, tc.n, got)
		}
	}
	for _, txt := range []schema.Text{txtWaiting, txtWaitsFor, txtFutureDue, txtDraftFound, txtDraftRestored, txtPersonDue} {
		for _, lang := range schema.Langs {
			if strings.Contains(txt.In(lang), "(s)") || strings.Contains(txt.In(lang), "(e)") {
				t.Errorf("%q hedges its plural", txt.In(lang))
			}
		}
	}
}

// A select's option too long for the form is cut with "…", not wrapped
// onto a line the select's window hides ("7372 Computer programming,
// data").
func TestLongOptionEndsInEllipsis(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	c.Width = 80
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "7372 Computer programming, data process…") {
		t.Errorf("the long option is not cut with an ellipsis:\n%s", v)
	}
}

// The footer is cut between keys, never inside one: at every width, in
// both languages, its line fits and, when keys were left out, ends in
// " …" after a whole key. bubbles' help added a key that overflowed when
// no room was left for its "…", and the line was cut mid-word
// ("ctrl+c quitte…" on the French home screen at 60 columns).
func TestFooterCutBetweenKeys(t *testing.T) {
	for _, lang := range schema.Langs {
		c, _ := testCommon(t, lang)
		home := New(c, Start{})
		wizard := identityStep(t, c, 80, 24)
		for name, m := range map[string]Model{"home": home, "wizard": wizard} {
			for w := 30; w <= 100; w++ {
				m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
				lines := strings.Split(ansi.Strip(m.View()), "\n")
				foot := strings.TrimRight(lines[len(lines)-1], " ")
				if ansi.StringWidth(foot) > w {
					t.Errorf("%s %s at %d: the footer is %d wide", lang, name, w, ansi.StringWidth(foot))
				}
				if strings.HasSuffix(foot, "…") && !strings.HasSuffix(foot, " …") {
					t.Errorf("%s %s at %d: the footer is cut inside a key: %q", lang, name, w, foot)
				}
			}
		}
	}
}

// ? shows every key, at every width: the columns grow taller where four
// rows do not fit (at 60 columns the wizard's full help showed three
// columns and hid esc, ctrl+c and ? itself).
func TestFullHelpShowsEveryKey(t *testing.T) {
	for _, lang := range schema.Langs {
		c, _ := testCommon(t, lang)
		m := openWizard(t, c, newUSAccount(t, c)) // the MCC select has focus
		m, _ = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
		if !m.fullHelp {
			t.Fatal("? did not open the full help")
		}
		want := []string{keyName("esc", lang), keyName("ctrl+c", lang), txtFewerHelp.In(lang), txtStatusKey.In(lang)}
		for _, w := range []int{50, 60, 80, 100} {
			m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
			v := ansi.Strip(m.View())
			for _, k := range want {
				if !strings.Contains(v, k) {
					t.Errorf("%s at %d: the full help lacks %q:\n%s", lang, w, k, v)
				}
			}
			for i, l := range strings.Split(v, "\n") {
				if ansi.StringWidth(l) > w {
					t.Errorf("%s at %d: line %d is %d wide", lang, w, i, ansi.StringWidth(l))
				}
			}
		}
	}
}
