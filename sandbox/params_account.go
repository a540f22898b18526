package sandbox

import (
	"onboard/sandbox/engine"
	"onboard/sandbox/params"
	"slices"
	"strings"

	"onboard/sandbox/rules"
)

// checker validates one submitted value; param is the bracket path.
type checker func(param, value string) *apiError

// readString reads a non-empty string parameter and validates it.
func readString(p *params.Param, check checker) (string, bool, error) {
	v, ok, e := p.NonEmpty()
	if e != nil {
		return "", false, e
	}
	if ok && check != nil {
		if e := check(p.Path, v); e != nil {
			return "", false, e
		}
	}
	return v, ok, nil
}

// setField reads a string into dst and, when path is not "", records the
// requirement as provided (with a success outcome unless out says
// otherwise).
func (ap *applier) setField(p *params.Param, dst *string, path string, check checker) error {
	v, ok, err := readString(p, check)
	if err != nil || !ok {
		return err
	}
	*dst = v
	if path != "" {
		ap.submit(path, engine.Outcome{})
	}
	return nil
}

// applier applies one request's parameters to an account's facts.
type applier struct {
	r *request
	a *engine.Account
	// creating is set while POST /v1/accounts is applied.
	creating bool
}

func (ap *applier) submit(path string, out engine.Outcome) {
	engine.Submit(ap.a, path, out, ap.r.now, ap.r.sb.delay)
}

// apply reads every account parameter the sandbox understands. On create
// it also takes the create-only ones (type, country, controller); sent on
// update they remain unread and are reported as unknown, like Stripe.
func (ap *applier) apply(create bool) error {
	p := ap.r.params
	ap.creating = create
	steps := []func(*params.Param) error{ap.stripeCollected, ap.businessType, ap.agreement, ap.capabilities, ap.simple, ap.profile, ap.individual, ap.company, ap.documents, ap.tos, ap.externalAccount}
	if create {
		steps = append([]func(*params.Param) error{ap.createOnly}, steps...)
	}
	for _, step := range steps {
		if err := step(p); err != nil {
			return err
		}
	}
	p.Get("expand").MarkAll()
	if e := p.Unknown(); e != nil {
		return e
	}
	ap.keep(p.Accepted())
	return nil
}

// keep stores the accepted documented parameters Stripe returns: the
// individual's on the individual, the rest on the account.
func (ap *applier) keep(accepted map[string]string) {
	own := map[string]string{}
	for k, v := range accepted {
		if !strings.HasPrefix(k, "individual[") {
			own[k] = v
		}
	}
	doc := ap.r.params
	doc.MarkKept(keepAccepted(own, "", "account", &ap.a.Extra))
	if ap.a.Individual != nil {
		doc.MarkKept(keepAccepted(accepted, "individual.", "person", &ap.a.Individual.Extra))
	}
}

// createOnly handles type, controller and country.
func (ap *applier) createOnly(p *params.Param) error {
	a := ap.a
	t, hasType, e := p.Get("type").NonEmpty()
	if e != nil {
		return e
	}
	if hasType {
		c, ok := legacyTypes[t]
		if !ok {
			return invalid("", "type", "Invalid type: must be one of custom, express, standard")
		}
		a.Controller = c
	} else {
		// Without a type, what the controller leaves out takes Stripe's
		// defaults, the lowest onboarding complexity (a Stripe-collected
		// account with the full Dashboard), not the custom mapping.
		a.Controller = stripeControllerDefaults
	}
	c := p.Get("controller")
	for _, f := range []struct {
		path    []string
		dst     *string
		allowed []string
	}{
		{[]string{"requirement_collection"}, &a.Controller.RequirementCollection, []string{"application", "stripe"}},
		{[]string{"fees", "payer"}, &a.Controller.FeesPayer, []string{"account", "application"}},
		{[]string{"losses", "payments"}, &a.Controller.LossesPayments, []string{"application", "stripe"}},
		{[]string{"stripe_dashboard", "type"}, &a.Controller.DashboardType, []string{"none", "express", "full"}},
	} {
		n := c
		for _, name := range f.path {
			n = n.Get(name)
		}
		v, ok, e := n.NonEmpty()
		if e != nil {
			return e
		}
		if ok && !slices.Contains(f.allowed, v) {
			return invalid("", n.Path, "Invalid %s: must be one of %s", n.Path, strings.Join(f.allowed, ", "))
		}
		if ok {
			*f.dst = v
		}
	}
	country, ok, e := p.Get("country").NonEmpty()
	if e != nil {
		return e
	}
	if ok {
		a.Country = strings.ToUpper(country)
	}
	prof, known := rules.Countries[a.Country]
	if !known {
		return invalid("country_unsupported", "country", "The sandbox does not model accounts in %s yet.", a.Country)
	}
	a.DefaultCurrency = prof.Currency
	if !hasType && !c.Get("stripe_dashboard").Get("type").Present() && a.Controller.RequirementCollection == "application" {
		a.Controller.DashboardType = "none" // see stripeControllerDefaults
	}
	return nil
}

