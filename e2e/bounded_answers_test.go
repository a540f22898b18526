package e2e

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bounded is one run of the binary that must end by itself; a run still
// going after limit is killed and reported, so a read without end fails
// the test instead of hanging it. It returns the result and the process's
// peak resident memory in bytes, or -1 when it cannot be told: the run
// goes through /usr/bin/time, since the rusage of a child Go starts counts
// the memory of the test process itself (Go starts it with vfork, and
// Linux keeps the larger peak across exec).
func bounded(t *testing.T, env []string, stdin io.Reader, limit time.Duration, signal func(*os.Process), args ...string) (result, int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	name, argv := binary, args
	peakFile := filepath.Join(t.TempDir(), "peak")
	timed := signal == nil // a signal must reach onboard itself
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		timed = false
	}
	if timed {
		name, argv = "/usr/bin/time", append([]string{"-f", "%M", "-o", peakFile, binary}, args...)
	}
	cmd := exec.CommandContext(ctx, name, argv...)
	cmd.WaitDelay = time.Second // a stdin copy that never ends does not hold Wait
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if signal != nil {
		signal(cmd.Process)
	}
	err := cmd.Wait()
	if ctx.Err() != nil {
		t.Fatalf("onboard %s still ran after %s (killed)\nstderr: %s", strings.Join(args, " "), limit, errb.String())
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	stderr := errb.String()
	peak := int64(-1)
	if timed {
		raw, err := os.ReadFile(peakFile)
		if err != nil {
			t.Fatal(err)
		}
		// time adds a line when the command exits non-zero; the peak is last.
		lines := strings.Fields(string(raw))
		kb, err := strconv.ParseInt(lines[len(lines)-1], 10, 64)
		if err != nil {
			t.Fatalf("/usr/bin/time wrote %q", raw)
		}
		peak = kb << 10
		stderr = strings.TrimSuffix(stderr, "Command exited with non-zero status "+strconv.Itoa(code)+"\n")
	}
	return result{out.String(), stderr, code}, peak
}

// --answers reads only a regular file (or stdin, "-"), and never more
// than its 10 MB limit: /dev/zero, a 100 MB file, a FIFO without a writer
// and a directory are refused at once (exit 2), in little memory. The
// old reader grew to 1.3 GB on /dev/zero, read 100 MB before its size
// check and hung on the FIFO.
func TestAnswersInputIsBounded(t *testing.T) {
	env := xdgEnv(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 100<<20); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "answers.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, says string }{
		{"/dev/zero", "a device"},
		{big, "larger than 10 MB"},
		{fifo, "a named pipe"},
		{dir, "a directory"},
	} {
		start := time.Now()
		r, rss := bounded(t, env, nil, 20*time.Second, nil, "new", "--country", "US", "--business-type", "individual", "--answers", c.path)
		t.Logf("--answers %s: exit %d in %s, peak RSS %.1f MB", c.path, r.code, time.Since(start).Round(time.Millisecond), float64(rss)/(1<<20))
		if r.code != 2 || !strings.Contains(r.stderr, c.says) {
			t.Errorf("--answers %s: exit %d, stderr %q (want 2 and %q)", c.path, r.code, r.stderr, c.says)
		}
		if rss < 0 {
			t.Logf("no /usr/bin/time: peak memory not measured")
		} else if rss > 50<<20 {
			t.Errorf("--answers %s: peak RSS %d MB", c.path, rss>>20)
		}
	}
	assertNoAccount(t, env)
}

// --answers - reads stdin; a SIGTERM or SIGINT while stdin stays silent
// ends the run (exit 130), nothing sent.
func TestAnswersFromStdinHonourSignals(t *testing.T) {
	env := xdgEnv(t)
	ans := answersFile(t, usIndividual())
	raw, err := os.ReadFile(ans)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := bounded(t, env, bytes.NewReader(raw), time.Minute, nil, "new", "--country", "US", "--business-type", "individual", "--answers", "-", "--json")
	if r.code != 0 {
		t.Fatalf("--answers - from a pipe: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if id := decode(t, r.stdout).ID; !strings.HasPrefix(id, "acct_") {
		t.Fatalf("--answers - from a pipe: no account in %s", r.stdout)
	}
	for _, sig := range []os.Signal{syscall.SIGTERM, os.Interrupt} {
		silent, w, err := os.Pipe() // a writer that never writes nor closes
		if err != nil {
			t.Fatal(err)
		}
		r, _ := bounded(t, env, silent, 20*time.Second, func(p *os.Process) {
			time.Sleep(500 * time.Millisecond)
			_ = p.Signal(sig) // a process already gone fails the exit-code check below
		}, "new", "--country", "US", "--business-type", "individual", "--answers", "-")
		_ = w.Close()
		_ = silent.Close()
		if r.code != 130 {
			t.Errorf("%v during the read: exit %d, stderr %q", sig, r.code, r.stderr)
		}
	}
}
