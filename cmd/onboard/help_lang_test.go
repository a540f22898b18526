package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	ids := append([]schema.Text{txtHelpFor, txtLangUsage}, helpHeadings...)
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
