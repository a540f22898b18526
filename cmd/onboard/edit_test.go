package main

import (
	"context"
	"strings"
	"testing"
	"time"
)

// resume --answers ignores answers for fields that are not due and says
// so; with --edit it sends them, says which values it replaced, and a
// failed address corrected that way completes the account.
func TestResumeEditCorrectsTheAddress(t *testing.T) {
	isolate(t)
	base, _, sb := servedSandbox(t)
	global := []string{"--api-base", base, "--api-key", "sk_test_edit"}
	ans := map[string]any{
		"country": "US", "business_type": "individual",
		"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
		"individual.first_name": "Jenny", "individual.last_name": "Rosen", "individual.dob": "1901-01-01",
		"individual.email": "jenny@example.com", "individual.phone": "+14155550123",
		"individual.ssn_last_4": "0000", "individual.id_number": "000000000",
		"individual.address.line1": "address_no_match", "individual.address.city": "San Francisco",
		"individual.address.state": "CA", "individual.address.postal_code": "94107",
		"external_account": map[string]any{"routing_number": "110000000", "account_number": "000123456789"},
		"tos_acceptance":   true,
	}
	out, stderr, code := runWith(t, "", append(global, "new", "--upfront", "--answers", writeAnswers(t, ans))...)
	id := createdRE.FindString(out)
	if code != 0 || id == "" {
		t.Fatalf("setup: exit %d\n%s\n%s", code, out, stderr)
	}
	if _, err := sb.Advance(context.Background(), time.Minute); err != nil {
		t.Fatal(err)
	}
	fix := writeAnswers(t, map[string]any{"individual.address.line1": "address_full_match", "business_profile.mcc": "5734"})
	out, stderr, code = runWith(t, "", append(global, "resume", id, "--answers", fix)...)
	if code != exitStillDue || !strings.Contains(out, "Not due, ignored (--edit sends them): business_profile.mcc, individual.address.line1") {
		t.Fatalf("without --edit: exit %d\n%s\n%s", code, out, stderr)
	}
	out, stderr, code = runWith(t, "", append(global, "resume", id, "--answers", fix, "--edit")...)
	if code != 0 || !strings.Contains(out, "Replaced Address: Address line 1: address_no_match → address_full_match") ||
		strings.Contains(out, "ignored") || strings.Contains(out, "5734 →") {
		t.Fatalf("with --edit: exit %d\n%s\n%s", code, out, stderr)
	}
	if _, err := sb.Advance(context.Background(), time.Minute); err != nil {
		t.Fatal(err)
	}
	out, _, _ = runWith(t, "", append(global, "status", id)...)
	if !strings.Contains(out, "complete") {
		t.Errorf("after the correction:\n%s", out)
	}
}
