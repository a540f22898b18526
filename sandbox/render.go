package sandbox

import (
	"encoding/json"
	"onboard/sandbox/engine"
	"time"
)

// The types below fix the JSON shape of an account. They use pointers where
// Stripe sends null and always-initialised slices where it sends [], so the
// output decodes into stripe.Account exactly like Stripe's.

type accountJSON struct {
	ID                 string              `json:"id"`
	Object             string              `json:"object"`
	BusinessProfile    businessProfileJSON `json:"business_profile"`
	BusinessType       *string             `json:"business_type"`
	Capabilities       map[string]string   `json:"capabilities"`
	ChargesEnabled     bool                `json:"charges_enabled"`
	Controller         controllerJSON      `json:"controller"`
	Country            string              `json:"country"`
	Created            int64               `json:"created"`
	DefaultCurrency    string              `json:"default_currency"`
	DetailsSubmitted   bool                `json:"details_submitted"`
	Email              *string             `json:"email"`
	ExternalAccounts   listJSON            `json:"external_accounts"`
	FutureRequirements requirementsJSON    `json:"future_requirements"`
	Company            *companyJSON        `json:"company,omitempty"`
	Individual         *personJSON         `json:"individual,omitempty"`
	Metadata           map[string]string   `json:"metadata"`
	PayoutsEnabled     bool                `json:"payouts_enabled"`
	Requirements       requirementsJSON    `json:"requirements"`
	Settings           settingsJSON        `json:"settings"`
	TOSAcceptance      tosJSON             `json:"tos_acceptance"`
	Type               string              `json:"type"`
	// extra are the stored documented parameters (documented.go).
	extra map[string]string
}

// MarshalJSON renders the account with its stored documented parameters.
func (a accountJSON) MarshalJSON() ([]byte, error) {
	type plain accountJSON
	raw, err := json.Marshal(plain(a))
	if err != nil {
		return nil, err
	}
	return withExtra(raw, "account", a.extra)
}

type businessProfileJSON struct {
	MCC                *string `json:"mcc"`
	Name               *string `json:"name"`
	ProductDescription *string `json:"product_description"`
	SupportEmail       *string `json:"support_email"`
	SupportPhone       *string `json:"support_phone"`
	SupportURL         *string `json:"support_url"`
	URL                *string `json:"url"`
}

type controllerJSON struct {
	Fees                  map[string]string `json:"fees"`
	IsController          bool              `json:"is_controller"`
	Losses                map[string]string `json:"losses"`
	RequirementCollection string            `json:"requirement_collection"`
	StripeDashboard       map[string]string `json:"stripe_dashboard"`
	Type                  string            `json:"type"`
}

type requirementsJSON struct {
	Alternatives        []engine.Alternative      `json:"alternatives"`
	CurrentDeadline     *int64                    `json:"current_deadline"`
	CurrentlyDue        []string                  `json:"currently_due"`
	DisabledReason      *string                   `json:"disabled_reason"`
	Errors              []engine.RequirementError `json:"errors"`
	EventuallyDue       []string                  `json:"eventually_due"`
	PastDue             []string                  `json:"past_due"`
	PendingVerification []string                  `json:"pending_verification"`
}

// settingsJSON is account.settings with the hashes the spec requires
// (branding, card_payments, dashboard, payments) and the payout schedule.
type settingsJSON struct {
	Branding struct {
		Icon           *string `json:"icon"`
		Logo           *string `json:"logo"`
		PrimaryColor   *string `json:"primary_color"`
		SecondaryColor *string `json:"secondary_color"`
	} `json:"branding"`
	CardPayments struct {
		DeclineOn struct {
			AVSFailure bool `json:"avs_failure"`
			CVCFailure bool `json:"cvc_failure"`
		} `json:"decline_on"`
		StatementDescriptorPrefix *string `json:"statement_descriptor_prefix"`
	} `json:"card_payments"`
	Dashboard struct {
		DisplayName *string `json:"display_name"`
		Timezone    string  `json:"timezone"`
	} `json:"dashboard"`
	Payments struct {
		StatementDescriptor *string `json:"statement_descriptor"`
	} `json:"payments"`
	Payouts struct {
		DebitNegativeBalances bool `json:"debit_negative_balances"`
		Schedule              struct {
			DelayDays int    `json:"delay_days"`
			Interval  string `json:"interval"`
		} `json:"schedule"`
		StatementDescriptor *string `json:"statement_descriptor"`
	} `json:"payouts"`
}

type tosJSON struct {
	Date             *int64  `json:"date"`
	IP               *string `json:"ip"`
	ServiceAgreement string  `json:"service_agreement"`
	UserAgent        *string `json:"user_agent"`
}

// listJSON is Stripe's list envelope.
type listJSON struct {
	Object  string `json:"object"`
	Data    []any  `json:"data"`
	HasMore bool   `json:"has_more"`
	URL     string `json:"url"`
}

// emptyRequirements is the hash with nothing in it (future_requirements
// until announced requirements are modelled).
func emptyRequirements() requirementsJSON {
	return requirementsJSON{
		Alternatives: []engine.Alternative{}, CurrentlyDue: []string{}, Errors: []engine.RequirementError{},
		EventuallyDue: []string{}, PastDue: []string{}, PendingVerification: []string{},
	}
}

