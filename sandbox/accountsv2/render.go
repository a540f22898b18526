package accountsv2

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// shape is how a v2 response is drawn: GA (2025-12-15.clover and later)
// or the older preview shape, and whether the account was closed.
type shape struct {
	ga     bool
	closed bool
}

// renderAccount draws a v1 account (as the engine rendered it) as a
// v2.core.account. Properties not named in include come back null, as
// Stripe does; configurations not applied are null too.
func renderAccount(acct map[string]any, configs []string, inc map[string]bool, sh shape) map[string]any {
	str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
	country := str(acct, "country")
	out := map[string]any{
		"id": acct["id"], "object": "v2.core.account", "applied_configurations": nonNilStrings(configs),
		"contact_email": acct["email"], "dashboard": "none", "livemode": false, "metadata": map[string]any{},
		"display_name": nil, "configuration": nil, "defaults": nil, "identity": nil, "requirements": nil,
		"closed": sh.closed,
	}
	if md, ok := acct["metadata"].(map[string]any); ok {
		out["metadata"] = md
	}
	if sh.ga {
		out["future_requirements"] = nil
	}
	if n, ok := acct["created"].(float64); ok {
		out["created"] = time.Unix(int64(n), 0).UTC().Format("2006-01-02T15:04:05.000Z")
	}
	if bp, ok := acct["business_profile"].(map[string]any); ok && bp["name"] != nil {
		out["display_name"] = bp["name"]
	}
	caps, _ := acct["capabilities"].(map[string]any)
	reqs, _ := acct["requirements"].(map[string]any)
	if anyIncluded(inc, "configuration.") {
		cfg := map[string]any{}
		for _, name := range []string{"customer", "merchant", "recipient"} {
			if !inc["configuration."+name] || !slices.Contains(configs, name) {
				cfg[name] = nil
				continue
			}
			cfg[name] = renderConfiguration(name, acct, caps, reqs, sh)
		}
		out["configuration"] = cfg
	}
	if inc["defaults"] {
		resp := map[string]any{"fees_collector": "application", "losses_collector": "application"}
		d := map[string]any{"currency": acct["default_currency"], "locales": []string{}, "responsibilities": resp}
		if sh.ga {
			// GA moved the collector here from requirements.collector.
			resp["requirements_collector"] = "application"
			d["profile"] = renderProfile(acct)
		}
		out["defaults"] = d
	}
	if inc["identity"] {
		out["identity"] = renderIdentity(acct, country, sh)
	}
	if inc["requirements"] {
		out["requirements"] = renderEntries(acct, configs, sh)
	}
	if inc["future_requirements"] && sh.ga {
		// The sandbox schedules no future requirements.
		out["future_requirements"] = map[string]any{"entries": []any{}, "summary": map[string]any{"minimum_deadline": nil}}
	}
	return out
}

// renderProfile is GA's defaults.profile, from v1's business_profile.
func renderProfile(acct map[string]any) map[string]any {
	bp, _ := acct["business_profile"].(map[string]any)
	return map[string]any{"business_url": bp["url"], "product_description": bp["product_description"], "doing_business_as": bp["name"]}
}

