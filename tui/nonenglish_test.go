package tui

import (
	"fmt"
	"os"
	"path/filepath"
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
// triage, explorer, people, refused values, at 80 and narrower) is read
// word by word.
func TestNoEnglishOnScreensInEveryLanguage(t *testing.T) {
	for _, lang := range schema.Langs {
		if lang == schema.English || lang == schema.French {
			continue // French: TestNoEnglishOnFrenchScreens
		}
		t.Run(string(lang), func(t *testing.T) {
			english := i18ntest.EnglishWords(t, lang)
			files, _ := filepath.Glob(fmt.Sprintf("testdata/*/*_%s.golden", lang))
			if len(files) < 20 {
				t.Fatalf("only %d %s goldens found", len(files), lang)
			}
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				text := withoutCode(withoutQuote(withoutQuote(string(b), txtEnglish.In(lang)), txtFrench.In(lang)))
				// A capability's API name is shown beside its words.
				if found := i18ntest.Found(english, i18ntest.WithoutCapabilities(text)); len(found) > 0 {
					t.Errorf("%s shows English words: %s", f, strings.Join(found, ", "))
				}
			}
		})
	}
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
