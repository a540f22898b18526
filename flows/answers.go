package flows

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"onboard/schema"
)

// Answers are the values of an answers file, keyed by field key (the
// requirement path, or its parent for dates: individual.dob).
type Answers struct {
	Values map[string]string
	// Keys lists the file's own keys, to report answers that were not used.
	Keys []string
}

// LoadAnswers reads an answers file (JSON, or YAML for .yaml/.yml). The
// file is one flat map of requirement paths to values (DESIGN.md).
func LoadAnswers(path string) (Answers, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return Answers{}, fmt.Errorf("read answers: %w", err)
	}
	m := map[string]any{}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		err = yaml.Unmarshal(raw, &m)
	default:
		d := json.NewDecoder(strings.NewReader(string(raw)))
		d.UseNumber()
		err = d.Decode(&m)
	}
	if err != nil {
		return Answers{}, fmt.Errorf("answers file %s: %w", path, err)
	}
	return ParseAnswers(m)
}

// ParseAnswers normalizes a decoded answers map: dates given whole or as
// day/month/year parts, external_account as a token or an object, and
// tos_acceptance as true.
func ParseAnswers(m map[string]any) (Answers, error) {
	a := Answers{Values: map[string]string{}}
	dates := map[string]map[string]string{}
	for k, v := range m {
		a.Keys = append(a.Keys, k)
		switch {
		case k == "external_account":
			if err := bankAnswer(a.Values, v); err != nil {
				return Answers{}, err
			}
		case strings.HasSuffix(k, ".day") || strings.HasSuffix(k, ".month") || strings.HasSuffix(k, ".year"):
			i := strings.LastIndexByte(k, '.')
			if dates[k[:i]] == nil {
				dates[k[:i]] = map[string]string{}
			}
			dates[k[:i]][k[i+1:]] = scalar(v)
		case k == "tos_acceptance.date" || k == "tos_acceptance.ip":
			a.Values["tos_acceptance"] = "true"
		default:
			if obj, ok := v.(map[string]any); ok {
				return Answers{}, fmt.Errorf("answer %s: expected a single value, got an object with %d keys", k, len(obj))
			}
			a.Values[k] = scalar(v)
		}
	}
	for parent, parts := range dates {
		d, m, y := parts["day"], parts["month"], parts["year"]
		if d == "" || m == "" || y == "" {
			return Answers{}, fmt.Errorf("answer %s: give day, month and year together, or %s as YYYY-MM-DD", parent, parent)
		}
		di, _ := strconv.Atoi(d)
		mi, _ := strconv.Atoi(m)
		a.Values[parent] = fmt.Sprintf("%s-%02d-%02d", y, mi, di)
		a.Keys = append(a.Keys, parent)
	}
	sort.Strings(a.Keys)
	return a, nil
}

func bankAnswer(out map[string]string, v any) error {
	switch b := v.(type) {
	case string:
		out["external_account"] = b
	case map[string]any:
		for k, x := range b {
			switch k {
			case "routing_number", "account_number", "account_holder_name", "account_holder_type", "country", "currency":
				out["external_account."+k] = scalar(x)
			default:
				return fmt.Errorf("answer external_account: unknown key %q (use routing_number, account_number, account_holder_name)", k)
			}
		}
	default:
		return fmt.Errorf("answer external_account: give a token (btok_…) or an object with routing_number and account_number")
	}
	return nil
}

func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case json.Number:
		return x.String()
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return fmt.Sprint(x)
	}
}

// Validate checks every answer against the catalog for an account of
// country, before any request, so a typo never creates a half-onboarded
// account. Keys the catalog does not know are accepted as they are.
func (a Answers) Validate(c schema.Context) error {
	bad := map[string]string{}
	for k, v := range a.Values {
		if k == "external_account" {
			if !strings.HasPrefix(v, "btok_") && !strings.HasPrefix(v, "tok_") {
				bad[k] = "expected a bank token (btok_…) or an object"
			}
			continue
		}
		f := fieldForAnswer(k, c.Country)
		if f.Generic {
			continue
		}
		if err := f.Validate(v, c); err != nil {
			bad[k] = err.Error()
		}
	}
	if len(bad) > 0 {
		return &InputError{Fields: bad}
	}
	return nil
}

func fieldForAnswer(key, country string) schema.Field {
	if strings.HasPrefix(key, "external_account.") {
		for _, f := range schema.FieldsFor([]string{"external_account"}, country) {
			if f.Key == key {
				return f
			}
		}
		if key == "external_account.country" || key == "external_account.currency" || key == "external_account.account_holder_type" {
			return schema.Lookup(key, country) // generic: passed through
		}
	}
	return schema.Lookup(key, country)
}

// candidates are the answer keys that can hold a field's value: its key,
// the requirement paths it answers (owners.email answers owners.0.email),
// and, for an existing person, the role names the answers file uses for
// them (representative.dob for person_abc.dob when person_abc is the
// representative).
func candidates(f schema.Field, acct schema.Account) []string {
	keys := append([]string{f.Key}, f.Covers...)
	if strings.HasPrefix(f.Key, "external_account.") {
		return keys[:1] // bank parts are only ever answered by their own key
	}
	if f.Person == nil || f.Person.ID == "" {
		return keys
	}
	leaf := strings.TrimPrefix(f.Key, f.Person.Prefix+".")
	for _, alias := range personAliases(acct, f.Person.ID) {
		keys = append(keys, alias+"."+leaf)
	}
	return keys
}

// personAliases names a person as an answers file does: by role and
// index among the people holding that role.
func personAliases(acct schema.Account, id string) []string {
	var out []string
	count := map[string]int{}
	for _, p := range acct.Persons {
		for _, r := range p.Roles {
			idx := count[r]
			count[r]++
			if p.ID != id {
				continue
			}
			prefix := schema.RolePrefix(r)
			if r == schema.RoleRepresentative {
				out = append(out, prefix)
				continue
			}
			out = append(out, fmt.Sprintf("%s.%d", prefix, idx))
			if idx == 0 {
				out = append(out, prefix)
			}
		}
	}
	return out
}

// lookup finds a field's answer under any of its candidate keys.
func (a Answers) lookup(f schema.Field, acct schema.Account) (string, bool) {
	for _, k := range candidates(f, acct) {
		if v, ok := a.Values[k]; ok {
			return v, true
		}
	}
	return "", false
}

// Used lists the answer keys a set of fields consumes.
func (a Answers) Used(fs []schema.Field, acct schema.Account) []string {
	var out []string
	for _, f := range fs {
		for _, k := range candidates(f, acct) {
			if _, ok := a.Values[k]; ok {
				out = append(out, k)
			}
		}
		if strings.HasPrefix(f.Key, "external_account.") {
			if _, ok := a.Values["external_account"]; ok {
				out = append(out, "external_account")
			}
		}
	}
	return out
}

// For returns the answers for a step's fields of acct, and the keys of
// required fields it has no answer for.
func (a Answers) For(st Step, acct schema.Account) (values map[string]string, missing []string) {
	values = map[string]string{}
	for _, f := range st.Fields {
		if v, ok := a.lookup(f, acct); ok {
			values[f.Key] = v
			continue
		}
		if strings.HasPrefix(f.Key, "external_account.") && a.Values["external_account"] != "" {
			values["external_account"] = a.Values["external_account"]
			continue
		}
		if !f.Optional && f.Kind != schema.KindLink {
			missing = append(missing, f.Key)
		}
	}
	return values, missing
}
