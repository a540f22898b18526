package flows

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"onboard/schema"
)

// v2Account is the part of a v2.core.account the wizard reads.
type v2Account struct {
	ID                    string   `json:"id"`
	Created               string   `json:"created"`
	ContactEmail          string   `json:"contact_email"`
	AppliedConfigurations []string `json:"applied_configurations"`
	Identity              *struct {
		Country         string         `json:"country"`
		EntityType      string         `json:"entity_type"`
		Individual      map[string]any `json:"individual"`
		BusinessDetails map[string]any `json:"business_details"`
		Attestations    *struct {
			TermsOfService *struct {
				Account *struct {
					Date string `json:"date"`
				} `json:"account"`
			} `json:"terms_of_service"`
		} `json:"attestations"`
	} `json:"identity"`
	Configuration map[string]map[string]any `json:"configuration"`
	Defaults      *struct {
		Currency string `json:"currency"`
		// Profile is GA's home of the business profile (the preview had
		// it in identity.business_details).
		Profile map[string]any `json:"profile"`
		// Responsibilities says who collects requirements: stripe for
		// an account Stripe onboards itself.
		Responsibilities *struct {
			RequirementsCollector string `json:"requirements_collector"`
		} `json:"responsibilities"`
	} `json:"defaults"`
	Requirements       *v2Requirements `json:"requirements"`
	FutureRequirements *v2Requirements `json:"future_requirements"`
}

// v2Requirements is requirements or (GA) future_requirements.
type v2Requirements struct {
	Entries []v2Entry `json:"entries"`
	Summary *struct {
		MinimumDeadline *struct {
			Status string  `json:"status"`
			Time   *string `json:"time"`
		} `json:"minimum_deadline"`
	} `json:"summary"`
}

type v2Entry struct {
	AwaitingActionFrom string `json:"awaiting_action_from"`
	Description        string `json:"description"`
	Errors             []struct {
		Code        string `json:"code"`
		Description string `json:"description"`
	} `json:"errors"`
	Impact *struct {
		RestrictsCapabilities []struct {
			Capability    string `json:"capability"`
			Configuration string `json:"configuration"`
			Deadline      struct {
				Status string `json:"status"`
			} `json:"deadline"`
		} `json:"restricts_capabilities"`
	} `json:"impact"`
	MinimumDeadline *struct {
		Status string `json:"status"`
	} `json:"minimum_deadline"`
	RequestedReasons []struct {
		Code string `json:"code"`
	} `json:"requested_reasons"`
	Reference *struct {
		Type string `json:"type"`
		// Resource is the id of what the entry is about (GA: a string;
		// the preview had an object with an id).
		Resource json.RawMessage `json:"resource"`
		Person   string          `json:"person"`
	} `json:"reference"`
}

// person is the id of the person an entry is about, or "".
func (e v2Entry) person() string {
	ref := e.Reference
	if ref == nil {
		return ""
	}
	if ref.Person != "" {
		return ref.Person
	}
	var id string
	if json.Unmarshal(ref.Resource, &id) != nil {
		var obj struct {
			ID string `json:"id"`
		}
		_ = json.Unmarshal(ref.Resource, &obj)
		id = obj.ID
	}
	if strings.HasPrefix(id, "person_") {
		return id
	}
	return ""
}

