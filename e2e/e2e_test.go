// Package e2e runs the built onboard binary as a person would: in a real
// terminal (tmux) for the TUI journeys, and as a process for the scripted
// ones. Each test gets its own XDG directories, so its sandbox is fresh.
package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// binary is the onboard binary built once for the package.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "onboard-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "onboard")
	_, self, _, _ := runtime.Caller(0)
	build := exec.Command("go", "build", "-o", binary, "./cmd/onboard")
	build.Dir = filepath.Join(filepath.Dir(self), "..")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		panic("build onboard: " + err.Error())
	}
	code := m.Run()
	_ = os.RemoveAll(dir) // a temporary directory; the exit code is the tests'
	os.Exit(code)
}

// xdgEnv gives a test its own config, data and state directories.
func xdgEnv(t *testing.T) []string {
	t.Helper()
	root := t.TempDir()
	var env []string
	for _, k := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
		d := filepath.Join(root, strings.ToLower(k))
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
		env = append(env, k+"="+d)
	}
	return append(env, "HOME="+root, "NO_COLOR=1", "LANG=C.UTF-8", "STRIPE_API_KEY=")
}

// result is one run of the binary.
type result struct {
	stdout, stderr string
	code           int
}

func onboard(t *testing.T, env []string, args ...string) result {
	t.Helper()
	return runIn(t, env, "", args)
}

func answersFile(t *testing.T, m map[string]any) string {
	t.Helper()
	raw, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "answers.json")
	if err := os.WriteFile(p, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// usIndividual holds Stripe's test values for a US individual.
func usIndividual() map[string]any {
	return map[string]any{
		"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
		"individual.first_name": "Jenny", "individual.last_name": "Rosen", "individual.dob": "1901-01-01",
		"individual.email": "jenny@example.com", "individual.phone": "+14155550123",
		"individual.ssn_last_4": "0000", "individual.id_number": "000000000",
		"individual.address.line1": "address_full_match", "individual.address.city": "San Francisco",
		"individual.address.state": "CA", "individual.address.postal_code": "94107",
		"external_account": map[string]any{"account_holder_name": "Jenny Rosen", "routing_number": "110000000", "account_number": "000123456789"},
		"tos_acceptance":   true,
	}
}
