// Package i18n holds the message catalogs: one JSON file per language in
// locales/, embedded in the binary and read on first use. A catalog is keyed
// by the English text (the English source string is the message id, as in
// gettext): {"English": "translation"}. A plural entry is an object of CLDR
// plural categories ({"one": "...", "other": "..."}), chosen by the
// language's plural rules (golang.org/x/text/feature/plural). English needs
// a catalog entry only for its own plurals. docs/TRANSLATING.md says how to
// add a language.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

//go:embed locales/*.json
var files embed.FS

// Entry is one message in one language: a plain text, or plural forms
// keyed by CLDR category (zero, one, two, few, many, other).
type Entry struct {
	Text   string
	Plural map[string]string
}

// UnmarshalJSON reads a string or an object of plural forms.
func (e *Entry) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '{' {
		return json.Unmarshal(b, &e.Plural)
	}
	return json.Unmarshal(b, &e.Text)
}

// MarshalJSON writes the entry back in the form it was read.
func (e Entry) MarshalJSON() ([]byte, error) {
	if e.Plural != nil {
		return json.Marshal(e.Plural)
	}
	return json.Marshal(e.Text)
}

// Catalog is one language's messages, keyed by their English text.
type Catalog map[string]Entry

type loaded struct {
	once sync.Once
	cat  Catalog
	err  error
}

var (
	mu      sync.Mutex
	catalog = map[string]*loaded{}
)

// Load returns the catalog of lang (a code such as "fr"), reading and
// parsing its file the first time it is asked for. A language without a
// file has an empty catalog.
func Load(lang string) (Catalog, error) {
	mu.Lock()
	l := catalog[lang]
	if l == nil {
		l = &loaded{}
		catalog[lang] = l
	}
	mu.Unlock()
	l.once.Do(func() {
		b, err := files.ReadFile("locales/" + lang + ".json")
		if err != nil {
			l.cat = Catalog{}
			return
		}
		l.err = json.Unmarshal(b, &l.cat)
		if l.err != nil {
			l.err = fmt.Errorf("i18n: locales/%s.json: %w", lang, l.err)
		}
	})
	return l.cat, l.err
}

// Lookup returns the entry of id in lang's catalog.
func Lookup(lang, id string) (Entry, bool) {
	c, _ := Load(lang)
	e, ok := c[id]
	return e, ok
}

// Files lists the languages that have a catalog file, sorted.
func Files() []string {
	ents, _ := files.ReadDir("locales")
	var out []string
	for _, e := range ents {
		if name, ok := strings.CutSuffix(e.Name(), ".json"); ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Form picks the plural form of e for the count n under lang's CLDR rules,
// falling back to "other" when the catalog lacks the category.
func (e Entry) Form(lang string, n int) string {
	if e.Plural == nil {
		return e.Text
	}
	if s, ok := e.Plural[Category(lang, n)]; ok {
		return s
	}
	return e.Plural["other"]
}

// Category names the CLDR plural category of the integer n in lang:
// "one" for 1 in English, for 0 and 1 in French, "other" for every count
// in Japanese.
func Category(lang string, n int) string {
	if n < 0 {
		n = -n
	}
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.English
	}
	switch plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0) {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// Categories lists the plural categories lang distinguishes among whole
// numbers, probed over 0..200 (enough for every CLDR integer rule of the
// languages onboard speaks).
func Categories(lang string) []string {
	seen := map[string]bool{}
	var out []string
	for n := 0; n <= 200; n++ {
		c := Category(lang, n)
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}
