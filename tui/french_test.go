package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"onboard/drafts"
	"onboard/i18n"
	"onboard/internal/i18ntest"
	"onboard/schema"
)

// A French screen shows no English word. The list of English UI words is
// built from the program's own strings: every English text given to
// schema.T (or tui's t) in tui, flows and schema, the help of huh's
// bindings (formHelp) and the key names (keyNames), less every word
// that also appears in a French text (Stripe, Documents, IBAN...). Every
// French golden is then read word by word. API names (card_payments,
// acct_…, requirement paths) are not words of the interface: they hold an
// underscore and are skipped.
func TestNoEnglishOnFrenchScreens(t *testing.T) {
	en, fr := map[string]bool{}, map[string]bool{}
	for _, dir := range []string{".", "../flows", "../schema"} {
		for _, pair := range textPairs(t, dir) {
			i18ntest.AddWords(en, pair[0])
			i18ntest.AddWords(fr, pair[1])
		}
	}
	// The texts moved to the catalogs: English is the id, French its
	// entry in fr.json.
	cat, err := i18n.Load(string(schema.French))
	if err != nil {
		t.Fatal(err)
	}
	for id, e := range cat {
		if _, s, ok := strings.Cut(id, "\x04"); ok {
			id = s
		}
		i18ntest.AddWords(en, id)
		i18ntest.AddWords(fr, e.Text)
		for _, f := range e.Plural {
			i18ntest.AddWords(fr, f)
		}
	}
	for k, v := range formHelp {
		i18ntest.AddWords(en, k)
		i18ntest.AddWords(fr, v.In(schema.French))
	}
	for k, v := range keyNames {
		i18ntest.AddWords(en, k)
		i18ntest.AddWords(fr, v.In(schema.French))
	}
	english := map[string]bool{}
	for w := range en {
		if !fr[w] {
			english[w] = true
		}
	}
	if len(english) < 200 {
		t.Fatalf("only %d English words found: the source scan is broken", len(english))
	}
	files, err := filepath.Glob("testdata/*/*fr*.golden")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("testdata/*French*.golden")
	files = append(files, more...)
	if len(files) < 60 { // every screen at 80 and 60 columns
		t.Fatalf("only %d French goldens found", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var found []string
		seen := map[string]bool{}
		text := withoutCode(withoutEnglishQuote(string(b)))
		for _, line := range strings.Split(text, "\n") {
			for _, name := range schema.KnownCapabilities() {
				if i18ntest.ContainsWord(line, name) && !strings.Contains(line, schema.CapabilityLabel(name).In(schema.French)) {
					t.Errorf("%s names %s without its words: %q", f, name, line)
				}
			}
		}
		if strings.Contains(text, "YYYY") {
			t.Errorf("%s shows an English date mask (YYYY)", f)
		}
		if loc := badFrenchSpacing.FindStringIndex(text); loc != nil {
			t.Errorf("%s: no no-break space before a French colon, semicolon, ! or ?: %q", f, text[max(loc[0]-20, 0):loc[1]])
		}
		for _, name := range schema.KnownCapabilities() {
			text = i18ntest.ReplaceWord(text, name, "") // an API name, beside its words
		}
		for _, w := range i18ntest.Words(text) {
			if i18ntest.ProgramNames[w] {
				continue
			}
			if english[w] && !seen[w] {
				seen[w] = true
				found = append(found, w)
			}
		}
		if len(found) > 0 {
			sort.Strings(found)
			t.Errorf("%s shows English words: %s", f, strings.Join(found, ", "))
		}
	}
}

// badFrenchSpacing finds a high punctuation mark after a plain space or
// glued to a word, where French typography wants a no-break space (a
// "?" after the help separator "•" is the help key, not punctuation).
var badFrenchSpacing = regexp.MustCompile(`(?m)(\pL|\)|[^•] )[:;!?]( |$)`)

// withoutCode drops the requests pane's code sample (from its first
// comment line, "# 2 POST …", to the next blank line): a curl command or
// a Go call is the API's language, content rather than interface.
func withoutCode(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	code := false
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "# "):
			code = true
		case code && strings.TrimSpace(l) == "":
			code = false
		}
		if !code {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// withoutEnglishQuote drops the explorer's English section (the lines
// under the heading "Anglais" up to the next blank line): the explorer
// shows each label in both languages on purpose, so that section quotes
// English; it is content, not interface.
func withoutEnglishQuote(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	skip := false
	for _, l := range lines {
		switch {
		case strings.TrimSpace(l) == txtEnglish.In(schema.French):
			skip = true
		case strings.TrimSpace(l) == "":
			skip = false
		}
		if !skip {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// textPairs returns the (English, French) string literals of every call
// T("…", "…") or t("…", "…") in the package's non-test files.
func textPairs(t *testing.T, dir string) [][2]string {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 2 {
				return true
			}
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			}
			if name != "T" && name != "t" {
				return true
			}
			var pair [2]string
			for i, a := range call.Args {
				lit, ok := a.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				pair[i], _ = strconv.Unquote(lit.Value)
			}
			out = append(out, pair)
			return true
		})
	}
	return out
}

