package main

import (
	"strings"
	"testing"

	"onboard/internal/stripemock"
)

// An Express or Standard account (stripe-mock serves Stripe's Standard
// account fixture for every id): status says Stripe collects its
// requirements, the account list marks it, and resume offers an account
// onboarding link instead of asking for answers, in English and French.
func TestStripeCollectedAccountsOfferALink(t *testing.T) {
	isolate(t)
	base := stripemock.Start(t)
	global := []string{"--api-base", base, "--api-key", "sk_test_123"}
	answers := writeAnswers(t, map[string]any{"business_profile.url": "https://accessible.stripe.com"})
	for _, c := range []struct {
		lang, collects, link, mark string
	}{
		{"en", "Stripe collects this account's information", "Account link (single use)", "Stripe collects"},
		{"fr", "Stripe collecte les informations de ce compte", "Lien de compte (usage unique)", "collecté par Stripe"},
	} {
		args := append(append([]string{}, global...), "--lang", c.lang)
		out, stderr, code := runWith(t, "", append(args, "status", "acct_standard")...)
		if code != 0 || !strings.Contains(out, c.collects) {
			t.Errorf("%s status: exit %d\n%s\n%s", c.lang, code, out, stderr)
		}
		out, stderr, code = runWith(t, "", append(args, "resume", "acct_standard", "--answers", answers)...)
		if code != 0 || !strings.Contains(out, c.collects) || !strings.Contains(out, c.link) || !strings.Contains(out, "\n  https://") {
			t.Errorf("%s resume: exit %d\n%s\n%s", c.lang, code, out, stderr)
		}
		if strings.Contains(out, "✓") {
			t.Errorf("%s resume sent answers:\n%s", c.lang, out)
		}
		out, stderr, code = runWith(t, "", append(args, "accounts")...)
		if code != 0 || !strings.Contains(out, c.mark) {
			t.Errorf("%s accounts: exit %d\n%s\n%s", c.lang, code, out, stderr)
		}
	}
}
