// Package archtest checks the dependency rules of docs/ARCHITECTURE.md on the
// packages as the go tool sees them (go list -deps), so a wrong import
// fails the tests instead of waiting for review, in sub-packages too:
// schema does no I/O and imports nothing of the app, flows never depends on
// Bubble Tea nor on stripe-go, only its adapter flows/stripeapi (with the
// sandbox and genvocab) names Stripe's SDK and only cmd wires it, the
// sandbox depends on nothing
// of the app, its Accounts v2 façade uses only the store and the rule
// tables (never the engine), the requirements engine and the parameter
// tree are pure (no HTTP, no database; the engine reads only the rule
// tables), only cmd may import the sandbox, and cmd's
// own rooms (configuration, exit codes, line mode, text output) keep to
// their jobs and serve cmd alone. Test
// files are not checked: tests may drive the sandbox from anywhere.
package archtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// pkg is what go list tells about one package of the module.
type pkg struct {
	ImportPath string
	Standard   bool
	Imports    []string // direct, non-test
	Deps       []string // transitive, non-test
}

// listModule runs go list -deps over the module and returns its own
// packages (not the standard library nor third-party ones).
func listModule(t *testing.T) []pkg {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	cmd := exec.Command("go", "list", "-deps", "-json", "./...")
	cmd.Dir = filepath.Join(filepath.Dir(self), "..", "..")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if !p.Standard && within(p.ImportPath, "onboard") {
			pkgs = append(pkgs, p)
		}
	}
	if len(pkgs) < 5 {
		t.Fatalf("go list found only %d packages of the module", len(pkgs))
	}
	return pkgs
}

// within reports whether path is root or one of its sub-packages.
func within(path, root string) bool { return path == root || strings.HasPrefix(path, root+"/") }

// direct: package (and its sub-packages) -> import paths (and their
// sub-packages) its own files must not import.
var direct = map[string][]string{
	"onboard/schema": {"net/http", "os", "database/sql", "io/fs"},
	"onboard/tui":    {"github.com/stripe/stripe-go/v82", "github.com/stripe/stripe-go/v84"},
	// The triage cache stores flows' summaries: it never names Stripe's
	// SDK (the adapter does) and draws nothing.
	"onboard/triage": {"github.com/stripe/stripe-go/v82", "github.com/charmbracelet/bubbletea",
		"github.com/charmbracelet/lipgloss", "github.com/charmbracelet/bubbles", "github.com/charmbracelet/huh"},
	// The sandbox's requirements engine is pure functions over an
	// account's facts and a clock: no HTTP, no database, no files.
	"onboard/sandbox/engine": {"net/http", "database/sql", "os", "io"},
	// The parameter tree reads a decoded form and checks it against the
	// generated tables: no HTTP, no database, no files either.
	"onboard/sandbox/params": {"net/http", "database/sql", "os", "io"},
}

// transitive: package (and its sub-packages) -> packages it must not
// depend on at all, through any path.
var transitive = map[string][]string{
	"onboard/schema":         {"onboard/drafts", "onboard/flows", "onboard/tui", "onboard/sandbox", "onboard/cmd", "github.com/"},
	"onboard/sandbox":        {"onboard/schema", "onboard/drafts", "onboard/flows", "onboard/tui", "onboard/cmd"},
	"onboard/sandbox/engine": {"net/http", "database/sql", "github.com/"},
	"onboard/sandbox/params": {"net/http", "database/sql", "github.com/"},
	"onboard/flows": {"onboard/tui", "onboard/sandbox", "onboard/cmd", "github.com/charmbracelet/bubbletea",
		"github.com/charmbracelet/huh", "github.com/charmbracelet/lipgloss", "github.com/charmbracelet/bubbles"},
	"onboard/tui":    {"onboard/sandbox", "onboard/cmd"},
	"onboard/drafts": {"onboard/flows", "onboard/tui", "onboard/sandbox", "github.com/"},
	"onboard/triage": {"onboard/tui", "onboard/sandbox", "onboard/cmd"},
	// cmd's rooms. The configuration knows no UI, no Stripe client and
	// no journey: it is read before any of them exists.
	"onboard/internal/config": {"onboard/flows", "onboard/tui", "onboard/sandbox", "onboard/cmd",
		"onboard/internal/lineui", "onboard/internal/textout", "github.com/stripe/", "github.com/charmbracelet/"},
	// The exit codes are the command line's contract, nothing more.
	"onboard/internal/exitcode": {"onboard/schema", "onboard/flows", "onboard/tui", "onboard/sandbox", "github.com/"},
	// The line mode and the scripted commands' text drive flows without
	// screens: no Bubble Tea, no TUI, no sandbox, no configuration (they
	// are handed the language and the streams).
	"onboard/internal/lineui": {"onboard/tui", "onboard/sandbox", "onboard/cmd", "onboard/internal/config",
		"github.com/charmbracelet/bubbletea", "github.com/charmbracelet/huh", "github.com/charmbracelet/lipgloss",
		"github.com/charmbracelet/bubbles"},
	"onboard/internal/textout": {"onboard/tui", "onboard/sandbox", "onboard/cmd", "onboard/internal/config",
		"onboard/internal/lineui", "github.com/charmbracelet/bubbletea", "github.com/charmbracelet/huh",
		"github.com/charmbracelet/lipgloss", "github.com/charmbracelet/bubbles"},
}

