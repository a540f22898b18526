// Command codemod moves the French of every schema.T("English", "Français")
// call and every Text{EN: …, FR: …} literal into the French catalog
// (i18n/locales/fr.json, keyed by the English text) and rewrites the call
// sites to T("English"). It is the bridge from texts written in Go to texts
// as data (docs/TRANSLATING.md):
//
//	go run ./internal/i18n/codemod            # rewrite the tree, fill fr.json
//	go run ./internal/i18n/codemod -n         # report only
//
// An English text already in the catalog with another French is left in
// the code (two arguments) and reported, so no translation is lost
// silently; a T call whose arguments are not constant is reported too (it
// needs a format string and Tf by hand). Test files are left alone.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	root := flag.String("root", ".", "the module's root")
	cat := flag.String("catalog", "i18n/locales/fr.json", "the French catalog, relative to -root")
	dry := flag.Bool("n", false, "report only: write nothing")
	flag.Parse()
	if err := run(*root, filepath.Join(*root, *cat), *dry, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "codemod:", err)
		os.Exit(1)
	}
}

// run rewrites every non-test Go file under root and merges the French it
// moved into the catalog file.
func run(root, catalogPath string, dry bool, log io.Writer) error {
	catalog, err := readCatalog(catalogPath)
	if err != nil {
		return err
	}
	files, rewritten, moved := 0, 0, 0
	err = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			if p != root && (info.Name() == "testdata" || strings.HasPrefix(info.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		rel, _ := filepath.Rel(root, p)
		out, n, err := Rewrite(rel, src, catalog, log)
		if err != nil {
			return err
		}
		moved += n
		if n > 0 && !dry {
			rewritten++
			return os.WriteFile(p, out, info.Mode())
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, _ = fmt.Fprintf(log, "%d files read, %d rewritten, %d texts moved, %d entries in %s\n",
		files, rewritten, moved, len(catalog), catalogPath)
	if dry {
		return nil
	}
	return writeCatalog(catalogPath, catalog)
}

// readCatalog reads a flat catalog; a missing file is an empty one.
func readCatalog(path string) (map[string]json.RawMessage, error) {
	c := map[string]json.RawMessage{}
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return c, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// writeCatalog writes the catalog sorted by key, one entry a line, with
// no HTML escaping (translators read it).
func writeCatalog(path string, c map[string]json.RawMessage) error {
	b, err := MarshalCatalog(c)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// MarshalCatalog renders a catalog as its file holds it.
func MarshalCatalog(c map[string]json.RawMessage) ([]byte, error) {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.WriteString("{\n")
	for i, k := range keys {
		var kb bytes.Buffer
		enc := json.NewEncoder(&kb)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(k); err != nil {
			return nil, err
		}
		var vb bytes.Buffer
		if err := json.Compact(&vb, c[k]); err != nil {
			return nil, err
		}
		v := vb.String()
		if strings.HasPrefix(v, "\"") {
			var s string
			_ = json.Unmarshal(c[k], &s)
			var sb bytes.Buffer
			enc := json.NewEncoder(&sb)
			enc.SetEscapeHTML(false)
			_ = enc.Encode(s)
			v = strings.TrimSuffix(sb.String(), "\n")
		}
		fmt.Fprintf(&b, "  %s: %s", strings.TrimSuffix(kb.String(), "\n"), v)
		if i < len(keys)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// Rewrite moves the French of file's T calls and Text literals into
// catalog and returns the rewritten, gofmt-ed source and how many texts it
// moved. Conflicts and non-constant calls are reported on log.
func Rewrite(name string, src []byte, catalog map[string]json.RawMessage, log io.Writer) ([]byte, int, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, 0, err
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	var edits []edit
	moved := 0
	// take records en → fr in the catalog and reports whether the French
	// may leave the code.
	take := func(en, fr string, at token.Pos) bool {
		if en == "" {
			return false
		}
		if old, ok := catalog[en]; ok {
			var s string
			if json.Unmarshal(old, &s) == nil && s == fr {
				moved++
				return true
			}
			_, _ = fmt.Fprintf(log, "%s: kept: the catalog has another French for %q (%s); this code says %q\n",
				fset.Position(at), en, old, fr)
			return false
		}
		b, _ := json.Marshal(fr)
		catalog[en] = b
		moved++
		return true
	}
	pair := func(cl *ast.CompositeLit) {
		if len(cl.Elts) != 2 {
			return
		}
		if kv0, ok := cl.Elts[0].(*ast.KeyValueExpr); ok {
			kv1, ok := cl.Elts[1].(*ast.KeyValueExpr)
			if !ok {
				return
			}
			enKV, frKV := kv0, kv1
			if id, _ := kv0.Key.(*ast.Ident); id != nil && id.Name == "FR" {
				enKV, frKV = kv1, kv0
			}
			if id, _ := frKV.Key.(*ast.Ident); id == nil || id.Name != "FR" {
				return
			}
			en, ok1 := constString(enKV.Value)
			fr, ok2 := constString(frKV.Value)
			if !ok1 || !ok2 || !take(en, fr, cl.Pos()) {
				return
			}
			if frKV == kv1 {
				edits = append(edits, edit{off(kv0.End()), off(kv1.End()), ""})
			} else {
				edits = append(edits, edit{off(kv0.Pos()), off(kv1.Pos()), ""})
			}
			return
		}
		en, ok1 := constString(cl.Elts[0])
		fr, ok2 := constString(cl.Elts[1])
		if !ok1 || !ok2 || !take(en, fr, cl.Pos()) {
			return
		}
		edits = append(edits, edit{off(cl.Elts[0].Pos()), off(cl.Elts[0].Pos()), "EN: "},
			edit{off(cl.Elts[0].End()), off(cl.Elts[1].End()), ""})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch v := n.(type) {
		case *ast.CallExpr:
			args := v.Args
			ctx := ""
			switch {
			case isTextFunc(v.Fun, "T") && len(args) == 2:
			case isTextFunc(v.Fun, "TC") && len(args) == 3:
				c, ok := constString(args[0])
				if !ok {
					return true
				}
				ctx, args = c+"\x04", args[1:]
			default:
				return true
			}
			en, ok1 := constString(args[0])
			fr, ok2 := constString(args[1])
			if !ok1 || !ok2 {
				_, _ = fmt.Fprintf(log, "%s: left: T with a text composed at run time needs Tf and a format\n", fset.Position(v.Pos()))
				return true
			}
			if take(ctx+en, fr, v.Pos()) {
				edits = append(edits, edit{off(args[0].End()), off(args[1].End()), ""})
			}
		case *ast.CompositeLit:
			if isText(v.Type) {
				pair(v)
			}
			var elemText bool
			switch t := v.Type.(type) {
			case *ast.MapType:
				elemText = isText(t.Value)
			case *ast.ArrayType:
				elemText = isText(t.Elt)
			}
			if elemText {
				for _, el := range v.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						el = kv.Value
					}
					if cl, ok := el.(*ast.CompositeLit); ok && cl.Type == nil {
						pair(cl)
					}
				}
			}
		}
		return true
	})
	if len(edits) == 0 {
		return src, 0, nil
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := append([]byte(nil), src...)
	for _, e := range edits {
		out = append(out[:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	formatted, err := format.Source(out)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: rewritten source does not parse: %w", name, err)
	}
	return formatted, moved, nil
}

// isTextFunc reports whether fun names the text constructor name (T or
// TC): schema.T, T inside schema, or the lower-case alias of tui and
// textout.
func isTextFunc(fun ast.Expr, name string) bool {
	switch fn := fun.(type) {
	case *ast.Ident:
		return fn.Name == name || fn.Name == strings.ToLower(name)
	case *ast.SelectorExpr:
		return fn.Sel.Name == name
	}
	return false
}

func isText(t ast.Expr) bool {
	switch v := t.(type) {
	case *ast.Ident:
		return v.Name == "Text"
	case *ast.SelectorExpr:
		return v.Sel.Name == "Text"
	}
	return false
}

// constString is the value of a string literal or a sum of them.
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