// legacyTypes are the controller properties of the account types (Stripe's
// docs, "Connected account types": a Custom account's platform collects
// requirements and has no Stripe Dashboard; Stripe collects an Express
// account's through the Express Dashboard and a Standard account's through
// the full one, where the account pays its own fees).
var legacyTypes = map[string]engine.Controller{
	"custom": {RequirementCollection: "application", FeesPayer: "application", LossesPayments: "application",
		DashboardType: "none", LegacyType: "custom"},
	"express": {RequirementCollection: "stripe", FeesPayer: "application_express", LossesPayments: "application",
		DashboardType: "express", LegacyType: "express"},
	"standard": {RequirementCollection: "stripe", FeesPayer: "account", LossesPayments: "stripe",
		DashboardType: "full", LegacyType: "standard"},
}

// stripeCollected refuses what the platform may not send for an account
// whose requirements Stripe collects (the spec's descriptions of these
// parameters): tos_acceptance ever, and business_type, company, individual
// and external_account once an account link started Stripe's onboarding.
func (ap *applier) stripeCollected(p *params.Param) error {
	if ap.a.Controller.RequirementCollection != "stripe" {
		return nil
	}
	// The service agreement is the platform's choice (an Express account
	// can be created under the recipient agreement); the acceptance is not.
	for _, name := range p.Get("tos_acceptance").Names() {
		if name != "service_agreement" {
			return errStripeCollected("tos_acceptance["+name+"]", false)
		}
	}
	if !ap.a.OnboardingStarted {
		return nil
	}
	for _, name := range []string{"business_type", "company", "individual", "external_account", "account_token"} {
		if p.Kids[name] != nil {
			return errStripeCollected(name, true)
		}
	}
	return nil
}

var businessTypes = []string{"individual", "company", "non_profit", "government_entity"}

func (ap *applier) businessType(p *params.Param) error {
	v, ok, e := p.Get("business_type").NonEmpty()
	if e != nil || !ok {
		return e
	}
	if !slices.Contains(businessTypes, v) {
		return invalid("", "business_type", "Invalid business_type: must be one of %s", strings.Join(businessTypes, ", "))
	}
	if !engine.Supported(ap.a.Country, v) {
		return invalid("", "business_type", "The sandbox does not model business_type=%s accounts in %s yet.", v, ap.a.Country)
	}
	a := ap.a
	if a.BusinessType != v {
		// Requirements are recomputed for the new type; the old type's
		// answers no longer apply.
		for path := range a.Fields {
			if strings.HasPrefix(path, rules.IndividualPrefix) || strings.HasPrefix(path, "company.") || strings.HasPrefix(path, "person_") {
				delete(a.Fields, path)
			}
		}
		a.Individual, a.Company, a.Persons = nil, nil, nil
	}
	a.BusinessType = v
	if !rules.Countries[a.Country].NonProfit && v == "non_profit" {
		return invalid("", "business_type", "business_type=non_profit is not available in %s.", a.Country)
	}
	if engine.IsCompanyType(a) && a.Company == nil {
		a.Company = &engine.Company{Address: map[string]string{}}
	}
	if v == "individual" && a.Individual == nil {
		a.Individual = &engine.Individual{
			ID: newID("person_", 24), Created: ap.r.now.Unix(),
			Address: map[string]string{}, Metadata: map[string]string{},
		}
	}
	ap.submit("business_type", engine.Outcome{})
	return nil
}

