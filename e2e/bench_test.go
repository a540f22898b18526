package e2e

import (
	"os"
	"os/exec"
	"testing"
)

// BenchmarkProcessStatus runs the binary once per iteration for a status
// read on the embedded sandbox: process start, config, opening SQLite and
// one API request. It bounds the start-up cost every command pays.
func BenchmarkProcessStatus(b *testing.B) {
	env := append(os.Environ(), xdgEnvB(b)...)
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(binary, "status", "acct_missing")
		cmd.Env = env
		if err := cmd.Run(); err == nil {
			b.Fatal("status of a missing account succeeded")
		}
	}
}

func xdgEnvB(b *testing.B) []string {
	d := b.TempDir()
	return []string{"XDG_CONFIG_HOME=" + d, "XDG_DATA_HOME=" + d, "XDG_STATE_HOME=" + d, "STRIPE_API_KEY="}
}
