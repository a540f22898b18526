package answers

import (
	"strings"

	"onboard/flows"
	"onboard/schema"
)

// Validate checks every answer against the catalog for an account of
// c.Country, before any request, so a typo never creates a half-onboarded
// account: each value is validated by its field (text, national formats,
// lengths), each document path is checked on disk (flows.CheckDocument), and
// bank parts that the country's bank accounts do not have are refused.
// Keys the catalog does not know (kept with --ignore-unknown) get only the
// checks every text gets.
func (a Answers) Validate(c schema.Context) error {
	bad := map[string]string{}
	iban := schema.IBANCountry(c.Country)
	for k, v := range a.Values {
		switch k {
		case "external_account":
			f := schema.Lookup(k, c.Country)
			if err := f.Validate(v, c); err != nil {
				bad[k] = err.Error()
			}
			continue
		case "external_account.country":
			if !strings.EqualFold(strings.TrimSpace(v), c.Country) {
				bad[k] = schema.T("the bank account must be in the account's country, ").In(c.Lang) + c.Country
			}
			continue
		case "external_account.currency":
			// The bank token is made in the account's currency (known once
			// the account exists); another one would be silently dropped.
			if c.Currency != "" && !strings.EqualFold(strings.TrimSpace(v), c.Currency) {
				bad[k] = schema.T("payouts go in the account's currency, ").In(c.Lang) + strings.ToLower(c.Currency)
			} else if err := schema.Lookup(k, c.Country).Validate(v, c); err != nil {
				bad[k] = err.Error()
			}
			continue
		case "external_account.routing_number":
			if iban {
				bad[k] = schema.T("bank accounts in this country take an IBAN and no routing number: give iban alone").In(c.Lang)
				continue
			}
		}
		f := fieldForAnswer(k, c.Country)
		if err := f.Validate(v, c); err != nil {
			bad[k] = err.Error()
			continue
		}
		if f.Kind == schema.KindFile {
			if msg := checkDocuments(f, v, c); msg != "" {
				bad[k] = msg
			}
		}
	}
	if len(bad) > 0 {
		return &flows.InputError{Fields: bad}
	}
	return nil
}

// checkDocuments checks every file a document answer names.
func checkDocuments(f schema.Field, v string, c schema.Context) string {
	ps, err := f.Encode(v, c)
	if err != nil {
		return err.Error()
	}
	for _, p := range ps {
		if p.Target != schema.TargetFile {
			continue
		}
		if err := flows.CheckDocument(p.Value, p.Purpose, c.Lang); err != nil {
			return err.Error()
		}
	}
	return ""
}

func fieldForAnswer(key, country string) schema.Field {
	if strings.HasPrefix(key, "external_account.") {
		for _, f := range schema.FieldsFor([]string{"external_account"}, country) {
			if f.Key == key {
				return f
			}
		}
	}
	return schema.Lookup(key, country)
}
