package engine

import "strings"

// Account is everything the sandbox stores about an account: what was
// submitted (minus write-only secrets) and when. Requirements, capability
// statuses and the enabled flags are never stored; they are derived from
// these facts and the sandbox clock on every read (see derive).
type Account struct {
	ID              string            `json:"id"`
	Created         int64             `json:"created"`
	Country         string            `json:"country"`
	BusinessType    string            `json:"business_type,omitempty"`
	Email           string            `json:"email,omitempty"`
	DefaultCurrency string            `json:"default_currency"`
	Controller      Controller        `json:"controller"`
	Capabilities    map[string]bool   `json:"capabilities"` // requested capabilities
	Profile         map[string]string `json:"business_profile"`
	Individual      *Individual       `json:"individual,omitempty"`
	TOS             TOS               `json:"tos_acceptance"`
	Descriptor      string            `json:"statement_descriptor,omitempty"`
	// DescriptorPrefix is settings[card_payments][statement_descriptor_prefix].
	DescriptorPrefix string            `json:"statement_descriptor_prefix,omitempty"`
	Metadata         map[string]string `json:"metadata"`
	Bank             *Bank             `json:"bank,omitempty"`
	// Banks are further external accounts added through
	// /v1/accounts/{id}/external_accounts (the default stays in Bank).
	Banks   []Bank    `json:"banks,omitempty"`
	Company *Company  `json:"company,omitempty"`
	Persons []*Person `json:"persons,omitempty"`
	// Documents maps a documents[<type>] name to the file ids given.
	Documents map[string][]string `json:"documents,omitempty"`
	// Time holds the volume, thresholds, blocks and rejection (time.go).
	Time Timeline `json:"time"`
	// OnboardingStarted records that an account link was created for an
	// account whose requirements Stripe collects: the platform can no
	// longer change its identity (stripeCollected).
	OnboardingStarted bool `json:"onboarding_started,omitempty"`
	// Extra holds documented parameters the sandbox does not model that
	// Stripe returns on the account, by dotted path (package sandbox's documented.go).
	Extra map[string]string `json:"extra,omitempty"`

	// Fields records every requirement path that has been submitted, with
	// the verification outcome its value implied. Presence of a key is what
	// "provided" means to the requirements engine.
	Fields map[string]Field `json:"fields"`
}

// Controller is the controller hash given at creation.
type Controller struct {
	RequirementCollection string `json:"requirement_collection"`
	FeesPayer             string `json:"fees_payer"`
	LossesPayments        string `json:"losses_payments"`
	DashboardType         string `json:"dashboard_type"`
	LegacyType            string `json:"legacy_type"`
}

// Individual is the readable part of account.individual. Secrets are
// reduced to the *_provided flags Stripe exposes.
type Individual struct {
	ID               string            `json:"id"`
	Created          int64             `json:"created"`
	FirstName        string            `json:"first_name,omitempty"`
	LastName         string            `json:"last_name,omitempty"`
	Email            string            `json:"email,omitempty"`
	Phone            string            `json:"phone,omitempty"`
	DOB              *Date             `json:"dob,omitempty"`
	Address          map[string]string `json:"address"`
	IDNumberProvided bool              `json:"id_number_provided"`
	SSNLast4Provided bool              `json:"ssn_last_4_provided"`
	Metadata         map[string]string `json:"metadata"`
	// Document and AdditionalDocument are the file ids given for
	// verification[document] / [additional_document] (front, back).
	Document           [2]string `json:"document"`
	AdditionalDocument [2]string `json:"additional_document"`
	// Extra is Account.Extra for the person (package sandbox's documented.go).
	Extra map[string]string `json:"extra,omitempty"`
}

// Person is a Person of a company account: the individual fields
// plus its relationship to the company.
type Person struct {
	Individual
	Representative   bool     `json:"representative,omitempty"`
	Owner            bool     `json:"owner,omitempty"`
	Director         bool     `json:"director,omitempty"`
	Executive        bool     `json:"executive,omitempty"`
	PercentOwnership *float64 `json:"percent_ownership,omitempty"`
	Title            string   `json:"title,omitempty"`
	// DirectorCode is the error a director test token (first_name
	// mismatch_director, ...) implies for the directors check.
	DirectorCode string `json:"director_code,omitempty"`
}

