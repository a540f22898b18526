package schema

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func sourceFiles(t *testing.T) []string {
	names, err := filepath.Glob("*.go")
	if err != nil || len(names) == 0 {
		t.Fatal("no sources", err)
	}
	var out []string
	for _, n := range names {
		if !strings.HasSuffix(n, "_test.go") {
			out = append(out, n)
		}
	}
	return out
}

func readFile(t *testing.T, name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAlternativeChoice(t *testing.T) {
	alt := Alternative{Original: []string{"business_profile.url"}, Alternative: []string{"business_profile.product_description"}}
	orig, other := AlternativeChoice(alt, "FR")
	if len(orig) != 1 || orig[0].Key != "business_profile.url" || orig[0].Kind != KindURL {
		t.Fatalf("original: %v", keys(orig))
	}
	if len(other) != 1 || other[0].Key != "business_profile.product_description" || other[0].Kind != KindLongText {
		t.Fatalf("alternative: %v", keys(other))
	}
	if got := ChoiceLabel(other, French); got != "Description des produits" {
		t.Errorf("label %q", got)
	}
	a, ok := AlternativeFor([]Alternative{alt}, "business_profile.url")
	if !ok || a.Alternative[0] != "business_profile.product_description" {
		t.Errorf("AlternativeFor: %v %v", a, ok)
	}
	if _, ok := AlternativeFor([]Alternative{alt}, "business_profile.mcc"); ok {
		t.Error("mcc has no alternative")
	}
	id, doc := AlternativeChoice(Alternative{Original: []string{"individual.id_number"},
		Alternative: []string{"individual.verification.document"}}, "US")
	if id[0].Kind != KindSecret || doc[0].Kind != KindFile {
		t.Errorf("id/document: %v %v", keys(id), keys(doc))
	}
	if o, a := AlternativeChoice(Alternative{}, "US"); len(o)+len(a) != 0 {
		t.Error("empty alternative has fields")
	}
}

// referenceErrorCodes are the 98 requirements.errors codes of Stripe's
// OpenAPI spec (account_requirements_error.code).
var referenceErrorCodes = strings.Fields(`information_missing invalid_value_other external_request
unsupported_business_type verification_data_not_found invalid_address_city_state_postal_code
invalid_address_highway_contract_box invalid_address_private_mailbox invalid_street_address
invalid_business_profile_name invalid_business_profile_name_denylisted invalid_company_name_denylisted
invalid_dob_age_under_18 invalid_dob_age_under_minimum invalid_dob_age_over_maximum
invalid_product_description_length invalid_product_description_url_match invalid_representative_country
invalid_signator invalid_statement_descriptor_business_mismatch invalid_statement_descriptor_denylisted
invalid_statement_descriptor_length invalid_statement_descriptor_prefix_denylisted
invalid_statement_descriptor_prefix_mismatch invalid_tax_id invalid_tax_id_format invalid_tos_acceptance
invalid_url_denylisted invalid_url_format invalid_url_length invalid_url_web_presence_detected
invalid_url_website_business_information_mismatch invalid_url_website_empty invalid_url_website_inaccessible
invalid_url_website_inaccessible_geoblocked invalid_url_website_inaccessible_password_protected
invalid_url_website_incomplete invalid_url_website_incomplete_cancellation_policy
invalid_url_website_incomplete_customer_service_details invalid_url_website_incomplete_legal_restrictions
invalid_url_website_incomplete_refund_policy invalid_url_website_incomplete_return_policy
invalid_url_website_incomplete_terms_and_conditions invalid_url_website_incomplete_under_construction
invalid_url_website_other verification_directors_mismatch verification_extraneous_directors
verification_missing_directors verification_missing_executives verification_missing_owners
verification_legal_entity_structure_mismatch verification_rejected_ownership_exemption_reason
verification_requires_additional_memorandum_of_associations verification_requires_additional_proof_of_registration
verification_supportability verification_failed_address_match verification_failed_authorizer_authority
verification_failed_representative_authority verification_failed_business_iec_number
verification_failed_document_match verification_failed_id_number_match verification_failed_keyed_identity
verification_failed_keyed_match verification_failed_name_match verification_failed_residential_address
verification_failed_tax_id_match verification_failed_tax_id_not_issued verification_failed_other
verification_document_address_mismatch verification_document_address_missing verification_document_corrupt
verification_document_country_not_supported verification_document_directors_mismatch
verification_document_dob_mismatch verification_document_duplicate_type verification_document_expired
verification_document_failed_copy verification_document_failed_greyscale verification_document_failed_other
verification_document_failed_test_mode verification_document_fraudulent verification_document_id_number_mismatch
verification_document_id_number_missing verification_document_incomplete verification_document_invalid
verification_document_issue_or_expiry_date_missing verification_document_manipulated
verification_document_missing_back verification_document_missing_front verification_document_name_mismatch
verification_document_name_missing verification_document_nationality_mismatch verification_document_not_readable
verification_document_not_signed verification_document_not_uploaded verification_document_photo_mismatch
verification_document_too_large verification_document_type_not_supported`)

func TestEveryErrorCodeExplained(t *testing.T) {
	if len(referenceErrorCodes) != 98 {
		t.Fatalf("%d codes, want 96 + 2", len(referenceErrorCodes))
	}
	def := msgUnknownError
	for _, code := range referenceErrorCodes {
		if _, ok := errorTexts[code]; !ok {
			t.Errorf("%s has no explanation", code)
		}
		en, fr := ExplainError(code, English), ExplainError(code, French)
		if en == fr || en == def.In(English) || fr == def.In(French) {
			t.Errorf("%s: %q / %q", code, en, fr)
		}
	}
	if ExplainError("brand_new_code", French) != def.In(French) {
		t.Error("unknown code: no default row")
	}
	if md, err := os.ReadFile(referenceMD); err == nil {
		for _, m := range reBacktick.FindAllStringSubmatch(string(md), -1) {
			c := m[1]
			if (strings.HasPrefix(c, "invalid_") || strings.HasPrefix(c, "verification_")) && !strings.ContainsAny(c, "*{.") &&
				!slices.Contains(referenceErrorCodes, c) && c != "verification_failed" { // a bank account status
				t.Errorf("reference code %s not in the test list", c)
			}
		}
	}
}

func TestRecollectFor(t *testing.T) {
	cases := []struct {
		code, req string
		want      []string
	}{
		{"invalid_address_city_state_postal_code", "individual.address.city", []string{"individual.address.city", "individual.address.state", "individual.address.postal_code"}},
		{"invalid_dob_age_under_18", "representative.dob.day", []string{"representative.dob"}},
		{"invalid_dob_age_under_18", "person_abc.dob.year", []string{"person_abc.dob"}},
		{"verification_failed_tax_id_match", "company.tax_id", []string{"company.name", "company.tax_id", "documents.company_tax_id_verification.files"}},
		{"verification_missing_owners", "", []string{"relationship.owner", "company.owners_provided"}},
		{"invalid_url_website_incomplete_refund_policy", "", []string{"business_profile.url"}},
		{"invalid_url_website_empty", "business_profile.url", []string{"business_profile.url"}},
		{"information_missing", "documents.proof_of_address.files", []string{"documents.proof_of_address.files"}},
		{"invalid_tax_id", "", []string{"company.tax_id"}},
		{"invalid_tax_id", "individual.id_number", []string{"individual.id_number"}},
		{"verification_document_fraudulent", "individual.verification.document", nil},
		{"brand_new_code", "individual.email", []string{"individual.email"}},
		{"verification_failed_address_match", "company.address.line1", []string{"company.address.line1", "company.address.city",
			"company.address.state", "company.address.postal_code", "documents.proof_of_address.files"}},
		{"invalid_tos_acceptance", "tos_acceptance.ip", []string{"tos_acceptance.date", "tos_acceptance.ip"}},
	}
	for _, c := range cases {
		if got := RecollectFor(c.code, c.req); !slices.Equal(got, c.want) {
			t.Errorf("%s %s: got %v, want %v", c.code, c.req, got, c.want)
		}
	}
	for _, code := range referenceErrorCodes {
		for _, req := range []string{"", "individual.dob.day", "company.tax_id", "owners.1.address.line1", "person_x.verification.document"} {
			for _, p := range RecollectFor(code, req) {
				if p != req && !Known(p, "US") {
					t.Errorf("%s %s: %s is not a catalog field", code, req, p)
				}
			}
		}
	}
}

func TestCountryChecks(t *testing.T) {
	for v, ok := range map[string]bool{"DE89370400440532013000": true, "DE89 3704 0044 0532 0130 00": true,
		"FR1420041010050500013M02606": true, "GB82WEST12345698765432": true, "IE29AIBK93115212345678": true,
		"NL39RABO0300065264": true, "NL91ABNA0417164300": true, "DE8937040044053201300": false,
		"DE88370400440532013000": false, "": false, "XX": false, "DE89370400440532013000000000000000000": false} {
		if ValidIBAN(v) != ok {
			t.Errorf("IBAN %q want %v", v, ok)
		}
	}
	for v, ok := range map[string]bool{"046454286": true, "130692544": true, "046454287": false, "12345678": false} {
		if (len(v) == 9 && validLuhn(v)) != ok {
			t.Errorf("SIN %s want %v", v, ok)
		}
	}
	for v, ok := range map[string]bool{"004085616": true, "000000019": true, "004085617": false} {
		if validACN(v) != ok {
			t.Errorf("ACN %s want %v", v, ok)
		}
	}
	for v, ok := range map[string]bool{"51824753556": true, "53004085616": true, "51824753557": false, "1234": false} {
		if validABN(v) != ok {
			t.Errorf("ABN %s want %v", v, ok)
		}
	}
	// Stripe's test ids pass every country's check.
	for _, c := range testCountries {
		ctx := testCtx
		ctx.Country = c
		for _, v := range []string{"000000000", "111111111", "222222222"} {
			if err := Lookup("company.tax_id", c).Validate(v, ctx); err != nil {
				t.Errorf("%s tax id %s: %v", c, v, err)
			}
			if err := Lookup("individual.id_number", c).Validate(v, ctx); err != nil {
				t.Errorf("%s id %s: %v", c, v, err)
			}
		}
	}
}

func TestCountryWording(t *testing.T) {
	want := map[string][4]string{ // state, postal code, id number, routing
		"US": {"State", "ZIP code", "Social Security number (SSN)", "ABA routing number"},
		"CA": {"Province or territory", "Postal code", "Social Insurance Number (SIN)", "Transit and institution number"},
		"GB": {"Region (optional)", "Postcode", "National ID number", "Sort code"},
		"IE": {"County", "Eircode", "National ID number", ""},
		"AU": {"State or territory", "Postcode", "National ID number", "BSB"},
		"FR": {"Region (optional)", "Postal code", "National ID number", ""},
	}
	for c, w := range want {
		got := [4]string{Lookup("individual.address.state", c).Label.EN, Lookup("individual.address.postal_code", c).Label.EN,
			Lookup("individual.id_number", c).Label.EN, ""}
		for _, f := range bankFields(c) {
			if f.Key == "external_account.routing_number" {
				got[3] = f.Label.EN
			}
			if f.Key == "external_account.account_number" && w[3] == "" && f.Label.EN != "IBAN" {
				t.Errorf("%s: account number is %q, want IBAN", c, f.Label.EN)
			}
		}
		if got != w {
			t.Errorf("%s: got %q, want %q", c, got, w)
		}
	}
	if !Lookup("individual.address.state", "GB").Optional {
		t.Error("GB has no states: the field must be optional")
	}
}

func TestAges(t *testing.T) {
	cases := []struct {
		path, dob string
		ok        bool
	}{
		{"individual.dob.day", "2010-01-01", false},
		{"representative.dob.day", "2010-01-01", false},
		{"owners.dob.day", "2010-01-01", true},
		{"owners.dob.day", "2015-01-01", false},
		{"person_x.dob", "2012-01-01", true},
		{"directors.dob.year", "1900-01-01", true},
		{"directors.dob.year", "1890-01-01", false},
		{"representative.dob", "1902-01-01", true},
	}
	for _, c := range cases {
		if err := Lookup(c.path, "US").Validate(c.dob, testCtx); (err == nil) != c.ok {
			t.Errorf("%s %s: %v, want ok=%v", c.path, c.dob, err, c.ok)
		}
	}
}

func TestCompanionsTravelTogether(t *testing.T) {
	fs := FieldsFor([]string{"business_profile.annual_revenue.amount"}, "FR")
	if len(fs) != 2 || fs[0].Key != "business_profile.annual_revenue" || fs[1].Key != "business_profile.annual_revenue.fiscal_year_end" {
		t.Fatalf("got %v", keys(fs))
	}
	fs = FieldsFor([]string{"company.registration_date.day", "company.registration_date.year", "company.ownership_declaration.ip"}, "GB")
	if len(fs) != 2 {
		t.Fatalf("got %v", keys(fs))
	}
	ps, _ := Lookup("business_profile.monthly_estimated_revenue.amount", "JP").Encode("5000", Context{Currency: "jpy"})
	if ps[0].Value != "5000" || ps[1].Value != "jpy" {
		t.Errorf("zero-decimal currency: %+v", ps)
	}
	fs = FieldsFor([]string{"external_account"}, "DE")
	if len(fs) != 2 || fs[1].Label.EN != "IBAN" {
		t.Errorf("SEPA bank account: %v", keys(fs))
	}
}

func TestFieldForParamMore(t *testing.T) {
	cases := map[[2]string]string{
		{"company[verification][document][front]", "US"}:     "company.verification.document",
		{"individual[verification][document][back]", "US"}:   "individual.verification.document",
		{"company[registration_date][year]", "GB"}:           "company.registration_date",
		{"bank_account[routing_number]", "DE"}:               "external_account.account_number",
		{"bank_account[account_number]", "FR"}:               "external_account.account_number",
		{"bank_account[routing_number]", "GB"}:               "external_account.routing_number",
		{"company[address][postal_code]", "IE"}:              "company.address.postal_code",
		{"business_profile[annual_revenue][amount]", "US"}:   "business_profile.annual_revenue",
		{"settings[card_issuing][tos_acceptance][ip]", "US"}: "settings.card_issuing.tos_acceptance",
		{"documents[proof_of_address][files][0]", "US"}:      "documents.proof_of_address.files",
		{"individual[full_name_aliases][1]", "US"}:           "individual.full_name_aliases",
		{"relationship.account_opener.email", "US"}:          "representative.email",
		{"external_account", "US"}:                           "external_account",
		{"x]]][[", "US"}:                                     "x",
	}
	for in, want := range cases {
		if got := FieldForParam(in[0], in[1]); got != want {
			t.Errorf("%v -> %q, want %q", in, got, want)
		}
	}
}

func TestHomeAddressRefusesPOBox(t *testing.T) {
	for _, v := range []string{"PO Box 123", "P.O. box 9", "PMB 12, 1 Main St", "BP 45"} {
		if Lookup("individual.address.line1", "US").Validate(v, testCtx) == nil {
			t.Errorf("%q accepted as a home address", v)
		}
		if Lookup("company.address.line1", "US").Validate(v, testCtx) != nil {
			t.Errorf("%q refused as a company address", v)
		}
	}
	if err := Lookup("owners.address.line1", "US").Validate("address_full_match", testCtx); err != nil {
		t.Error(err)
	}
}

// The plan attaches a requirement's due-ness and errors to the field
// whose Covers hold it: every requirement string must be covered by a
// field FieldsFor returns for it.
func TestEveryFieldCoversWhatItAnswers(t *testing.T) {
	for _, c := range []string{"US", "DE"} {
		for _, p := range readPaths(t) {
			fs := FieldsFor([]string{p}, c)
			covered := false
			for _, f := range fs {
				covered = covered || slices.Contains(f.Covers, p)
			}
			if !covered {
				t.Errorf("%s %s: no field covers it (%v)", c, p, keys(fs))
			}
		}
	}
}

// Stripe's reason is English: a code the catalog explains shows only the
// explanation, in the operator's language; an unknown code keeps Stripe's
// sentence, marked as Stripe's.
func TestExplainRequirementErrorKeepsStripesWordsOnlyForUnknownCodes(t *testing.T) {
	reason := "The address you entered could not be matched."
	known := RequirementError{Code: "verification_failed_address_match", Reason: reason}
	for _, l := range Langs {
		got := ExplainRequirementError(known, l)
		if strings.Contains(got, "could not be matched.") && l != English || strings.Contains(got, reason) {
			t.Errorf("%s: %q repeats Stripe's English reason", l, got)
		}
		if got != ExplainError(known.Code, l) {
			t.Errorf("%s: %q is not the code's explanation", l, got)
		}
	}
	unknown := RequirementError{Code: "brand_new_code", Reason: reason}
	if got := ExplainRequirementError(unknown, French); got != "Stripe indique\u00a0: «\u00a0"+reason+"\u00a0»" {
		t.Errorf("unknown code, French: %q", got)
	}
	if got := ExplainRequirementError(unknown, English); got != "Stripe says: “"+reason+"”" {
		t.Errorf("unknown code, English: %q", got)
	}
	if got := ExplainRequirementError(RequirementError{Code: "brand_new_code"}, French); got != msgUnknownError.In(French) {
		t.Errorf("unknown code without a reason: %q", got)
	}
}

// The pseudo-language accents words, pads by about 40% and brackets, but
// leaves fmt verbs, flags, template actions, key names and API names working.
func TestPseudoKeepsVerbsFlagsAndTemplates(t *testing.T) {
	got := Tf("Sending %s to Stripe (--verbose)", "x").In(Pseudo)
	if !strings.HasPrefix(got, "[Šéñďíñĝ x ţó Šţŕípé (--verbose) ~") || !strings.HasSuffix(got, "~]") {
		t.Errorf("pseudo: %q", got)
	}
	if got := T(`Use "{{.CommandPath}} [command]"`).In(Pseudo); !strings.Contains(got, "{{.CommandPath}}") {
		t.Errorf("template action accented: %q", got)
	}
	if got := T("ctrl+l: open a step, shift+tab: back").In(Pseudo); !strings.HasPrefix(got, "[ctrl+l: ópéñ") || !strings.Contains(got, " shift+tab: ƀáçķ ") {
		t.Errorf("key names accented: %q", got)
	}
	if got := T("The account's id, e.g. acct_1Nv0FGQ9RKHgCVdK, or card_payments.").In(Pseudo); !strings.Contains(got, " acct_1Nv0FGQ9RKHgCVdK, óŕ card_payments.") {
		t.Errorf("API names accented: %q", got)
	}
}