// companyJSON is account.company.
type companyJSON struct {
	Address            addressJSON `json:"address"`
	DirectorsProvided  bool        `json:"directors_provided"`
	ExecutivesProvided bool        `json:"executives_provided"`
	Name               *string     `json:"name"`
	OwnersProvided     bool        `json:"owners_provided"`
	Phone              *string     `json:"phone"`
	Structure          *string     `json:"structure,omitempty"`
	TaxIDProvided      bool        `json:"tax_id_provided"`
	Verification       struct {
		Document documentJSON `json:"document"`
	} `json:"verification"`
}

func renderCompany(c *engine.Company) *companyJSON {
	out := &companyJSON{
		Address: addressJSON{
			City: nullable(c.Address["city"]), Country: nullable(c.Address["country"]),
			Line1: nullable(c.Address["line1"]), Line2: nullable(c.Address["line2"]),
			PostalCode: nullable(c.Address["postal_code"]), State: nullable(c.Address["state"]),
		},
		DirectorsProvided: c.DirectorsProvided, ExecutivesProvided: c.ExecutivesProvided,
		Name: nullable(c.Name), OwnersProvided: c.OwnersProvided, Phone: nullable(c.Phone),
		Structure: nullable(c.Structure), TaxIDProvided: c.TaxIDProvided,
	}
	out.Verification.Document = documentJSON{Front: nullable(c.Document[0]), Back: nullable(c.Document[1])}
	return out
}

// nullable maps "" to JSON null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nullableInt(n int64) *int64 {
	if n == 0 {
		return nil
	}
	return &n
}

// renderAccount builds the account JSON at now.
func renderAccount(a *engine.Account, now time.Time) accountJSON {
	d := engine.Derive(a, now)
	out := accountJSON{
		ID:     a.ID,
		Object: "account",
		BusinessProfile: businessProfileJSON{
			MCC: nullable(a.Profile["mcc"]), Name: nullable(a.Profile["name"]),
			ProductDescription: nullable(a.Profile["product_description"]),
			SupportEmail:       nullable(a.Profile["support_email"]),
			SupportPhone:       nullable(a.Profile["support_phone"]),
			SupportURL:         nullable(a.Profile["support_url"]),
			URL:                nullable(a.Profile["url"]),
		},
		BusinessType:       nullable(a.BusinessType),
		Capabilities:       d.Capabilities,
		ChargesEnabled:     d.ChargesEnabled,
		Controller:         renderController(a.Controller),
		Country:            a.Country,
		Created:            a.Created,
		DefaultCurrency:    a.DefaultCurrency,
		DetailsSubmitted:   d.DetailsSubmitted,
		Email:              nullable(a.Email),
		ExternalAccounts:   listJSON{Object: "list", Data: []any{}, URL: "/v1/accounts/" + a.ID + "/external_accounts"},
		FutureRequirements: emptyRequirements(),
		Metadata:           a.Metadata,
		PayoutsEnabled:     d.PayoutsEnabled,
		Requirements: requirementsJSON{
			Alternatives: engine.Alternatives(d), CurrentDeadline: nullableInt(d.Deadline),
			CurrentlyDue: d.CurrentlyDue, DisabledReason: d.DisabledReason,
			Errors: d.Errors, EventuallyDue: d.EventuallyDue, PastDue: d.PastDue,
			PendingVerification: d.Pending,
		},
		TOSAcceptance: tosJSON{
			Date: nullableInt(a.TOS.Date), IP: nullable(a.TOS.IP),
			ServiceAgreement: a.TOS.ServiceAgreement, UserAgent: nullable(a.TOS.UserAgent),
		},
		Type:  accountType(a.Controller),
		extra: a.Extra,
	}
	out.Settings.Payments.StatementDescriptor = nullable(a.Descriptor)
	out.Settings.CardPayments.StatementDescriptorPrefix = nullable(a.DescriptorPrefix)
	out.Settings.Dashboard.DisplayName = nullable(a.Profile["name"])
	out.Settings.Dashboard.Timezone = defaultTimezone
	out.Settings.Payouts.DebitNegativeBalances = defaultDebitNegativeBalances
	out.Settings.Payouts.Schedule.DelayDays = payoutDelayDays(a.Country)
	out.Settings.Payouts.Schedule.Interval = defaultPayoutInterval
	if a.Bank != nil {
		out.ExternalAccounts.Data = append(out.ExternalAccounts.Data, renderBank(a.Bank, a.ID, engine.Status(a, "external_account", now)))
	}
	if a.Company != nil {
		out.Company = renderCompany(a.Company)
	}
	if a.Individual != nil {
		p := renderPerson(a, d, now)
		out.Individual = &p
	}
	return out
}

// accountType is account.type: the legacy type the account was created
// with; an account created with controller properties is "none" unless
// its platform collects requirements with no Dashboard, which the sandbox
// answers as custom, as it always has.
func accountType(c engine.Controller) string {
	switch {
	case c.LegacyType != "":
		return c.LegacyType
	case c.RequirementCollection == "application" && c.DashboardType == "none":
		return "custom"
	}
	return "none"
}

func renderController(c engine.Controller) controllerJSON {
	return controllerJSON{
		Fees:                  map[string]string{"payer": c.FeesPayer},
		IsController:          true,
		Losses:                map[string]string{"payments": c.LossesPayments},
		RequirementCollection: c.RequirementCollection,
		StripeDashboard:       map[string]string{"type": c.DashboardType},
		Type:                  "application",
	}
}
