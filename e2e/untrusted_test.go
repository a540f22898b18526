package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"onboard/flows/stripeapi/stripetest"
	"onboard/internal/untrusted"
	"onboard/sandbox"
	"onboard/schema"
)

// What a connected account can type into its business name, company
// name, people's names and email, each a way to drive a terminal: retitle
// it (OSC 0), write the clipboard (OSC 52), clear the screen (CSI 2J),
// a sequence cut in the middle, C1 CSI, a bidi override, NUL, BEL, DEL
// and wide characters.
const (
	evilBusiness = "Acme\x1b]0;PWNED-TITLE\x07\x1b]52;c;cHduZWQ=\x07 Ltd"
	evilCompany  = "\x1b]52;c;cHduZWQ=\x07Globex"
	evilEmail    = "ops\u202egro.live@example.com"
	evilFirst    = "Jenny\x1b[2J"
	evilLast     = "Ro\x1b[38;5"
	evilTitle    = "C\u009b2JEO\x00\x7f"
	wideFirst    = "山田"
	wideLast     = "太郎\x1b]52;c;b3duZWQ=\a株式会社\a"
)

// seedHostile creates such an account in the sandbox env's runs use,
// straight through Stripe's API (onboard's own checks refuse these
// values), and returns its id.
func seedHostile(t *testing.T, env []string) string {
	t.Helper()
	db := filepath.Join(strings.TrimPrefix(env[1], "XDG_DATA_HOME="), "onboard", "sandbox.db")
	if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
		t.Fatal(err)
	}
	sb, err := sandbox.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	ctx := context.Background()
	sc, _ := stripetest.Client("sk_test_e2e", "http://sandbox.invalid", sb.Transport())
	id, err := stripetest.CreateAccount(ctx, sc, []schema.Param{
		{Key: "country", Value: "US"}, {Key: "business_type", Value: "company"}, {Key: "email", Value: evilEmail},
		{Key: "controller[requirement_collection]", Value: "application"}, {Key: "controller[fees][payer]", Value: "application"},
		{Key: "controller[losses][payments]", Value: "application"}, {Key: "controller[stripe_dashboard][type]", Value: "none"},
		{Key: "capabilities[card_payments][requested]", Value: "true"}, {Key: "capabilities[transfers][requested]", Value: "true"},
		{Key: "business_profile[name]", Value: evilBusiness}, {Key: "company[name]", Value: evilCompany},
	}...)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range [][]schema.Param{
		{{Key: "first_name", Value: evilFirst}, {Key: "last_name", Value: evilLast}, {Key: "email", Value: evilEmail},
			{Key: "relationship[representative]", Value: "true"}, {Key: "relationship[title]", Value: evilTitle}},
		{{Key: "first_name", Value: wideFirst}, {Key: "last_name", Value: wideLast},
			{Key: "relationship[owner]", Value: "true"}, {Key: "relationship[percent_ownership]", Value: "60"}},
	} {
		if err := sc.CreatePerson(ctx, id, p, fmt.Sprintf("sk_test_e2e-person-%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

// sgrOnly matches colour sequences, the only ones onboard may send.
var sgrOnly = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// assertPrintable fails when out holds anything a terminal acts on other
// than new lines and colours.
func assertPrintable(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range sgrOnly.ReplaceAllString(out, "") {
		if r != '\n' && (untrusted.IsControl(r) || untrusted.IsBidi(r)) {
			t.Fatalf("%s sends %U to the terminal:\n%q", what, r, out)
		}
	}
}

// The commands that print account data print it escaped: the list (fresh
// and cached, its columns aligned in cells), its JSON (valid, with C1 and
// bidi controls as \u escapes, the values intact), the status, and the
// lines of a scripted resume and of the line-by-line prompter.
func TestHostileTextInCommands(t *testing.T) {
	env := xdgEnv(t)
	id := seedHostile(t, env)
	for _, args := range [][]string{{"accounts"}, {"accounts", "--cached"}} {
		r := onboard(t, env, args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d %s", args, r.code, r.stderr)
		}
		assertPrintable(t, strings.Join(args, " "), r.stdout+r.stderr)
		rows := strings.Split(strings.TrimSpace(r.stdout), "\n")
		if len(rows) != 2 || !strings.Contains(rows[1], `Acme\x1b]0;PWNED-TITLE\x07\x1b]52;c;cHduZWQ=\x07 Ltd`) || !strings.Contains(rows[1], "US") {
			t.Fatalf("%v: the row is not shown whole and escaped:\n%s", args, r.stdout)
		}
		// The COUNTRY column starts at the same cell on both lines.
		if h, v := ansi.StringWidth(rows[0][:strings.Index(rows[0], "COUNTRY")]), ansi.StringWidth(rows[1][:strings.Index(rows[1], " US ")+1]); h != v {
			t.Fatalf("%v: columns misaligned (%d vs %d):\n%s", args, h, v, r.stdout)
		}
	}
	r := onboard(t, env, "accounts", "--json")
	assertPrintable(t, "accounts --json", r.stdout)
	for _, esc := range []string{`\u202e`, `\u001b]0;PWNED`} {
		if !strings.Contains(r.stdout, esc) {
			t.Errorf("accounts --json lacks %s:\n%s", esc, r.stdout)
		}
	}
	var list []struct{ Name, Email string }
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 1 || list[0].Name != evilBusiness || list[0].Email != evilEmail {
		t.Fatalf("accounts --json does not decode to the account's own text (%v): %+v", err, list)
	}

	r = onboard(t, env, "status", id)
	assertPrintable(t, "status", r.stdout+r.stderr)
	if !strings.Contains(r.stdout, id) {
		t.Fatalf("status: exit %d %s %s", r.code, r.stdout, r.stderr)
	}

	// A scripted resume names the representative's step with their name.
	ans := answersFile(t, map[string]any{"representative.dob": "1901-01-01", "representative.phone": "+14155550123"})
	r = onboard(t, env, "resume", id, "--answers", ans)
	assertPrintable(t, "resume --answers", r.stdout+r.stderr)
	if !strings.Contains(r.stdout, `✓ Jenny\x1b[2J Ro\x1b[38;5:`) {
		t.Fatalf("resume --answers: exit %d, no escaped step line:\n%s\n%s", r.code, r.stdout, r.stderr)
	}

	// The line-by-line prompter (no terminal): its headings, questions and
	// the prefilled values it offers. Its input ends after a few answers.
	cmd := exec.Command(binary, "resume", id)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader("5734\nhttps://accessible.stripe.com\n")
	out, _ := cmd.CombinedOutput()
	assertPrintable(t, "line prompter", string(out))
	if !strings.Contains(string(out), "==") {
		t.Fatalf("the line prompter asked nothing:\n%s", out)
	}
}

// startWith is startTerm with a tmux configuration and a shell command
// line: the terminal journeys below run tmux with set-clipboard on, so an
// OSC 52 sequence that reached the terminal would leave a paste buffer.
func startWith(t *testing.T, w, h int, cmdline string) *term {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatal("tmux is required for the terminal journeys (apt-get install tmux)")
	}
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g set-clipboard on\nset -g allow-rename on\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, socket: fmt.Sprintf("onboard-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	tm.tmux("-f", conf, "new-session", "-d", "-s", "app", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), cmdline+"; sleep 600")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

// untouched fails when what was drawn reached the terminal's controls:
// the pane's title changed, a paste buffer was written, or the window
// was renamed.
func (tm *term) untouched(where string) {
	tm.t.Helper()
	if title := tm.tmux("display", "-p", "-t", "app", "#{pane_title}|#{window_name}"); strings.Contains(title, "PWNED") {
		tm.t.Fatalf("%s: the terminal was retitled: %q", where, title)
	}
	if bufs := tm.tmux("list-buffers"); strings.TrimSpace(bufs) != "" {
		tm.t.Fatalf("%s: the clipboard was written: %q", where, bufs)
	}
}

// A hostile account, seen by an operator in a real terminal: the
// commands that print it (the list, fresh and cached, the status, a
// scripted resume) and the screens that draw it (triage, the wizard and
// its status, the summary, the people table) never retitle the terminal,
// write its clipboard or wipe the screen, and the rows after the payload
// are still there.
func TestHostileTextInTerminal(t *testing.T) {
	env := xdgEnv(t)
	id := seedHostile(t, env)
	wait := 15 * time.Second
	ans := answersFile(t, map[string]any{"representative.dob": "1901-01-01"})
	run := func(args ...string) string {
		return "env " + shellQuote(env...) + " " + shellQuote(append([]string{binary}, args...)...)
	}
	script := strings.Join([]string{run("accounts"), "echo '[after accounts]'", run("accounts", "--cached"),
		"echo '[after cached]'", run("status", id), "echo '[after status]'", run("resume", id, "--answers", ans),
		"echo '[end]'"}, "; ")
	tm := startWith(t, 120, 60, script)
	tm.waitFor("[end]", wait)
	tm.untouched("commands")
	s := tm.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "app") // the scrollback too
	for _, want := range []string{`Acme\x1b]0;PWNED-TITLE\x07\x1b]52;c;cHduZWQ=\x07 Ltd`, "[after accounts]", "[after cached]", "[after status]",
		`✓ Jenny\x1b[2J Ro\x1b[38;5:`, id} {
		if !strings.Contains(s, want) {
			t.Fatalf("the commands' output lacks %q (the screen was wiped?):\n%s", want, s)
		}
	}

	tm = startWith(t, 100, 30, run()+`; echo "[exit $?]"`)
	tm.waitFor("What do you want to do?", wait)
	tm.keys("Down", "Down")
	tm.waitFor("> Accounts to fix", wait)
	tm.keys("Enter")
	s = tm.waitFor("shown: 1 of 1", wait)
	tm.untouched("triage")
	if !strings.Contains(s, `Acme\x1b]0;`) || !strings.Contains(s, "enter open") {
		t.Fatalf("triage layout:\n%s", s)
	}
	tm.keys("Enter")
	tm.waitFor("Business profile", wait)
	tm.untouched("wizard")
	tm.keys("C-t")
	tm.waitFor("Capabilities", wait)
	tm.untouched("summary")
	tm.keys("p")
	s = tm.waitFor("Add a person", wait)
	tm.untouched("people")
	var jenny, wide bool
	for _, l := range strings.Split(s, "\n") {
		jenny = jenny || strings.Contains(l, `Jenny\x1b[2J`) && strings.Contains(l, "representative")
		wide = wide || strings.Contains(l, "山田") && strings.Contains(l, "60%")
	}
	if !jenny || !wide {
		t.Fatalf("people rows broken:\n%s", s)
	}
	tm.keys("C-c")
	tm.waitFor("[exit 130]", wait)
	tm.untouched("after the program")
}
