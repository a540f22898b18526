package e2e

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// initBudget is the most a package's initialisation may allocate. Time
// is not asserted (it varies with the machine's load); bytes allocated
// are the same on every run, and a package that builds tables, compiles
// patterns or decompresses data at init shows up there. What is
// expensive is built when first needed (sync.OnceValue) instead.
const initBudget = 256 << 10

var initLine = regexp.MustCompile(`(?m)^init (\S+) @[\d.]+ ms, [\d.]+ ms clock, (\d+) bytes, (\d+) allocs$`)

// No package of onboard, or linked into it, allocates more than
// initBudget when the program starts.
func TestNoExpensivePackageInit(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"version"}} {
		cmd := exec.Command(binary, args...)
		cmd.Env = append(append(os.Environ(), xdgEnv(t)...), "GODEBUG=inittrace=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		lines := initLine.FindAllStringSubmatch(string(out), -1)
		seen := map[string]bool{}
		for _, m := range lines {
			seen[m[1]] = true
			if n, _ := strconv.Atoi(m[2]); n > initBudget {
				t.Errorf("%v: package %s allocates %d bytes (%s allocs) at init, more than %d: build it when first needed",
					args, m[1], n, m[3], initBudget)
			}
		}
		// The trace was read: onboard's own packages are in it.
		if len(lines) < 20 || !seen["onboard/schema"] || !seen["onboard/sandbox/rules"] {
			t.Fatalf("%v: %d init lines read, schema %v, sandbox/rules %v:\n%s", args, len(lines),
				seen["onboard/schema"], seen["onboard/sandbox/rules"], out)
		}
	}
}
