package flows

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v82"

	"onboard/schema"
)

// loadV1 reads a v1 account and its persons.
func (c *Client) loadV1(ctx context.Context, id string) (schema.Account, error) {
	a, err := c.api.GetAccount(ctx, id)
	if err != nil {
		return schema.Account{}, FromStripe(err, "")
	}
	out := c.normalize(a)
	if err := c.loadPersons(ctx, &out); err != nil {
		return out, err
	}
	c.loadBlocking(ctx, &out)
	return out, nil
}

// loadBlocking reads what each capability waits for. It is a nicety of
// the status views: when the capabilities API is not there (or fails),
// the account is still shown without it.
func (c *Client) loadBlocking(ctx context.Context, a *schema.Account) {
	caps, err := c.api.ListCapabilities(ctx, a.ID)
	if err != nil {
		return
	}
	blocking := map[string][]string{}
	for _, cp := range caps {
		if cp == nil || cp.Requirements == nil {
			continue
		}
		seen := map[string]bool{}
		for _, p := range append(append([]string{}, cp.Requirements.PastDue...), cp.Requirements.CurrentlyDue...) {
			if !seen[p] {
				seen[p] = true
				blocking[cp.ID] = append(blocking[cp.ID], p)
			}
		}
	}
	for i := range a.Capabilities {
		a.Capabilities[i].Blocking = blocking[a.Capabilities[i].Name]
	}
}

// Normalize turns a stripe-go account into the wizard's model. It reads
// only what Stripe returns, so no secret can appear in it.
func Normalize(a *stripe.Account) schema.Account {
	out := schema.Account{
		ID:               a.ID,
		Country:          a.Country,
		BusinessType:     string(a.BusinessType),
		Email:            a.Email,
		DefaultCurrency:  string(a.DefaultCurrency),
		ChargesEnabled:   a.ChargesEnabled,
		PayoutsEnabled:   a.PayoutsEnabled,
		DetailsSubmitted: a.DetailsSubmitted,
		Capabilities:     capabilities(a.Capabilities),
		Known:            map[string]string{},
		Provided:         map[string]bool{},
	}
	if a.Created != 0 {
		out.Created = time.Unix(a.Created, 0).UTC()
	}
	if r := a.LastResponse; r != nil {
		if d, err := http.ParseTime(r.Header.Get("Date")); err == nil {
			out.ServerTime = d.UTC()
		}
	}
	if out.DefaultCurrency == "" {
		out.DefaultCurrency = defaultCurrency(a.Country)
	}
	out.StripeCollects = stripeCollects(a)
	if a.TOSAcceptance != nil {
		out.Agreement = string(a.TOSAcceptance.ServiceAgreement)
	}
	if r := a.Requirements; r != nil {
		out.Requirements = requirements(r.CurrentlyDue, r.EventuallyDue, r.PastDue, r.PendingVerification,
			r.Errors, r.Alternatives, r.CurrentDeadline, string(r.DisabledReason))
	}
	if a.FutureRequirements != nil {
		// The future hash has its own Go types with the same JSON shape.
		var r stripe.AccountRequirements
		if raw, err := json.Marshal(a.FutureRequirements); err == nil && json.Unmarshal(raw, &r) == nil {
			out.Future = requirements(r.CurrentlyDue, r.EventuallyDue, r.PastDue, r.PendingVerification,
				r.Errors, r.Alternatives, r.CurrentDeadline, string(r.DisabledReason))
		}
	}
	known(a, out.Known, out.Provided)
	if a.Individual != nil {
		out.IndividualID = a.Individual.ID
	}
	return out
}

