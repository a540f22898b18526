package schema

import (
	"strconv"
	"strings"
	"time"
)

// accountField returns the catalog field for an account-level path.
func accountField(path, country string) (Field, bool) {
	key := path
	if k, ok := accountAliases[path]; ok {
		key = k
	}
	for _, specs := range accountSpecMaps {
		mk, ok := specs[key]
		if !ok {
			continue
		}
		f := mk(country)
		f.Key = key
		if len(f.Covers) == 0 {
			f.Covers = []string{key}
		}
		return f, true
	}
	return Field{}, false
}

// accountSpecMaps are the account-level catalog, one map per topic file.
var accountSpecMaps = []map[string]func(country string) Field{
	accountSpecs, businessSpecs, companySpecs, settingsSpecs, documentSpecs,
}

// accountAliases are requirement paths answered by a field with another
// key: the parts of an acceptance are one confirmation, the parts of a
// date one date, the parts of an amount one amount.
var accountAliases = func() map[string]string {
	m := map[string]string{}
	for _, a := range []string{"tos_acceptance", "settings.card_issuing.tos_acceptance", "settings.treasury.tos_acceptance",
		"company.ownership_declaration", "company.directorship_declaration"} {
		for _, part := range []string{"date", "ip", "user_agent"} {
			m[a+"."+part] = a
		}
	}
	for _, part := range []string{"day", "month", "year"} {
		m["company.registration_date."+part] = "company.registration_date"
	}
	for _, part := range []string{"amount", "currency"} {
		m["business_profile.annual_revenue."+part] = "business_profile.annual_revenue"
		m["business_profile.monthly_estimated_revenue."+part] = "business_profile.monthly_estimated_revenue"
	}
	m["company.verification.document.front"] = "company.verification.document"
	m["company.verification.document.back"] = "company.verification.document"
	return m
}()

var accountSpecs = map[string]func(country string) Field{
	"business_type": func(string) Field {
		return Field{Group: GroupBusinessProfile, Order: 5, Kind: KindSelect,
			Label:   T("Business type"),
			Help:    T("The legal form of the account holder."),
			Options: businessTypes}
	},
	"tos_acceptance": func(string) Field {
		return acceptanceField("tos_acceptance", GroupTerms, 10,
			T("Stripe Connected Account Agreement"),
			T("The account holder accepts Stripe's terms; the date, this machine's IP address and the user agent are recorded."))
	},
}

// acceptanceField is a confirmation that records when, from where and
// with what the user accepted: path.date, path.ip, path.user_agent,
// always sent together.
func acceptanceField(path string, g Group, order int, label, help Text) Field {
	return Field{Group: g, Order: order, Kind: KindAcceptance,
		Covers: []string{path + ".date", path + ".ip", path + ".user_agent"},
		Label:  label, Help: help,
		check:  checkAcceptance,
		encode: encodeAcceptance(path)}
}

// encodeAcceptance sends date (Unix seconds), ip and, when known, the
// user agent under path.
func encodeAcceptance(path string) func(string, Context) []Param {
	return func(_ string, c Context) []Param {
		now := c.Now
		if now.IsZero() {
			now = time.Now()
		}
		ps := []Param{
			{Key: Brackets(path + ".date"), Value: strconv.FormatInt(now.Unix(), 10)},
			{Key: Brackets(path + ".ip"), Value: c.IP},
		}
		if c.UserAgent != "" {
			ps = append(ps, Param{Key: Brackets(path + ".user_agent"), Value: c.UserAgent})
		}
		return ps
	}
}

// yesNoField is a yes/no attestation sent as true or false.
func yesNoField(path string, g Group, order int, label, help Text) Field {
	return Field{Group: g, Order: order, Kind: KindYesNo, Label: label, Help: help, check: checkBool,
		encode: encodeBool(path)}
}

// encodeBool sends a yes/no answer as Stripe's true/false.
func encodeBool(path string) func(string, Context) []Param {
	return func(v string, _ Context) []Param {
		b, _ := parseYesNo(v)
		return []Param{{Key: Brackets(path), Value: strconv.FormatBool(b)}}
	}
}

// parseYesNo reads true/false, yes/no and oui/non in any case.
func parseYesNo(v string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "yes", "y", "oui", "o":
		return true, true
	case "no", "n", "non":
		return false, true
	}
	b, err := strconv.ParseBool(strings.TrimSpace(v))
	return b, err == nil
}