// Holds reports whether the person holds role.
func (p *Person) Holds(role string) bool {
	switch role {
	case "representative":
		return p.Representative
	case "owner":
		return p.Owner
	case "director":
		return p.Director
	case "executive":
		return p.Executive
	case "authorizer", "legal_guardian":
		// Roles the sandbox stores as documented parameters only.
		v := strings.ToLower(p.Extra["relationship."+role])
		return v == "true" || v == "1"
	}
	return false
}

// Prefix is the requirement prefix of the person's fields on the account.
func (p *Person) Prefix() string { return p.ID + "." }

// Company is account.company: only what Stripe returns.
type Company struct {
	Name               string            `json:"name,omitempty"`
	Phone              string            `json:"phone,omitempty"`
	Structure          string            `json:"structure,omitempty"`
	Address            map[string]string `json:"address"`
	TaxIDProvided      bool              `json:"tax_id_provided"`
	OwnersProvided     bool              `json:"owners_provided"`
	DirectorsProvided  bool              `json:"directors_provided"`
	ExecutivesProvided bool              `json:"executives_provided"`
	Document           [2]string         `json:"document"`
}

// Date is a day/month/year triple.
type Date struct {
	Day   int64 `json:"day"`
	Month int64 `json:"month"`
	Year  int64 `json:"year"`
}

// TOS is the terms-of-service acceptance.
type TOS struct {
	Date             int64  `json:"date,omitempty"`
	IP               string `json:"ip,omitempty"`
	UserAgent        string `json:"user_agent,omitempty"`
	ServiceAgreement string `json:"service_agreement"`
}

// Bank is the default external bank account: only what Stripe returns.
type Bank struct {
	ID            string `json:"id"`
	Last4         string `json:"last4"`
	RoutingNumber string `json:"routing_number"`
	Country       string `json:"country"`
	Currency      string `json:"currency"`
	BankName      string `json:"bank_name"`
	HolderName    string `json:"account_holder_name,omitempty"`
	HolderType    string `json:"account_holder_type,omitempty"`
	Fingerprint   string `json:"fingerprint"`
	// Ownership is "documents" when the test number asks for proof of
	// ownership once verified (US 000999999992).
	Ownership string `json:"ownership,omitempty"`
	// PayoutFailure is the failure code a payout to this account gets (the
	// test numbers of https://docs.stripe.com/connect/testing), "" when
	// payouts succeed.
	PayoutFailure string            `json:"payout_failure,omitempty"`
	Metadata      map[string]string `json:"metadata,omitempty"`
}

// Field is one submitted requirement. Times are unix nanoseconds on the
// sandbox clock. Code is the requirements.errors code the submitted value
// implies ("" for success); it is decided at submit time from Stripe's test
// values so the value itself never needs to be stored.
type Field struct {
	SubmittedAt int64  `json:"submitted_at"`
	SettlesAt   int64  `json:"settles_at"`
	Code        string `json:"code,omitempty"`
	Immediate   bool   `json:"immediate,omitempty"`
	// Settled freezes the outcome once it was observed at a write, so that
	// later submissions of other fields in the same verification group do
	// not re-open it (and so verified values stay verified: "tokens only
	// loosen").
	Settled bool `json:"settled,omitempty"`
	// Hold marks a value that verified but raised a watch-list alert (DOB
	// 1900-01-01): a document becomes due and payouts are held.
	Hold bool `json:"hold,omitempty"`
	// PayoutsOnly marks a failure that stops payouts but not charges (a
	// business address that does not match: https://docs.stripe.com/connect/testing).
	PayoutsOnly bool `json:"payouts_only,omitempty"`
}

// Outcome is what a submitted value implies for verification.
type Outcome struct {
	Code        string // requirements.errors code, "" on success
	Immediate   bool   // settles in the same response instead of after the delay
	Hold        bool   // watch-list alert: see Field.Hold
	PayoutsOnly bool   // see Field.PayoutsOnly
}

// Verified reports a settled success.
func (f Field) Verified() bool { return f.Settled && f.Code == "" }
