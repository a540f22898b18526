package flows

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"onboard/schema"
)

// RequestedCapabilities names an account's capabilities as a new account's
// setup does (card_payments, transfers): a v2 capability by the v1 name it
// stands for (configurationFor), those implied by a configuration
// (payouts) left out. A recorded answers file writes them.
func RequestedCapabilities(cs []schema.Capability) []string {
	v1 := map[string]string{}
	for name, c := range configurationFor {
		v1[name] = name
		v1[c[0]+"."+c[1]] = name
	}
	var out []string
	for _, c := range cs {
		if n, ok := v1[c.Name]; ok && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// SetupField names one choice of a new account's setup by its key in an
// answers file.
type SetupField string

// The choices of a new account's setup.
const (
	SetupCountry        SetupField = "country"
	SetupBusinessType   SetupField = "business_type"
	SetupCapabilities   SetupField = "capabilities"
	SetupAgreement      SetupField = "agreement"
	SetupAccountsAPI    SetupField = "accounts_api"
	SetupConfigurations SetupField = "configurations"
	SetupEmail          SetupField = "contact_email"
)

// setupCapabilityNames are the capabilities a new account may request
// (configurationFor says what each is in Accounts v2).
var setupCapabilityNames = []string{"card_payments", "transfers"}

// A SetupProblem is one choice of a new account's setup that Stripe would
// refuse, found before any request: which choice, the value given, and
// why, in English and French. Where it is said depends on who asks: a
// command line names its flags, an answers file its keys (In), a form
// shows it beside the field (InForm).
type SetupProblem struct {
	Field SetupField
	Value string
	// why is worded around names: %[1]s is the field's name, %[2]q the
	// value, %[3]s on the name of each of refs.
	why  schema.Text
	refs []SetupField
	// detail, when set, is the last argument of why: a reason already
	// worded in the operator's language (the email check's).
	detail string
	// form is what a form says beside the field, where the operator acts
	// on it ("" when why reads well there).
	form schema.Text
}

// In is the problem in lang, each choice named by name (a flag, an
// answers file's key).
func (p SetupProblem) In(lang schema.Lang, name func(SetupField) string) string {
	args := []any{name(p.Field), p.Value}
	for _, r := range p.refs {
		args = append(args, name(r))
	}
	if p.detail != "" {
		args = append(args, p.detail)
	}
	return fmt.Sprintf(p.why.In(lang), args...)
}

// InForm is the problem as a form shows it beside its field.
func (p SetupProblem) InForm(lang schema.Lang) string {
	if p.form.EN != "" {
		return p.form.In(lang)
	}
	return p.In(lang, func(f SetupField) string { return string(f) })
}

// Missing reports a choice that was not given at all (a contact email).
func (p SetupProblem) Missing() bool { return p.Value == "" && p.Field == SetupEmail }

// SetupKey names a choice by its key in an answers file (for In).
func SetupKey(f SetupField) string { return string(f) }

// CheckSetup is the one check of a new account's setup, for the command
// line's flags, an answers file's setup keys and the TUI's setup form
// alike: a two-letter country, a business type Stripe knows, at least one
// capability among those onboard requests, the service agreement (full,
// or recipient without card_payments:
// https://docs.stripe.com/connect/service-agreement-types), an accounts
// API (v1 or v2), configurations only where the API has them, and a
// contact email where the dialect needs one (NeedsContactEmail), of the
// right form when one is given. A missing email is a problem whose Value
// is "" (Missing): a command line that may still find one in an answers
// file, or hand the setup to a form that asks for it, checks it last.
// Problems come in the order a command line reports them; the values are
// read as given (callers trim and upper-case first).
func CheckSetup(n NewAccount, lang schema.Lang) []SetupProblem {
	var out []SetupProblem
	add := func(f SetupField, v string, why schema.Text, refs ...SetupField) *SetupProblem {
		out = append(out, SetupProblem{Field: f, Value: v, why: why, refs: refs})
		return &out[len(out)-1]
	}
	if len(n.Country) != 2 {
		add(SetupCountry, n.Country, schema.T("%[1]s takes a two-letter code such as US, not %[2]q"))
	}
	if !slices.ContainsFunc(schema.BusinessTypes(), func(o schema.Option) bool { return o.Value == n.BusinessType }) {
		add(SetupBusinessType, n.BusinessType, schema.T("%[1]s takes individual, company, non_profit or government_entity, not %[2]q"))
	}
	switch n.Agreement {
	case "", "full", "recipient":
	default:
		add(SetupAgreement, n.Agreement, schema.T("%[1]s takes full or recipient, not %[2]q"))
	}
	for _, c := range n.Capabilities {
		if !slices.Contains(setupCapabilityNames, c) {
			add(SetupCapabilities, c, schema.T("unknown capability %[2]q (card_payments, transfers)"))
		}
	}
	if len(n.Capabilities) == 0 {
		add(SetupCapabilities, "", schema.T("%[1]s needs at least one of card_payments, transfers")).
			form = schema.T("Pick at least one capability.")
	}
	if n.Agreement == "recipient" && slices.Contains(n.Capabilities, "card_payments") {
		add(SetupAgreement, n.Agreement, schema.T("card_payments needs the full service agreement; use %[3]s transfers with %[1]s recipient"), SetupCapabilities).
			form = schema.T("Card payments need the full agreement: untick them or choose Full.")
	}
	if !KnownAPI(n.API) {
		add(SetupAccountsAPI, n.API, schema.T("%[1]s takes v1 or v2, not %[2]q"))
	} else if confs := DialectNamed(n.API).Configurations(); len(confs) == 0 && len(n.Configurations) > 0 {
		add(SetupConfigurations, strings.Join(n.Configurations, ","), schema.T("%[1]s goes with %[3]s v2"), SetupAccountsAPI)
	} else {
		for _, c := range n.Configurations {
			if !slices.Contains(confs, c) {
				add(SetupConfigurations, c, schema.T("unknown configuration %[2]q (merchant, recipient, customer)"))
			}
		}
	}
	if n.Email == "" && KnownAPI(n.API) && DialectNamed(n.API).NeedsContactEmail() {
		add(SetupEmail, "", schema.T("Accounts v2 needs a contact email: give %[1]s, or contact_email (or the account's or representative's email) in the answers file; nothing was sent")).
			form = schema.T("Accounts v2 needs a contact email.")
	}
	if n.Email != "" {
		if err := schema.Lookup("individual.email", n.Country).Validate(n.Email, schema.Context{Lang: lang, Country: n.Country}); err != nil {
			// The reason is schema's, already in lang.
			p := add(SetupEmail, n.Email, schema.T("contact email %[2]q: %[3]s"))
			p.detail, p.form = err.Error(), schema.Verbatim(err.Error())
		}
	}
	return out
}

// String is the field's key in an answers file.
func (f SetupField) String() string { return string(f) }
