// Package stripemock starts Stripe's own stripe-mock (a tool dependency of
// this module) for contract tests: it checks that a request is valid for
// Stripe's OpenAPI spec. It is test support, imported only by tests.
package stripemock

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// build compiles stripe-mock once per test process, from the version
// pinned in go.mod.
func build() (string, error) {
	buildOnce.Do(func() {
		_, self, _, _ := runtime.Caller(0)
		root := filepath.Join(filepath.Dir(self), "..", "..")
		dir, err := os.MkdirTemp("", "stripe-mock-")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "stripe-mock")
		cmd := exec.Command("go", "build", "-o", binary, "github.com/stripe/stripe-mock")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build stripe-mock: %v\n%s", err, out)
		}
	})
	return binary, buildErr
}

// Start runs stripe-mock on a free loopback port for the rest of the test
// and returns its base URL (http://127.0.0.1:PORT).
func Start(t testing.TB) string {
	t.Helper()
	bin, err := build()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatalf("start stripe-mock: %v", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "Listening for HTTP at address: "); ok {
				addr <- a
			}
		}
	}()
	select {
	case a := <-addr:
		return "http://" + a
	case <-time.After(30 * time.Second):
		t.Fatal("stripe-mock did not start listening within 30s")
		return ""
	}
}
