package i18n_test

import (
	"encoding/json"
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

	"onboard/i18n"
	"onboard/schema"
)

// sourceIDs is every message id the program's code names: the constant
// first argument of T, TC (with its context), Tf and Count, and the EN of
// Text literals, in every non-test Go file of the module.
func sourceIDs(t *testing.T) map[string]string {
	t.Helper()
	ids := map[string]string{}
	root := ".."
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			if p != root && (info.Name() == "testdata" || strings.HasPrefix(info.Name(), ".") || info.Name() == "sandbox") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		fs := token.NewFileSet()
		f, err := parser.ParseFile(fs, p, nil, 0)
		if err != nil {
			return err
		}
		add := func(id string, at token.Pos) {
			if id != "" {
				if _, ok := ids[id]; !ok {
					ids[id] = fs.Position(at).String()
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch v := n.(type) {
			case *ast.CallExpr:
				name := ""
				switch fn := v.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					if x, ok := fn.X.(*ast.Ident); ok && x.Name == "schema" {
						name = fn.Sel.Name
					}
				}
				switch name {
				case "T", "t", "Tf":
					if len(v.Args) > 0 {
						if s, ok := constString(v.Args[0]); ok {
							add(s, v.Pos())
						}
					}
				case "TC", "tc":
					if len(v.Args) > 1 {
						c, ok1 := constString(v.Args[0])
						s, ok2 := constString(v.Args[1])
						if ok1 && ok2 {
							add(c+"\x04"+s, v.Pos())
						}
					}
				case "Count":
					if len(v.Args) > 1 {
						if s, ok := constString(v.Args[1]); ok {
							add(s, v.Pos())
						}
					}
				}
			case *ast.KeyValueExpr:
				if k, ok := v.Key.(*ast.Ident); ok && k.Name == "EN" {
					if s, ok := constString(v.Value); ok {
						add(s, v.Pos())
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < 500 {
		t.Fatalf("found only %d message ids in the source: the scan is broken", len(ids))
	}
	return ids
}

func constString(e ast.Expr) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(v.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if v.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(v.X)
		b, ok2 := constString(v.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return constString(v.X)
	}
	return "", false
}

// TestEveryKeyInEveryLanguage: a message the code shows that a language's
// catalog lacks fails, named with the language and where the code uses it.
// Every language offered (schema.Langs) is held to it; a catalog file of a
// language not offered yet is only counted.
func TestEveryKeyInEveryLanguage(t *testing.T) {
	ids := sourceIDs(t)
	keys := make([]string, 0, len(ids))
	for id := range ids {
		keys = append(keys, id)
	}
	sort.Strings(keys)
	offered := map[string]bool{}
	for _, l := range schema.Langs {
		offered[string(l)] = true
	}
	for _, lang := range i18n.Files() {
		if _, ok := offered[lang]; !ok {
			offered[lang] = false
		}
	}
	for lang, strict := range offered {
		if lang == string(schema.English) {
			continue
		}
		cat, err := i18n.Load(lang)
		if err != nil {
			t.Fatal(err)
		}
		missing := 0
		worklist := map[string]string{} // missing id → where the code uses it
		for _, id := range keys {
			if _, ok := cat[id]; !ok {
				worklist[id] = ids[id]
				missing++
				if missing <= 30 && strict {
					t.Errorf("%s: no translation of %q (used at %s)", lang, id, ids[id])
				}
			}
		}
		writeWorklist(t, lang, worklist)
		switch {
		case missing > 30 && strict:
			t.Errorf("%s: %d messages missing in all", lang, missing)
		case missing > 0 && !strict:
			// A catalog being written: the language is not offered
			// (schema/lang.go) until it is whole.
			t.Logf("%s (not offered yet): %d messages missing", lang, missing)
		}
		stale := 0
		for id := range cat {
			if _, ok := ids[id]; !ok {
				stale++
			}
		}
		if stale > 0 {
			t.Logf("%s: %d entries no code uses (kept for code not yet merged)", lang, stale)
		}
	}
}

// verbRE matches a fmt verb, with flags, width, precision and argument
// index; %% is not a verb.
var verbRE = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?(?:\[\d+\])?[a-zA-Z%]`)

// verbs is the sorted list of the fmt verbs of s (argument indexes
// dropped: a translation may reorder its arguments).
func verbs(s string) []string {
	var out []string
	for _, v := range verbRE.FindAllString(s, -1) {
		if v == "%%" {
			continue
		}
		out = append(out, regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v, ""))
	}
	sort.Strings(out)
	return out
}

// TestVerbsMatchEnglish: every translation (and every plural form) takes
// the same fmt verbs as its English, so no argument is lost or misprinted.
// A plural "one" form may leave the count out ("un champ").
func TestVerbsMatchEnglish(t *testing.T) {
	for _, lang := range i18n.Files() {
		cat, err := i18n.Load(lang)
		if err != nil {
			t.Fatal(err)
		}
		for id, e := range cat {
			en := id
			if _, s, ok := strings.Cut(id, "\x04"); ok {
				en = s
			}
			want := strings.Join(verbs(en), " ")
			forms := map[string]string{"": e.Text}
			if e.Plural != nil {
				forms = e.Plural
			}
			for cat, s := range forms {
				got := strings.Join(verbs(s), " ")
				// A "one" form may spell its count out ("un champ"): it drops %d.
				oneDropsCount := cat == "one" && strings.Join(verbs(strings.Replace(en, "%d", "", 1)), " ") == got
				if got != want && !oneDropsCount {
					t.Errorf("%s: %q has verbs [%s], its English %q has [%s]", lang, s, got, en, want)
				}
			}
		}
	}
}

// TestPluralCategories: a plural entry gives every category its language
// distinguishes among whole numbers.
func TestPluralCategories(t *testing.T) {
	for _, lang := range i18n.Files() {
		cat, _ := i18n.Load(lang)
		for id, e := range cat {
			if e.Plural == nil {
				continue
			}
			for _, c := range i18n.Categories(lang) {
				if _, ok := e.Plural[c]; !ok && c != "many" {
					t.Errorf("%s: plural %q has no %q form", lang, id, c)
				}
			}
		}
	}
}

// TestEveryCatalogParses: a broken file fails here, not at a user's first
// look-up.
func TestEveryCatalogParses(t *testing.T) {
	if len(i18n.Files()) < 2 {
		t.Fatalf("catalog files: %v", i18n.Files())
	}
	for _, lang := range i18n.Files() {
		if _, err := i18n.Load(lang); err != nil {
			t.Error(err)
		}
	}
}

// writeWorklist writes, when I18N_WORKLIST names a folder, the messages
// lang lacks as <folder>/<lang>.json ({English: where the code uses it}):
// a translator's worklist after code adds texts (docs/TRANSLATING.md).
func writeWorklist(t *testing.T, lang string, missing map[string]string) {
	dir := os.Getenv("I18N_WORKLIST")
	if dir == "" || len(missing) == 0 {
		return
	}
	b, err := json.MarshalIndent(missing, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, lang+".json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}
