package sandbox

import (
	"onboard/sandbox/engine"
	"slices"
	"sort"
	"strings"
	"time"

	"onboard/sandbox/rules"
)

// countrySpecJSON is a CountrySpec object.
type countrySpecJSON struct {
	ID                             string                       `json:"id"`
	Object                         string                       `json:"object"`
	DefaultCurrency                string                       `json:"default_currency"`
	SupportedBankAccountCurrencies map[string][]string          `json:"supported_bank_account_currencies"`
	SupportedPaymentCurrencies     []string                     `json:"supported_payment_currencies"`
	SupportedPaymentMethods        []string                     `json:"supported_payment_methods"`
	SupportedTransferCountries     []string                     `json:"supported_transfer_countries"`
	VerificationFields             map[string]verificationField `json:"verification_fields"`
}

type verificationField struct {
	Additional []string `json:"additional"`
	Minimum    []string `json:"minimum"`
}

// countrySpec builds the spec of one country from the sandbox's own rule
// tables: minimum is what a new account with card_payments and transfers
// is asked at once, additional what it is asked later (eventually due).
func countrySpec(country string) (countrySpecJSON, bool) {
	prof, ok := rules.Countries[country]
	if !ok {
		return countrySpecJSON{}, false
	}
	spec := countrySpecJSON{
		ID: country, Object: "country_spec", DefaultCurrency: prof.Currency,
		SupportedBankAccountCurrencies: map[string][]string{prof.Currency: {country}},
		SupportedPaymentCurrencies:     []string{prof.Currency},
		SupportedPaymentMethods:        []string{"card"},
		SupportedTransferCountries:     modelledCountries(),
		VerificationFields:             map[string]verificationField{},
	}
	for _, bt := range []string{"individual", "company"} {
		vf := verificationField{Additional: []string{}, Minimum: []string{}}
		if engine.Supported(country, bt) {
			a := &engine.Account{Country: country, BusinessType: bt, DefaultCurrency: prof.Currency,
				Controller:   engine.Controller{RequirementCollection: "application", DashboardType: "none"},
				Capabilities: map[string]bool{"card_payments": true, "transfers": true},
				Profile:      map[string]string{}, TOS: engine.TOS{ServiceAgreement: "full"}, Fields: map[string]engine.Field{}}
			d := engine.Derive(a, time.Unix(0, 0))
			// A country spec names fields generically (individual.*, not
			// person_<id>.*) and the business type is chosen already.
			for _, p := range d.CurrentlyDue {
				vf.Minimum = appendField(vf.Minimum, p)
			}
			for _, p := range d.EventuallyDue {
				if !slices.Contains(vf.Minimum, p) {
					vf.Additional = appendField(vf.Additional, p)
				}
			}
		}
		spec.VerificationFields[bt] = vf
	}
	return spec, true
}

func appendField(list []string, p string) []string {
	if p == "business_type" || slices.Contains(list, p) {
		return list
	}
	return append(list, p)
}

func modelledCountries() []string {
	out := make([]string, 0, len(rules.Countries))
	for c := range rules.Countries {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// retrieveCountrySpec serves GET /v1/country_specs/{country}.
func retrieveCountrySpec(r *request) (any, error) {
	r.params.Get("expand").MarkAll()
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	spec, ok := countrySpec(strings.ToUpper(r.pathID))
	if !ok {
		return nil, errNoSuch("country_spec", r.pathID, "country")
	}
	return spec, nil
}

// listCountrySpecs serves GET /v1/country_specs: every modelled country.
func listCountrySpecs(r *request) (any, error) {
	ids := modelledCountries()
	items := make([]any, len(ids))
	for i, c := range ids {
		items[i], _ = countrySpec(c)
	}
	return pageSlice(r, ids, items, "/v1/country_specs", "country_spec")
}
