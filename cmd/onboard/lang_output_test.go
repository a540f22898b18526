package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"onboard/internal/i18ntest"
	"onboard/schema"
)

// In German, Spanish, Italian, Japanese or French, what the command line
// prints has no English word of the interface left: an account's status
// with fields due and a failed verification, the explorer (a setup, a
// comparison, a matrix), refused values of an answers file (a postal code,
// a phone number, an id number), and --help of the commands an
// operator reads first. Each output is read word by word against the
// English words of the catalog (i18ntest.EnglishWords); what is code
// rather than words (flags, command names, shell commands) is left out
// first (withoutCode). The command line wraps at no width (its lines are
// as long as their texts; the terminal folds them), so the check does
// not depend on COLUMNS.
func TestNoEnglishInCommandOutputInEveryLanguage(t *testing.T) {
	failing := answersFile(t, "fail.json", map[string]any{
		// Stripe's test values that fail verification
		// (https://docs.stripe.com/connect/testing#test-verification-addresses).
		"individual.address.line1": "address_no_match",
		"individual.id_number":     "111-11-1111",
		"individual.ssn_last_4":    "1111",
	})
	refused := answersFile(t, "bad.json", map[string]any{
		"individual.address.postal_code": "ABCDE",
		"individual.phone":               "12",
		"individual.id_number":           "12-34",
	})
	for _, lang := range []schema.Lang{schema.German, schema.Spanish, schema.Italian, schema.Japanese, schema.French} {
		t.Run(string(lang), func(t *testing.T) {
			isolate(t)
			english := i18ntest.EnglishWords(t, lang)
			l := string(lang)
			check := func(what, out string) {
				t.Helper()
				if strings.TrimSpace(out) == "" {
					t.Errorf("%s: no output", what)
					return
				}
				if found := i18ntest.Found(english, withoutCode(out)); len(found) > 0 {
					t.Errorf("%s shows English words: %s\n%s", what, strings.Join(found, ", "), out)
				}
			}

			out, stderr, code := runIn(t, nil, "--lang", l, "new", "--answers", failing)
			id := regexp.MustCompile(`acct_\w+`).FindString(out)
			if code != 0 || id == "" {
				t.Fatalf("new: exit %d, %q %q", code, out, stderr)
			}
			check("new --answers", out+stderr)
			out, stderr, code = runIn(t, nil, "--lang", l, "status", id)
			if code != 0 {
				t.Fatalf("status: exit %d, %q", code, stderr)
			}
			check("status (pending verification)", out+stderr)
			// Verification settles on the sandbox's clock: the account
			// is then past due, with the errors of the failed values.
			if _, stderr, code := runIn(t, nil, "--lang", l, "sandbox", "advance", "1h"); code != 0 {
				t.Fatalf("advance: exit %d, %q", code, stderr)
			}
			out, stderr, code = runIn(t, nil, "--lang", l, "status", id)
			if code != 0 || !strings.Contains(out, "verification_failed_id_number_match") || !strings.Contains(out, "individual.ssn_last_4") {
				t.Fatalf("status after verification: exit %d, %q %q", code, out, stderr)
			}
			check("status (failed verification)", out+stderr)

			out, stderr, code = runIn(t, nil, "--lang", l, "explore", "--matrix", "--countries", "US,FR", "--business-types", "individual,company")
			if code != 0 || !strings.Contains(out, "business_profile.mcc") {
				t.Fatalf("explore --matrix: exit %d, %q %q", code, out, stderr)
			}
			check("explore --matrix", out+stderr)

			out, stderr, code = runIn(t, nil, "--lang", l, "explore", "--country", "FR", "--business-type", "company")
			if code != 0 || !strings.Contains(out, "company.name") {
				t.Fatalf("explore: exit %d, %q %q", code, out, stderr)
			}
			check("explore", out+stderr)
			out, stderr, code = runIn(t, nil, "--lang", l, "explore", "--compare", "US,company", "FR,individual")
			if code != 0 || !strings.Contains(out, "company.name") {
				t.Fatalf("explore --compare: exit %d, %q %q", code, out, stderr)
			}
			check("explore --compare", out+stderr)

			out, stderr, code = runIn(t, nil, "--lang", l, "new", "--answers", refused)
			if code != exitUsage || !strings.Contains(stderr, "individual.address.postal_code") ||
				!strings.Contains(stderr, "individual.phone") || !strings.Contains(stderr, "individual.id_number") {
				t.Fatalf("refused value: exit %d, %q %q", code, out, stderr)
			}
			check("a refused value", out+stderr)

			// A command line pflag or cobra cannot read: said in the
			// language, not as the English the libraries write.
			for _, args := range [][]string{
				{"status"}, {"status", "acct_1", "acct_2"}, {"xyz"}, {"accounts", "xyz"}, {"new", "--xyz"}, {"new", "-z"},
				{"status", "acct_1", "--interval"}, {"status", "acct_1", "--interval", "xyz"}, {"accounts", "--limit", "xyz"},
				{"new", "--show-requests", "xyz"}, {"sandbox", "advance"}, {"---xyz"},
			} {
				_, en, _ := runIn(t, nil, append([]string{"--lang", "en"}, args...)...)
				out, stderr, code := runIn(t, nil, append([]string{"--lang", l}, args...)...)
				if code == 0 || stderr == "" || stderr == en {
					t.Errorf("%v: exit %d, %q (English: %q)", args, code, stderr, en)
				}
				check(strings.Join(args, " "), out+stderr)
			}

			// --help of every command, help itself and help of a command.
			helps := [][]string{{"help"}, {"help", "new"}}
			for _, path := range commandPaths() {
				helps = append(helps, append(strings.Fields(path)[1:], "--help"))
			}
			for _, args := range helps {
				out, stderr, code := runIn(t, nil, append([]string{"--lang", l}, args...)...)
				if code != 0 {
					t.Fatalf("%v: exit %d, %q", args, code, stderr)
				}
				// A command's help names it ("Hilfe zu reset").
				name := strings.TrimSuffix(strings.Join(args, " "), " --help")
				name = name[strings.LastIndex(name, " ")+1:]
				check(strings.Join(args, " "), i18ntest.ReplaceWord(out+stderr, name, ""))
			}
			// config set-key's own --lang (the profile's) is its language.
			out, stderr, code = runIn(t, nil, "config", "set-key", "--lang", l, "--help")
			if code != 0 {
				t.Fatalf("set-key --help: exit %d, %q", code, stderr)
			}
			check("config set-key --help", i18ntest.ReplaceWord(out+stderr, "set-key", ""))
			out, stderr, code = runInput(t, "sk_test_123456789012345678901234\n", "config", "set-key", "--lang", l)
			if code != 0 || !strings.Contains(out, "sk_test_") {
				t.Fatalf("set-key: exit %d, %q %q", code, out, stderr)
			}
			check("config set-key", out+stderr)
		})
	}
}

