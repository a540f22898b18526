package sandbox

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

// countryCase is the test data of one country: an address that passes its
// format checks and a bank account Stripe documents as a success value.
type countryCase struct {
	country       string
	state, postal string // "" = not asked
	bank          []string
	types         []string
}

var countryCases = []countryCase{
	{"US", "CA", "94107", nil, []string{"individual", "company", "non_profit"}},
	{"CA", "ON", "M5V 3L9", []string{"external_account[routing_number]", "11000-000", "external_account[account_number]", "000123456789"}, []string{"individual", "company", "non_profit"}},
	{"GB", "", "EC1A 1BB", []string{"external_account[routing_number]", "108800", "external_account[account_number]", "00012345"}, []string{"individual", "company", "non_profit"}},
	{"FR", "", "75001", []string{"external_account[account_number]", "FR1420041010050500013M02606"}, []string{"individual", "company"}},
	{"DE", "", "10115", []string{"external_account[account_number]", "DE89370400440532013000"}, []string{"individual", "company"}},
	{"IE", "Dublin", "", []string{"external_account[account_number]", "IE29AIBK93115212345678"}, []string{"individual", "company", "non_profit"}},
	{"AU", "NSW", "2000", []string{"external_account[routing_number]", "110000", "external_account[account_number]", "000123456"}, []string{"individual", "company", "non_profit"}},
	{"NL", "", "1012 AB", []string{"external_account[account_number]", "NL39RABO0300065264"}, []string{"individual", "company"}},
}

// expectedNow spells out what is currently due at creation
// (https://docs.stripe.com/connect/required-verification-information), independently of the rule tables.
func expectedNow(c countryCase, bt string) []string {
	want := []string{"business_profile.mcc", "business_profile.url", "external_account", "tos_acceptance.date", "tos_acceptance.ip"}
	addr := func(prefix string) {
		want = append(want, prefix+"address.city", prefix+"address.line1")
		if c.postal != "" {
			want = append(want, prefix+"address.postal_code")
		}
		if c.state != "" {
			want = append(want, prefix+"address.state")
		}
	}
	if bt == "individual" {
		addr("individual.")
		for _, l := range []string{"dob.day", "dob.month", "dob.year", "email", "first_name", "last_name", "phone"} {
			want = append(want, "individual."+l)
		}
		if c.country == "US" {
			want = append(want, "individual.ssn_last_4")
		}
		slices.Sort(want)
		return want
	}
	addr("company.")
	want = append(want, "company.name", "company.phone", "company.tax_id", "relationship.representative")
	if bt == "company" {
		want = append(want, "company.owners_provided", "relationship.owner")
	}
	if c.country != "US" {
		want = append(want, "company.directors_provided", "relationship.director")
	}
	if slices.Contains([]string{"GB", "FR", "DE", "IE", "NL"}, c.country) {
		want = append(want, "company.executives_provided", "relationship.executive")
	}
	slices.Sort(want)
	return want
}

// addressKV returns address parameters under prefix for the case.
func (c countryCase) addressKV(prefix string) []string {
	kv := []string{prefix + "[address][line1]", "address_full_match", prefix + "[address][city]", "Testville"}
	if c.state != "" {
		kv = append(kv, prefix+"[address][state]", c.state)
	}
	if c.postal != "" {
		kv = append(kv, prefix+"[address][postal_code]", c.postal)
	}
	return kv
}

// identityKV is a verifying identity under prefix ("individual" or "" for
// a Person body).
func (c countryCase) identityKV(prefix string) []string {
	key := func(k string) string {
		if prefix == "" {
			return k
		}
		if i := strings.IndexByte(k, '['); i >= 0 {
			return prefix + "[" + k[:i] + "]" + k[i:]
		}
		return prefix + "[" + k + "]"
	}
	kv := []string{
		key("first_name"), "Jenny", key("last_name"), "Rosen", key("email"), "jenny@example.com",
		key("phone"), "0000000000", key("dob[day]"), "1", key("dob[month]"), "1", key("dob[year]"), "1901",
	}
	if c.country == "US" {
		kv = append(kv, key("ssn_last_4"), "0000")
	}
	return kv
}

// personAddressKV is addressKV for a Person body (no prefix).
func (c countryCase) personAddressKV() []string {
	kv := []string{"address[line1]", "address_full_match", "address[city]", "Testville"}
	if c.state != "" {
		kv = append(kv, "address[state]", c.state)
	}
	if c.postal != "" {
		kv = append(kv, "address[postal_code]", c.postal)
	}
	return kv
}

