package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// What differs between Accounts v1 and v2 is a method of flows.Dialect
// (which every flows.AccountAPI is): nothing outside flows/accountapi.go,
// where DialectOf and DialectNamed choose, asks which API an account
// speaks (a.V2 != nil, n.API == "v2", api.Version() == "v2"). A caller
// that branches on it again has a v1/v2 behaviour the dialects lack.
func TestNoCallerBranchesOnTheAccountsAPI(t *testing.T) {
	_, self, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(self), "..", "..")
	chooser := filepath.Join("flows", "accountapi.go")
	seen := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			switch {
			case rel == "sandbox", d.Name() == "testdata", strings.HasPrefix(d.Name(), "."):
				return filepath.SkipDir // the sandbox is Stripe's stand-in, with its own v2
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || rel == chooser {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		seen++
		ast.Inspect(f, func(n ast.Node) bool {
			if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
				if asksVersion(b.X, b.Y) || asksVersion(b.Y, b.X) {
					t.Errorf("%s: branches on the accounts API; add a method to flows.Dialect", fset.Position(b.Pos()))
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 50 {
		t.Fatalf("read only %d files", seen)
	}
}

// asksVersion reports x == y or x != y where x is an account's v2
// details and y nil, or x an API's name or version and y "v1" or "v2".
func asksVersion(x, y ast.Expr) bool {
	if call, ok := x.(*ast.CallExpr); ok {
		x = call.Fun
	}
	sel, ok := x.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	switch sel.Sel.Name {
	case "V2":
		id, ok := y.(*ast.Ident)
		return ok && id.Name == "nil"
	case "API", "Version":
		lit, ok := y.(*ast.BasicLit)
		return ok && (lit.Value == `"v2"` || lit.Value == `"v1"`)
	}
	return false
}
