// Package archtest checks the dependency rules of DESIGN.md on the source
// itself, so a wrong import fails the tests instead of waiting for review:
// schema does no I/O and imports nothing of the app, flows never imports
// Bubble Tea, tui never names Stripe's SDK, and the sandbox imports nothing
// of the app.
package archtest

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// rules: package directory -> import prefixes it must not use (non-test
// files only).
var rules = map[string][]string{
	"schema":  {"onboard/", "net/http", "os", "database/", "io/fs", "github.com/"},
	"sandbox": {"onboard/"},
	"flows": {"onboard/tui", "onboard/sandbox", "onboard/cmd", "github.com/charmbracelet/bubbletea",
		"github.com/charmbracelet/huh", "github.com/charmbracelet/lipgloss", "github.com/charmbracelet/bubbles"},
	"tui":    {"github.com/stripe/", "onboard/sandbox", "onboard/cmd"},
	"drafts": {"onboard/flows", "onboard/tui", "onboard/sandbox", "github.com/"},
}

// allowed are the exceptions to rules: libraries that are pure data and
// code (no I/O), which schema may use. libphonenumber's metadata is
// compiled into the package.
var allowed = map[string][]string{
	"schema": {"github.com/nyaruka/phonenumbers"},
}

func TestDependencyDirection(t *testing.T) {
	_, self, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(self), "..", "..")
	for dir, banned := range rules {
		files, err := filepath.Glob(filepath.Join(root, dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			parsed, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range parsed.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if slices.Contains(allowed[dir], path) {
					continue
				}
				for _, b := range banned {
					if path == b || strings.HasPrefix(path, b) && (strings.HasSuffix(b, "/") || strings.HasPrefix(path, b+"/") || path == b) {
						t.Errorf("%s imports %s, which %s must not use", filepath.Base(f), path, dir)
					}
				}
			}
		}
	}
}
