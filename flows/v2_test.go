package flows

import (
	"os"
	"slices"
	"testing"
)

func TestNormalizeV2(t *testing.T) {
	raw, err := os.ReadFile("testdata/v2_account.json") // as the preview returned it
	if err != nil {
		t.Fatal(err)
	}
	a, err := NormalizeV2(raw)
	if err != nil {
		t.Fatal(err)
	}
	if a.Country != "US" || a.BusinessType != "individual" || a.Known["individual.first_name"] != "Jenny" || a.Known["individual.dob"] != "1901-01-01" {
		t.Errorf("identity: %+v known %v", a, a.Known)
	}
	r := a.Requirements
	if !slices.Equal(r.PastDue, []string{"individual.last_name"}) ||
		!slices.Equal(r.CurrentlyDue, []string{"individual.last_name", "business_profile.mcc"}) ||
		!slices.Contains(r.EventuallyDue, "individual.id_number") ||
		!slices.Equal(r.PendingVerification, []string{"individual.dob"}) {
		t.Errorf("requirements: %+v", r)
	}
	if len(r.Errors) != 1 || r.Errors[0].Requirement != "business_profile.mcc" || r.CurrentDeadline.IsZero() {
		t.Errorf("errors/deadline: %+v", r)
	}
	if a.ChargesEnabled || !a.PayoutsEnabled {
		t.Errorf("charges %v payouts %v", a.ChargesEnabled, a.PayoutsEnabled)
	}
	if len(a.V2.Configurations) != 2 || a.V2.Configurations[1].Capabilities[0].Name != "stripe_balance.payouts" {
		t.Errorf("configurations: %+v", a.V2.Configurations)
	}
	st := StatusOf(a)
	if st.Configurations["merchant"]["card_payments"].StatusDetails[0].Code != "requirements_past_due" ||
		st.Capabilities["recipient.stripe_balance.stripe_transfers"] != "pending" || len(*st.Requirements.Entries) != 4 {
		t.Errorf("status: %+v", st)
	}
	if State(a) != StateChargesDisabled { // payouts active, cards restricted
		t.Errorf("state %q", State(a))
	}
	steps := Plan(a, Strategy{}, nil, "en")
	if len(steps) == 0 || steps[0].Fields[0].Key != "individual.last_name" {
		t.Errorf("plan starts with %+v", steps)
	}
}

func TestV2CreateBody(t *testing.T) {
	b := v2CreateBody(NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"card_payments", "transfers"}, Email: "a@b.co"})
	cfg := b["configuration"].(map[string]any)
	merchant := cfg["merchant"].(map[string]any)["capabilities"].(map[string]any)
	recipient := cfg["recipient"].(map[string]any)["capabilities"].(map[string]any)["stripe_balance"].(map[string]any)
	if merchant["card_payments"] == nil || recipient["stripe_transfers"] == nil || recipient["payouts"] != nil {
		t.Errorf("configuration %v", cfg)
	}
	if b["identity"].(map[string]any)["country"] != "us" || b["contact_email"] != "a@b.co" || b["dashboard"] != "none" {
		t.Errorf("body %v", b)
	}
}

// A GA (2025-12-15.clover) account: capabilities without requested, a
// person's entry referenced by a resource id string, the business profile
// under defaults.profile, and future_requirements, which the plan reads.
func TestNormalizeV2GA(t *testing.T) {
	raw, err := os.ReadFile("testdata/v2_account_ga.json") // shaped as stripe-go v84's V2CoreAccount
	if err != nil {
		t.Fatal(err)
	}
	a, err := NormalizeV2(raw)
	if err != nil {
		t.Fatal(err)
	}
	if a.Known["business_profile.url"] != "https://rocket-rides.example" || a.Known["business_profile.product_description"] != "Rides" {
		t.Errorf("defaults.profile not read: %v", a.Known)
	}
	if !slices.Equal(a.Requirements.PastDue, []string{"person_1AbC.last_name"}) {
		t.Errorf("person entry: %+v", a.Requirements)
	}
	if !slices.Equal(a.Future.CurrentlyDue, []string{"company.name"}) || !slices.Contains(a.Future.EventuallyDue, "company.tax_id") {
		t.Errorf("future requirements: %+v", a.Future)
	}
	if !a.ChargesEnabled && !a.PayoutsEnabled || a.V2.Configurations[0].Capabilities[0].Status != "restricted" {
		t.Errorf("capabilities: %+v", a.V2.Configurations)
	}
	steps := Plan(a, Strategy{Future: true}, nil, "en")
	var keys []string
	for _, st := range steps {
		for _, f := range st.Fields {
			keys = append(keys, f.Key)
		}
	}
	if !slices.Contains(keys, "company.name") {
		t.Errorf("future requirement not planned with Future: %v", keys)
	}
}