// More screens for the checks of every French and pseudo-language golden
// (TestNoEnglishOnFrenchScreens, TestPseudoScreens): the explorer's
// details, the status opened with ctrl+t in a wide window, the setup's
// capabilities, a draft to restore and a v2 status panel.
func TestMoreScreens(t *testing.T) {
	for _, lang := range []Lang{schema.French, schema.Pseudo} {
		testMoreScreens(t, lang)
	}
}

func testMoreScreens(t *testing.T, lang Lang) {
	c, _ := testCommon(t, lang)
	t.Run(goldenName("explore_details", 80, lang), func(t *testing.T) {
		tm := teatest.NewTestModel(t, New(c, Start{}), teatest.WithInitialTermSize(80, 24))
		waitFor(t, tm, txtWhatToDo.In(lang))
		for range 3 {
			tm.Send(tea.KeyMsg{Type: tea.KeyDown})
		}
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		waitFor(t, tm, firstWords(schema.Lookup("business_profile.mcc", "US").Label.In(lang), 2))
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		waitFor(t, tm, txtFrench.In(lang))
		golden.RequireEqual(t, []byte(finalView(t, tm, "")))
	})
	t.Run(goldenName("status_wide", 100, lang), func(t *testing.T) {
		a := newUSAccount(t, c)
		m := openWizard(t, c, a)
		m.account.ID = fixedID
		m, _ = step(m, tea.WindowSizeMsg{Width: 100, Height: 30})
		m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlT})
		golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
	})
	t.Run(goldenName("setup_capabilities", 80, lang), func(t *testing.T) {
		tm := teatest.NewTestModel(t, New(c, Start{New: true}), teatest.WithInitialTermSize(80, 24))
		waitFor(t, tm, firstWords(txtCountryHelp.In(lang), 3))
		for range 4 { // country, business type, accounts API, contact email
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		}
		waitFor(t, tm, schema.CapabilityLabel("card_payments").In(lang))
		golden.RequireEqual(t, []byte(finalView(t, tm, "")))
	})
	t.Run(goldenName("draft", 80, lang), func(t *testing.T) {
		restore := true
		saved := time.Date(2026, 11, 23, 12, 0, 0, 0, time.Local) // shown in local time
		f := draftForm(c, drafts.Draft{Account: fixedID, Saved: saved, Values: map[string]string{"a": "1"}}, 1, &restore)
		f.Update(tea.WindowSizeMsg{Width: 80, Height: 10})
		v := ansi.Strip(f.View())
		if lang == schema.French && !strings.Contains(v, "Restaurer 1 valeur saisie le") {
			t.Errorf("singular and French date expected:\n%s", v)
		}
		golden.RequireEqual(t, []byte(v))
	})
	t.Run(goldenName("status_panel_v2", 80, lang), func(t *testing.T) {
		golden.RequireEqual(t, []byte(ansi.Strip(renderStatus(c, v2Account(t), 60))))
	})
}
