package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
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
	shell, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	child := childOf(t, shell)
	if err := syscall.Kill(child, syscall.SIGHUP); err != nil {
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

// childOf is the process whose parent is pid, read from /proc.
func childOf(t *testing.T, pid int) int {
	t.Helper()
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		// pid (comm) state ppid …: comm may hold spaces, so read after its ")".
		i := strings.LastIndexByte(string(b), ')')
		fields := strings.Fields(string(b)[i+1:])
		if len(fields) > 1 && fields[1] == strconv.Itoa(pid) {
			n, _ := strconv.Atoi(filepath.Base(filepath.Dir(f)))
			return n
		}
	}
	t.Fatalf("no child of process %d", pid)
	return 0
}
