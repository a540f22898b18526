package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"onboard/i18n"
	"onboard/internal/i18ntest"

	"onboard/schema"
)

// goldenLangs is every offered language and the hidden pseudo-language
// (docs/TRANSLATING.md): the screens' goldens are drawn in each, so that
// TestPseudoScreens finds a text cut or one that bypassed the catalog.
var goldenLangs = append(slices.Clone(schema.Langs), schema.Pseudo)

// goldenWidths are the terminal widths every screen's goldens are drawn at:
// the usual 80 columns and 60, where long translations first run out of room.
var goldenWidths = []int{80, 60}

// goldenName names a golden: "home_de" at 80 columns, "home_60_de" at
// another width (the language stays last, so the tests that read every
// golden of a language find both).
// A test whose goldens are named by the language alone ("de") names them
// "60_de" at 60 columns.
func goldenName(screen string, width int, lang Lang) string {
	parts := []string{}
	if screen != "" {
		parts = append(parts, screen)
	}
	if width != 80 {
		parts = append(parts, itoa(width))
	}
	return strings.Join(append(parts, string(lang)), "_")
}

// Every screen in the pseudo-language, at 80 and 60 columns, shows each
// text whole and shows no English text that bypassed the catalog.
//
// A pseudo text is "[" … "~~]" (schema's pseudo). A screen lays texts out
// side by side (the status panel beside the form, a table's columns) and
// wraps them, so a text's closing bracket may be on a later line: each line
// is split into cells, at the box's borders and at runs of two spaces or
// more (a pseudo text holds single spaces only). A cell that ends with a
// text still open continues in the next line's first cell that overlaps
// it in columns (a wrapped paragraph, a hanging indent); a text still open
// when no cell below continues it was cut. Spaces before the "~" padding
// are the text's own (an English text may end with a space: "e.g. "), not
// a gap. A text left open at an ellipsis "…" was shortened on purpose (a
// one-line field, a table's column) and is not a cut; nor is one left open
// above "↓ more below": a scrolled view goes on past its fold.
//
// An English word of the catalog (TestNoEnglishOnScreensInEveryLanguage's
// words) shown unaccented did not go through the catalog. What is not
// interface text is left out first: the requests pane's code, the
// explorer's quote of a label in English, key names
// (ctrl+c), URLs, email addresses and API paths (/v1/accounts), API names
// and ids (card_payments, acct_…), and the names of pseudoAllowed.
func TestPseudoScreens(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*qps*.golden")
	if len(files) < 50 {
		t.Fatalf("only %d pseudo-language goldens found", len(files))
	}
	english := englishWords(t)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, cut := range cutTexts(string(b)) {
			t.Errorf("%s: a text is cut: %q", f, cut)
		}
		if w := goldenWidth(f); len(widerThan(string(b), w)) > 0 {
			t.Errorf("%s: %d lines wider than %d columns, the first %q", f, len(widerThan(string(b), w)), w, widerThan(string(b), w)[0])
		}
		if found := unaccented(string(b), english); len(found) > 0 {
			t.Errorf("%s shows English words that bypassed the catalog: %s", f, strings.Join(found, ", "))
		}
	}
}

// unaccented returns the English words of a pseudo-language screen, what
// is not interface text left out.
func unaccented(screen string, english map[string]bool) []string {
	// The explorer quotes each label in English on purpose: content.
	text := notInterface.ReplaceAllString(withoutCode(withoutQuote(screen, txtEnglish.In(schema.Pseudo))), " ")
	for _, name := range schema.KnownCapabilities() {
		text = i18ntest.ReplaceWord(text, name, "") // an API name, beside its words
	}
	var found []string
	seen := map[string]bool{}
	for _, w := range i18ntest.Words(text) {
		if english[w] && !seen[w] && !i18ntest.ProgramNames[w] && !pseudoAllowed[w] {
			seen[w] = true
			found = append(found, w)
		}
	}
	sort.Strings(found)
	return found
}

// What unaccented leaves out and what it finds.
func TestUnaccented(t *testing.T) {
	english := englishWords(t)
	for screen, want := range map[string]string{
		"[Šţáţúš ~~~] card_payments · ctrl+l [šţépš ~~]":          "",
		"Jenny Rosen · jenny@example.com · https://example.com/a": "",
		"POST /v1/accounts → 200 · onboard · tab [ñéxţ ~~]":       "",
		"[Šţáţé ~~] restricted · Status":                          "restricted, status",
	} {
		if got := strings.Join(unaccented(screen, english), ", "); got != want {
			t.Errorf("%q: %q, want %q", screen, got, want)
		}
	}
}

