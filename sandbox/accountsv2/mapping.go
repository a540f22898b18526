package accountsv2

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// Accounts v2 in the sandbox is a façade over the v1 engine: a v2 request
// is translated into v1 form parameters and served by the same rules, and
// the v1 state is rendered as a v2 account with configurations and
// requirement entries
// (https://docs.stripe.com/api/v2/core/accounts). One engine means v1 and v2
// can never disagree about an account. These tables are the translation;
// they are the sandbox's own, not the app's.

// v2PersonToV1 maps a v2 person/individual leaf to its v1 leaf.
var v2PersonToV1 = map[string]string{
	"given_name":         "first_name",
	"surname":            "last_name",
	"email":              "email",
	"phone":              "phone",
	"political_exposure": "political_exposure",
	"legal_gender":       "gender",
}

// v1PersonToV2 is the reverse of v2PersonToV1, plus the nested leaves.
var v1PersonToV2 = func() map[string]string {
	m := map[string]string{"dob": "date_of_birth", "address": "address", "ssn_last_4": "id_numbers", "id_number": "id_numbers",
		"verification": "documents", "nationality": "nationalities", "relationship": "relationship"}
	for v2, v1 := range v2PersonToV1 {
		m[v1] = v2
	}
	return m
}()

// v1AccountToV2 maps v1 requirement paths of the account to v2 entry
// descriptions.
var v1AccountToV2 = map[string]string{
	"business_type":                        "identity.entity_type",
	"business_profile.mcc":                 "configuration.merchant.mcc",
	"business_profile.url":                 "defaults.profile.business_url",
	"business_profile.product_description": "defaults.profile.product_description",
	"business_profile.name":                "defaults.profile.doing_business_as",
	"external_account":                     "configuration.recipient.default_outbound_destination",
	"tos_acceptance.date":                  "identity.attestations.terms_of_service.account",
	"tos_acceptance.ip":                    "identity.attestations.terms_of_service.account",
	"company.name":                         "identity.business_details.registered_name",
	"company.phone":                        "identity.business_details.phone",
	"company.structure":                    "identity.business_details.structure",
	"company.owners_provided":              "identity.attestations.persons_provided.owners",
	"company.directors_provided":           "identity.attestations.persons_provided.directors",
	"company.executives_provided":          "identity.attestations.persons_provided.executives",
	"company.verification.document":        "identity.business_details.documents.primary_verification",
}

// previewNames are the names the preview versions used for what GA
// versions moved to defaults.profile (Stripe changelog 2025-09-30,
// "moving identity fields").
var previewNames = map[string]string{
	"defaults.profile.business_url":        "identity.business_details.url",
	"defaults.profile.product_description": "identity.business_details.product_description",
	"defaults.profile.doing_business_as":   "identity.business_details.doing_business_as",
}

// shapedDescription is description in the shape of the request's
// version: GA names, or the preview's for a preview version.
func shapedDescription(path, country string, ga bool) (string, string) {
	d, person := description(path, country)
	if p, ok := previewNames[d]; ok && !ga {
		d = p
	}
	return d, person
}

// idTypeFor names a v1 ID leaf as a v2 id_numbers type for a country.
func idTypeFor(country, leaf string) string {
	c := strings.ToLower(country)
	switch {
	case leaf == "ssn_last_4":
		return "us_ssn_last_4"
	case leaf == "id_number" && c == "us":
		return "us_ssn"
	case leaf == "id_number" && c == "ca":
		return "ca_sin"
	case leaf == "tax_id" && c == "us":
		return "us_ein"
	case leaf == "tax_id":
		return c + "_tax_id"
	}
	return c + "_national_id"
}

// description is the entry description of a v1 requirement path, and
// the person it concerns when it is a person_<id>.* path.
func description(path, country string) (desc, person string) {
	if d, ok := v1AccountToV2[path]; ok {
		return d, ""
	}
	head, rest, _ := strings.Cut(path, ".")
	switch {
	case head == "individual":
		return "identity.individual." + personLeaf(rest, country), ""
	case strings.HasPrefix(head, "person_"):
		return personLeaf(rest, country), head
	case head == "documents" && strings.HasSuffix(rest, ".files"):
		// documents.<type>.files is the business's files document <type>.
		return "identity.business_details.documents." + strings.TrimSuffix(rest, ".files"), ""
	case head == "company" && rest == "tax_id":
		return "identity.business_details.id_numbers." + idTypeFor(country, "tax_id"), ""
	case head == "company" && strings.HasPrefix(rest, "address."):
		return "identity.business_details." + rest, ""
	case head == "company":
		return "identity.business_details." + rest, ""
	}
	return path, "" // role placeholders keep their v1 names [G]
}

