package sandbox

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

var usInitialDue = []string{
	"business_profile.mcc", "business_profile.url", "external_account",
	"individual.address.city", "individual.address.line1", "individual.address.postal_code",
	"individual.address.state", "individual.dob.day", "individual.dob.month", "individual.dob.year",
	"individual.email", "individual.first_name", "individual.last_name", "individual.phone",
	"individual.ssn_last_4", "tos_acceptance.date", "tos_acceptance.ip",
}

func TestOnboardUSIndividual(t *testing.T) {
	bothEnvs(t, func(t *testing.T, e *env) {
		a := e.createUSIndividual()
		if a.Type != "custom" || a.Country != "US" || a.DefaultCurrency != "usd" || a.Controller == nil ||
			a.Controller.RequirementCollection != "application" || a.Individual == nil || a.Individual.Object != "person" {
			t.Fatalf("unexpected account basics: %+v", a)
		}
		r := a.Requirements
		wantList(t, "currently_due", r.CurrentlyDue, usInitialDue)
		wantList(t, "past_due", r.PastDue, usInitialDue)
		wantList(t, "eventually_due", r.EventuallyDue, sortedWith(usInitialDue, "individual.id_number"))
		wantList(t, "pending_verification", r.PendingVerification, []string{})
		if r.DisabledReason != "requirements.past_due" || r.CurrentDeadline != 0 {
			t.Errorf("disabled_reason %q deadline %d", r.DisabledReason, r.CurrentDeadline)
		}
		if a.Capabilities.CardPayments != "inactive" || a.Capabilities.Transfers != "inactive" || a.ChargesEnabled || a.PayoutsEnabled {
			t.Errorf("capabilities %+v charges %v payouts %v", a.Capabilities, a.ChargesEnabled, a.PayoutsEnabled)
		}
		if a.FutureRequirements == nil || a.FutureRequirements.CurrentlyDue == nil {
			t.Errorf("future_requirements missing or with null lists")
		}

		e.mustUpdate(a.ID, append(slices.Clone(identityFields), profileAndTOS...)...)
		a = e.attachBank(a.ID, "000123456789")
		r = a.Requirements
		wantList(t, "currently_due after submit", r.CurrentlyDue, []string{})
		wantList(t, "pending_verification", r.PendingVerification, []string{
			"business_profile.url", "external_account",
			"individual.address.city", "individual.address.line1", "individual.address.postal_code",
			"individual.address.state", "individual.dob.day", "individual.dob.month", "individual.dob.year",
			"individual.first_name", "individual.last_name", "individual.ssn_last_4",
		})
		if a.Capabilities.CardPayments != "pending" || a.ChargesEnabled || !a.DetailsSubmitted ||
			r.DisabledReason != "requirements.pending_verification" {
			t.Errorf("while pending: caps %+v charges %v details %v reason %q",
				a.Capabilities, a.ChargesEnabled, a.DetailsSubmitted, r.DisabledReason)
		}
		if a.Individual.Verification.Status != "pending" || !a.Individual.SSNLast4Provided {
			t.Errorf("individual verification %q ssn provided %v", a.Individual.Verification.Status, a.Individual.SSNLast4Provided)
		}
		ba := a.ExternalAccounts.Data[0].BankAccount
		if ba == nil || ba.Last4 != "6789" || ba.RoutingNumber != "110000000" || !ba.DefaultForCurrency || ba.Status != "new" {
			t.Errorf("bank account %+v", ba)
		}

		e.advance(3 * time.Second)
		a = e.get(a.ID)
		r = a.Requirements
		wantList(t, "pending after advance", r.PendingVerification, []string{})
		wantList(t, "eventually_due when enabled", r.EventuallyDue, []string{"individual.id_number"})
		if a.Capabilities.CardPayments != "active" || a.Capabilities.Transfers != "active" ||
			!a.ChargesEnabled || !a.PayoutsEnabled || r.DisabledReason != "" {
			t.Errorf("after settle: caps %+v charges %v payouts %v reason %q",
				a.Capabilities, a.ChargesEnabled, a.PayoutsEnabled, r.DisabledReason)
		}
		if a.Individual.Verification.Status != "verified" || a.ExternalAccounts.Data[0].BankAccount.Status != "verified" {
			t.Errorf("verification %q bank %q", a.Individual.Verification.Status, a.ExternalAccounts.Data[0].BankAccount.Status)
		}

		a = e.mustUpdate(a.ID, "individual[id_number]", "000000000")
		wantList(t, "pending id_number", a.Requirements.PendingVerification, []string{"individual.id_number"})
		if !a.ChargesEnabled || !a.Individual.IDNumberProvided || a.Requirements.DisabledReason != "" {
			t.Errorf("id_number pending should not disable: %+v", a.Requirements)
		}
		e.advance(3 * time.Second)
		a = e.get(a.ID)
		for name, l := range map[string][]string{
			"currently_due": a.Requirements.CurrentlyDue, "eventually_due": a.Requirements.EventuallyDue,
			"past_due": a.Requirements.PastDue, "pending_verification": a.Requirements.PendingVerification,
		} {
			wantList(t, name+" when complete", l, []string{})
		}
		checkSettleEvent(t, e, a.ID)
	})
}

// checkSettleEvent checks that settling was published as account.updated,
// newest first, with the settled account in data.object.
func checkSettleEvent(t *testing.T, e *env, id string) {
	t.Helper()
	var events []*stripe.Event
	for ev, err := range e.sc.V1Events.List(e.ctx, onAccount(id, &stripe.EventListParams{Type: stripe.String("account.updated")})) {
		if err != nil {
			t.Fatalf("list events: %v", err)
		}
		events = append(events, ev)
	}
	if len(events) < 5 {
		t.Fatalf("got %d account.updated events, want one per mutation and settle", len(events))
	}
	var latest stripe.Account
	if err := json.Unmarshal(events[0].Data.Raw, &latest); err != nil {
		t.Fatalf("decode event object: %v", err)
	}
	if latest.ID != id || events[0].Account != id || len(latest.Requirements.PendingVerification) != 0 {
		t.Errorf("newest event is not the settled account: %s %+v", events[0].ID, latest.Requirements)
	}
	if _, ok := events[0].Data.PreviousAttributes["requirements"]; !ok {
		t.Errorf("previous_attributes lacks requirements: %v", events[0].Data.PreviousAttributes)
	}
}

func sortedWith(list []string, extra ...string) []string {
	out := append(slices.Clone(list), extra...)
	slices.Sort(out)
	return out
}