func requirements(cur, ev, past, pend []string, errs []*stripe.AccountRequirementsError,
	alts []*stripe.AccountRequirementsAlternative, deadline int64, disabled string,
) schema.Requirements {
	r := schema.Requirements{
		CurrentlyDue: nonNil(cur), EventuallyDue: nonNil(ev), PastDue: nonNil(past),
		PendingVerification: nonNil(pend), DisabledReason: disabled, Errors: []schema.RequirementError{},
	}
	for _, e := range errs {
		if e != nil {
			r.Errors = append(r.Errors, schema.RequirementError{Requirement: e.Requirement, Code: string(e.Code), Reason: e.Reason})
		}
	}
	for _, a := range alts {
		if a != nil {
			r.Alternatives = append(r.Alternatives, schema.Alternative{Original: a.OriginalFieldsDue, Alternative: a.AlternativeFieldsDue})
		}
	}
	if deadline > 0 {
		r.CurrentDeadline = time.Unix(deadline, 0).UTC()
	}
	return r
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// capabilities reads the capability hash through its JSON form, so every
// capability stripe-go knows is listed without naming each one here.
func capabilities(c *stripe.AccountCapabilities) []schema.Capability {
	if c == nil {
		return nil
	}
	// Every field is a capability's status, named by its JSON tag. Reading
	// them by reflection costs a fraction of a JSON round trip, which
	// dominated summarizing 10,000 accounts for the triage list.
	v := reflect.ValueOf(c).Elem()
	var out []schema.Capability
	for i := range v.NumField() {
		f := v.Type().Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Type.Kind() != reflect.String || name == "" || name == "-" {
			continue
		}
		if status := v.Field(i).String(); status != "" {
			out = append(out, schema.Capability{Name: name, Status: status})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// known collects values already on the account, keyed by field key, for
// prefilling forms; write-only secrets only show as provided.
func known(a *stripe.Account, k map[string]string, provided map[string]bool) {
	set := func(key, v string) {
		if v != "" {
			k[key] = v
		}
	}
	address := func(prefix string, ad *stripe.Address) {
		if ad == nil {
			return
		}
		set(prefix+".line1", ad.Line1)
		set(prefix+".line2", ad.Line2)
		set(prefix+".city", ad.City)
		set(prefix+".state", ad.State)
		set(prefix+".postal_code", ad.PostalCode)
	}
	if bp := a.BusinessProfile; bp != nil {
		set("business_profile.mcc", bp.MCC)
		set("business_profile.url", bp.URL)
		set("business_profile.name", bp.Name)
		set("business_profile.product_description", bp.ProductDescription)
		set("business_profile.support_phone", bp.SupportPhone)
	}
	set("business_type", string(a.BusinessType))
	if p := a.Individual; p != nil {
		set("individual.first_name", p.FirstName)
		set("individual.last_name", p.LastName)
		set("individual.email", p.Email)
		set("individual.phone", p.Phone)
		if d := p.DOB; d != nil && d.Year > 0 {
			set("individual.dob", fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day))
		}
		address("individual.address", p.Address)
		provided["individual.id_number"] = p.IDNumberProvided
		provided["individual.ssn_last_4"] = p.SSNLast4Provided
	}
	if c := a.Company; c != nil {
		// What the company step sent, read back: the form shows it (a
		// resumed session prefills the bank holder's name from it) and
		// the account is no longer new once any of it is there.
		set("company.name", c.Name)
		set("company.phone", c.Phone)
		set("company.structure", string(c.Structure))
		address("company.address", c.Address)
		provided["company.tax_id"] = c.TaxIDProvided
		for key, on := range map[string]bool{"company.owners_provided": c.OwnersProvided,
			"company.directors_provided": c.DirectorsProvided, "company.executives_provided": c.ExecutivesProvided} {
			if on {
				k[key] = "true"
			}
		}
	}
	if ea := a.ExternalAccounts; ea != nil && len(ea.Data) > 0 {
		provided["external_account"] = true
	}
	// Accepted terms are no form's value, but they were sent: the
	// account is no longer new (NothingProvided).
	if tos := a.TOSAcceptance; tos != nil && tos.Date != 0 {
		provided["tos_acceptance.date"] = true
	}
}

func defaultCurrency(country string) string {
	switch country {
	case "US":
		return "usd"
	case "CA":
		return "cad"
	case "GB":
		return "gbp"
	case "AU":
		return "aud"
	case "FR", "DE", "IE", "NL":
		return "eur"
	}
	return "usd"
}

// stripeCollects reports an account whose requirements Stripe collects:
// controller.requirement_collection says so, and without a controller an
// Express or Standard account is one (Stripe's account types).
func stripeCollects(a *stripe.Account) bool {
	if a.Controller != nil && a.Controller.RequirementCollection != "" {
		return a.Controller.RequirementCollection == stripe.AccountControllerRequirementCollectionStripe
	}
	return a.Type == stripe.AccountTypeExpress || a.Type == stripe.AccountTypeStandard
}

// normalize is Normalize for an account this client read: one it created
// itself asked requirement_collection=application, so its requirements
// are the platform's to collect whatever type a mock answers with
// (stripe-mock serves a Standard account for every id).
func (c *Client) normalize(a *stripe.Account) schema.Account {
	out := Normalize(a)
	if _, mine := c.created.Load(a.ID); mine {
		out.StripeCollects = false
	}
	return out
}