// pseudoAllowed are English words of the catalog that a screen shows as
// names, the same in every language: a program (curl, in the requests
// pane's title), a key (tab), the test person (Jenny Rosen, whose email
// address is also the catalog's example of one).
var pseudoAllowed = map[string]bool{"curl": true, "tab": true, "jenny": true}

// notInterface finds key names, URLs, email addresses, API paths, and API
// names and ids (acct_1Nv0FGQ9RKHgCVdK: words would read "RKHgCVdK").
var notInterface = regexp.MustCompile(`\b(ctrl|shift|alt)\+[a-z0-9]+|https?://\S+|\S+@\S+|(^|\s)/\S+|[A-Za-z0-9]*_[A-Za-z0-9_]*`)

// englishWords is every word of the catalog's English ids.
func englishWords(t *testing.T) map[string]bool {
	t.Helper()
	fr, err := i18n.Load(string(schema.French))
	if err != nil {
		t.Fatal(err)
	}
	en := map[string]bool{}
	for id := range fr {
		if _, s, ok := strings.Cut(id, "\x04"); ok {
			id = s
		}
		i18ntest.AddWords(en, id)
	}
	if len(en) < 500 {
		t.Fatalf("only %d English words: the catalog is not read", len(en))
	}
	return en
}

// A cell is a run of a line between box borders and wide gaps, at
// display columns [from, to).
type cell struct {
	from, to int
	text     string
}

// cells splits a screen line into cells.
func cells(line string) []cell {
	var out []cell
	var cur []rune
	runes := []rune(line)
	from, col, spaces := 0, 0, 0
	flush := func(end int) {
		if s := strings.TrimRight(string(cur), " "); strings.TrimSpace(s) != "" {
			out = append(out, cell{from: from, to: end, text: s})
		}
		cur = cur[:0]
	}
	padding := func(i int) bool { // the spaces from i on end in a text's "~" padding
		for i < len(runes) && runes[i] == ' ' {
			i++
		}
		return i < len(runes) && runes[i] == '~'
	}
	for i, r := range runes {
		w := ansi.StringWidth(string(r))
		switch {
		case r >= 0x2500 && r <= 0x257f: // a box border: │ ┃ ╭ ─ …
			flush(col)
			spaces = 0
		case r == ' ' && len(cur) > 0 && padding(i):
			cur = append(cur, r)
		case r == ' ':
			spaces++
			if spaces == 2 {
				flush(col - 1)
			}
			if len(cur) > 0 {
				cur = append(cur, r)
			}
		default:
			if len(cur) == 0 {
				from = col
			}
			spaces = 0
			cur = append(cur, r)
		}
		col += w
	}
	flush(col)
	return out
}

// cutTexts returns the pseudo texts of a screen whose closing bracket
// is missing, each as the line where it was left open.
func cutTexts(screen string) []string {
	type open struct {
		from, to, depth int
		line            string
	}
	var cut []string
	var pending []open
	fold := txtMoreBelow.In(schema.Pseudo)
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, fold) {
			pending = nil // the texts above go on past the fold
			continue
		}
		var next []open
		for _, c := range cells(line) {
			depth := 0
			for i, p := range pending {
				if p.depth > 0 && c.from < p.to && p.from < c.to {
					depth = p.depth
					pending[i].depth = 0 // continued
					c.from = min(c.from, p.from)
					break
				}
			}
			shortened := 0 // the depth at which a text was left open at "…"
			for _, r := range c.text {
				switch r {
				case '[':
					depth++
				case ']':
					depth = max(depth-1, 0)
					shortened = min(shortened, depth) // closed after all: the "…" was its own
				case '…':
					shortened = depth
				}
			}
			if depth > shortened {
				next = append(next, open{from: c.from, to: c.to, depth: depth - shortened, line: strings.TrimSpace(line)})
			}
		}
		for _, p := range pending {
			if p.depth > 0 {
				cut = append(cut, p.line)
			}
		}
		pending = next
	}
	for _, p := range pending {
		cut = append(cut, p.line)
	}
	return cut
}

// goldenWidth is the terminal width a golden was drawn at: the number in
// its name (home_60_de, qps_60), else 80.
func goldenWidth(file string) int {
	if w, ok := namedWidth(file); ok {
		return w
	}
	return 80
}