// onboard answers everything a country × type asks at creation.
func (e *env) onboard(c countryCase, bt string, id string) {
	e.t.Helper()
	kv := slices.Clone(profileAndTOS)
	if bt == "individual" {
		kv = append(kv, c.identityKV("individual")...)
		kv = append(kv, c.addressKV("individual")...)
	} else {
		kv = append(kv, "company[name]", "Rocket Rides", "company[tax_id]", "000000000", "company[phone]", "0000000000")
		kv = append(kv, c.addressKV("company")...)
	}
	e.mustUpdate(id, kv...)
	if bt != "individual" {
		pkv := append(c.identityKV(""), c.personAddressKV()...)
		pkv = append(pkv, "relationship[representative]", "true", "relationship[executive]", "true",
			"relationship[director]", "true", "relationship[title]", "CEO")
		if bt == "company" {
			pkv = append(pkv, "relationship[owner]", "true", "relationship[percent_ownership]", "100")
		}
		e.createPerson(id, pkv...)
		flags := []string{"company[directors_provided]", "true", "company[executives_provided]", "true"}
		if bt == "company" {
			flags = append(flags, "company[owners_provided]", "true")
		}
		e.mustUpdate(id, flags...)
	}
	if c.bank == nil {
		e.attachBank(id, "000123456789")
	} else {
		e.mustUpdate(id, append([]string{"external_account[object]", "bank_account", "external_account[country]", c.country}, c.bank...)...)
	}
}

// createPerson adds a person with the given form parameters.
func (e *env) createPerson(account string, kv ...string) *stripe.Person {
	e.t.Helper()
	p := &stripe.PersonCreateParams{Account: stripe.String(account)}
	for i := 0; i < len(kv); i += 2 {
		p.AddExtra(kv[i], kv[i+1])
	}
	pr, err := e.sc.V1Persons.Create(e.ctx, p)
	if err != nil {
		e.t.Fatalf("create person %v: %v", kv, err)
	}
	return pr
}

// createAccount creates an account of country × business type with both
// capabilities.
func (e *env) createAccount(country, bt string) *stripe.Account {
	e.t.Helper()
	a, err := e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{
		Type: stripe.String("custom"), Country: stripe.String(country), BusinessType: stripe.String(bt),
		Capabilities: &stripe.AccountCreateCapabilitiesParams{
			CardPayments: &stripe.AccountCreateCapabilitiesCardPaymentsParams{Requested: stripe.Bool(true)},
			Transfers:    &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)},
		},
	})
	if err != nil {
		e.t.Fatalf("create %s %s: %v", country, bt, err)
	}
	return a
}

func TestCountriesAndBusinessTypes(t *testing.T) {
	e := newTransportEnv(t)
	for _, c := range countryCases {
		for _, bt := range c.types {
			t.Run(c.country+"/"+bt, func(t *testing.T) {
				e.t = t
				a := e.createAccount(c.country, bt)
				want := expectedNow(c, bt)
				wantList(t, "currently_due", a.Requirements.CurrentlyDue, want)
				wantList(t, "past_due", a.Requirements.PastDue, want)
				if a.Requirements.DisabledReason != "requirements.past_due" || a.ChargesEnabled {
					t.Errorf("fresh account: reason %q charges %v", a.Requirements.DisabledReason, a.ChargesEnabled)
				}
				if len(a.Requirements.Alternatives) != 1 || a.Requirements.Alternatives[0].OriginalFieldsDue[0] != "business_profile.url" {
					t.Errorf("alternatives %+v", a.Requirements.Alternatives)
				}
				e.onboard(c, bt, a.ID)
				e.advance(time.Minute)
				a = e.get(a.ID)
				r := a.Requirements
				wantList(t, "currently_due after answers", r.CurrentlyDue, []string{})
				wantList(t, "pending after settle", r.PendingVerification, []string{})
				wantList(t, "errors", errorReqs(r.Errors), []string{})
				if a.Capabilities.CardPayments != "active" || a.Capabilities.Transfers != "active" ||
					!a.ChargesEnabled || !a.PayoutsEnabled || r.DisabledReason != "" || !a.DetailsSubmitted {
					t.Errorf("after answers: caps %+v charges %v payouts %v reason %q details %v",
						a.Capabilities, a.ChargesEnabled, a.PayoutsEnabled, r.DisabledReason, a.DetailsSubmitted)
				}
			})
		}
	}
}

func errorReqs(es []*stripe.AccountRequirementsError) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Requirement+":"+string(e.Code))
	}
	return out
}
