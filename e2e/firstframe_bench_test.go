package e2e

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// BenchmarkFirstFrame times, in a real terminal (tmux), the launch of
// `onboard new --country US --business-type individual --capabilities
// card_payments,transfers` on the embedded sandbox until its first form
// and status panel are drawn, against internal/bench/minimalhuh (a bare
// huh form like that first step) until its form is drawn, twice:
//   - again: the setup was created on this machine before, as a daily
//     user's is, and the first form is drawn from the account kept from
//     that create while the new one is made;
//   - first: the kept account is forgotten before each run, so every run
//     is the setup's first here and the form waits for the sandbox to
//     create the account.
//
// Runs alternate, one of each per iteration, so that both see the same
// machine; each reports both medians and their ratio, with the spread,
// and asserts nothing (timings depend on the machine). `make bench-start`
// runs it. With FIRSTFRAME_BASELINE=path, the other side is that onboard
// binary (an older build, say) running the same command: what a change
// bought; FIRSTFRAME_BINARY=path times that build instead of this tree's.
func BenchmarkFirstFrame(b *testing.B) {
	if _, err := exec.LookPath("tmux"); err != nil {
		b.Skip("needs tmux")
	}
	huhBin := filepath.Join(b.TempDir(), "minimalhuh")
	build := exec.Command("go", "build", "-o", huhBin, "./internal/bench/minimalhuh")
	_, self, _, _ := runtime.Caller(0)
	build.Dir = filepath.Join(filepath.Dir(self), "..")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build minimalhuh: %v\n%s", err, out)
	}
	b.Run("again", func(b *testing.B) { firstFrames(b, huhBin, false) })
	b.Run("first", func(b *testing.B) { firstFrames(b, huhBin, true) })
}

// firstFrames is one side of BenchmarkFirstFrame: forget says whether
// the account kept from the setup's last create is forgotten before each
// run of onboard.
func firstFrames(b *testing.B, huhBin string, forget bool) {
	root := b.TempDir()
	env := xdgEnvDir(root)
	forgetKept := func() {
		if forget {
			if err := os.RemoveAll(filepath.Join(root, "xdg_cache_home", "onboard", "foreseen")); err != nil {
				b.Fatal(err)
			}
		}
	}
	bin := binary
	if p := os.Getenv("FIRSTFRAME_BINARY"); p != "" {
		bin = p
	}
	onboardArgs := []string{bin, "new", "--country", "US", "--business-type", "individual", "--capabilities", "card_payments,transfers"}
	// Once, untimed: the sandbox's database is created on first use.
	firstFrame(b, env, onboardArgs, "Merchant category", "Card payments")
	var ob, mh []time.Duration
	baseline, other := os.Getenv("FIRSTFRAME_BASELINE"), "minimal huh form"
	if baseline != "" {
		other = "baseline " + baseline
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		forgetKept()
		ob = append(ob, firstFrame(b, env, onboardArgs, "Merchant category", "Card payments"))
		if baseline != "" {
			forgetKept()
			mh = append(mh, firstFrame(b, env, append([]string{baseline}, onboardArgs[1:]...), "Merchant category", "Card payments"))
		} else {
			mh = append(mh, firstFrame(b, env, []string{huhBin}, "Merchant category", "Business website"))
		}
	}
	b.StopTimer()
	mo, mm := median(ob), median(mh)
	// The ratio is taken pair by pair, then its median: both runs of a
	// pair saw about the same machine.
	ratios := make([]time.Duration, len(ob))
	for i := range ob {
		ratios[i] = time.Duration(float64(ob[i]) / float64(mh[i]) * 1e6)
	}
	ratio := float64(median(ratios)) / 1e6
	b.ReportMetric(float64(mo.Microseconds())/1000, "onboard-ms")
	b.ReportMetric(float64(mm.Microseconds())/1000, "huh-ms")
	b.ReportMetric(ratio, "ratio")
	lo, hi := slices.Min(ratios), slices.Max(ratios)
	b.Logf("first frame, median of %d: onboard %v (%v–%v), %s %v (%v–%v); ratio (median of pairs) %.2f (%.2f–%.2f)", len(ob),
		mo.Round(100*time.Microsecond), slices.Min(ob).Round(100*time.Microsecond), slices.Max(ob).Round(100*time.Microsecond),
		other, mm.Round(100*time.Microsecond), slices.Min(mh).Round(100*time.Microsecond), slices.Max(mh).Round(100*time.Microsecond),
		ratio, float64(lo)/1e6, float64(hi)/1e6)
}

func xdgEnvDir(root string) []string {
	var env []string
	for _, k := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
		env = append(env, k+"="+filepath.Join(root, strings.ToLower(k)))
	}
	return append(env, "HOME="+root, "LANG=C.UTF-8", "STRIPE_API_KEY=")
}

// firstFrame starts args in a new tmux session (80×24) and returns the
// time from launch until the terminal has received every one of marks.
// The program's output is read as tmux receives it, through a control
// mode client (%output notifications), so nothing polls the screen: the
// shell in the pane waits for a line, the clock starts when the control
// client sends it, and the shell then execs the program.
func firstFrame(b *testing.B, env, args []string, marks ...string) time.Duration {
	b.Helper()
	socket := fmt.Sprintf("onboard-ff-%d-%d", os.Getpid(), time.Now().UnixNano())
	script := "printf 'ready\\n'; read x; exec env " + shellQuote(env...) + " " + shellQuote(args...)
	ctl := exec.Command("tmux", "-L", socket, "-C", "new-session", "-x", "80", "-y", "24", "-s", "ff", "sh", "-c", script)
	stdin, err := ctl.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := ctl.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := ctl.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() {
		_ = exec.Command("tmux", "-L", socket, "kill-server").Run()
		_ = stdin.Close()
		_ = ctl.Wait()
	}()
	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "%output "); ok {
				if _, data, ok := strings.Cut(rest, " "); ok {
					lines <- unescapeOutput(data)
				}
			}
		}
		close(lines)
	}()
	var screen strings.Builder
	timeout := time.After(30 * time.Second)
	await := func(marks ...string) {
		for {
			text := ansi.Strip(screen.String())
			if !slices.ContainsFunc(marks, func(m string) bool { return !strings.Contains(text, m) }) {
				return
			}
			select {
			case data, ok := <-lines:
				if !ok {
					b.Fatalf("%v: tmux ended before %q; got:\n%s", args, marks, text)
				}
				screen.WriteString(data)
			case <-timeout:
				b.Fatalf("%v: no %q after 30 s; got:\n%s", args, marks, text)
			}
		}
	}
	await("ready")
	screen.Reset()
	start := time.Now()
	if _, err := io.WriteString(stdin, "send-keys -t ff Enter\n"); err != nil {
		b.Fatal(err)
	}
	await(marks...)
	return time.Since(start)
}

// unescapeOutput undoes control mode's escaping: bytes below 32 and the
// backslash arrive as \ooo.
func unescapeOutput(s string) string {
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				out.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		out.WriteByte(s[i])
	}
	return out.String()
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
