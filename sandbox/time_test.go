package sandbox

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

func TestVolumeThresholdAndDeadline(t *testing.T) {
	e := newTransportEnv(t)
	a := e.onboardWith()
	if !a.ChargesEnabled || len(a.Requirements.CurrentlyDue) != 0 || !slices.Contains(a.Requirements.EventuallyDue, "individual.id_number") {
		t.Fatalf("not onboarded: %+v", a.Requirements)
	}
	now, _ := e.sb.Now(e.ctx)
	if err := e.sb.AddVolume(e.ctx, a.ID, 499_999_99); err != nil {
		t.Fatal(err)
	}
	if a = e.get(a.ID); len(a.Requirements.CurrentlyDue) != 0 {
		t.Fatalf("below $500,000 nothing is due: %v", a.Requirements.CurrentlyDue)
	}
	if err := e.sb.AddVolume(e.ctx, a.ID, 1); err != nil {
		t.Fatal(err)
	}
	a = e.get(a.ID)
	r := a.Requirements
	wantList(t, "currently_due at $500,000", r.CurrentlyDue, []string{"individual.id_number"})
	wantList(t, "past_due before the deadline", r.PastDue, []string{})
	if want := now.Add(DefaultGrace).Unix(); r.CurrentDeadline != want {
		t.Errorf("current_deadline %d, want %d", r.CurrentDeadline, want)
	}
	if !a.ChargesEnabled || a.Capabilities.CardPayments != "active" || r.DisabledReason != "" {
		t.Errorf("before the deadline the account stays enabled: %+v %q", a.Capabilities, r.DisabledReason)
	}
	e.advance(DefaultGrace - time.Second)
	if a = e.get(a.ID); len(a.Requirements.PastDue) != 0 {
		t.Fatalf("past due a second early")
	}
	e.advance(time.Second)
	a = e.get(a.ID)
	wantList(t, "past_due after the deadline", a.Requirements.PastDue, []string{"individual.id_number"})
	if a.ChargesEnabled || a.PayoutsEnabled || a.Capabilities.CardPayments != "inactive" || a.Requirements.DisabledReason != "requirements.past_due" {
		t.Errorf("after the deadline: charges %v payouts %v caps %+v", a.ChargesEnabled, a.PayoutsEnabled, a.Capabilities)
	}
	// The deadline passing is published without any write.
	var last *stripe.Event
	for ev, err := range e.sc.V1Events.List(e.ctx, onAccount(a.ID, &stripe.EventListParams{Type: stripe.String("account.updated")})) {
		if err != nil {
			t.Fatal(err)
		}
		last = ev
		break
	}
	if last == nil || !strings.Contains(string(last.Data.Raw), `"past_due":["individual.id_number"]`) {
		t.Errorf("no account.updated for the deadline")
	}
	e.mustUpdate(a.ID, "individual[id_number]", "000000000")
	e.advance(time.Minute)
	a = e.get(a.ID)
	if len(a.Requirements.CurrentlyDue) != 0 || !a.ChargesEnabled || a.Requirements.CurrentDeadline != 0 {
		t.Errorf("after supplying: %+v", a.Requirements)
	}
}

func TestThirtyDaysAfterFirstCharge(t *testing.T) {
	e := newTransportEnv(t)
	c := countryCases[2] // GB
	a := e.createAccount("GB", "individual")
	e.onboard(c, "individual", a.ID)
	e.advance(time.Minute)
	if err := e.sb.AddVolume(e.ctx, a.ID, 100); err != nil {
		t.Fatal(err)
	}
	first, _ := e.sb.Now(e.ctx)
	e.advance(30*24*time.Hour - time.Second)
	if a = e.get(a.ID); len(a.Requirements.CurrentlyDue) != 0 {
		t.Fatalf("due before 30 days: %v", a.Requirements.CurrentlyDue)
	}
	e.advance(time.Second)
	a = e.get(a.ID)
	wantList(t, "currently_due at 30 days", a.Requirements.CurrentlyDue, []string{"individual.verification.document"})
	if want := first.Add(30*24*time.Hour + DefaultGrace).Unix(); a.Requirements.CurrentDeadline != want {
		t.Errorf("deadline %d, want %d", a.Requirements.CurrentDeadline, want)
	}
	a = e.mustUpdate(a.ID, "individual[verification][document][front]", "file_identity_document_success")
	wantList(t, "pending", a.Requirements.PendingVerification, []string{"individual.verification.document"})
	if a.Requirements.CurrentDeadline == 0 {
		t.Errorf("a pending item keeps its deadline")
	}
	e.advance(time.Minute)
	if a = e.get(a.ID); len(a.Requirements.CurrentlyDue)+len(a.Requirements.EventuallyDue) != 0 {
		t.Errorf("after the document: %+v", a.Requirements)
	}
}

