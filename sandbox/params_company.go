package sandbox

import (
	"onboard/sandbox/engine"
	"onboard/sandbox/params"
	"slices"
	"strings"

	"onboard/sandbox/rules"
)

// companyStructures are the company[structure] values
// (https://docs.stripe.com/api/accounts/object); "" clears it.
var companyStructures = []string{
	"sole_proprietorship", "single_member_llc", "multi_member_llc", "llc", "private_corporation",
	"public_corporation", "private_company", "public_company", "private_partnership", "public_partnership",
	"limited_liability_partnership", "incorporated_partnership", "unincorporated_partnership",
	"incorporated_non_profit", "unincorporated_non_profit", "unincorporated_association", "registered_charity",
	"government_instrumentality", "governmental_unit", "tax_exempt_government_instrumentality",
	"free_zone_establishment", "free_zone_llc", "sole_establishment",
}

// companyNameOutcomes are the company[name] test values
// (https://docs.stripe.com/connect/testing); the codes for "fails" are [G].
var companyNameOutcomes = map[string]string{
	"mismatch_business_name":   "verification_failed_name_match",
	"disallowed_name":          "invalid_company_name_denylisted",
	"match_name_relationships": "",
	"match_name_only":          "verification_failed_name_match",
}

// taxIDOutcome follows Stripe's test values for a company tax id
// (https://docs.stripe.com/connect/testing): 111111111 and 111111112 fail,
// 222222222 verifies at once. Any other number of the country's format
// verifies, as in Stripe's test mode, so a real company number (GB
// 12345678, SC123456) is not refused.
func taxIDOutcome(v string) engine.Outcome {
	switch v {
	case "222222222":
		return engine.Outcome{Immediate: true}
	case "111111111":
		return engine.Outcome{Code: "verification_failed_tax_id_match"}
	case "111111112":
		return engine.Outcome{Code: "verification_failed_tax_id_not_issued"}
	}
	return engine.Outcome{}
}

// company handles company[...], allowed on company and non_profit accounts.
func (ap *applier) company(p *params.Param) error {
	c := p.Get("company")
	if !c.Present() {
		return nil
	}
	a := ap.a
	co := a.Company
	if co == nil {
		co = &engine.Company{Address: map[string]string{}}
	}
	if v, ok, e := readString(c.Get("name"), nil); e != nil {
		return e
	} else if ok {
		co.Name = v
		ap.submit("company.name", engine.Outcome{Code: companyNameOutcomes[strings.TrimSpace(v)]})
	}
	if err := ap.setField(c.Get("phone"), &co.Phone, "company.phone", checkPhone); err != nil {
		return err
	}
	if n := c.Get("structure"); n.Present() {
		v, _ := n.Str()
		if v != "" && !slices.Contains(companyStructures, v) {
			return invalid("", n.Path, "Invalid company[structure]: must be one of %s", strings.Join(companyStructures, ", "))
		}
		co.Structure = v
	}
	if n := c.Get("tax_id"); n.Present() {
		v, ok, e := n.NonEmpty()
		if e != nil {
			return e
		}
		if ok {
			v = strings.NewReplacer("-", "", " ", "").Replace(v)
			if prof := rules.Countries[a.Country]; prof.TaxID != nil && !prof.TaxID.MatchString(v) {
				return invalid("tax_id_invalid", n.Path, "Invalid tax_id: %s.", prof.TaxIDHint)
			}
			co.TaxIDProvided = true
			ap.submit("company.tax_id", taxIDOutcome(v))
		}
	}
	for _, f := range []struct {
		name string
		dst  *bool
	}{
		{"owners_provided", &co.OwnersProvided}, {"directors_provided", &co.DirectorsProvided},
		{"executives_provided", &co.ExecutivesProvided},
	} {
		v, ok, e := c.Get(f.name).Boolean()
		if e != nil {
			return e
		}
		if ok {
			*f.dst = v
			if v {
				ap.submit("company."+f.name, engine.Outcome{})
			} else {
				delete(a.Fields, "company."+f.name)
			}
		}
	}
	if err := ap.address(c.Get("address"), co.Address, "company.", true); err != nil {
		return err
	}
	if err := ap.docPair(c.Get("verification").Get("document"), &co.Document, "company.verification.document"); err != nil {
		return err
	}
	// Accepted, not modelled [G].
	for _, name := range []string{"vat_id", "registration_number", "tax_id_registrar", "registration_date",
		"ownership_declaration", "directorship_declaration", "ownership_exemption_reason", "export_license_id",
		"export_purpose_code"} {
		c.Get(name).MarkAll()
	}
	if err := ap.japanese(c, "company.", japaneseCompanyNames); err != nil {
		return err
	}
	if !engine.IsCompanyType(a) {
		if e := c.Unknown(); e != nil {
			return e
		}
		return invalid("", "company", "You can only provide company details when business_type is company or non_profit.")
	}
	a.Company = co
	return nil
}