// allowed are exceptions to the rules above: libraries that are pure data
// and code (no I/O), which schema may use (and so drafts, through schema).
// None today: libphonenumber's metadata is generated into schema as plain
// data (schema/phone_table.go), so its package, which parses all of it at
// start-up, is not linked into onboard.
var allowed = map[string][]string{}

// isAllowed reports a dependency root may have despite its rules.
func isAllowed(root, dep string) bool {
	for _, a := range allowed[root] {
		if within(dep, a) {
			return true
		}
	}
	return false
}

func TestDependencyDirection(t *testing.T) {
	pkgs := listModule(t)
	for _, p := range pkgs {
		for root, banned := range direct {
			if !within(p.ImportPath, root) {
				continue
			}
			for _, imp := range p.Imports {
				for _, b := range banned {
					if within(imp, b) {
						t.Errorf("%s imports %s, which %s must not use", p.ImportPath, imp, root)
					}
				}
			}
		}
		for root, banned := range transitive {
			if !within(p.ImportPath, root) {
				continue
			}
			for _, dep := range p.Deps {
				if isAllowed(root, dep) {
					continue
				}
				for _, b := range banned {
					if within(dep, b) || strings.HasSuffix(b, "/") && strings.HasPrefix(dep, b) {
						t.Errorf("%s depends on %s, which %s must not use", p.ImportPath, dep, root)
					}
				}
			}
		}
	}
}

// confined: package (and its sub-packages) -> the only packages of the
// module it may depend on, through any path (itself aside). The Accounts
// v2 façade runs on the engine through an interface the engine
// implements: it may use the store, the rule tables and the ids, never the engine
// (onboard/sandbox itself, which imports it) nor anything of the app.
var confined = map[string][]string{
	"onboard/sandbox/accountsv2": {"onboard/sandbox/store", "onboard/sandbox/rules", "onboard/sandbox/ids"},
	// The requirements engine reads the rule tables and nothing else of
	// the module: not the store, not the HTTP layer above it.
	"onboard/sandbox/engine": {"onboard/sandbox/rules"},
	// The parameter tree uses nothing of the module.
	"onboard/sandbox/params": {},
}

// outsideConfinement lists the packages of the module p depends on that
// root's confinement does not allow (standard and third-party packages
// are the other rules' business).
func outsideConfinement(p pkg, root string) []string {
	var out []string
	for _, dep := range p.Deps {
		if !within(dep, "onboard") || within(dep, root) {
			continue
		}
		ok := false
		for _, a := range confined[root] {
			ok = ok || within(dep, a)
		}
		if !ok {
			out = append(out, dep)
		}
	}
	return out
}

func TestConfinedPackages(t *testing.T) {
	for _, p := range listModule(t) {
		for root := range confined {
			if !within(p.ImportPath, root) {
				continue
			}
			for _, dep := range outsideConfinement(p, root) {
				t.Errorf("%s depends on %s; it may use only %v of the module", p.ImportPath, dep, confined[root])
			}
		}
	}
}

// The confinement sees the engine, which the sandbox-wide rules cannot
// (onboard/sandbox/accountsv2 is within onboard/sandbox).
func TestConfinementSeesTheEngine(t *testing.T) {
	p := pkg{ImportPath: "onboard/sandbox/accountsv2", Deps: []string{"net/http", "github.com/x/y",
		"onboard/sandbox/store", "onboard/sandbox/rules", "onboard/sandbox", "onboard/sandbox/other", "onboard/flows"}}
	got := outsideConfinement(p, "onboard/sandbox/accountsv2")
	want := []string{"onboard/sandbox", "onboard/sandbox/other", "onboard/flows"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("outside the confinement: %v, want %v", got, want)
	}
}

// Only cmd may import the sandbox (tests aside): the app talks to Stripe,
// and the sandbox is wired in as a transport at the edge. Its
// sub-packages (store, rules, accountsv2) are the sandbox too.
func TestOnlyCmdImportsTheSandbox(t *testing.T) {
	for _, p := range listModule(t) {
		if within(p.ImportPath, "onboard/cmd") || within(p.ImportPath, "onboard/sandbox") {
			continue
		}
		for _, dep := range p.Deps {
			if within(dep, "onboard/sandbox") {
				t.Errorf("%s depends on %s: only cmd may import the sandbox", p.ImportPath, dep)
			}
		}
	}
}