func namedWidth(file string) (int, bool) {
	m := goldenWidthRE.FindStringSubmatch(filepath.Base(file))
	if m == nil {
		return 0, false
	}
	w, _ := strconv.Atoi(m[1])
	return w, true
}

// A golden is no wider than the window it was drawn in (the width in its
// name, home_60_de, de_40; else 80): a longer line is cut by the terminal,
// whatever the language.
func TestGoldensFitTheirWidth(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.golden")
	n := 0
	for _, f := range files {
		w := goldenWidth(f)
		if _, ok := namedWidth(f); ok {
			n++
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if wide := widerThan(string(b), w); len(wide) > 0 {
			t.Errorf("%s: %d lines wider than %d columns, the first %q", f, len(wide), w, wide[0])
		}
	}
	if n < 100 {
		t.Fatalf("only %d goldens name their width", n)
	}
}

var goldenWidthRE = regexp.MustCompile(`(?:^|_)(\d+)[_.]`)

// widerThan returns the lines of a screen wider than width columns.
func widerThan(screen string, width int) []string {
	var out []string
	for _, l := range strings.Split(screen, "\n") {
		if ansi.StringWidth(l) > width {
			out = append(out, l)
		}
	}
	return out
}

// The rule of TestPseudoScreens on small screens: what is a cut and what
// is a text wrapped, beside another or shortened on purpose.
func TestCutTexts(t *testing.T) {
	for _, c := range []struct {
		screen string
		cut    bool
	}{
		{"[Šţáţúš ~~~]", false},
		{"[Šţáţúš ~~", true},
		{"[Šţáţúš ~~~] [Šţáţé", true},
		{"[Šţŕípé íš véŕífýíñĝ\nŵĥáţ ŵáš šéñţ ~~~~]", false},          // wrapped
		{"• [Ñáţíóñáĺ ÍĎ ñúmƀéŕ ~~~] · [ďúé\n    ĺáţéŕ ~~~~]", false}, // a hanging indent
		{"│ [Šţáţé ~~]   │  [Šţŕípé íš\n│ [ŕéšţŕíçţéď   │  véŕífýíñĝ ~~~]\n│ ~~~~]         │", false}, // side by side
		{"│ [Šţáţé ~~]   │  [Šţŕípé íš\n│               │", true},                                     // nothing below
		{"[Šţŕípé íš\n\nvéŕífýíñĝ ~~~]", true},                                                        // a blank line between
		{"› [(ñó ñámé)… —  [ñéŵ ~~]", false},                                                          // shortened on purpose
		{"[Ĺóáďíñĝ… ~~~] [Šţáţé", true},                                                               // the ellipsis was the text's own
		{"> [é.ĝ.  ~]EC1A 1BB", false},                                                                // the English ends with a space
		{"[Ţĥé ŕéášóñ: [ďúé ~~] ~~~", true},                                                           // nested, the outer cut
		{"[Šţŕípé íš\n  [↓ móŕé ƀéĺóŵ ~~~~]", false},                                                  // past the fold
		{"[Šţŕípé íš\n  [↓ móŕé ~~~~]", true},
	} {
		if got := len(cutTexts(c.screen)) > 0; got != c.cut {
			t.Errorf("cut = %v, want %v:\n%s", got, c.cut, c.screen)
		}
	}
}

// A notice too long for its two lines ends in "…" (it was cut after its
// second line, mid-sentence, with nothing to say so).
func TestLongNoticeShortened(t *testing.T) {
	long := schema.Tf("%s %s %s", txtWaiting, txtWaiting, txtWaiting)
	for _, lang := range goldenLangs {
		notice := fmt.Sprintf(long.In(lang), 3, 3, 3)
		for _, w := range goldenWidths {
			got := noticeLines(notice, w)
			lines := strings.Split(got, "\n")
			if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
				t.Errorf("%s at %d: %q", lang, w, got)
			}
			if wide := widerThan(got, w); len(wide) > 0 {
				t.Errorf("%s at %d: wider than the window: %q", lang, w, wide)
			}
			if lang == schema.Pseudo && len(cutTexts(got)) > 0 {
				t.Errorf("at %d: the pseudo text reads as cut: %q", w, got)
			}
		}
		if short := noticeLines(txtSent.In(lang), 60); strings.Contains(short, "…") {
			t.Errorf("%s: a short notice shortened: %q", lang, short)
		}
	}
}