// personLeaf names a person leaf in v2 (dob.day and its siblings are
// one entry: date_of_birth).
func personLeaf(leaf, country string) string {
	head, rest, _ := strings.Cut(leaf, ".")
	switch head {
	case "dob":
		return "date_of_birth"
	case "ssn_last_4", "id_number":
		return "id_numbers." + idTypeFor(country, head)
	case "verification":
		if strings.HasPrefix(rest, "additional_document") {
			return "documents.secondary_verification"
		}
		return "documents.primary_verification"
	case "documents":
		// documents.passport.files is the person's files document passport.
		return "documents." + strings.TrimSuffix(rest, ".files")
	}
	name, ok := v1PersonToV2[head]
	if !ok {
		name = head
	}
	if rest != "" {
		return name + "." + rest
	}
	return name
}

// form collects v1 form parameters translated from a v2 body.
type form map[string]string

// unknownField is a field of a v2 body the façade cannot translate.
type unknownField struct{ path string }

func (e unknownField) Error() string { return "Received unknown field: " + e.path }

// personToV1 writes a v2 person (or identity.individual) body as v1
// parameters under prefix ("individual" or "" for the Persons API).
func personToV1(f form, prefix string, m map[string]any, country, at string) error {
	key := func(parts ...string) string {
		all := parts
		if prefix != "" {
			all = append([]string{prefix}, parts...)
		}
		out := all[0]
		for _, p := range all[1:] {
			out += "[" + p + "]"
		}
		return out
	}
	for k, v := range m {
		switch k {
		case "date_of_birth":
			dob, _ := v.(map[string]any)
			for _, part := range []string{"day", "month", "year"} {
				if n, ok := dob[part].(float64); ok {
					f[key("dob", part)] = strconv.Itoa(int(n))
				}
			}
		case "address":
			addr, _ := v.(map[string]any)
			for ak, av := range addr {
				s, _ := av.(string)
				if ak == "town" {
					continue // v1's addresses have no town (a Japanese address's is in address_kana)
				}
				if ak == "country" {
					s = strings.ToUpper(s)
				}
				f[key("address", ak)] = s
			}
		case "id_numbers":
			list, _ := v.([]any)
			for _, it := range list {
				id, _ := it.(map[string]any)
				typ, _ := id["type"].(string)
				val, _ := id["value"].(string)
				if typ == "us_ssn_last_4" {
					f[key("ssn_last_4")] = val
				} else {
					f[key("id_number")] = val
				}
			}
		case "relationship":
			rel, _ := v.(map[string]any)
			for rk, rv := range rel {
				switch x := rv.(type) {
				case bool:
					f[key("relationship", rk)] = strconv.FormatBool(x)
				case string:
					f[key("relationship", rk)] = x
				case float64:
					f[key("relationship", rk)] = strconv.FormatFloat(x, 'f', -1, 64)
				}
			}
		case "documents":
			docs, _ := v.(map[string]any)
			if err := personDocumentsToV1(f, key, docs, at); err != nil {
				return err
			}
		case "nationalities":
			// Not writable through v1's individual hash; persons only.
			list, _ := v.([]any)
			if len(list) > 0 && prefix == "" {
				f["nationality"], _ = list[0].(string)
			}
		default:
			leaf, ok := v2PersonToV1[k]
			if !ok {
				if err := documentedField(at+"."+k, v); err != nil {
					return err
				}
				continue
			}
			s, _ := v.(string)
			f[key(leaf)] = s
		}
	}
	return nil
}

// accountToV1 translates a v2 account create/update body.
func accountToV1(body map[string]any, country string, creating, ga bool) (form, error) {
	f := form{}
	for k, v := range body {
		switch k {
		case "include", "dashboard":
		case "metadata":
			// The account's metadata, shared with its v1 view (Stripe
			// shows one account through both APIs).
			md, _ := v.(map[string]any)
			for mk, mv := range md {
				f["metadata["+mk+"]"], _ = mv.(string)
			}
		case "defaults":
			d, _ := v.(map[string]any)
			if err := defaultsToV1(f, d); err != nil {
				return nil, err
			}
		case "contact_email":
			f["email"], _ = v.(string)
		case "display_name":
			f["business_profile[name]"], _ = v.(string)
		case "identity":
			id, _ := v.(map[string]any)
			if err := identityToV1(f, id, country, creating, ga); err != nil {
				return nil, err
			}
		case "configuration":
			cfg, _ := v.(map[string]any)
			if err := configurationToV1(f, cfg); err != nil {
				return nil, err
			}
		default:
			if err := documentedField(k, v); err != nil {
				return nil, err
			}
		}
	}
	return f, nil
}