// agreement reads tos_acceptance[service_agreement], which is immutable
// once the terms were accepted.
func (ap *applier) agreement(p *params.Param) error {
	n := p.Get("tos_acceptance").Get("service_agreement")
	v, ok, e := n.NonEmpty()
	if e != nil || !ok {
		return e
	}
	if v != "full" && v != "recipient" {
		return invalid("", n.Path, "Invalid service_agreement: must be one of full, recipient")
	}
	if v != ap.a.TOS.ServiceAgreement && ap.a.TOS.Date != 0 {
		return invalid("", n.Path, "The service agreement cannot be changed after the terms of service were accepted.")
	}
	ap.a.TOS.ServiceAgreement = v
	return nil
}

func (ap *applier) capabilities(p *params.Param) error {
	caps := p.Get("capabilities")
	for _, name := range caps.Names() {
		if !slices.Contains(engine.SpecCapabilities, name) {
			continue // untouched, so reported as unknown
		}
		n := caps.Get(name).Get("requested")
		v, ok, e := n.Boolean()
		if e != nil {
			return e
		}
		if ok {
			ap.a.Capabilities[name] = v
			if !v {
				delete(ap.a.Capabilities, name)
			}
		}
	}
	if ap.a.Capabilities["card_payments"] && ap.a.TOS.ServiceAgreement == "recipient" {
		return invalid("", "capabilities[card_payments]", "The card_payments capability cannot be requested by accounts under the recipient service agreement.")
	}
	return nil
}

// simple handles email, default_currency, metadata and
// settings[payments][statement_descriptor].
func (ap *applier) simple(p *params.Param) error {
	if err := ap.setField(p.Get("email"), &ap.a.Email, "", checkEmail); err != nil {
		return err
	}
	if v, ok, e := p.Get("default_currency").NonEmpty(); e != nil {
		return e
	} else if ok {
		if !currencyRE.MatchString(strings.ToLower(v)) {
			return invalid("", "default_currency", "Invalid currency: %s. Stripe currencies are three-letter ISO codes such as usd or eur.", v)
		}
		ap.a.DefaultCurrency = strings.ToLower(v)
	}
	if err := readMetadata(p.Get("metadata"), ap.a.Metadata); err != nil {
		return err
	}
	sd := p.Get("settings").Get("payments").Get("statement_descriptor")
	if err := ap.setField(sd, &ap.a.Descriptor, "", checkDescriptor); err != nil {
		return err
	}
	if v, ok := sd.Str(); ok {
		delete(ap.a.Fields, "settings.payments.statement_descriptor")
		if code := descriptorOutcomes[strings.TrimSpace(v)]; code != "" {
			ap.submit("settings.payments.statement_descriptor", engine.Outcome{Code: code})
		}
	}
	pre := p.Get("settings").Get("card_payments").Get("statement_descriptor_prefix")
	if err := ap.setField(pre, &ap.a.DescriptorPrefix, "", checkDescriptorPrefix); err != nil {
		return err
	}
	if v, ok := pre.Str(); ok {
		delete(ap.a.Fields, "settings.card_payments.statement_descriptor_prefix")
		if code := prefixOutcomes[strings.TrimSpace(v)]; code != "" {
			ap.submit("settings.card_payments.statement_descriptor_prefix", engine.Outcome{Code: code})
		}
	}
	return nil
}

// prefixOutcomes are the statement descriptor prefix test values
// (https://docs.stripe.com/connect/testing).
var prefixOutcomes = map[string]string{
	"mismatch":   "invalid_statement_descriptor_prefix_mismatch",
	"disallowed": "invalid_statement_descriptor_prefix_denylisted",
}

