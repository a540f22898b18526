package main

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"onboard/flows/stripeapi"
	"onboard/flows/stripeapi/stripetest"
	"onboard/sandbox"
	"onboard/schema"
)

// An Express or Standard account, created as Stripe creates them (the
// sandbox gives them controller.requirement_collection=stripe): status
// says Stripe collects its requirements, the account list marks it, and
// resume offers an account onboarding link instead of asking for answers,
// in English and French.
func TestStripeCollectedAccountsOfferALink(t *testing.T) {
	isolate(t)
	srv, sc, _ := servedSandbox(t)
	var ids []string
	for _, typ := range []string{"express", "standard"} {
		id, err := stripetest.CreateAccount(context.Background(), sc,
			schema.Param{Key: "type", Value: typ}, schema.Param{Key: "country", Value: "US"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	global := []string{"--api-base", srv, "--api-key", "sk_test_123"}
	answers := writeAnswers(t, map[string]any{"business_profile.url": "https://accessible.stripe.com"})
	for _, c := range []struct {
		lang, collects, link, mark string
	}{
		{"en", "Stripe collects this account's information", "Account link (single use)", "Stripe collects"},
		{"fr", "Stripe collecte les informations de ce compte", "Lien de compte (usage unique)", "collecté par Stripe"},
	} {
		args := append(append([]string{}, global...), "--lang", c.lang)
		for _, id := range ids {
			out, stderr, code := runWith(t, "", append(args, "status", id)...)
			if code != 0 || !strings.Contains(out, c.collects) {
				t.Errorf("%s status %s: exit %d\n%s\n%s", c.lang, id, code, out, stderr)
			}
			out, stderr, code = runWith(t, "", append(args, "resume", id, "--answers", answers)...)
			if code != 0 || !strings.Contains(out, c.collects) || !strings.Contains(out, c.link) || !strings.Contains(out, "\n  https://") {
				t.Errorf("%s resume %s: exit %d\n%s\n%s", c.lang, id, code, out, stderr)
			}
			if strings.Contains(out, "✓") {
				t.Errorf("%s resume %s sent answers:\n%s", c.lang, id, out)
			}
		}
		out, stderr, code := runWith(t, "", append(args, "accounts")...)
		if code != 0 || strings.Count(out, c.mark) != len(ids) {
			t.Errorf("%s accounts: exit %d, want %d marked\n%s\n%s", c.lang, code, len(ids), out, stderr)
		}
	}
}

// servedSandbox serves a test's own sandbox on loopback, as `onboard
// sandbox serve` does, and gives its address, Stripe's v1 API on it
// and the sandbox itself (to move its clock).
func servedSandbox(t *testing.T) (string, stripeapi.Adapter, *sandbox.Sandbox) {
	t.Helper()
	sb := openSandbox(t)
	srv := httptest.NewServer(sb.Handler())
	t.Cleanup(srv.Close)
	sc, _ := stripetest.Client("sk_test_123", srv.URL, nil)
	return srv.URL, sc, sb
}
