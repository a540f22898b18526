package sandbox

import (
	"onboard/sandbox/engine"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

func TestCapabilitiesEndpoint(t *testing.T) {
	bothEnvs(t, func(t *testing.T, e *env) {
		// A custom account must request a capability at creation; taking
		// it back leaves none requested.
		p := &stripe.AccountCreateParams{Type: stripe.String("custom"), Country: stripe.String("US"), BusinessType: stripe.String("individual")}
		p.AddExtra("capabilities[card_payments][requested]", "true")
		a, err := e.sc.V1Accounts.Create(e.ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.sc.V1Capabilities.Update(e.ctx, "card_payments", &stripe.CapabilityUpdateParams{Account: stripe.String(a.ID), Requested: stripe.Bool(false)}); err != nil {
			t.Fatal(err)
		}
		a = e.get(a.ID)
		if a.Requirements.DisabledReason != "action_required.requested_capabilities" {
			t.Errorf("no capability requested: %q", a.Requirements.DisabledReason)
		}
		acct := stripe.String(a.ID)
		for c, err := range e.sc.V1Capabilities.List(e.ctx, &stripe.CapabilityListParams{Account: acct}) {
			if err != nil {
				t.Fatal(err)
			}
			if c.Status != "unrequested" || c.Requested {
				t.Errorf("%s: %q", c.ID, c.Status)
			}
		}
		c, err := e.sc.V1Capabilities.Update(e.ctx, "transfers", &stripe.CapabilityUpdateParams{Account: acct, Requested: stripe.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
		if c.Status != "inactive" || c.Requirements.DisabledReason != "requirements.fields_needed" ||
			!slices.Contains(c.Requirements.CurrentlyDue, "individual.first_name") {
			t.Errorf("requested transfers: %q %q %v", c.Status, c.Requirements.DisabledReason, c.Requirements.CurrentlyDue)
		}
		_, err = e.sc.V1Capabilities.Retrieve(e.ctx, "crypto", &stripe.CapabilityRetrieveParams{Account: acct})
		wantErr(t, err, 404, "resource_missing", "capability")
		n := 0
		for ev, err := range e.sc.V1Events.List(e.ctx, onAccount(a.ID, &stripe.EventListParams{Type: stripe.String("capability.updated")})) {
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(ev.Data.Raw), `"id":"transfers"`) {
				continue
			}
			n++
			if ev.Data.PreviousAttributes["status"] != "unrequested" {
				t.Errorf("capability event %s", ev.Data.Raw)
			}
		}
		if n != 1 {
			t.Errorf("%d capability.updated events", n)
		}
	})
}

func TestRecipientAgreementPerCountry(t *testing.T) {
	e := newTransportEnv(t)
	for _, c := range []string{"US", "GB", "FR", "AU"} {
		a, err := e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{
			Type: stripe.String("custom"), Country: stripe.String(c), BusinessType: stripe.String("company"),
			TOSAcceptance: &stripe.AccountCreateTOSAcceptanceParams{ServiceAgreement: stripe.String("recipient")},
			Capabilities: &stripe.AccountCreateCapabilitiesParams{
				Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)},
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(a.Requirements.CurrentlyDue, "business_profile.mcc") || !slices.Contains(a.Requirements.CurrentlyDue, "company.name") {
			t.Errorf("%s recipient: %v", c, a.Requirements.CurrentlyDue)
		}
		_, err = e.sc.V1Capabilities.Update(e.ctx, "card_payments", &stripe.CapabilityUpdateParams{Account: stripe.String(a.ID), Requested: stripe.Bool(true)})
		wantErr(t, err, 400, "", "requested")
	}
}

func TestAccountLinks(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	l, err := e.sc.V1AccountLinks.Create(e.ctx, &stripe.AccountLinkCreateParams{
		Account: stripe.String(a.ID), Type: stripe.String("account_onboarding"),
		RefreshURL: stripe.String("https://example.com/refresh"), ReturnURL: stripe.String("https://example.com/return"),
		CollectionOptions: &stripe.AccountLinkCreateCollectionOptionsParams{Fields: stripe.String("eventually_due")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(l.URL, "https://connect.stripe.com/setup/s/") || l.ExpiresAt != baseTime.Unix()+accountLinkTTL {
		t.Errorf("link %+v", l)
	}
	_, err = e.sc.V1AccountLinks.Create(e.ctx, &stripe.AccountLinkCreateParams{Account: stripe.String(a.ID), Type: stripe.String("account_update")})
	wantErr(t, err, 400, "", "type")
	_, err = e.sc.V1AccountLinks.Create(e.ctx, &stripe.AccountLinkCreateParams{Account: stripe.String("acct_nope"), Type: stripe.String("account_onboarding")})
	wantErr(t, err, 400, "resource_missing", "account")
	_, err = e.sc.V1AccountLinks.Create(e.ctx, &stripe.AccountLinkCreateParams{Account: stripe.String(a.ID), Type: stripe.String("account_onboarding"),
		CollectionOptions: &stripe.AccountLinkCreateCollectionOptionsParams{Fields: stripe.String("all")}})
	wantErr(t, err, 400, "", "collection_options[fields]")
}

func TestAddressFormats(t *testing.T) {
	e := newTransportEnv(t)
	cases := []struct{ country, key, value, param string }{
		{"US", "individual[address][postal_code]", "9410", "individual[address][postal_code]"},
		{"CA", "individual[address][postal_code]", "12345", "individual[address][postal_code]"},
		{"GB", "individual[address][postal_code]", "123", "individual[address][postal_code]"},
		{"IE", "individual[address][state]", "Atlantis", "individual[address][state]"},
		{"AU", "individual[address][state]", "XX", "individual[address][state]"},
	}
	for _, tc := range cases {
		a := e.createAccount(tc.country, "individual")
		_, err := e.update(a.ID, tc.key, tc.value)
		se := stripeErr(t, err)
		if se.HTTPStatusCode != 400 || se.Param != tc.param {
			t.Errorf("%s %s=%s: %d %q", tc.country, tc.key, tc.value, se.HTTPStatusCode, se.Param)
		}
	}
	a := e.createAccount("IE", "individual")
	e.mustUpdate(a.ID, "individual[address][state]", "Co. Cork")
}

func TestEventFilters(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createAccount("GB", "company")
	e.advance(time.Hour)
	e.createPerson(a.ID, "first_name", "Dan", "relationship[director]", "true")
	later := baseTime.Add(time.Hour).Unix()
	count := func(p *stripe.EventListParams) map[string]int {
		out := map[string]int{}
		for ev, err := range e.sc.V1Events.List(e.ctx, onAccount(a.ID, p)) {
			if err != nil {
				t.Fatal(err)
			}
			out[string(ev.Type)]++
		}
		return out
	}
	got := count(&stripe.EventListParams{Types: stripe.StringSlice([]string{"person.created", "capability.updated"})})
	if got["person.created"] != 1 || got["capability.updated"] != 2 || got["account.updated"] != 0 {
		t.Errorf("types[]: %v", got)
	}
	got = count(&stripe.EventListParams{CreatedRange: &stripe.RangeQueryParams{GreaterThanOrEqual: later}})
	if got["person.created"] != 1 || got["capability.updated"] != 0 {
		t.Errorf("created[gte]: %v", got)
	}
	// ending_before walks back towards newer events.
	var all []*stripe.Event
	for ev, err := range e.sc.V1Events.List(e.ctx, onAccount(a.ID, &stripe.EventListParams{})) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, ev)
	}
	p := &stripe.EventListParams{}
	p.EndingBefore = stripe.String(all[len(all)-1].ID)
	p.Limit = stripe.Int64(1)
	p.Single = true
	for ev, err := range e.sc.V1Events.List(e.ctx, onAccount(a.ID, p)) {
		if err != nil || ev.ID != all[len(all)-2].ID {
			t.Errorf("ending_before gave %v %v", ev, err)
		}
	}
}

// Every capability the spec knows can be requested: payment methods that
// need card_payments' information share its requirements and status, the
// others are inactive with no requirements; a name the spec does not know
// is still refused.
func TestEveryCapabilityTheSpecKnows(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	acct := stripe.String(a.ID)
	for _, c := range engine.SpecCapabilities {
		if _, err := e.sc.V1Capabilities.Update(e.ctx, c, &stripe.CapabilityUpdateParams{Account: acct, Requested: stripe.Bool(true)}); err != nil {
			t.Errorf("request %s: %v", c, err)
		}
	}
	card, err := e.sc.V1Capabilities.Retrieve(e.ctx, "card_payments", &stripe.CapabilityRetrieveParams{Account: acct})
	if err != nil {
		t.Fatal(err)
	}
	ach, err := e.sc.V1Capabilities.Retrieve(e.ctx, "us_bank_account_ach_payments", &stripe.CapabilityRetrieveParams{Account: acct})
	if err != nil || ach.Status != card.Status || !slices.Equal(ach.Requirements.CurrentlyDue, card.Requirements.CurrentlyDue) || len(ach.Requirements.CurrentlyDue) == 0 {
		t.Errorf("ACH follows card_payments: %+v vs %+v (%v)", ach.Requirements, card.Requirements, err)
	}
	issuing, err := e.sc.V1Capabilities.Retrieve(e.ctx, "card_issuing", &stripe.CapabilityRetrieveParams{Account: acct})
	if err != nil || issuing.Status != "inactive" || len(issuing.Requirements.EventuallyDue) != 0 || issuing.Requirements.DisabledReason != "other" {
		t.Errorf("card_issuing: %q %+v %v", issuing.Status, issuing.Requirements, err)
	}
	got := e.get(a.ID)
	if got.Capabilities.CardIssuing != "inactive" || got.Capabilities.USBankAccountACHPayments == "" {
		t.Errorf("account.capabilities: %+v", got.Capabilities)
	}
	n := 0
	for _, err := range e.sc.V1Capabilities.List(e.ctx, &stripe.CapabilityListParams{Account: acct}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != len(engine.SpecCapabilities) {
		t.Errorf("listed %d capabilities, want %d", n, len(engine.SpecCapabilities))
	}
	_, err = e.update(a.ID, "capabilities[crypto][requested]", "true")
	wantErr(t, err, 400, "parameter_unknown", "capabilities[crypto]")
}