// descriptorOutcomes are the statement descriptor test values
// (https://docs.stripe.com/connect/testing).
var descriptorOutcomes = map[string]string{
	"mismatch":   "invalid_statement_descriptor_business_mismatch",
	"disallowed": "invalid_statement_descriptor_denylisted",
}

// readMetadata applies metadata[k]=v; an empty value deletes the key and
// metadata= clears them all.
func readMetadata(m *params.Param, dst map[string]string) error {
	if !m.Present() {
		return nil
	}
	if v, ok := m.Str(); ok && v == "" && len(m.Kids) == 0 {
		clear(dst)
		return nil
	}
	if _, ok := m.Str(); ok || len(m.Kids) > maxMetadataKeys {
		if ok {
			return invalid("", m.Path, "Invalid object: metadata must be a hash of keys and values.")
		}
		return invalid("", m.Path, "Invalid metadata: metadata can have up to %d keys.", maxMetadataKeys)
	}
	for k, kid := range m.Kids {
		if len(kid.Kids) > 0 {
			return invalid("", kid.Path, "Invalid metadata: values must be strings, not hashes.")
		}
		if len(k) > maxMetadataKeyLength {
			return invalid("", kid.Path, "Invalid metadata: keys can be up to %d characters long.", maxMetadataKeyLength)
		}
		if kid.Value != nil && len(*kid.Value) > maxMetadataValueLength {
			return invalid("", kid.Path, "Invalid metadata: values can be up to %d characters long.", maxMetadataValueLength)
		}
	}
	for _, k := range m.Names() {
		v, _ := m.Get(k).Str()
		if v == "" {
			delete(dst, k)
		} else {
			dst[k] = v
		}
	}
	if len(dst) > maxMetadataKeys {
		return invalid("", m.Path, "Invalid metadata: metadata can have up to %d keys.", maxMetadataKeys)
	}
	return nil
}

// profile handles business_profile[...]. The URL is verified
// asynchronously against Stripe's magic test hosts.
func (ap *applier) profile(p *params.Param) error {
	bp := p.Get("business_profile")
	fields := []struct {
		name  string
		path  string
		check checker
	}{
		{"mcc", "business_profile.mcc", checkMCC},
		{"name", "", nil},
		{"product_description", "", nil}, // checked asynchronously below
		{"support_email", "", checkEmail},
		{"support_phone", "", checkPhone},
		{"support_url", "", checkURL},
	}
	for _, f := range fields {
		v := ap.a.Profile[f.name]
		if err := ap.setField(bp.Get(f.name), &v, f.path, f.check); err != nil {
			return err
		}
		if v != "" {
			ap.a.Profile[f.name] = v
		}
	}
	if v, ok, _ := bp.Get("name").NonEmpty(); ok {
		if code := engine.ProfileNameOutcomes[strings.TrimSpace(v)]; code != "" {
			ap.submit("business_profile.name", engine.Outcome{Code: code})
		}
	}
	u, ok, err := readString(bp.Get("url"), checkURL)
	if err != nil {
		return err
	}
	if ok {
		ap.a.Profile["url"] = u
		// A new URL is checked afresh, even on a verified account.
		delete(ap.a.Fields, "business_profile.url")
		ap.submit("business_profile.url", engine.URLOutcome(u))
	}
	if bp.Get("product_description").Present() || (ok && ap.a.Profile["product_description"] != "") {
		// Stripe reviews the description after the request: a short one,
		// or one that only repeats the URL, comes back as a requirements
		// error, not as a refused request.
		delete(ap.a.Fields, "business_profile.product_description")
		ap.submit("business_profile.product_description", engine.Outcome{Code: productDescriptionCode(ap.a.Profile)})
	}
	return nil
}

// productDescriptionCode is the requirements error a product description
// earns ("" when it is fine).
func productDescriptionCode(profile map[string]string) string {
	pd := strings.TrimSpace(profile["product_description"])
	switch {
	case pd == "require_url":
		return "invalid_url_web_presence_detected"
	case len([]rune(pd)) < 10:
		return "invalid_product_description_length"
	case strings.EqualFold(pd, strings.TrimSpace(profile["url"])):
		return "invalid_product_description_url_match"
	}
	return ""
}
