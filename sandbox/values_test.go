package sandbox

import (
	"slices"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

// TestMoreTestValues covers the address and business test values not covered by
// TestVerificationFailures: each override on a complete US individual.
func TestMoreTestValues(t *testing.T) {
	cases := []struct {
		name      string
		overrides []string
		want      map[string]string
		charges   bool
	}{
		{"address_line1_no_match", []string{"individual[address][line1]", "address_line1_no_match"},
			map[string]string{"individual.verification.additional_document": "verification_failed_address_match"}, false},
		{"geoblocked", []string{"business_profile[url]", "https://geoblocked.stripe.com"},
			map[string]string{"business_profile.url": "invalid_url_website_inaccessible_geoblocked"}, false},
		{"mismatch url", []string{"business_profile[url]", "https://mismatch.stripe.com"},
			map[string]string{"business_profile.url": "invalid_url_website_business_information_mismatch"}, false},
		{"disallowed_dba", []string{"business_profile[name]", "disallowed_dba"},
			map[string]string{"business_profile.name": "invalid_business_profile_name_denylisted"}, false},
		{"invalid_dba", []string{"business_profile[name]", "invalid_dba"},
			map[string]string{"business_profile.name": "invalid_business_profile_name"}, false},
		{"descriptor mismatch", []string{"settings[payments][statement_descriptor]", "mismatch"},
			map[string]string{"settings.payments.statement_descriptor": "invalid_statement_descriptor_business_mismatch"}, false},
		{"descriptor disallowed", []string{"settings[payments][statement_descriptor]", "disallowed"},
			map[string]string{"settings.payments.statement_descriptor": "invalid_statement_descriptor_denylisted"}, false},
		{"id_number 000000000", []string{"individual[id_number]", "000000000"}, map[string]string{}, true},
		{"dob 1902 immediate", []string{"individual[dob][year]", "1902"}, map[string]string{}, true},
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
				if got[req] != code || !slices.Contains(a.Requirements.CurrentlyDue, req) {
					t.Errorf("%s: code %q (due %v), want %q", req, got[req], a.Requirements.CurrentlyDue, code)
				}
			}
			if a.ChargesEnabled != tc.charges {
				t.Errorf("charges_enabled %v, want %v", a.ChargesEnabled, tc.charges)
			}
		})
	}
}

func TestImmediateDOB(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	a = e.mustUpdate(a.ID, "individual[dob][day]", "1", "individual[dob][month]", "1", "individual[dob][year]", "1902",
		"individual[first_name]", "J", "individual[last_name]", "R", "individual[address][line1]", "address_full_match",
		"individual[ssn_last_4]", "2222")
	for _, p := range a.Requirements.PendingVerification {
		if p == "individual.dob.day" || p == "individual.ssn_last_4" {
			t.Errorf("%s pending, want settled in the same response", p)
		}
	}
}

func TestProductDescriptionAlternative(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	// Too short: accepted, then answered as a requirements error (Stripe
	// reviews the description after the request).
	e.mustUpdate(a.ID, "business_profile[product_description]", "short")
	e.advance(time.Minute)
	if a = e.get(a.ID); errorsOf(a)["business_profile.product_description"] != "invalid_product_description_length" {
		t.Errorf("short description: errors %v", errorsOf(a))
	}
	a = e.mustUpdate(a.ID, "business_profile[product_description]", "We rent rockets to hobbyists.")
	if slices.Contains(a.Requirements.CurrentlyDue, "business_profile.url") || len(a.Requirements.Alternatives) != 0 {
		t.Errorf("a product description resolves the URL: %v %v", a.Requirements.CurrentlyDue, a.Requirements.Alternatives)
	}
	a = e.mustUpdate(a.ID, "business_profile[product_description]", "require_url")
	e.advance(time.Minute)
	a = e.get(a.ID)
	if errorsOf(a)["business_profile.product_description"] != "invalid_url_web_presence_detected" ||
		!slices.Contains(a.Requirements.CurrentlyDue, "business_profile.url") {
		t.Errorf("require_url: errors %v due %v", errorsOf(a), a.Requirements.CurrentlyDue)
	}
}

