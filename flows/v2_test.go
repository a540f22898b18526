package flows

import (
	"slices"
	"testing"
)

// A v2 account as the preview returns it (sandbox-rules §4.4–4.6).
const v2Fixture = `{
 "id": "acct_v2test", "object": "v2.core.account", "created": "2026-11-23T12:00:00.000Z",
 "applied_configurations": ["merchant", "recipient"], "contact_email": "jenny@example.com",
 "identity": {"country": "us", "entity_type": "individual",
   "individual": {"given_name": "Jenny", "date_of_birth": {"day": 1, "month": 1, "year": 1901}, "address": {"city": "San Francisco"}}},
 "configuration": {
   "merchant": {"applied": true, "capabilities": {"card_payments": {"requested": true, "status": "restricted",
      "status_details": [{"code": "requirements_past_due", "resolution": "provide_info"}]}}},
   "recipient": {"applied": true, "capabilities": {"stripe_balance": {
      "stripe_transfers": {"requested": true, "status": "pending", "status_details": [{"code": "requirements_pending_verification", "resolution": "no_resolution"}]},
      "payouts": {"requested": true, "status": "active", "status_details": []}}}},
   "customer": null},
 "defaults": {"currency": "usd"},
 "requirements": {"entries": [
   {"awaiting_action_from": "user", "description": "identity.individual.surname", "errors": [],
    "impact": {"restricts_capabilities": [{"capability": "card_payments", "configuration": "merchant", "deadline": {"status": "past_due"}}]},
    "minimum_deadline": {"status": "past_due"}, "requested_reasons": [{"code": "routine_onboarding"}]},
   {"awaiting_action_from": "user", "description": "identity.individual.id_numbers", "errors": [],
    "minimum_deadline": {"status": "eventually_due"}},
   {"awaiting_action_from": "stripe", "description": "identity.individual.date_of_birth", "errors": [],
    "minimum_deadline": {"status": "currently_due"}},
   {"awaiting_action_from": "user", "description": "configuration.merchant.mcc",
    "errors": [{"code": "invalid_value_other", "description": "MCC not allowed"}], "minimum_deadline": {"status": "currently_due"}}
 ], "summary": {"minimum_deadline": {"status": "past_due", "time": "2026-12-07T12:00:00.000Z"}}}
}`

func TestNormalizeV2(t *testing.T) {
	a, err := NormalizeV2([]byte(v2Fixture))
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
	if merchant["card_payments"] == nil || recipient["stripe_transfers"] == nil || recipient["payouts"] == nil {
		t.Errorf("configuration %v", cfg)
	}
	if b["identity"].(map[string]any)["country"] != "us" || b["contact_email"] != "a@b.co" || b["dashboard"] != "none" {
		t.Errorf("body %v", b)
	}
}
