package schema

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Accounts v2 (https://docs.stripe.com/api/v2/core/accounts) describes the same facts as v1 with other
// names and JSON bodies. Rather than a second catalog, v1 parameters are
// translated: one field spec serves both APIs, and what is wrong in one is
// wrong in both. The tables below are the whole translation, in one place.

// v2PersonLeaves renames a person's v1 leaves (first segment) in v2.
var v2PersonLeaves = map[string]string{
	"first_name":         "given_name",
	"last_name":          "surname",
	"dob":                "date_of_birth",
	"email":              "email",
	"phone":              "phone",
	"address":            "address",
	"political_exposure": "political_exposure",
	"relationship":       "relationship",
	"gender":             "legal_gender",
}

// v2AccountFields maps whole v1 account parameters to v2 paths.
var v2AccountFields = map[string]string{
	"business_type":                            "identity.entity_type",
	"external_account":                         "configuration.recipient.default_outbound_destination",
	"business_profile.mcc":                     "configuration.merchant.mcc",
	"business_profile.url":                     "defaults.profile.business_url",
	"business_profile.product_description":     "defaults.profile.product_description",
	"business_profile.name":                    "defaults.profile.doing_business_as",
	"business_profile.support_email":           "configuration.merchant.support.email",
	"business_profile.support_phone":           "configuration.merchant.support.phone",
	"business_profile.support_url":             "configuration.merchant.support.url",
	"settings.payments.statement_descriptor":   "configuration.merchant.statement_descriptor.descriptor",
	"tos_acceptance.date":                      "identity.attestations.terms_of_service.account.date",
	"tos_acceptance.ip":                        "identity.attestations.terms_of_service.account.ip",
	"tos_acceptance.user_agent":                "identity.attestations.terms_of_service.account.user_agent",
	"company.owners_provided":                  "identity.attestations.persons_provided.owners",
	"company.directors_provided":               "identity.attestations.persons_provided.directors",
	"company.executives_provided":              "identity.attestations.persons_provided.executives",
	"company.ownership_exemption_reason":       "identity.attestations.persons_provided.ownership_exemption_reason",
	"company.ownership_declaration.date":       "identity.attestations.ownership_declaration.date",
	"company.ownership_declaration.ip":         "identity.attestations.ownership_declaration.ip",
	"company.ownership_declaration.user_agent": "identity.attestations.ownership_declaration.user_agent",
	"company.name":                             "identity.business_details.registered_name",
	"company.phone":                            "identity.business_details.phone",
	"company.structure":                        "identity.business_details.structure",
}

// v2IDTypes names ID numbers in v2 by country and v1 leaf ([G]: the
// preview enum has per-country names; others use a national_id).
var v2IDTypes = map[string]map[string]string{
	"US": {"ssn_last_4": "us_ssn_last_4", "id_number": "us_ssn", "tax_id": "us_ein"},
	"CA": {"id_number": "ca_sin", "tax_id": "ca_bn"},
	"GB": {"tax_id": "gb_crn"},
	"FR": {"tax_id": "fr_siren"},
	"DE": {"tax_id": "de_hr"},
	"IE": {"tax_id": "ie_crn"},
	"AU": {"tax_id": "au_acn"},
	"NL": {"tax_id": "nl_kvk"},
}

func v2IDType(country, leaf string) string {
	if t, ok := v2IDTypes[strings.ToUpper(country)][leaf]; ok {
		return t
	}
	switch leaf {
	case "tax_id":
		return strings.ToLower(country) + "_tax_id"
	case "ssn_last_4":
		return "us_ssn_last_4"
	}
	return strings.ToLower(country) + "_national_id"
}

// V2Body is a v2 request translated from v1 parameters.
type V2Body struct {
	// Account is the JSON body of POST /v2/core/accounts/{id}.
	Account map[string]any
	// Persons are JSON bodies for /v2/core/accounts/{id}/persons, by the
	// person prefix the v1 parameters named (representative, owners.0, person_…).
	Persons map[string]map[string]any
	// Rest are parameters v2 has no body for: bank tokens and files still
	// go through their v1 endpoints.
	Rest []Param
}

// ToV2 translates encoded v1 parameters into v2 bodies for an account of
// country. Dates become objects or RFC 3339 times, ID numbers become
// {type, value} entries, and anything the tables do not name keeps its
// path under identity.individual / identity.business_details, so an
// unknown requirement still travels.
func ToV2(ps []Param, country string) V2Body {
	b := V2Body{Account: map[string]any{}, Persons: map[string]map[string]any{}}
	for _, p := range ps {
		switch p.Target {
		case TargetPerson:
			body := b.Persons[p.Person]
			if body == nil {
				body = map[string]any{}
				b.Persons[p.Person] = body
			}
			putPersonLeaf(body, Dots(p.Key), p.Value, country)
		case TargetAccount:
			putAccountParam(b.Account, Dots(p.Key), p.Value, country)
		default:
			b.Rest = append(b.Rest, p)
		}
	}
	return b
}

func putAccountParam(body map[string]any, path, value, country string) {
	if v2, ok := v2AccountFields[path]; ok {
		setPath(body, v2, v2Value(path, value))
		return
	}
	switch {
	case strings.HasPrefix(path, "individual."):
		inner := subMap(body, "identity.individual")
		putPersonLeaf(inner, strings.TrimPrefix(path, "individual."), value, country)
	case path == "company.tax_id":
		appendID(body, "identity.business_details.id_numbers", v2IDType(country, "tax_id"), value)
	case strings.HasPrefix(path, "company.verification.document."):
		// The company's proof of entity: v1's company.verification.document
		// is v2's business_details.documents.primary_verification, a
		// front_back document like a person's (stripe-go v84's
		// V2CoreAccountIdentityBusinessDetailsDocumentsPrimaryVerification).
		side := strings.TrimPrefix(path, "company.verification.document.")
		setPath(body, "identity.business_details.documents.primary_verification.type", "front_back")
		setPath(body, "identity.business_details.documents.primary_verification.front_back."+side, value)
	case strings.HasPrefix(path, "documents."):
		// documents[<type>][files][i] -> identity.business_details.documents.<type>
		// = {type: files, files: [...]}; a name v2 does not know keeps its
		// path, and Stripe says which.
		name, rest, _ := strings.Cut(strings.TrimPrefix(path, "documents."), ".")
		if rest == "files" && isBusinessDocument(name) {
			putFilesDocument(body, "identity.business_details.documents", name, value)
			return
		}
		setPath(body, path, value)
	case strings.HasPrefix(path, "company.address."):
		setPath(body, "identity.business_details.address."+strings.TrimPrefix(path, "company.address."), addressValue(path, value))
	case strings.HasPrefix(path, "company."):
		setPath(body, "identity.business_details."+strings.TrimPrefix(path, "company."), value)
	default:
		setPath(body, path, value)
	}
}

// putPersonLeaf writes one person leaf (relative to the person) into a v2
// person body.
func putPersonLeaf(body map[string]any, leaf, value, country string) {
	head, rest, _ := strings.Cut(leaf, ".")
	switch {
	case head == "ssn_last_4" || head == "id_number":
		appendID(body, "id_numbers", v2IDType(country, head), value)
	case head == "nationality":
		body["nationalities"] = []any{value}
	case head == "dob":
		n, _ := strconv.Atoi(value)
		setPath(body, "date_of_birth."+rest, n)
	case head == "verification":
		// verification.document.front -> documents.primary_verification.front_back.front
		kind, side, _ := strings.Cut(rest, ".")
		slot := "primary_verification"
		if kind == "additional_document" {
			slot = "secondary_verification"
		}
		setPath(body, "documents."+slot+".type", "front_back")
		setPath(body, "documents."+slot+".front_back."+side, value)
	case head == "documents":
		// documents[passport][files][i] -> documents.passport = {type: files, files: [...]}
		name, sub, _ := strings.Cut(rest, ".")
		if sub == "files" && slices.Contains(v2PersonFileDocuments, name) {
			putFilesDocument(body, "documents", name, value)
		} else {
			setPath(body, leaf, value)
		}
	case head == "relationship" && rest == "percent_ownership":
		setPath(body, "relationship.percent_ownership", value) // a string in v2
	case head == "relationship":
		if b, err := strconv.ParseBool(value); err == nil {
			setPath(body, "relationship."+rest, b)
		} else {
			setPath(body, "relationship."+rest, value)
		}
	case head == "address":
		setPath(body, "address."+rest, addressValue(leaf, value))
	default:
		name, ok := v2PersonLeaves[head]
		if !ok {
			name = head
		}
		if rest != "" {
			name += "." + rest
		}
		setPath(body, name, value)
	}
}

// addressValue lowercases countries, as the preview's enum writes them.
func addressValue(path, value string) string {
	if strings.HasSuffix(path, ".country") {
		return strings.ToLower(value)
	}
	return value
}

// v2Value converts values whose type differs in v2: booleans, and Unix
// times (v1) to RFC 3339 with milliseconds (v2).
func v2Value(v1path, value string) any {
	switch {
	case strings.HasSuffix(v1path, "_provided"):
		b, _ := strconv.ParseBool(value)
		return b
	case strings.HasSuffix(v1path, ".date"):
		if n, err := strconv.ParseInt(value, 10, 64); err == nil {
			return time.Unix(n, 0).UTC().Format("2006-01-02T15:04:05.000Z")
		}
	case v1path == "business_type":
		return value
	}
	return value
}

func appendID(body map[string]any, path, typ, value string) {
	parent, last := splitLast(path)
	m := body
	if parent != "" {
		m = subMap(body, parent)
	}
	list, _ := m[last].([]any)
	m[last] = append(list, map[string]any{"type": typ, "value": value})
}

// setPath sets a dotted path in nested maps, creating them as needed.
func setPath(body map[string]any, path string, value any) {
	parent, last := splitLast(path)
	m := body
	if parent != "" {
		m = subMap(body, parent)
	}
	m[last] = value
}

func subMap(body map[string]any, path string) map[string]any {
	m := body
	for _, k := range strings.Split(path, ".") {
		next, ok := m[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[k] = next
		}
		m = next
	}
	return m
}

func splitLast(path string) (string, string) {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return "", path
	}
	return path[:i], path[i+1:]
}