func TestTriggers(t *testing.T) {
	t.Run("next_requirements", func(t *testing.T) {
		e := newTransportEnv(t)
		a := e.onboardWith()
		if err := e.sb.Trigger(e.ctx, a.ID, TriggerNextRequirements); err != nil {
			t.Fatal(err)
		}
		a = e.get(a.ID)
		wantList(t, "currently_due", a.Requirements.CurrentlyDue, []string{"individual.id_number"})
		if !a.ChargesEnabled || a.Requirements.CurrentDeadline == 0 {
			t.Errorf("next requirements come with a deadline, not a block")
		}
	})
	t.Run("charge_block", func(t *testing.T) {
		e := newTransportEnv(t)
		a := e.onboardWith()
		if err := e.sb.Trigger(e.ctx, a.ID, TriggerChargeBlock); err != nil {
			t.Fatal(err)
		}
		a = e.get(a.ID)
		wantList(t, "currently_due", a.Requirements.CurrentlyDue, []string{"individual.id_number"})
		wantList(t, "past_due", a.Requirements.PastDue, []string{"individual.id_number"})
		wantList(t, "eventually_due", a.Requirements.EventuallyDue, a.Requirements.CurrentlyDue)
		if a.ChargesEnabled || a.PayoutsEnabled {
			t.Errorf("charge block: charges %v payouts %v", a.ChargesEnabled, a.PayoutsEnabled)
		}
		e.mustUpdate(a.ID, "individual[id_number]", "222222222")
		if a = e.get(a.ID); !a.ChargesEnabled {
			t.Errorf("supplying the items re-enables charges: %+v", a.Requirements)
		}
	})
	t.Run("payout_block over HTTP", func(t *testing.T) {
		e := newHTTPEnv(t)
		srv := e.sc.V1Accounts // keep the client; the admin call goes through the handler
		_ = srv
		a := e.onboardWith()
		rec := adminPost(t, e.sb, "/_sandbox/accounts/"+a.ID+"/trigger", url.Values{"action": {"payout_block"}})
		if rec.Code != 200 {
			t.Fatalf("trigger: %d %s", rec.Code, rec.Body)
		}
		a = e.get(a.ID)
		if !a.ChargesEnabled || a.PayoutsEnabled || a.Capabilities.CardPayments != "active" {
			t.Errorf("payout block: charges %v payouts %v caps %+v", a.ChargesEnabled, a.PayoutsEnabled, a.Capabilities)
		}
		if rec := adminPost(t, e.sb, "/_sandbox/accounts/"+a.ID+"/trigger", url.Values{"action": {"nope"}}); rec.Code != 400 {
			t.Errorf("bad action: %d", rec.Code)
		}
	})
	t.Run("blocks wait for the initial requirements", func(t *testing.T) {
		e := newTransportEnv(t)
		a := e.createUSIndividual()
		if err := e.sb.Trigger(e.ctx, a.ID, TriggerChargeBlock); err != nil {
			t.Fatal(err)
		}
		if b := e.get(a.ID); slices.Contains(b.Requirements.CurrentlyDue, "individual.id_number") {
			t.Errorf("a block before onboarding must do nothing")
		}
	})
}

func TestRejectAccount(t *testing.T) {
	e := newTransportEnv(t)
	a := e.onboardWith()
	a, err := e.sc.V1Accounts.Reject(e.ctx, a.ID, &stripe.AccountRejectParams{Reason: stripe.String("fraud")})
	if err != nil {
		t.Fatal(err)
	}
	if a.Requirements.DisabledReason != "rejected.fraud" || a.ChargesEnabled || a.PayoutsEnabled || a.Capabilities.CardPayments != "inactive" {
		t.Errorf("rejected: %q charges %v caps %+v", a.Requirements.DisabledReason, a.ChargesEnabled, a.Capabilities)
	}
	_, err = e.sc.V1Accounts.Reject(e.ctx, a.ID, &stripe.AccountRejectParams{Reason: stripe.String("bored")})
	wantErr(t, err, 400, "", "reason")
}

// adminPost sends a form POST to the sandbox handler directly.
func adminPost(t *testing.T, sb *Sandbox, path string, form url.Values) *recorderT {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, "http://sandbox"+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer sk_test_x")
	rec := newRecorderT()
	checked(t, sb.Handler()).ServeHTTP(rec, req)
	return rec
}

func TestAdminVolumeEndpoint(t *testing.T) {
	e := newTransportEnv(t)
	a := e.onboardWith()
	if rec := adminPost(t, e.sb, "/_sandbox/accounts/"+a.ID+"/volume", url.Values{"amount": {"50000000"}}); rec.Code != 200 {
		t.Fatalf("volume: %d %s", rec.Code, rec.Body)
	}
	if a = e.get(a.ID); !slices.Contains(a.Requirements.CurrentlyDue, "individual.id_number") {
		t.Errorf("$500,000 over HTTP: %v", a.Requirements.CurrentlyDue)
	}
	if rec := adminPost(t, e.sb, "/_sandbox/accounts/"+a.ID+"/volume", url.Values{"amount": {"-1"}}); rec.Code != 400 {
		t.Errorf("negative amount: %d", rec.Code)
	}
	if rec := adminPost(t, e.sb, "/_sandbox/accounts/acct_nope/trigger", url.Values{"action": {"charge_block"}}); rec.Code != 404 {
		t.Errorf("missing account: %d", rec.Code)
	}
}
