package e2e

import (
	"strings"
	"testing"
	"time"
)

// A support agent fixes what Stripe could not verify by correcting the
// value it holds, no document: an address Stripe could not match (the
// fixes offered are Stripe's own: correct the address, or upload a proof
// of address), and a wrong date of birth. Both accounts complete.
func TestTUISupportAgentCorrectsWhatStripeHolds(t *testing.T) {
	env := xdgEnv(t)
	failed := func(key, value string) string {
		t.Helper()
		ans := usIndividual()
		ans[key] = value
		r := onboard(t, env, "new", "--answers", answersFile(t, ans), "--upfront", "--json")
		if r.code != 0 {
			t.Fatalf("setup exited %d: %s", r.code, r.stderr)
		}
		if a := onboard(t, env, "sandbox", "advance", "5s"); a.code != 0 {
			t.Fatal(a.stderr)
		}
		return decode(t, r.stdout).ID
	}
	// enterUntil presses enter on each field left (prefilled, unchanged)
	// until the screen shows text.
	enterUntil := func(tm *term, text string) string {
		t.Helper()
		for i := 0; i < 12; i++ {
			if s := tm.screen(); strings.Contains(s, text) {
				return s
			}
			tm.keys("Enter")
			time.Sleep(200 * time.Millisecond)
		}
		return tm.waitFor(text, 10*time.Second)
	}

	t.Run("address", func(t *testing.T) {
		id := failed("individual.address.line1", "address_no_match")
		tm := startTerm(t, env, 80, 24, "resume", id)
		s := tm.waitFor("How do you fix it?", 10*time.Second)
		for _, want := range []string{"> Correct the address", "Upload a proof of address"} {
			if !strings.Contains(s, want) {
				t.Fatalf("the fixes lack %q:\n%s", want, s)
			}
		}
		tm.keys("Enter")
		s = tm.waitFor("┃ > address_no_match", 10*time.Second)
		if !strings.Contains(s, "Correct what Stripe holds") || !strings.Contains(s, "San Francisco") {
			t.Fatalf("the address is not offered prefilled from Stripe:\n%s", s)
		}
		tm.keys("C-u")
		tm.typeLine("address_full_match")
		s = enterUntil(tm, "Replaced: Address line 1: address_no_match → address_full_match")
		if strings.Contains(s, "Proof of address") && strings.Contains(s, "┃") {
			t.Fatalf("a document is still asked after the address was corrected:\n%s", s)
		}
		tm.waitFor("· complete", 20*time.Second)
		tm.keys("q")
		tm.waitFor("[exit 0]", 10*time.Second)
	})

	t.Run("date of birth", func(t *testing.T) {
		id := failed("individual.dob", "1950-03-04")
		tm := startTerm(t, env, 80, 24, "resume", id)
		s := tm.waitFor("How do you fix it?", 10*time.Second)
		if !strings.Contains(s, "> Correct the date of birth or id number") || !strings.Contains(s, "Upload an identity document") {
			t.Fatalf("the fixes of a failed identity:\n%s", s)
		}
		tm.keys("Enter")
		tm.waitFor("Correct what Stripe holds", 10*time.Second)
		for i := 0; i < 8 && !strings.Contains(tm.screen(), "┃ Date of birth"); i++ {
			tm.keys("Enter")
			time.Sleep(200 * time.Millisecond)
		}
		s = tm.waitFor("┃ Date of birth", 10*time.Second)
		if !strings.Contains(s, "1950-03-04") {
			t.Fatalf("the date of birth is not offered prefilled from Stripe:\n%s", s)
		}
		tm.keys("C-u")
		tm.typeLine("1901-01-01")
		enterUntil(tm, "Replaced: Date of birth: 1950-03-04 → 1901-01-01")
		tm.waitFor("· complete", 20*time.Second)
		tm.keys("q")
		tm.waitFor("[exit 0]", 10*time.Second)
	})
}