// NormalizeV2 turns a v2 account's JSON into the wizard's model, so the
// same plan, forms and status views serve both APIs: entries become v1
// requirement paths with their due-ness, configurations' capabilities
// become capabilities, and the entries and configurations themselves are
// kept for the views that show them.
func NormalizeV2(raw []byte) (schema.Account, error) {
	var v v2Account
	if err := json.Unmarshal(raw, &v); err != nil {
		return schema.Account{}, fmt.Errorf("v2 account: %w", err)
	}
	a := schema.Account{ID: v.ID, Email: v.ContactEmail, Known: map[string]string{}, Provided: map[string]bool{},
		V2: &schema.V2Details{}}
	if t, err := time.Parse(time.RFC3339, v.Created); err == nil {
		a.Created = t.UTC()
	}
	if v.Identity != nil {
		a.Country, a.BusinessType = strings.ToUpper(v.Identity.Country), v.Identity.EntityType
		knownV2(a.Known, "identity.individual", v.Identity.Individual)
		knownV2(a.Known, "identity.business_details", v.Identity.BusinessDetails)
	}
	a.DefaultCurrency = DefaultCurrency(a.Country)
	if v.Defaults != nil {
		if v.Defaults.Currency != "" {
			a.DefaultCurrency = v.Defaults.Currency
		}
		knownV2(a.Known, "defaults.profile", v.Defaults.Profile)
		if r := v.Defaults.Responsibilities; r != nil {
			a.StripeCollects = r.RequirementsCollector == "stripe"
		}
	}
	sentOutsideIdentity(&a, v)
	names := make([]string, 0, len(v.Configuration))
	for n, c := range v.Configuration {
		if c != nil {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		cfg := schema.Configuration{Name: n}
		if caps, ok := v.Configuration[n]["capabilities"].(map[string]any); ok {
			flattenCapabilities(&cfg, "", caps)
		}
		a.V2.Configurations = append(a.V2.Configurations, cfg)
		for _, c := range cfg.Capabilities {
			a.Capabilities = append(a.Capabilities, schema.Capability{Name: n + "." + c.Name, Status: c.Status})
			switch {
			case n == "merchant" && c.Name == "card_payments" && c.Status == "active",
				n == "recipient" && c.Name == "stripe_balance.stripe_transfers" && c.Status == "active":
				a.ChargesEnabled = true
			case c.Name == "stripe_balance.payouts" && c.Status == "active":
				a.PayoutsEnabled = true
			}
		}
	}
	r := newV2Requirements()
	if v.Requirements != nil {
		for _, e := range v.Requirements.Entries {
			a.V2.Entries = append(a.V2.Entries, addEntry(&r, e))
		}
		if s := v.Requirements.Summary; s != nil && s.MinimumDeadline != nil {
			a.V2.MinimumDeadline = s.MinimumDeadline.Status
			if s.MinimumDeadline.Time != nil {
				if t, err := time.Parse(time.RFC3339, *s.MinimumDeadline.Time); err == nil {
					a.V2.MinimumDeadlineTime = t.UTC()
					r.CurrentDeadline = t.UTC()
				}
			}
		}
	}
	if f := v.FutureRequirements; f != nil {
		// GA's future_requirements: what will be due after a change
		// Stripe has announced; the plan reads them as v1's.
		a.Future = newV2Requirements()
		for _, e := range f.Entries {
			addEntry(&a.Future, e)
		}
	}
	switch {
	case len(r.PastDue) > 0:
		r.DisabledReason = "requirements.past_due"
	case !a.ChargesEnabled && len(r.PendingVerification) > 0:
		r.DisabledReason = "requirements.pending_verification"
	}
	a.Requirements = r
	a.DetailsSubmitted = len(r.CurrentlyDue) == 0
	return a, nil
}

// sentOutsideIdentity records what v2 keeps outside identity and the
// profile: the merchant's MCC (known, as v1's business_profile.mcc is),
// the terms accepted and the bank account payouts go to (provided). Like
// the identity's values, they tell an account something was sent to from
// a new one (NothingProvided).
func sentOutsideIdentity(a *schema.Account, v v2Account) {
	if m := v.Configuration["merchant"]; m != nil {
		if mcc, _ := m["mcc"].(string); mcc != "" {
			a.Known["business_profile.mcc"] = mcc
		}
	}
	if r := v.Configuration["recipient"]; r != nil && r["default_outbound_destination"] != nil {
		a.Provided["external_account"] = true
	}
	if id := v.Identity; id != nil && id.Attestations != nil && id.Attestations.TermsOfService != nil &&
		id.Attestations.TermsOfService.Account != nil && id.Attestations.TermsOfService.Account.Date != "" {
		a.Provided["tos_acceptance.date"] = true
	}
}

func newV2Requirements() schema.Requirements {
	return schema.Requirements{CurrentlyDue: []string{}, EventuallyDue: []string{}, PastDue: []string{},
		PendingVerification: []string{}, Errors: []schema.RequirementError{}}
}

// addEntry files one entry under the v1 lists the plan reads, and
// returns it as the status views show it.
func addEntry(r *schema.Requirements, e v2Entry) schema.Entry {
	path := schema.V1Path(e.Description)
	person := e.person()
	if person != "" {
		// A person's entry: its path is relative to the person.
		leaf := strings.TrimPrefix(schema.V1Path("identity.individual."+strings.TrimPrefix(e.Description, "identity.individual.")), "individual.")
		path = person + "." + leaf
	}
	due := ""
	if e.MinimumDeadline != nil {
		due = e.MinimumDeadline.Status
	}
	entry := schema.Entry{Description: e.Description, AwaitingActionFrom: e.AwaitingActionFrom, MinimumDeadline: due, Person: person}
	for _, rr := range e.RequestedReasons {
		entry.Reasons = append(entry.Reasons, rr.Code)
	}
	for _, er := range e.Errors {
		re := schema.RequirementError{Requirement: path, Code: er.Code, Reason: er.Description}
		entry.Errors = append(entry.Errors, re)
		r.Errors = append(r.Errors, re)
	}
	if e.Impact != nil {
		for _, rc := range e.Impact.RestrictsCapabilities {
			entry.Impact = append(entry.Impact, schema.Restriction{Capability: rc.Capability, Configuration: rc.Configuration, DeadlineStatus: rc.Deadline.Status})
		}
	}
	add := func(list *[]string) {
		if !contains(*list, path) {
			*list = append(*list, path)
		}
	}
	if e.AwaitingActionFrom == "stripe" {
		add(&r.PendingVerification)
		return entry
	}
	switch due {
	case "past_due":
		add(&r.PastDue)
		add(&r.CurrentlyDue)
		add(&r.EventuallyDue)
	case "currently_due":
		add(&r.CurrentlyDue)
		add(&r.EventuallyDue)
	default:
		add(&r.EventuallyDue)
	}
	return entry
}

// flattenCapabilities walks a configuration's capability tree: a node
// with a status is a capability (stripe_balance.payouts is nested).
func flattenCapabilities(cfg *schema.Configuration, prefix string, m map[string]any) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		node, ok := m[k].(map[string]any)
		if !ok {
			continue
		}
		name := k
		if prefix != "" {
			name = prefix + "." + k
		}
		status, isCap := node["status"].(string)
		if !isCap {
			flattenCapabilities(cfg, name, node)
			continue
		}
		c := schema.ConfigCapability{Name: name, Status: status}
		if ds, ok := node["status_details"].([]any); ok {
			for _, d := range ds {
				if dm, ok := d.(map[string]any); ok {
					code, _ := dm["code"].(string)
					res, _ := dm["resolution"].(string)
					c.Details = append(c.Details, schema.StatusDetail{Code: code, Resolution: res})
				}
			}
		}
		cfg.Capabilities = append(cfg.Capabilities, c)
	}
}

