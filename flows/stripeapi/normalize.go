package stripeapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v82"

	"onboard/flows"
	"onboard/schema"
)

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
		out.DefaultCurrency = flows.DefaultCurrency(a.Country)
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

// stripeCollects reports an account whose requirements Stripe collects:
// controller.requirement_collection says so, and without a controller an
// Express or Standard account is one (Stripe's account types).
func stripeCollects(a *stripe.Account) bool {
	if a.Controller != nil && a.Controller.RequirementCollection != "" {
		return a.Controller.RequirementCollection == stripe.AccountControllerRequirementCollectionStripe
	}
	return a.Type == stripe.AccountTypeExpress || a.Type == stripe.AccountTypeStandard
}

// NormalizePerson is a person as schema has it.
func NormalizePerson(p *stripe.Person) schema.Person {
	out := schema.Person{ID: p.ID, FirstName: p.FirstName, LastName: p.LastName, Email: p.Email,
		Created: time.Unix(p.Created, 0).UTC()}
	if r := p.Relationship; r != nil {
		out.Title, out.PercentOwnership = r.Title, r.PercentOwnership
		for role, on := range map[string]bool{schema.RoleRepresentative: r.Representative, schema.RoleOwner: r.Owner,
			schema.RoleDirector: r.Director, schema.RoleExecutive: r.Executive} {
			if on {
				out.Roles = append(out.Roles, role)
			}
		}
		slices.Sort(out.Roles)
	}
	if v := p.Verification; v != nil {
		out.Verification = string(v.Status)
	}
	if r := p.Requirements; r != nil {
		out.Requirements = schema.Requirements{CurrentlyDue: nonNil(r.CurrentlyDue), EventuallyDue: nonNil(r.EventuallyDue),
			PastDue: nonNil(r.PastDue), PendingVerification: nonNil(r.PendingVerification)}
	}
	out.Known, out.Provided = personValues(p)
	return out
}

// personValues are the values Stripe returns for p, by leaf, and the
// secrets it holds without returning them.
func personValues(p *stripe.Person) (map[string]string, map[string]bool) {
	k := map[string]string{}
	set := func(leaf, v string) {
		if v != "" {
			k[leaf] = v
		}
	}
	set("first_name", p.FirstName)
	set("last_name", p.LastName)
	set("email", p.Email)
	set("phone", p.Phone)
	if d := p.DOB; d != nil && d.Year > 0 {
		set("dob", fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day))
	}
	if ad := p.Address; ad != nil {
		set("address.line1", ad.Line1)
		set("address.line2", ad.Line2)
		set("address.city", ad.City)
		set("address.state", ad.State)
		set("address.postal_code", ad.PostalCode)
	}
	if r := p.Relationship; r != nil {
		set("relationship.title", r.Title)
	}
	return k, map[string]bool{"id_number": p.IDNumberProvided, "ssn_last_4": p.SSNLast4Provided}
}

// Summarize is an account as a line of the list.
func Summarize(sa *stripe.Account) flows.Summary {
	a := Normalize(sa)
	s := flows.Summary{ID: a.ID, Name: displayName(sa), Email: sa.Email, Country: a.Country, Type: a.BusinessType,
		State: flows.ListState(a), Deadline: a.Requirements.CurrentDeadline, PastDue: len(a.Requirements.PastDue),
		CurrentlyDue: len(a.Requirements.CurrentlyDue), Errors: len(a.Requirements.Errors), Created: sa.Created,
		StripeCollects: a.StripeCollects, Metadata: sa.Metadata}
	s.People = people(sa)
	if len(a.Requirements.Errors) > 0 {
		s.ErrorCode = a.Requirements.Errors[0].Code
	}
	if !s.Deadline.IsZero() {
		d := s.Deadline
		s.DeadlineJSON = &d
	}
	return s
}

// people are the names and emails of the people the listed account holds
// (its individual; a company's persons are not in the list), each once.
func people(a *stripe.Account) []string {
	var out []string
	if p := a.Individual; p != nil {
		n := schema.Person{FirstName: p.FirstName, LastName: p.LastName}.Name()
		for _, v := range []string{n, p.Email} {
			if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// displayName is the best name an account has: its public business name,
// its company's legal name, or its individual's name.
func displayName(a *stripe.Account) string {
	switch {
	case a.BusinessProfile != nil && a.BusinessProfile.Name != "":
		return a.BusinessProfile.Name
	case a.Company != nil && a.Company.Name != "":
		return a.Company.Name
	case a.Individual != nil && (a.Individual.FirstName != "" || a.Individual.LastName != ""):
		p := schema.Person{FirstName: a.Individual.FirstName, LastName: a.Individual.LastName}
		return p.Name()
	case a.Email != "":
		return a.Email
	}
	return ""
}
