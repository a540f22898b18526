package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"onboard/flows"
	"onboard/schema"
)

// v2Fixture is a v2.core.account with a merchant and a recipient
// configuration and four entries (one past due with an impact, one
// awaiting Stripe, one with an error); copied from flows' tests.
const v2Fixture = `{
 "id": "acct_0000000000000000", "object": "v2.core.account", "created": "2026-11-23T12:00:00.000Z",
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

func v2Account(t *testing.T) schema.Account {
	t.Helper()
	a, err := flows.NormalizeV2([]byte(v2Fixture))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// The status panel of a v2 account groups capabilities by configuration,
// each with its status and first status detail.
func TestStatusPanelV2(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	tm := teatest.NewTestModel(t, statusHost{c, v2Account(t)}, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "verifying")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	v := ansi.Strip(tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View())
	for _, want := range []string{"Merchant", "card_payments", "restricted", "requirements_past_due",
		"Recipient", "stripe_balance.payouts", "active", "requirements_pending_ve"} {
		if !strings.Contains(v, want) {
			t.Errorf("panel lacks %q:\n%s", want, v)
		}
	}
	for i, line := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(line); w > statusPanelWidth {
			t.Errorf("line %d is %d wide: %q", i, w, line)
		}
	}
	teatest.RequireEqualOutput(t, []byte(v))
}

// The summary of a v2 account lists its entries: what each restricts,
// where, at which deadline, and who must act (en and fr, 80×24).
func TestSummaryV2(t *testing.T) {
	for _, lang := range schema.Langs {
		t.Run("summary_v2_"+string(lang), func(t *testing.T) {
			c, _ := testCommon(t, lang)
			m := New(c, Start{})
			m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
			m.account, m.loaded = v2Account(t), true
			m.screen, m.form = screenSummary, nil
			v := ansi.Strip(m.View())
			want := []string{"identity.individual.surname", txtActUser.In(lang), txtActStripe.In(lang),
				"card_payments (" + txtConfigMerchant.In(lang) + ")", "invalid_value_other"}
			for _, w := range want {
				if !strings.Contains(v, w) {
					t.Errorf("summary lacks %q:\n%s", w, v)
				}
			}
			teatest.RequireEqualOutput(t, []byte(v))
		})
	}
}