func TestBusinessAddressTokens(t *testing.T) {
	cases := []struct {
		line1            string
		charges, payouts bool
		due              []string
	}{
		{"address_full_match", true, true, []string{}},
		{"address_no_match", true, false, []string{"company.address.line1"}},
		{"address_line1_no_match", false, false, []string{"company.address.city", "company.address.line1", "company.address.postal_code", "company.address.state"}},
	}
	for _, tc := range cases {
		t.Run(tc.line1, func(t *testing.T) {
			e := newTransportEnv(t)
			c := countryCases[0]
			a := e.createAccount("US", "company")
			e.onboard(c, "company", a.ID)
			e.mustUpdate(a.ID, "company[address][line1]", tc.line1)
			e.advance(time.Minute)
			a = e.get(a.ID)
			wantList(t, "currently_due", a.Requirements.CurrentlyDue, tc.due)
			if a.ChargesEnabled != tc.charges || a.PayoutsEnabled != tc.payouts {
				t.Errorf("charges %v payouts %v, want %v %v", a.ChargesEnabled, a.PayoutsEnabled, tc.charges, tc.payouts)
			}
		})
	}
}

func TestInactivityURL(t *testing.T) {
	e := newTransportEnv(t)
	a := e.onboardWith("business_profile[url]", "https://inactivity.stripe.com")
	c, err := e.sc.V1Capabilities.Retrieve(e.ctx, "card_payments", &stripe.CapabilityRetrieveParams{Account: stripe.String(a.ID)})
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != "inactive" || c.Requirements.DisabledReason != "paused.inactivity" {
		t.Errorf("capability %q %q", c.Status, c.Requirements.DisabledReason)
	}
}

func TestDescriptorPrefixAndURLs(t *testing.T) {
	cases := []struct{ key, value, req, code string }{
		{"settings[card_payments][statement_descriptor_prefix]", "mismatch", "settings.card_payments.statement_descriptor_prefix", "invalid_statement_descriptor_prefix_mismatch"},
		{"settings[card_payments][statement_descriptor_prefix]", "disallowed", "settings.card_payments.statement_descriptor_prefix", "invalid_statement_descriptor_prefix_denylisted"},
		{"business_profile[url]", "https://missing.stripe.com", "business_profile.url", "invalid_url_website_incomplete"},
		{"business_profile[url]", "https://passwordprotected.stripe.com", "business_profile.url", "invalid_url_website_inaccessible_password_protected"},
		{"business_profile[url]", "https://underconstruction.stripe.com", "business_profile.url", "invalid_url_website_incomplete_under_construction"},
		{"business_profile[url]", "https://inaccessible.stripe.com", "business_profile.url", "invalid_url_website_inaccessible"},
	}
	for _, tc := range cases {
		t.Run(tc.value, func(t *testing.T) {
			e := newTransportEnv(t)
			a := e.onboardWith(tc.key, tc.value)
			if got := errorsOf(a)[tc.req]; got != tc.code {
				t.Errorf("%s: %q, want %q", tc.req, got, tc.code)
			}
		})
	}
}

func TestMagicBankTokens(t *testing.T) {
	for tok, code := range map[string]string{"btok_us_verified": "", "btok_us_verified_noAccount": "no_account", "btok_us_verified_invalidCurrency": "invalid_currency"} {
		e := newTransportEnv(t)
		a := e.onboardWith()
		e.mustUpdate(a.ID, "external_account", tok)
		e.advance(time.Minute)
		if a = e.get(a.ID); !a.PayoutsEnabled {
			t.Errorf("%s: payouts off at onboarding; the guide has only a payout fail", tok)
		}
		if err := e.sb.Trigger(e.ctx, a.ID, TriggerPayout); err != nil {
			t.Fatal(err)
		}
		if a = e.get(a.ID); (code == "") != a.PayoutsEnabled {
			t.Errorf("%s after a payout: payouts %v", tok, a.PayoutsEnabled)
		}
	}
}

func TestUSPublicCompanyNeedsNoOwners(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createAccount("US", "company")
	a = e.mustUpdate(a.ID, "company[structure]", "public_corporation")
	if slices.Contains(a.Requirements.CurrentlyDue, "relationship.owner") || slices.Contains(a.Requirements.CurrentlyDue, "company.owners_provided") {
		t.Errorf("public company asked for owners: %v", a.Requirements.CurrentlyDue)
	}
}
