package e2e

import (
	"strings"
	"testing"

	"onboard/internal/stripemock"
)

// Pointed at Stripe's own stripe-mock, a scripted run sends each group
// once, every request is accepted, and since stripe-mock never changes
// state the run ends with exit 3 listing what is still due, not a loop.
func TestScriptedRunAgainstStripeMock(t *testing.T) {
	base := stripemock.Start(t)
	ans := usIndividual()
	ans["business_profile.product_description"] = "Hand-made ceramics sold online"
	ans["business_profile.support_phone"] = "+14155550123"
	r := onboard(t, xdgEnv(t), "--api-base", base, "--api-key", "sk_test_123",
		"new", "--answers", answersFile(t, ans), "--upfront")
	if r.code != 3 {
		t.Fatalf("exit %d\nstdout:%s\nstderr:%s", r.code, r.stdout, r.stderr)
	}
	for _, g := range []string{"Business profile", "Bank account", "Terms of service"} {
		if n := strings.Count(r.stdout, "✓ "+g); n != 1 {
			t.Errorf("%s sent %d times:\n%s", g, n, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "still due after submit") || !strings.Contains(r.stderr, "business_profile.url") {
		t.Errorf("still-due fields not reported:\nstdout:%s\nstderr:%s", r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, "refused") {
		t.Errorf("stripe-mock refused a request:\n%s\n%s", r.stdout, r.stderr)
	}
}