// Stripe's SDK is named by the adapter alone (flows/stripeapi: the
// client, flows' ports over the SDK, the normalisation of Stripe's
// objects, its errors, webhooks), by the sandbox (which checks itself
// against the SDK's types) and by the generator that reads Stripe's
// vocabulary from it. flows defines the ports in its own types and
// everything else talks to Stripe through flows, so the SDK's next major
// version changes the adapter. Test files are held to the same rule by
// TestNoNewFileNamesStripeGo.
var sdkImporters = []string{"onboard/flows/stripeapi", "onboard/sandbox", "onboard/internal/genvocab"}

func TestOnlyTheAdapterNamesStripeGo(t *testing.T) {
	named := map[string]bool{}
	for _, p := range listModule(t) {
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, "github.com/stripe/stripe-go/") {
				continue
			}
			ok := slices.ContainsFunc(sdkImporters, func(r string) bool { return within(p.ImportPath, r) })
			if !ok {
				t.Errorf("%s imports %s: only %v may name stripe-go", p.ImportPath, imp, sdkImporters)
			}
			named[p.ImportPath] = true
		}
	}
	if !named["onboard/flows/stripeapi"] {
		t.Error("go list shows no stripe-go import in onboard/flows/stripeapi: the rule sees nothing")
	}
}

// cmd's rooms (configuration, line mode, text output) are cmd's: the
// TUI and flows are handed what they need (a language, a client), they do
// not read the configuration or print the scripted commands' text.
func TestCmdRoomsServeOnlyCmd(t *testing.T) {
	rooms := []string{"onboard/internal/config", "onboard/internal/lineui", "onboard/internal/textout"}
	for _, p := range listModule(t) {
		if within(p.ImportPath, "onboard/cmd") || slices.ContainsFunc(rooms, func(r string) bool { return within(p.ImportPath, r) }) {
			continue
		}
		for _, dep := range p.Deps {
			for _, r := range rooms {
				if within(dep, r) {
					t.Errorf("%s depends on %s: only cmd and its rooms may", p.ImportPath, dep)
				}
			}
		}
	}
}

// The checks see what they should: a rule that matched nothing would
// pass whatever the imports are.
func TestRulesNameRealPackages(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range listModule(t) {
		seen[p.ImportPath] = true
	}
	for _, rules := range []map[string][]string{direct, transitive, confined} {
		for root := range rules {
			if !seen[root] {
				t.Errorf("rule for %s, which go list does not know", root)
			}
		}
	}
}

// Deps is transitive: cmd reaches stripe-go through flows/stripeapi
// (it does not name it), which is what lets the rules above see a
// sandbox import hidden behind another package.
func TestDepsAreTransitive(t *testing.T) {
	for _, p := range listModule(t) {
		if p.ImportPath != "onboard/cmd/onboard" {
			continue
		}
		var stripe, adapter bool
		for _, d := range p.Deps {
			stripe = stripe || within(d, "github.com/stripe/stripe-go/v82")
			adapter = adapter || d == "onboard/flows/stripeapi"
		}
		if slices.ContainsFunc(p.Imports, func(i string) bool { return within(i, "github.com/stripe/") }) {
			t.Error("cmd names stripe-go itself: the check below proves nothing")
		}
		if !stripe || !adapter {
			t.Errorf("cmd deps miss flows/stripeapi (%v) or stripe-go through it (%v)", adapter, stripe)
		}
		return
	}
	t.Fatal("go list did not list onboard/cmd/onboard")
}

// flows defines the ports it needs in its own types and never depends on
// the adapter nor, through anything, on stripe-go; only cmd wires the
// adapter in (tui, lineui and the rest are handed a flows.Client).
func TestOnlyCmdWiresTheAdapter(t *testing.T) {
	for _, p := range listModule(t) {
		if within(p.ImportPath, "onboard/flows/stripeapi") {
			continue
		}
		for _, d := range p.Deps {
			switch {
			case within(p.ImportPath, "onboard/flows") && within(d, "github.com/stripe/"):
				t.Errorf("%s depends on %s: flows reaches Stripe through its ports", p.ImportPath, d)
			case d == "onboard/flows/stripeapi" && !within(p.ImportPath, "onboard/cmd"):
				t.Errorf("%s depends on the adapter: only cmd wires it", p.ImportPath)
			}
		}
	}
}

// sdkFree are the trees that may name stripe-go in any file.
var sdkFree = []string{"sandbox", "flows/stripeapi", "internal/genvocab"}

// No Go file outside those trees imports stripe-go, tests included: a
// test reaches Stripe through flows, its ports, or
// flows/stripeapi/stripetest (go list does not show test imports, so the
// files are read here).
func TestNoFileOutsideTheAdapterNamesStripeGo(t *testing.T) {
	_, self, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(self), "..", "..")
	seen := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || slices.Contains(sdkFree, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		seen++
		for _, imp := range f.Imports {
			if strings.HasPrefix(strings.Trim(imp.Path.Value, `"`), "github.com/stripe/stripe-go/") {
				t.Errorf("%s imports %s: only %v may (tests use flows/stripeapi/stripetest or flows' API)", rel, imp.Path.Value, sdkFree)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 100 {
		t.Errorf("%d Go files read: the walk misses the module", seen)
	}
}
