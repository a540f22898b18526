package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Closing the terminal (SIGHUP) stops the program as ctrl+c does: it says
// how to resume, exits with the interrupted code and closes the sandbox's
// database cleanly, its write-ahead log folded in rather than left for
// the next start to replay.
func TestHangupClosesCleanly(t *testing.T) {
	env := xdgEnv(t)
	tm := startTerm(t, env, 80, 24, "new", "--country", "US", "--business-type", "individual", "--capabilities", "card_payments,transfers")
	tm.waitFor("Merchant category", 20*time.Second)
	out, err := exec.Command("tmux", "-L", tm.socket, "display-message", "-p", "-t", "app", "#{pane_pid}").Output()
	if err != nil {
		t.Fatal(err)
	}
	// The pane runs a shell; onboard is its child.
	child, err := exec.Command("pgrep", "-P", strings.TrimSpace(string(out))).Output()
	if err != nil {
		t.Fatalf("no onboard under the pane's shell: %v", err)
	}
	if err := exec.Command("kill", "-HUP", strings.Fields(string(child))[0]).Run(); err != nil {
		t.Fatal(err)
	}
	s := tm.waitFor("[exit 130]", 10*time.Second)
	if !strings.Contains(s, "onboard resume acct_") {
		t.Errorf("no way to resume after the hangup:\n%s", s)
	}
	var data string
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "XDG_DATA_HOME="); ok {
			data = v
		}
	}
	db := filepath.Join(data, "onboard", "sandbox.db")
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("no sandbox database: %v", err)
	}
	if _, err := os.Stat(db + "-wal"); !os.IsNotExist(err) {
		t.Errorf("the sandbox's write-ahead log is left behind (err %v): the database was not closed", err)
	}
}