// answersFile writes examples/us-individual.json with the given answers
// changed (a nil value leaves the key out), as name in a temporary folder.
func answersFile(t *testing.T, name string, change map[string]any) string {
	t.Helper()
	raw, err := os.ReadFile("../../examples/us-individual.json")
	if err != nil {
		t.Fatal(err)
	}
	var ans map[string]any
	if err := json.Unmarshal(raw, &ans); err != nil {
		t.Fatal(err)
	}
	for k, v := range change {
		if v == nil {
			delete(ans, k)
			continue
		}
		ans[k] = v
	}
	b, _ := json.Marshal(ans)
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

var (
	// flagToken is a flag as typed (--business-type, -h).
	flagToken = regexp.MustCompile(`(^|[^\pL\d])--?[a-z][a-z0-9-]*`)
	// shellLine is a line of a shell command in the help: indented by a
	// tab (the completion commands' help).
	shellLine = regexp.MustCompile(`(?m)^\t.*$`)
	// commandRow is a row of the help's list of commands: its name first.
	commandRow = regexp.MustCompile(`(?m)^  [a-z][a-z-]*  +`)
)

// withoutCode leaves out of a command's output what is typed rather than
// read: capabilities' API names, shell commands, command paths (onboard
// explore), the command names of the help's list, and flags.
func withoutCode(s string) string {
	s = i18ntest.WithoutCapabilities(s)
	s = shellLine.ReplaceAllString(s, "")
	for _, path := range commandPaths() {
		s = i18ntest.ReplaceWord(s, path, "")
	}
	s = commandRow.ReplaceAllString(s, "  ")
	return flagToken.ReplaceAllString(s, "$1")
}

// commandPaths lists the path of every command ("onboard sandbox
// serve"), longest first.
func commandPaths() []string {
	root := newRootCmd(newApp(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" }))
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	var paths []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		paths = append(paths, c.CommandPath())
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	sort.Slice(paths, func(i, j int) bool { return len(paths[i]) > len(paths[j]) })
	return paths
}

// runInput is runIn with input on standard input.
func runInput(t *testing.T, input string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(input), &out, &errb, func(string) string { return "" })
	return out.String(), errb.String(), code
}