func identityToV1(f form, id map[string]any, country string, creating, ga bool) error {
	for k, v := range id {
		switch k {
		case "country":
			if creating {
				s, _ := v.(string)
				f["country"] = strings.ToUpper(s)
			}
		case "entity_type":
			f["business_type"], _ = v.(string)
		case "individual":
			m, _ := v.(map[string]any)
			if err := personToV1(f, "individual", m, country, "identity.individual"); err != nil {
				return err
			}
		case "business_details":
			m, _ := v.(map[string]any)
			if err := businessToV1(f, m, ga); err != nil {
				return err
			}
		case "attestations":
			m, _ := v.(map[string]any)
			if err := attestationsToV1(f, m); err != nil {
				return err
			}
		default:
			if err := documentedField("identity."+k, v); err != nil {
				return err
			}
		}
	}
	return nil
}

func businessToV1(f form, m map[string]any, ga bool) error {
	simple := map[string]string{"registered_name": "company[name]", "phone": "company[phone]", "structure": "company[structure]"}
	if !ga {
		// GA versions moved these to defaults.profile and refuse them here.
		simple["url"] = "business_profile[url]"
		simple["product_description"] = "business_profile[product_description]"
		simple["doing_business_as"] = "business_profile[name]"
	}
	for k, v := range m {
		switch {
		case simple[k] != "":
			f[simple[k]], _ = v.(string)
		case k == "address":
			addr, _ := v.(map[string]any)
			for ak, av := range addr {
				s, _ := av.(string)
				if ak == "town" {
					continue // v1's addresses have no town (a Japanese address's is in address_kana)
				}
				if ak == "country" {
					s = strings.ToUpper(s)
				}
				f["company[address]["+ak+"]"] = s
			}
		case k == "id_numbers":
			list, _ := v.([]any)
			for _, it := range list {
				id, _ := it.(map[string]any)
				f["company[tax_id]"], _ = id["value"].(string)
			}
		case k == "documents":
			docs, _ := v.(map[string]any)
			if err := businessDocumentsToV1(f, docs); err != nil {
				return err
			}
		default:
			if err := documentedField("identity.business_details."+k, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// defaultsToV1 reads defaults.profile (GA) and accepts the other defaults
// (currency, locales, responsibilities) without modelling them.
func defaultsToV1(f form, d map[string]any) error {
	for k, v := range d {
		switch k {
		case "currency", "locales", "responsibilities":
		case "profile":
			p, _ := v.(map[string]any)
			names := map[string]string{"business_url": "business_profile[url]", "product_description": "business_profile[product_description]",
				"doing_business_as": "business_profile[name]"}
			for pk, pv := range p {
				name, ok := names[pk]
				if !ok {
					if err := documentedField("defaults.profile."+pk, pv); err != nil {
						return err
					}
					continue
				}
				f[name], _ = pv.(string)
			}
		default:
			if err := documentedField("defaults."+k, v); err != nil {
				return err
			}
		}
	}
	return nil
}

func attestationsToV1(f form, m map[string]any) error {
	for k, v := range m {
		switch k {
		case "terms_of_service":
			tos, _ := v.(map[string]any)
			acct, _ := tos["account"].(map[string]any)
			if d, ok := acct["date"].(string); ok {
				t, err := time.Parse(time.RFC3339, d)
				if err != nil {
					return unknownField{"identity.attestations.terms_of_service.account.date (RFC 3339 expected)"}
				}
				f["tos_acceptance[date]"] = strconv.FormatInt(t.Unix(), 10)
			}
			for _, part := range []string{"ip", "user_agent"} {
				if s, ok := acct[part].(string); ok {
					f["tos_acceptance["+part+"]"] = s
				}
			}
		case "persons_provided":
			pp, _ := v.(map[string]any)
			for role, pv := range pp {
				if b, ok := pv.(bool); ok {
					f["company["+role+"_provided]"] = strconv.FormatBool(b)
				}
			}
		default:
			if err := documentedField("identity.attestations."+k, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// configurationToV1 reads requested capabilities and the merchant's MCC.
func configurationToV1(f form, cfg map[string]any) error {
	for name, v := range cfg {
		c, _ := v.(map[string]any)
		if c == nil {
			continue
		}
		caps, _ := c["capabilities"].(map[string]any)
		switch name {
		case "merchant":
			if mcc, ok := c["mcc"].(string); ok {
				f["business_profile[mcc]"] = mcc
			}
			if requested(caps, "card_payments") {
				f["capabilities[card_payments][requested]"] = "true"
			}
		case "recipient":
			if sb, ok := caps["stripe_balance"].(map[string]any); ok && requested(sb, "stripe_transfers") {
				f["capabilities[transfers][requested]"] = "true"
			}
		case "customer":
		default:
			if err := documentedField("configuration."+name, v); err != nil {
				return err
			}
		}
	}
	return nil
}

func requested(caps map[string]any, name string) bool {
	c, _ := caps[name].(map[string]any)
	r, _ := c["requested"].(bool)
	return r
}

// configsFor lists the configurations a v2 body applies.
func configsFor(body map[string]any) []string {
	cfg, _ := body["configuration"].(map[string]any)
	var out []string
	for name, v := range cfg {
		if v != nil {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