func anyIncluded(inc map[string]bool, prefix string) bool {
	for k := range inc {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// capability maps a v1 capability status to v2's, with its details;
// GA versions no longer echo "requested".
func capability(v1 string, reqs map[string]any, sh shape) map[string]any {
	c := capabilityPreview(v1, reqs)
	if c != nil && sh.ga {
		delete(c, "requested")
	}
	return c
}

func capabilityPreview(v1 string, reqs map[string]any) map[string]any {
	past, _ := reqs["past_due"].([]any)
	switch v1 {
	case "active":
		return map[string]any{"requested": true, "status": "active", "status_details": []any{}}
	case "pending":
		return map[string]any{"requested": true, "status": "pending", "status_details": []any{
			map[string]any{"code": "requirements_pending_verification", "resolution": "no_resolution"}}}
	case "inactive":
		if dr, _ := reqs["disabled_reason"].(string); strings.HasPrefix(dr, "rejected") {
			return map[string]any{"requested": true, "status": "restricted", "status_details": []any{
				map[string]any{"code": "restricted_other", "resolution": "contact_stripe"}}}
		}
		code := "requirements_past_due"
		if len(past) == 0 {
			code = "requirements_pending_verification"
		}
		return map[string]any{"requested": true, "status": "restricted", "status_details": []any{
			map[string]any{"code": code, "resolution": "provide_info"}}}
	}
	return nil
}

func renderConfiguration(name string, acct, caps, reqs map[string]any, sh shape) map[string]any {
	c := map[string]any{"applied": true, "capabilities": map[string]any{}}
	capsOut := c["capabilities"].(map[string]any)
	switch name {
	case "merchant":
		if bp, ok := acct["business_profile"].(map[string]any); ok {
			c["mcc"] = bp["mcc"]
		}
		if st, ok := caps["card_payments"].(string); ok {
			capsOut["card_payments"] = capability(st, reqs, sh)
		}
	case "recipient":
		sb := map[string]any{}
		if st, ok := caps["transfers"].(string); ok {
			sb["stripe_transfers"] = capability(st, reqs, sh)
			payouts := "inactive"
			if on, _ := acct["payouts_enabled"].(bool); on {
				payouts = "active"
			} else if st == "pending" {
				payouts = "pending"
			}
			sb["payouts"] = capability(payouts, reqs, sh)
		}
		capsOut["stripe_balance"] = sb
	}
	return c
}

// renderIdentity draws the v1 individual/company as v2 identity; ID
// numbers show their type only (write-only, as on Stripe).
func renderIdentity(acct map[string]any, country string, sh shape) map[string]any {
	id := map[string]any{"country": strings.ToLower(country), "entity_type": acct["business_type"],
		"individual": nil, "business_details": nil}
	if ind, ok := acct["individual"].(map[string]any); ok && acct["business_type"] == "individual" {
		id["individual"] = renderPerson(ind, country)
		if sh.ga {
			// GA's identity.individual is a person without livemode.
			id["individual"].(map[string]any)["object"] = "v2.core.account_person"
			delete(id["individual"].(map[string]any), "livemode")
		}
	}
	bd := map[string]any{}
	if co, ok := acct["company"].(map[string]any); ok {
		bd["registered_name"] = co["name"]
		bd["phone"] = co["phone"]
		bd["structure"] = co["structure"]
		if addr, ok := co["address"].(map[string]any); ok {
			bd["address"] = lowerCountry(addr)
		}
		if on, _ := co["tax_id_provided"].(bool); on {
			bd["id_numbers"] = []any{map[string]any{"type": idTypeFor(country, "tax_id")}}
		}
	}
	if bp, ok := acct["business_profile"].(map[string]any); ok && !sh.ga {
		bd["url"] = bp["url"]
		bd["product_description"] = bp["product_description"]
		bd["doing_business_as"] = bp["name"]
	}
	id["business_details"] = bd
	if tos, ok := acct["tos_acceptance"].(map[string]any); ok {
		if d, ok := tos["date"].(float64); ok && d > 0 {
			id["attestations"] = map[string]any{"terms_of_service": map[string]any{"account": map[string]any{
				"date": time.Unix(int64(d), 0).UTC().Format("2006-01-02T15:04:05.000Z"), "ip": tos["ip"]}}}
		}
	}
	return id
}

func lowerCountry(addr map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range addr {
		if s, ok := v.(string); ok && k == "country" {
			v = strings.ToLower(s)
		}
		out[k] = v
	}
	return out
}

// renderPerson draws a v1 person (or individual hash) as a v2 person.
func renderPerson(p map[string]any, country string) map[string]any {
	out := map[string]any{"id": p["id"], "object": "v2.core.account_person", "account": p["account"],
		"given_name": p["first_name"], "surname": p["last_name"], "email": p["email"], "phone": p["phone"],
		"livemode": false}
	if n, ok := p["created"].(float64); ok {
		out["created"] = time.Unix(int64(n), 0).UTC().Format("2006-01-02T15:04:05.000Z")
		out["updated"] = out["created"] // see personUpdatedIsCreated
	}
	if dob, ok := p["dob"].(map[string]any); ok && dob["year"] != nil {
		out["date_of_birth"] = dob
	}
	if addr, ok := p["address"].(map[string]any); ok {
		out["address"] = lowerCountry(addr)
	}
	var ids []any
	if on, _ := p["ssn_last_4_provided"].(bool); on {
		ids = append(ids, map[string]any{"type": "us_ssn_last_4"})
	}
	if on, _ := p["id_number_provided"].(bool); on {
		ids = append(ids, map[string]any{"type": idTypeFor(country, "id_number")})
	}
	out["id_numbers"] = ids
	if rel, ok := p["relationship"].(map[string]any); ok {
		r := map[string]any{}
		for k, v := range rel {
			if k == "percent_ownership" && v != nil {
				if f, ok := v.(float64); ok {
					v = strings.TrimSuffix(strings.TrimSuffix(formatFloat(f), ".0"), ".00")
				}
			}
			r[k] = v
		}
		out["relationship"] = r
	}
	return out
}

func formatFloat(f float64) string {
	s := strings.TrimRight(strings.TrimRight(strconvFormat(f), "0"), ".")
	if s == "" {
		return "0"
	}
	return s
}

// renderEntries turns v1 requirements into v2 entries
// (https://docs.stripe.com/api/v2/core/accounts):
// due-ness becomes minimum_deadline.status, pending verification becomes
// awaiting_action_from=stripe, and every requested capability is
// restricted by what is due.
func renderEntries(acct map[string]any, configs []string, sh shape) map[string]any {
	reqs, _ := acct["requirements"].(map[string]any)
	country, _ := acct["country"].(string)
	list := func(k string) []string {
		xs, _ := reqs[k].([]any)
		var out []string
		for _, x := range xs {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	past, cur, ev, pend := set(list("past_due")), set(list("currently_due")), list("eventually_due"), set(list("pending_verification"))
	errs := map[string][]any{}
	if es, ok := reqs["errors"].([]any); ok {
		for _, x := range es {
			e, _ := x.(map[string]any)
			req, _ := e["requirement"].(string)
			errs[req] = append(errs[req], map[string]any{"code": e["code"], "description": e["reason"]})
		}
	}
	caps, _ := acct["capabilities"].(map[string]any)
	type key struct{ desc, person string }
	entries := map[key]map[string]any{}
	var order []key
	strictest := ""
	rank := map[string]int{"past_due": 3, "currently_due": 2, "eventually_due": 1}
	add := func(path string) {
		desc, person := shapedDescription(path, country, sh.ga)
		status := "eventually_due"
		switch {
		case past[path]:
			status = "past_due"
		case cur[path]:
			status = "currently_due"
		}
		from := "user"
		if pend[path] && !past[path] && !cur[path] {
			from = "stripe"
		}
		k := key{desc, person}
		e, seen := entries[k]
		if !seen {
			e = map[string]any{"awaiting_action_from": from, "description": desc, "errors": []any{},
				"minimum_deadline":  map[string]any{"status": status},
				"requested_reasons": []any{map[string]any{"code": "routine_onboarding"}},
				"reference":         nil}
			switch {
			case person != "" && sh.ga:
				e["reference"] = map[string]any{"type": "person", "resource": person}
			case person != "":
				e["reference"] = map[string]any{"type": "resource", "resource": map[string]any{"id": person, "type": "v2.core.account_person"}}
			}
			entries[k] = e
			order = append(order, k)
		} else if old, _ := e["minimum_deadline"].(map[string]any)["status"].(string); rank[status] > rank[old] {
			e["minimum_deadline"] = map[string]any{"status": status}
		}
		if from == "user" {
			e["awaiting_action_from"] = "user"
		}
		e["errors"] = append(e["errors"].([]any), errs[path]...)
		st := e["minimum_deadline"].(map[string]any)["status"].(string)
		var restricts []any
		if _, ok := caps["card_payments"]; ok && slices.Contains(configs, "merchant") {
			restricts = append(restricts, map[string]any{"capability": "card_payments", "configuration": "merchant", "deadline": map[string]any{"status": st}})
		}
		if _, ok := caps["transfers"]; ok && slices.Contains(configs, "recipient") {
			restricts = append(restricts,
				map[string]any{"capability": "stripe_balance.stripe_transfers", "configuration": "recipient", "deadline": map[string]any{"status": st}},
				map[string]any{"capability": "stripe_balance.payouts", "configuration": "recipient", "deadline": map[string]any{"status": st}})
		}
		e["impact"] = map[string]any{"restricts_capabilities": restricts}
		if e["awaiting_action_from"] == "user" && rank[st] > rank[strictest] {
			strictest = st
		}
	}
	seen := map[string]bool{}
	all := append(append(append(list("past_due"), list("currently_due")...), ev...), list("pending_verification")...)
	for _, p := range all {
		if !seen[p] {
			seen[p] = true
			add(p)
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		return rank[entryStatus(entries[order[i]])] > rank[entryStatus(entries[order[j]])]
	})
	out := make([]any, 0, len(order))
	for _, k := range order {
		out = append(out, entries[k])
	}
	summary := map[string]any{"minimum_deadline": nil}
	if strictest != "" {
		md := map[string]any{"status": strictest, "time": nil}
		if d, ok := reqs["current_deadline"].(float64); ok && d > 0 {
			md["time"] = time.Unix(int64(d), 0).UTC().Format("2006-01-02T15:04:05.000Z")
		}
		summary["minimum_deadline"] = md
	}
	if sh.ga {
		return map[string]any{"entries": out, "summary": summary}
	}
	return map[string]any{"collector": "application", "entries": out, "summary": summary}
}

func entryStatus(e map[string]any) string {
	s, _ := e["minimum_deadline"].(map[string]any)["status"].(string)
	return s
}

func set(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func strconvFormat(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }
