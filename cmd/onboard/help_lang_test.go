package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"onboard/schema"
)

// Every help text (each command's Short and Long, each flag's usage, the
// usage template's headings) is in every offered language's catalog:
// --help in German, Spanish, Italian, Japanese or French has no English
// sentence left.
func TestHelpInEveryLanguage(t *testing.T) {
	root := newRootCmd(newApp(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }))
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	texts := helpTexts(root)
	if len(texts) < 60 {
		t.Fatalf("only %d help texts: the walk is broken", len(texts))
	}
	ids := append([]schema.Text{txtHelpFor, txtLangUsage, txtProfileLangUsage, txtDefault}, helpHeadings...)
	for _, name := range flagValueNames {
		ids = append(ids, name)
	}
	for _, s := range texts {
		ids = append(ids, schema.T(s))
	}
	for _, lang := range schema.Langs {
		missing := 0
		var worklist []string // the help texts lang lacks
		for _, id := range ids {
			if !id.Has(lang) {
				worklist = append(worklist, id.EN)
				missing++
				if missing <= 10 {
					t.Errorf("%s: no translation of the help text %q", lang, id.EN)
				}
			}
		}
		if missing > 10 {
			t.Errorf("%s: %d help texts missing in all", lang, missing)
		}
		// I18N_WORKLIST names a folder: the texts lang lacks are written
		// there for a translator (docs/TRANSLATING.md).
		if dir := os.Getenv("I18N_WORKLIST"); dir != "" && len(worklist) > 0 {
			b, err := json.MarshalIndent(worklist, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "help-"+string(lang)+".json"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// --help reads in the language chosen.
func TestHelpInFrench(t *testing.T) {
	isolate(t)
	out, _, code := runIn(t, nil, "--lang", "fr", "--help")
	for _, want := range []string{"Commandes disponibles\u00a0:", "Options\u00a0:", "aide pour onboard", "Lister les comptes connectés"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exit %d, --help lacks %q:\n%s", code, want, out)
		}
	}
	out, _, _ = runIn(t, nil, "--lang", "fr", "new", "--help")
	if !strings.Contains(out, "Options globales\u00a0:") || strings.Contains(out, "Global Flags") {
		t.Errorf("new --help:\n%s", out)
	}
}

// The completion commands' help is translated around their shell
// commands, which stay as typed, byte for byte (French typography puts no
// no-break space before zsh's ";").
func TestCompletionHelpKeepsItsCommands(t *testing.T) {
	isolate(t)
	commands := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, "\t") {
				out = append(out, l)
			}
		}
		return out
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		en, _, _ := runIn(t, nil, "--lang", "en", "completion", shell, "--help")
		want := commands(en)
		if len(want) == 0 || !strings.Contains(en, "\tsource <(onboard completion") && shell != "fish" && shell != "powershell" {
			t.Fatalf("%s: no command in the English help:\n%s", shell, en)
		}
		for _, lang := range schema.Langs[1:] {
			out, _, code := runIn(t, nil, "--lang", string(lang), "completion", shell, "--help")
			if got := commands(out); code != 0 || !slices.Equal(got, want) {
				t.Errorf("%s %s: exit %d, commands %q; want %q", lang, shell, code, got, want)
			}
			if out == en {
				t.Errorf("%s %s: the help is English", lang, shell)
			}
		}
	}
}

// A flag's help starts in the same terminal column on every row of a
// list, the value's name in Japanese (two cells a character) included.
func TestFlagHelpAlignedInJapanese(t *testing.T) {
	isolate(t)
	out, _, code := runIn(t, nil, "--lang", "ja", "new", "--help")
	if code != 0 || !strings.Contains(out, "--country 文字列") || !strings.Contains(out, "（既定：\"US\"）") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	flags := strings.Split(strings.Split(out, "オプション：\n")[1], "\n\n")[0]
	col := -1
	for _, l := range strings.Split(flags, "\n") {
		// The help begins after the run of spaces that follows the flag.
		lead := len(l) - len(strings.TrimLeft(l, " "))
		i := strings.Index(l[lead:], "  ")
		if i < 0 {
			t.Fatalf("no help on %q", l)
		}
		i += lead
		for i >= 0 && i < len(l) && l[i] == ' ' {
			i++
		}
		c := ansi.StringWidth(l[:i])
		if col == -1 {
			col = c
		}
		if c != col {
			t.Errorf("help at column %d, not %d: %q", c, col, l)
		}
	}
}
