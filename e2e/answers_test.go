package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A document the run could not send stops it before the first request:
// a missing file, a folder, a program, a PNG too large for Stripe. No
// account is created, and only then is "nothing was sent" said.
func TestBadDocumentStopsBeforeAnyRequest(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.png")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("\x89PNG\r\n\x1a\n")); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(17 << 20); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{"missing": filepath.Join(dir, "nope.png"), "folder": dir, "too large": big}
	if _, err := os.Stat("/bin/ls"); err == nil {
		docs["program"] = "/bin/ls"
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			env := xdgEnv(t)
			ans := gbIndividual()
			ans["country"] = "GB"
			ans["individual.verification.document"] = doc
			r := onboard(t, env, "new", "--answers", answersFile(t, ans), "--upfront")
			if r.code != 2 || !strings.Contains(r.stderr, "individual.verification.document") ||
				!strings.Contains(r.stderr, "nothing was sent") {
				t.Fatalf("exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
			}
			assertNoAccount(t, env)
		})
	}
}

// YAML answers are read as written: the zeros of an account number stay
// (Stripe's success account 000123456789; read as a number it would be
// 123456789), the routing number is not read as octal, and the run
// reaches complete.
func TestYAMLAnswersKeepLeadingZeros(t *testing.T) {
	env := xdgEnv(t)
	yml := `country: US
business_type: individual
business_profile.mcc: 5734
business_profile.url: https://accessible.stripe.com
individual.first_name: Jenny
individual.last_name: Rosen
individual.dob: 01/01/1901
individual.email: jenny@example.com
individual.phone: (415) 555-0123
individual.ssn_last_4: 0000
individual.id_number: 000000000
individual.address.line1: address_full_match
individual.address.city: San Francisco
individual.address.state: California
individual.address.postal_code: 94107
external_account:
  account_holder_name: Jenny Rosen
  routing_number: 110000000
  account_number: 000123456789
tos_acceptance: true
`
	p := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(p, []byte(yml), 0o600); err != nil {
		t.Fatal(err)
	}
	r := onboard(t, env, "new", "--answers", p, "--upfront", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	id := decode(t, r.stdout).ID
	onboard(t, env, "sandbox", "advance", "5s")
	if s := decode(t, onboard(t, env, "status", id, "--json").stdout); s.State != "complete" {
		t.Fatalf("state %q: %+v", s.State, s)
	}
}

// A typo is an error naming the nearest known path, before any request;
// --ignore-unknown lets the run go on.
func TestTypoInAnswersIsRefused(t *testing.T) {
	env := xdgEnv(t)
	ans := usIndividual()
	ans["individual.frist_name"] = "Jenny"
	r := onboard(t, env, "new", "--answers", answersFile(t, ans), "--upfront")
	if r.code != 2 || !strings.Contains(r.stderr, "did you mean individual.first_name?") {
		t.Fatalf("exit %d stderr %q", r.code, r.stderr)
	}
	assertNoAccount(t, env)
	if r := onboard(t, env, "new", "--answers", answersFile(t, ans), "--upfront", "--ignore-unknown"); r.code != 0 {
		t.Fatalf("--ignore-unknown: exit %d %s", r.code, r.stderr)
	}
}

// The setup comes from the file when no flag gives it, and flags win.
func TestSetupFromTheAnswersFile(t *testing.T) {
	env := xdgEnv(t)
	r := onboard(t, env, "new", "--answers", filepath.Join("..", "examples", "us-company.json"), "--json")
	if r.code != 0 || !strings.Contains(r.stderr, "US company") {
		t.Fatalf("exit %d stderr %s", r.code, r.stderr)
	}
	// --business-type wins over the file: an individual has no company
	// fields, so the company's answers are not due and the individual's are
	// missing.
	r = onboard(t, env, "new", "--answers", filepath.Join("..", "examples", "us-company.json"), "--business-type", "individual")
	if r.code != 3 || !strings.Contains(r.stdout, "US individual") {
		t.Fatalf("flag did not win: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

// Accounts v2 takes its contact email from the answers file when --email
// is not given; with none anywhere it stops with exit 2 before any request.
func TestV2ContactEmailFromAnswers(t *testing.T) {
	env := xdgEnv(t)
	r := onboard(t, env, "new", "--answers", filepath.Join("..", "examples", "us-individual.json"), "--accounts-api", "v2", "--upfront", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	env = xdgEnv(t)
	ans := usIndividual()
	delete(ans, "individual.email")
	r = onboard(t, env, "new", "--answers", answersFile(t, ans), "--accounts-api", "v2")
	if r.code != 2 || !strings.Contains(r.stderr, "contact email") {
		t.Fatalf("exit %d stderr %s", r.code, r.stderr)
	}
	assertNoAccount(t, env)
	ans["contact_email"] = "ops@example.com"
	if r := onboard(t, env, "new", "--answers", answersFile(t, ans), "--accounts-api", "v2"); r.code == 2 || r.code == 1 {
		t.Fatalf("contact_email not used: exit %d %s", r.code, r.stderr)
	}
}

// resume refuses an answers file written for another country.
func TestResumeRefusesAnotherCountrysAnswers(t *testing.T) {
	env := xdgEnv(t)
	r := onboard(t, env, "new", "--answers", filepath.Join("..", "examples", "us-individual.json"), "--json")
	if r.code != 0 {
		t.Fatalf("new: %d %s", r.code, r.stderr)
	}
	id := decode(t, r.stdout).ID
	r = onboard(t, env, "resume", id, "--answers", filepath.Join("..", "examples", "gb-individual.json"))
	if r.code != 2 || !strings.Contains(r.stderr, "is in US") {
		t.Fatalf("exit %d stderr %s", r.code, r.stderr)
	}
	r = onboard(t, env, "resume", id, "--answers", filepath.Join("..", "examples", "us-company.json"))
	if r.code != 2 || !strings.Contains(r.stderr, "is of type individual") {
		t.Fatalf("business type: exit %d stderr %s", r.code, r.stderr)
	}
}
