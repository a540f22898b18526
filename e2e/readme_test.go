package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Every `./bin/onboard` command in the README's code blocks runs as the
// README shows it, so the README and the program cannot drift apart: the
// commands are read from README.md itself. `acct_…` stands for a fresh
// account, `[--x]` for an option that is given. Scripted commands must
// exit 0 (3 for the line mode fed no input); commands that need a terminal
// run in tmux and must show their first screen; commands that run until
// stopped (--watch, sandbox serve) must print their first output.
func TestReadmeTourRunsAsWritten(t *testing.T) {
	_, self, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(self), "..")
	cmds := readmeCommands(t, filepath.Join(root, "README.md"))
	if len(cmds) < 15 {
		t.Fatalf("only %d commands found in the README's code blocks", len(cmds))
	}
	env := xdgEnv(t)
	for _, line := range cmds {
		t.Run(line, func(t *testing.T) {
			args := shellWords(t, expandOptional(line))
			for i, a := range args {
				switch a {
				case "acct_…":
					args[i] = freshAccount(t, env, root)
				case "127.0.0.1:12111":
					args[i] = freeAddr(t) // the README's port may be taken here
				}
			}
			switch {
			case needsTerminal(args):
				tm := startTerm(t, env, 100, 30, args...)
				tm.waitFor("SANDBOX", 15*time.Second)
				tm.keys("C-c")
			case runsUntilStopped(args):
				firstOutput(t, env, root, args)
			default:
				r := runIn(t, env, root, args)
				if r.code != 0 {
					t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
				}
				if hasArg(args, "--json") {
					var v any
					if err := json.NewDecoder(strings.NewReader(r.stdout)).Decode(&v); err != nil {
						t.Fatalf("--json printed no JSON: %v\n%s", err, r.stdout)
					}
				}
			}
		})
	}
}

// readmeCommands are the lines of the README's code blocks that run the
// binary, without their trailing comments.
func readmeCommands(t *testing.T, path string) []string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	inBlock := false
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "```") {
			inBlock = !inBlock
			continue
		}
		if !inBlock || !strings.HasPrefix(line, "./bin/onboard") {
			continue
		}
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		out = append(out, strings.TrimSpace(line))
	}
	return out
}

// expandOptional gives the options the README shows in brackets.
func expandOptional(line string) string {
	return strings.NewReplacer("[", "", "]", "").Replace(line)
}

// shellWords splits a command line as sh does for plain words and
// single- or double-quoted ones.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var out []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		t.Fatalf("unbalanced quote in %q", line)
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out[1:] // ./bin/onboard
}

// needsTerminal: the home screen, and new / resume without --answers,
// are the TUI.
func needsTerminal(args []string) bool {
	if len(args) == 0 {
		return true
	}
	// --answers and --test-values make new and resume scripted runs.
	return (args[0] == "new" || args[0] == "resume") && !hasArg(args, "--answers") && !hasArg(args, "--test-values")
}

func runsUntilStopped(args []string) bool {
	return hasArg(args, "--watch") || (len(args) > 1 && args[0] == "sandbox" && args[1] == "serve")
}

func hasArg(args []string, s string) bool {
	for _, a := range args {
		if a == s {
			return true
		}
	}
	return false
}

// runIn runs the binary in dir ("" is the test's own directory; the
// README's commands run from the repository's root, where its relative
// paths, examples/…, point).
func runIn(t *testing.T, env []string, dir string, args []string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run onboard: %v", err)
	}
	return result{out.String(), errb.String(), code}
}

// freshAccount creates a US individual from its example file and returns
// its id: every command naming acct_… gets its own (sandbox reset may have
// forgotten the previous one).
func freshAccount(t *testing.T, env []string, root string) string {
	t.Helper()
	r := runIn(t, env, root, []string{"new", "--answers", "examples/us-individual.json", "--json"})
	if r.code != 0 {
		t.Fatalf("create an account for acct_…: exit %d %s", r.code, r.stderr)
	}
	return decode(t, r.stdout).ID
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = l.Close() }() // only its free port was wanted
	return l.Addr().String()
}

// firstOutput starts a command that runs until stopped, waits for its
// first line on stdout, and stops it.
func firstOutput(t *testing.T, env []string, dir string, args []string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Dir = dir
	var errb bytes.Buffer
	cmd.Stderr = &errb
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(out).ReadString('\n')
		line <- s
	}()
	select {
	case s := <-line:
		if strings.TrimSpace(s) == "" {
			t.Fatalf("no output; stderr: %s", errb.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("no output in 20 s; stderr: %s", errb.String())
	}
}
