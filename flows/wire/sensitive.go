package wire

import (
	"sort"
	"strings"

	"onboard/schema"
)

// Which values are sensitive is the field catalog's call (schema marks id
// numbers, SSNs, tax ids, bank account numbers and documents): a form
// parameter is mapped back to the requirement path it answers and looked
// up there, so a field added to the catalog is masked here too.

// sensitiveParam reports whether form parameter key, sent to endpoint,
// carries a sensitive value, and names the placeholder that stands for it.
func sensitiveParam(endpoint, key string) (string, bool) {
	path := schema.Dots(key)
	switch {
	case isPersonsEndpoint(endpoint):
		path = "representative." + path
	case endpoint == "/v1/tokens":
		for from, to := range map[string]string{"bank_account.": "external_account.", "pii.": "individual.",
			"person.": "representative.", "account.": ""} {
			if rest, ok := strings.CutPrefix(path, from); ok {
				path = to + rest
				break
			}
		}
	}
	return sensitivePath(path)
}

// sensitivePath looks a dotted requirement path up in the catalog.
func sensitivePath(path string) (string, bool) {
	lookup := path
	if strings.Contains(lookup, "verification.") {
		// A document's side is not a field of its own (FieldForParam).
		lookup = strings.TrimSuffix(strings.TrimSuffix(lookup, ".front"), ".back")
	}
	if !schema.Lookup(lookup, "").Sensitive {
		return "", false
	}
	return placeholderName(path), true
}

// placeholderName turns a path into a shell variable name, without the
// person or object it belongs to: individual.id_number -> ID_NUMBER.
func placeholderName(path string) string {
	if ref, leaf, ok := schema.ParsePersonPath(path); ok && ref.Prefix != "" {
		path = leaf
	}
	for _, pre := range []string{"company.", "external_account."} {
		path = strings.TrimPrefix(path, pre)
	}
	return strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(path))
}

// isPersonsEndpoint reports /v1/accounts/{id}/persons[/{person}] and the
// v2 equivalent, whose parameters are a person's without a prefix.
func isPersonsEndpoint(endpoint string) bool {
	segs := strings.Split(strings.Trim(endpoint, "/"), "/")
	for i, s := range segs {
		if s == "persons" && i >= 2 {
			return true
		}
	}
	return false
}

// sensitiveV2 reports whether the string at path (object keys, array
// indexes left out) of a v2 JSON body is sensitive. v2 names are mapped to
// the v1 requirement paths the catalog knows: identity.individual.* is
// individual.*, identity.business_details.* is company.*, and an
// id_numbers entry's value is the id number, tax id or SSN last 4 its type
// says.
func sensitiveV2(endpoint string, path []string, parent map[string]any) (string, bool) {
	p := strings.Join(path, ".")
	p = strings.TrimPrefix(p, "identity.")
	if rest, ok := strings.CutPrefix(p, "business_details."); ok {
		p = "company." + rest
	}
	if isPersonsEndpoint(endpoint) {
		p = "representative." + p
	}
	if head, ok := strings.CutSuffix(p, "id_numbers.value"); ok {
		typ, _ := parent["type"].(string)
		switch {
		case strings.HasSuffix(typ, "ssn_last_4"):
			p = head + "ssn_last_4"
		case strings.HasPrefix(head, "company."):
			p = head + "tax_id"
		default:
			p = head + "id_number"
		}
	}
	return sensitivePath(p)
}

// Placeholders are the names of every placeholder a request can use, from
// the catalog's sensitive fields (what the script's header and the README
// list).
func Placeholders() []string {
	set := map[string]bool{"DOCUMENT": true} // a file uploaded (multipartBody)
	for _, pre := range []string{"individual", "representative"} {
		for _, p := range schema.VocabPaths(pre) {
			if name, ok := sensitivePath(p); ok {
				set[name] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
