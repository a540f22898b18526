package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"onboard/internal/i18ntest"
	"onboard/schema"
)

// A German, Spanish, Italian or Japanese screen shows no English word.
// The English words are those of the catalog's ids (every English text
// of the program, the help of huh's bindings and key names included), less
// every word that also appears in that language's catalog (Stripe, IBAN,
// CEO...). Every golden of the language (home, wizard, summary, status,
// triage, explorer, people, requests, steps, refused values, at 80 and 60
// columns and narrower) is read word by word.
func TestNoEnglishOnScreensInEveryLanguage(t *testing.T) {
	for _, lang := range schema.Langs {
		if lang == schema.English || lang == schema.French {
			continue // French: TestNoEnglishOnFrenchScreens
		}
		t.Run(string(lang), func(t *testing.T) {
			english := i18ntest.EnglishWords(t, lang)
			files := langGoldens(lang)
			if len(files) < 50 {
				t.Fatalf("only %d %s goldens found", len(files), lang)
			}
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				text := withoutCode(withoutQuote(withoutQuote(string(b), txtEnglish.In(lang)), txtFrench.In(lang)))
				text = cutWord.ReplaceAllString(text, "…") // "comercios" cut to "come…" at 40 columns is not English
				// A capability's API name is shown beside its words.
				if found := i18ntest.Found(english, i18ntest.WithoutCapabilities(text)); len(found) > 0 {
					t.Errorf("%s shows English words: %s", f, strings.Join(found, ", "))
				}
			}
		})
	}
}

// cutWord is the start of a word shortened with an ellipsis.
var cutWord = regexp.MustCompile(`\pL+…`)

// langGoldens lists every golden of a language, however its test names
// it: home_de, home_60_de, de, 60_de, de_60.
func langGoldens(lang Lang) []string {
	var files []string
	for _, pattern := range []string{"*_%s.golden", "%s.golden", "%s_*.golden"} {
		more, _ := filepath.Glob("testdata/*/" + fmt.Sprintf(pattern, lang))
		files = append(files, more...)
	}
	return files
}

// withoutQuote drops the explorer's section under heading (up to the next
// blank line): the explorer quotes each label in English and French on
// purpose; it is content, not interface.
func withoutQuote(s, heading string) string {
	var out []string
	skip := false
	for _, l := range strings.Split(s, "\n") {
		switch {
		case strings.TrimSpace(l) == heading:
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
