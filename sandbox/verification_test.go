package sandbox

import (
	"slices"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

// onboardWith submits everything with the given overrides, attaches the
// test bank and lets verification settle.
func (e *env) onboardWith(overrides ...string) *stripe.Account {
	e.t.Helper()
	a := e.createUSIndividual()
	kv := append(slices.Clone(identityFields), profileAndTOS...)
	for i := 0; i < len(overrides); i += 2 {
		if j := slices.Index(kv, overrides[i]); j >= 0 && j%2 == 0 {
			kv[j+1] = overrides[i+1]
		} else {
			kv = append(kv, overrides[i], overrides[i+1])
		}
	}
	e.mustUpdate(a.ID, kv...)
	e.attachBank(a.ID, "000123456789")
	e.advance(3 * time.Second)
	return e.get(a.ID)
}

func errorsOf(a *stripe.Account) map[string]string {
	out := map[string]string{}
	for _, er := range a.Requirements.Errors {
		out[er.Requirement] = er.Code
		if er.Reason == "" {
			panic("requirement error without reason")
		}
	}
	return out
}

func TestVerificationFailures(t *testing.T) {
	cases := []struct {
		name      string
		overrides []string
		want      map[string]string // requirement -> code
	}{
		// A failed date of birth or address is not asked again: the
		// document that replaces it is (the guide's combination table).
		{"dob", []string{"individual[dob][year]", "1950"}, map[string]string{
			"individual.verification.document": "verification_failed_keyed_identity"}},
		{"address", []string{"individual[address][line1]", "address_no_match"}, map[string]string{
			"individual.verification.additional_document": "verification_failed_address_match"}},
		{"ssn", []string{"individual[ssn_last_4]", "1234"}, map[string]string{
			"individual.ssn_last_4": "verification_failed_id_number_match"}},
		{"url", []string{"business_profile[url]", "https://problem.stripe.com"}, map[string]string{
			"business_profile.url": "invalid_url_website_other"}},
		{"url denylisted", []string{"business_profile[url]", "https://disallowed.stripe.com"}, map[string]string{
			"business_profile.url": "invalid_url_denylisted"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newTransportEnv(t)
			a := e.onboardWith(tc.overrides...)
			got := errorsOf(a)
			if len(got) != len(tc.want) {
				t.Fatalf("errors %v, want %v", got, tc.want)
			}
			for req, code := range tc.want {
				if got[req] != code {
					t.Errorf("%s: code %q, want %q", req, got[req], code)
				}
				if !slices.Contains(a.Requirements.CurrentlyDue, req) || !slices.Contains(a.Requirements.PastDue, req) {
					t.Errorf("%s not back in currently_due/past_due: %v", req, a.Requirements.CurrentlyDue)
				}
			}
			if a.ChargesEnabled || a.Capabilities.CardPayments != "inactive" || a.Requirements.DisabledReason != "requirements.past_due" {
				t.Errorf("failed verification must restrict: charges %v caps %+v", a.ChargesEnabled, a.Capabilities)
			}
		})
	}
}

func TestFixAfterFailure(t *testing.T) {
	e := newHTTPEnv(t)
	a := e.onboardWith("individual[dob][year]", "1950")
	if a.Individual.Verification.Status != "unverified" || a.Individual.Verification.DetailsCode == "" {
		t.Errorf("person verification %+v", a.Individual.Verification)
	}
	a = e.mustUpdate(a.ID, "individual[dob][day]", "1", "individual[dob][month]", "1", "individual[dob][year]", "1901")
	wantList(t, "pending after fix", a.Requirements.PendingVerification,
		[]string{"individual.dob.day", "individual.dob.month", "individual.dob.year"})
	wantList(t, "currently_due after fix", a.Requirements.CurrentlyDue, []string{})
	if len(a.Requirements.Errors) != 0 || !slices.Contains([]string{"pending"}, string(a.Capabilities.CardPayments)) {
		t.Errorf("errors %v caps %+v", a.Requirements.Errors, a.Capabilities)
	}
	e.advance(2 * time.Second)
	if a = e.get(a.ID); !a.ChargesEnabled || !a.PayoutsEnabled {
		t.Errorf("not enabled after fix: %+v", a.Requirements)
	}
}

func TestImmediateAndIDNumberValues(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	// 1902-01-01 verifies in the same response, even before the rest of
	// the identity is there.
	a = e.mustUpdate(a.ID, "individual[dob][day]", "1", "individual[dob][month]", "1", "individual[dob][year]", "1902")
	for _, p := range []string{"individual.dob.day", "individual.dob.month", "individual.dob.year"} {
		if slices.Contains(a.Requirements.CurrentlyDue, p) || slices.Contains(a.Requirements.PendingVerification, p) {
			t.Errorf("%s should be verified at once: %+v", p, a.Requirements)
		}
	}
	// Names wait for the identity core (dob, address, SSN) before checking.
	a = e.mustUpdate(a.ID, "individual[first_name]", "Jenny", "individual[last_name]", "Rosen")
	e.advance(time.Hour)
	a = e.get(a.ID)
	wantList(t, "names wait for the core", a.Requirements.PendingVerification, []string{"individual.first_name", "individual.last_name"})

	// A failing full SSN fails; 222222222 verifies at once.
	a = e.mustUpdate(a.ID, "individual[address][line1]", "address_full_match", "individual[id_number]", "111111111")
	e.advance(3 * time.Second)
	a = e.get(a.ID)
	if got := errorsOf(a); got["individual.id_number"] != "verification_failed_id_number_match" {
		t.Errorf("errors %v", got)
	}
	a = e.mustUpdate(a.ID, "individual[id_number]", "222-22-2222")
	if slices.Contains(a.Requirements.EventuallyDue, "individual.id_number") || slices.Contains(a.Requirements.PendingVerification, "individual.id_number") {
		t.Errorf("222222222 should verify immediately: %+v", a.Requirements)
	}
	if !a.Individual.IDNumberProvided || !a.Individual.SSNLast4Provided {
		t.Errorf("provided flags %+v", a.Individual)
	}
}

func TestTokensOnlyLoosen(t *testing.T) {
	e := newTransportEnv(t)
	a := e.onboardWith()
	if !a.ChargesEnabled {
		t.Fatalf("precondition: %+v", a.Requirements)
	}
	// Address tokens only loosen (Stripe's testing guide); a new business
	// URL is checked afresh (TestURLTestValuesAlwaysFail).
	a = e.mustUpdate(a.ID, "individual[address][line1]", "address_no_match")
	e.advance(time.Minute)
	a = e.get(a.ID)
	if !a.ChargesEnabled || len(a.Requirements.Errors) != 0 || len(a.Requirements.PendingVerification) != 0 {
		t.Errorf("a verified account was restricted again: %+v", a.Requirements)
	}
}

func TestMagicBankTokenAndInlineHash(t *testing.T) {
	e := newHTTPEnv(t)
	a := e.createUSIndividual()
	a = e.mustUpdate(a.ID, "external_account", "btok_us_verified")
	if n := len(a.ExternalAccounts.Data); n != 1 || a.ExternalAccounts.Data[0].BankAccount.Last4 != "6789" {
		t.Fatalf("magic token not attached: %+v", a.ExternalAccounts)
	}
	// stripe-go's inline form: external_account[object]=bank_account...
	a, err := e.sc.V1Accounts.Update(e.ctx, a.ID, &stripe.AccountUpdateParams{ExternalAccount: &stripe.AccountExternalAccountParams{
		Country: stripe.String("US"), Currency: stripe.String("usd"),
		RoutingNumber: stripe.String("110000000"), AccountNumber: stripe.String("000111111116"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(a.ExternalAccounts.Data); n != 1 || a.ExternalAccounts.Data[0].BankAccount.Last4 != "1116" {
		t.Fatalf("inline bank account did not replace the default: %+v", a.ExternalAccounts.Data)
	}
	if !slices.Contains(a.Requirements.PendingVerification, "external_account") {
		t.Errorf("new bank account should be pending: %v", a.Requirements.PendingVerification)
	}
}

func TestRecipientAgreement(t *testing.T) {
	e := newTransportEnv(t)
	p := &stripe.AccountCreateParams{
		Controller: &stripe.AccountCreateControllerParams{
			RequirementCollection: stripe.String("application"),
			Fees:                  &stripe.AccountCreateControllerFeesParams{Payer: stripe.String("application")},
			Losses:                &stripe.AccountCreateControllerLossesParams{Payments: stripe.String("application")},
			StripeDashboard:       &stripe.AccountCreateControllerStripeDashboardParams{Type: stripe.String("none")},
		},
		BusinessType:  stripe.String("individual"),
		TOSAcceptance: &stripe.AccountCreateTOSAcceptanceParams{ServiceAgreement: stripe.String("recipient")},
		Capabilities: &stripe.AccountCreateCapabilitiesParams{
			Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)},
		},
	}
	a, err := e.sc.V1Accounts.Create(e.ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(a.Requirements.CurrentlyDue, "business_profile.mcc") || a.TOSAcceptance.ServiceAgreement != "recipient" {
		t.Errorf("recipient account asks for an MCC: %v", a.Requirements.CurrentlyDue)
	}
	if a.Capabilities.CardPayments != "" || a.Capabilities.Transfers != "inactive" {
		t.Errorf("capabilities %+v", a.Capabilities)
	}
	_, err = e.update(a.ID, "capabilities[card_payments][requested]", "true")
	wantErr(t, err, 400, "", "capabilities[card_payments]")
}