// V1Path maps a v2 requirement entry's description (a path into the v2
// account, like identity.individual.given_name) to the v1 requirement path
// whose field answers it. Descriptions it cannot map come back unchanged,
// and then fall back like unknown v1 strings.
func V1Path(description string) string {
	for v1, v2 := range v2AccountFields {
		if v2 == description {
			return v1
		}
	}
	for _, pre := range []struct{ v2, v1 string }{
		{"identity.individual.", "individual."},
		{"identity.business_details.", "company."},
	} {
		rest, ok := strings.CutPrefix(description, pre.v2)
		if !ok {
			continue
		}
		head, tail, _ := strings.Cut(rest, ".")
		if pre.v1 == "company." {
			switch head {
			case "registered_name":
				return "company.name"
			case "id_numbers":
				return "company.tax_id"
			case "url":
				return "business_profile.url"
			case "product_description":
				return "business_profile.product_description"
			case "doing_business_as":
				return "business_profile.name"
			case "documents":
				if p, ok := v1DocumentPath(tail, "", false); ok {
					return p
				}
			}
			return "company." + rest
		}
		for v1leaf, v2leaf := range v2PersonLeaves {
			if v2leaf == head {
				head = v1leaf
				break
			}
		}
		switch head {
		case "id_numbers":
			if strings.HasSuffix(tail, "ssn_last_4") {
				return "individual.ssn_last_4"
			}
			return "individual.id_number"
		case "nationalities":
			return "individual.nationality"
		case "documents":
			if p, ok := v1DocumentPath(tail, "individual.", true); ok {
				return p
			}
			return "individual.verification.document"
		}
		if tail != "" {
			return pre.v1 + head + "." + tail
		}
		return pre.v1 + head
	}
	if description == "identity.attestations.terms_of_service.account" {
		return "tos_acceptance.date"
	}
	if description == "identity.attestations.ownership_declaration" {
		return "company.ownership_declaration.date"
	}
	return description
}
