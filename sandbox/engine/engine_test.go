package engine

import (
	"slices"
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func newAccount() *Account {
	return &Account{ID: "acct_1", Created: t0.Unix(), Country: "US", BusinessType: "individual",
		DefaultCurrency: "usd", Controller: Controller{RequirementCollection: "application"},
		Capabilities: map[string]bool{"transfers": true}, Profile: map[string]string{},
		Metadata: map[string]string{}, Fields: map[string]Field{}}
}

// A document is reviewed on its own: pending until the delay has passed,
// then done, or failed with the code its test value implied.
func TestDocumentSettlesAfterTheDelay(t *testing.T) {
	for _, tc := range []struct {
		code string
		want FieldStatus
	}{{"", FieldDone}, {"verification_document_failed_other", FieldFailed}} {
		a := newAccount()
		const path = "individual.verification.document"
		Submit(a, path, Outcome{Code: tc.code}, t0, time.Minute)
		if got := Status(a, path, t0.Add(59*time.Second)); got != FieldPending {
			t.Errorf("code %q before the delay: %v, want pending", tc.code, got)
		}
		if got := Status(a, path, t0.Add(time.Minute)); got != tc.want {
			t.Errorf("code %q after the delay: %v, want %v", tc.code, got, tc.want)
		}
	}
}

// A value that verified stays verified: a later failing value does not
// restrict the account again.
func TestVerifiedOnlyLoosens(t *testing.T) {
	a := newAccount()
	const path = "individual.verification.document"
	Submit(a, path, Outcome{Immediate: true}, t0, time.Minute)
	Freeze(a, t0)
	Submit(a, path, Outcome{Code: "verification_document_failed_other", Immediate: true}, t0.Add(time.Hour), 0)
	if got := Status(a, path, t0.Add(2*time.Hour)); got != FieldDone {
		t.Errorf("after a failing value: %v, want done", got)
	}
}

// Stripe's test values decide the outcome: the documented successes,
// anything else a failure.
func TestTestValueOutcomes(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  Outcome
		want Outcome
	}{
		{"dob 1901-01-01", DOBOutcome(Date{Day: 1, Month: 1, Year: 1901}), Outcome{}},
		{"dob 1902-01-01", DOBOutcome(Date{Day: 1, Month: 1, Year: 1902}), Outcome{Immediate: true}},
		{"dob 1980-05-17", DOBOutcome(Date{Day: 17, Month: 5, Year: 1980}), Outcome{Code: "verification_failed_keyed_identity"}},
		{"id 000000000", IDNumberOutcome("000000000"), Outcome{}},
		{"id 222222222", IDNumberOutcome("222222222"), Outcome{Immediate: true}},
		{"id 111111111", IDNumberOutcome("111111111"), Outcome{Code: "verification_failed_id_number_match"}},
		{"address_no_match", AddressOutcome("address_no_match"), Outcome{Code: "verification_failed_address_match"}},
		{"an address", AddressOutcome("address_full_match"), Outcome{}},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, tc.got, tc.want)
		}
	}
}

// A new account owes what every account owes; once the platform's
// account-level facts are in, they leave the lists and nothing is enabled
// while the individual is still missing.
func TestDeriveFromFacts(t *testing.T) {
	a := newAccount()
	d := Derive(a, t0)
	for _, p := range []string{"business_profile.url", "external_account", "tos_acceptance.date", "tos_acceptance.ip"} {
		if !slices.Contains(d.CurrentlyDue, p) {
			t.Errorf("new account: %s not currently due in %v", p, d.CurrentlyDue)
		}
	}
	if d.DetailsSubmitted || d.PayoutsEnabled || d.Capabilities["transfers"] != "inactive" {
		t.Errorf("new account: details %v payouts %v transfers %q", d.DetailsSubmitted, d.PayoutsEnabled, d.Capabilities["transfers"])
	}
	for _, p := range []string{"tos_acceptance.date", "tos_acceptance.ip"} {
		Submit(a, p, Outcome{}, t0, 0)
	}
	d = Derive(a, t0.Add(time.Second))
	if slices.Contains(d.CurrentlyDue, "tos_acceptance.date") || slices.Contains(d.CurrentlyDue, "tos_acceptance.ip") {
		t.Errorf("after the ToS: still due %v", d.CurrentlyDue)
	}
	if !slices.Contains(d.CurrentlyDue, "external_account") || d.Capabilities["transfers"] == "active" {
		t.Errorf("after the ToS: due %v, transfers %q", d.CurrentlyDue, d.Capabilities["transfers"])
	}
}
