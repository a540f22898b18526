package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"
)

// The TUI's root (tui/model.go: routing, global keys; tui/view.go: header,
// footer, body) names no screen: each screen is a component on the root's
// stack (tui/nav.go), and adding one edits no switch of the root. A root
// that tests which screen is on top (screenWizard, screenSummary, …) has
// grown a per-screen switch again.
func TestTUIRootNamesNoScreen(t *testing.T) {
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(self), "..", "..", "tui")
	screenID := regexp.MustCompile(`^screen[A-Z]`)
	for _, name := range []string{"model.go", "view.go"} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && screenID.MatchString(id.Name) {
				t.Errorf("%s: the root names the screen %s", fset.Position(id.Pos()), id.Name)
			}
			return true
		})
	}
}
