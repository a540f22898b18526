package sandbox

// accountFacts is everything the sandbox stores about an account: what was
// submitted (minus write-only secrets) and when. Requirements, capability
// statuses and the enabled flags are never stored; they are derived from
// these facts and the sandbox clock on every read (see derive).
type accountFacts struct {
	ID              string            `json:"id"`
	Created         int64             `json:"created"`
	Country         string            `json:"country"`
	BusinessType    string            `json:"business_type,omitempty"`
	Email           string            `json:"email,omitempty"`
	DefaultCurrency string            `json:"default_currency"`
	Controller      controllerFacts   `json:"controller"`
	Capabilities    map[string]bool   `json:"capabilities"` // requested capabilities
	Profile         map[string]string `json:"business_profile"`
	Individual      *individualFacts  `json:"individual,omitempty"`
	TOS             tosFacts          `json:"tos_acceptance"`
	Descriptor      string            `json:"statement_descriptor,omitempty"`
	Metadata        map[string]string `json:"metadata"`
	Bank            *bankFacts        `json:"bank,omitempty"`

	// Fields records every requirement path that has been submitted, with
	// the verification outcome its value implied. Presence of a key is what
	// "provided" means to the requirements engine.
	Fields map[string]fieldFact `json:"fields"`
}

// controllerFacts is the controller hash given at creation.
type controllerFacts struct {
	RequirementCollection string `json:"requirement_collection"`
	FeesPayer             string `json:"fees_payer"`
	LossesPayments        string `json:"losses_payments"`
	DashboardType         string `json:"dashboard_type"`
	LegacyType            string `json:"legacy_type"`
}

// individualFacts is the readable part of account.individual. Secrets are
// reduced to the *_provided flags Stripe exposes.
type individualFacts struct {
	ID               string            `json:"id"`
	Created          int64             `json:"created"`
	FirstName        string            `json:"first_name,omitempty"`
	LastName         string            `json:"last_name,omitempty"`
	Email            string            `json:"email,omitempty"`
	Phone            string            `json:"phone,omitempty"`
	DOB              *dateFacts        `json:"dob,omitempty"`
	Address          map[string]string `json:"address"`
	IDNumberProvided bool              `json:"id_number_provided"`
	SSNLast4Provided bool              `json:"ssn_last_4_provided"`
	Metadata         map[string]string `json:"metadata"`
}

// dateFacts is a day/month/year triple.
type dateFacts struct {
	Day   int64 `json:"day"`
	Month int64 `json:"month"`
	Year  int64 `json:"year"`
}

// tosFacts is the terms-of-service acceptance.
type tosFacts struct {
	Date             int64  `json:"date,omitempty"`
	IP               string `json:"ip,omitempty"`
	UserAgent        string `json:"user_agent,omitempty"`
	ServiceAgreement string `json:"service_agreement"`
}

// bankFacts is the default external bank account: only what Stripe returns.
type bankFacts struct {
	ID            string `json:"id"`
	Last4         string `json:"last4"`
	RoutingNumber string `json:"routing_number"`
	Country       string `json:"country"`
	Currency      string `json:"currency"`
	BankName      string `json:"bank_name"`
	HolderName    string `json:"account_holder_name,omitempty"`
	HolderType    string `json:"account_holder_type,omitempty"`
	Fingerprint   string `json:"fingerprint"`
}

// fieldFact is one submitted requirement. Times are unix nanoseconds on the
// sandbox clock. Code is the requirements.errors code the submitted value
// implies ("" for success); it is decided at submit time from Stripe's test
// values so the value itself never needs to be stored.
type fieldFact struct {
	SubmittedAt int64  `json:"submitted_at"`
	SettlesAt   int64  `json:"settles_at"`
	Code        string `json:"code,omitempty"`
	Immediate   bool   `json:"immediate,omitempty"`
	// Settled freezes the outcome once it was observed at a write, so that
	// later submissions of other fields in the same verification group do
	// not re-open it (and so verified values stay verified: "tokens only
	// loosen").
	Settled bool `json:"settled,omitempty"`
}

// outcome is what a submitted value implies for verification.
type outcome struct {
	Code      string // requirements.errors code, "" on success
	Immediate bool   // settles in the same response instead of after the delay
}

// verified reports a settled success.
func (f fieldFact) verified() bool { return f.Settled && f.Code == "" }