// knownV2 collects string values of a v2 identity block under their v1
// field keys, for prefilling.
func knownV2(k map[string]string, prefix string, m map[string]any) {
	for key, val := range m {
		path := prefix + "." + key
		switch x := val.(type) {
		case string:
			if f := schema.Lookup(schema.V1Path(path), ""); !f.Generic && !f.Sensitive {
				k[f.Key] = x
			}
		case map[string]any:
			if key == "date_of_birth" {
				y, _ := x["year"].(float64)
				mo, _ := x["month"].(float64)
				d, _ := x["day"].(float64)
				if y > 0 {
					k[schema.V1Path(path)] = fmt.Sprintf("%04d-%02d-%02d", int(y), int(mo), int(d))
				}
				continue
			}
			knownV2(k, path, x)
		}
	}
}

// errNotV2 says an account was not created through Accounts v2.
var errNotV2 = errors.New("not a v2 account")

// loadV2 reads a v2 account and its persons; errNotV2 when the account has
// no configuration applied (a v1 account, or v2 not served).
func (c *Client) loadV2(ctx context.Context, id string) (schema.Account, error) {
	raw, err := c.v2.GetAccount(ctx, id)
	if err != nil {
		var se *APIError
		if errors.As(err, &se) && se.Status == 404 {
			// No v2 API here, or no such account in it: v1 has the last
			// word (and the right "No such account" message).
			return schema.Account{}, errNotV2
		}
		return schema.Account{}, FromStripe(err, "")
	}
	var probe struct {
		Applied []string `json:"applied_configurations"`
	}
	if json.Unmarshal(raw, &probe) != nil || len(probe.Applied) == 0 {
		return schema.Account{}, errNotV2
	}
	a, err := NormalizeV2(raw)
	if err != nil {
		return a, err
	}
	return a, c.loadPersonsV2(ctx, &a)
}

func (c *Client) loadPersonsV2(ctx context.Context, a *schema.Account) error {
	if a.BusinessType == "" || a.BusinessType == "individual" {
		return nil
	}
	ps, err := c.v2.ListPersons(ctx, a.ID)
	if err != nil {
		return FromStripe(err, a.Country)
	}
	a.Persons = nil
	for _, p := range ps {
		a.Persons = append(a.Persons, personV2(p))
	}
	sortPersons(a.Persons)
	return nil
}

func personV2(p map[string]any) schema.Person {
	str := func(k string) string { s, _ := p[k].(string); return s }
	out := schema.Person{ID: str("id"), FirstName: str("given_name"), LastName: str("surname"), Email: str("email")}
	if t, err := time.Parse(time.RFC3339, str("created")); err == nil {
		out.Created = t.UTC()
	}
	if rel, ok := p["relationship"].(map[string]any); ok {
		for _, role := range []string{schema.RoleDirector, schema.RoleExecutive, schema.RoleOwner, schema.RoleRepresentative} {
			if on, _ := rel[role].(bool); on {
				out.Roles = append(out.Roles, role)
			}
		}
		out.Title, _ = rel["title"].(string)
	}
	return out
}
