package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
)

// accounts says why each account is urgent (a REASON column, in English
// and French), and --state failed_verification keeps the account whose
// verification failed, not the one merely incomplete.
func TestAccountsSaysWhyAndFiltersFailedVerification(t *testing.T) {
	isolate(t)
	srvURL, sc, sb := servedSandbox(t)
	cl := flows.New(sc)
	ctx := context.Background()
	ans, err := answers.Load("../../examples/us-individual.json", answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ans.Values["individual.address.line1"] = "address_no_match"
	failed, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	if _, err := answers.Run(ctx, cl, failed, flows.Strategy{Upfront: true}, ans, io.Discard); err != nil {
		t.Fatal(flows.Message(err))
	}
	if _, err := sb.Advance(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"transfers"}}); err != nil {
		t.Fatal(flows.Message(err))
	}
	global := []string{"--api-base", srvURL, "--api-key", "sk_test_123"}
	for _, c := range []struct{ lang, header, reason string }{
		{"en", "REASON", "verification failed: the address could not be matched"},
		{"fr", "MOTIF", "vérification échouée\u00a0: l'adresse n'a pas pu être rattachée"},
	} {
		args := append(append([]string{}, global...), "--lang", c.lang, "accounts", "--state", "failed_verification")
		out, stderr, code := runWith(t, "", args...)
		if code != 0 || !strings.Contains(out, c.header) || !strings.Contains(out, c.reason) || !strings.Contains(out, failed.ID) ||
			strings.Count(out, "acct_") != 1 {
			t.Errorf("%s accounts --state failed_verification: exit %d\n%s\n%s", c.lang, code, out, stderr)
		}
	}
}
