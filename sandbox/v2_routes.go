package sandbox

import (
	"database/sql"
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// The Accounts v2 routes (dispatched by serveV2): each reads and writes
// through v1 steps and the v2_accounts table, inside the request's one
// transaction.

func (v *v2req) createAccount() {
	id, _ := v.body["identity"].(map[string]any)
	country, _ := id["country"].(string)
	if country == "" {
		writeV2Error(v.w, 400, "invalid_request_error", "invalid_fields", "identity.country is required.", "identity.country")
		return
	}
	configs := configsFor(v.body)
	if len(configs) == 0 {
		writeV2Error(v.w, 400, "invalid_request_error", "invalid_fields", "Give at least one configuration (merchant, recipient or customer).", "configuration")
		return
	}
	if email, _ := v.body["contact_email"].(string); email == "" && (contains(configs, "merchant") || contains(configs, "recipient")) {
		writeV2Error(v.w, 400, "invalid_request_error", "invalid_fields", "contact_email is required for the merchant and recipient configurations.", "contact_email")
		return
	}
	f, err := accountToV1(v.body, country, true, v.ga)
	if err != nil {
		writeV2Error(v.w, 400, "invalid_request_error", "invalid_fields", err.Error(), "")
		return
	}
	if contains(configs, "recipient") && !contains(configs, "merchant") {
		f["tos_acceptance[service_agreement]"] = recipientOnlyAgreement
	}
	f["controller[requirement_collection]"] = "application"
	f["controller[fees][payer]"] = "application"
	f["controller[losses][payments]"] = "application"
	f["controller[stripe_dashboard][type]"] = "none"
	var acct map[string]any
	if status, e := v.v1(http.MethodPost, "/v1/accounts", f, &acct); e != nil {
		v.fail(status, e, country)
		return
	}
	accID, _ := acct["id"].(string)
	acct = v.current(accID, acct)
	if _, err := v.tx.ExecContext(v.r.Context(), `INSERT OR IGNORE INTO v2_accounts (id, configurations) VALUES (?, ?)`,
		accID, strings.Join(configs, ",")); err != nil {
		writeV2Error(v.w, 500, "api_error", "", "The sandbox could not record the account: "+err.Error(), "")
		return
	}
	v.render(acct, configs)
}

func (v *v2req) updateAccount(id string) {
	configs, ok := v.configs(id)
	if !ok {
		return
	}
	if v.closed(id) {
		writeV2Error(v.w, 400, "invalid_request_error", v2CodeClosed, "The account "+id+" is closed and cannot be updated.", "")
		return
	}
	var acct map[string]any
	if status, e := v.v1(http.MethodGet, "/v1/accounts/"+id, nil, &acct); e != nil {
		v.fail(status, e, "")
		return
	}
	country, _ := acct["country"].(string)
	f, err := accountToV1(v.body, country, false, v.ga)
	if err != nil {
		writeV2Error(v.w, 400, "invalid_request_error", "invalid_fields", err.Error(), "")
		return
	}
	for _, c := range configsFor(v.body) {
		if !contains(configs, c) {
			configs = append(configs, c)
		}
	}
	sort.Strings(configs)
	if _, err := v.tx.ExecContext(v.r.Context(), `UPDATE v2_accounts SET configurations = ? WHERE id = ?`, strings.Join(configs, ","), id); err != nil {
		writeV2Error(v.w, 500, "api_error", "", err.Error(), "")
		return
	}
	if len(f) > 0 {
		if status, e := v.v1(http.MethodPost, "/v1/accounts/"+id, f, &acct); e != nil {
			v.fail(status, e, country)
			return
		}
		acct = v.current(id, acct)
	}
	v.render(acct, configs)
}

// current is the account as it is now. v2 idempotency differs from v1's:
// a replayed request has no new effect but answers with the current
// object, not the saved response, so a replayed v1 answer is read again.
func (v *v2req) current(id string, fallback map[string]any) map[string]any {
	if v.r.Header.Get("Idempotency-Key") == "" {
		return fallback
	}
	var now map[string]any
	if _, e := v.v1(http.MethodGet, "/v1/accounts/"+id, nil, &now); e != nil {
		return fallback
	}
	return now
}

// account answers one account, reading it when acct is nil.
func (v *v2req) account(id string, acct map[string]any) {
	configs, ok := v.configs(id)
	if !ok {
		return
	}
	if acct == nil {
		if status, e := v.v1(http.MethodGet, "/v1/accounts/"+id, nil, &acct); e != nil {
			v.fail(status, e, "")
			return
		}
	}
	v.render(acct, configs)
}

// configs reads an account's v2 configurations; accounts created through
// v1 have none (applied_configurations is empty for them).
func (v *v2req) configs(id string) ([]string, bool) {
	var cs string
	err := v.tx.QueryRowContext(v.r.Context(), `SELECT configurations FROM v2_accounts WHERE id = ?`, id).Scan(&cs)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, true
	case err != nil:
		writeV2Error(v.w, 500, "api_error", "", err.Error(), "")
		return nil, false
	}
	if cs == "" {
		return nil, true
	}
	return strings.Split(cs, ","), true
}

func (v *v2req) render(acct map[string]any, configs []string) {
	id, _ := acct["id"].(string)
	writeJSON(v.w, 200, mustJSON(renderV2(acct, configs, v.inc, v2Shape{ga: v.ga, closed: v.closed(id)})))
}

// closed reports whether POST /v2/core/accounts/{id}/close closed id.
func (v *v2req) closed(id string) bool {
	var n int
	_ = v.tx.QueryRowContext(v.r.Context(), `SELECT closed FROM v2_accounts WHERE id = ?`, id).Scan(&n)
	return n == 1
}

// closeAccount serves POST /v2/core/accounts/{id}/close: the account is
// marked closed and answered as it now is.
func (v *v2req) closeAccount(id string) {
	configs, ok := v.configs(id)
	if !ok {
		return
	}
	var acct map[string]any
	if status, e := v.v1(http.MethodGet, "/v1/accounts/"+id, nil, &acct); e != nil {
		v.fail(status, e, "")
		return
	}
	for k := range v.body {
		if k != "applied_configurations" && k != "include" {
			writeV2Error(v.w, 400, "invalid_request_error", v2CodeInvalidField, "Received unknown field: "+k, k)
			return
		}
	}
	if _, err := v.tx.ExecContext(v.r.Context(), `INSERT INTO v2_accounts (id, configurations, closed) VALUES (?, ?, 1)
		ON CONFLICT(id) DO UPDATE SET closed = 1`, id, strings.Join(configs, ",")); err != nil {
		writeV2Error(v.w, 500, "api_error", "", err.Error(), "")
		return
	}
	v.render(acct, configs)
}

func (v *v2req) listAccounts() {
	q := v.r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 10
	}
	after := int64(1 << 62)
	if p := q.Get("page"); p != "" {
		n, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			writeV2Error(v.w, 400, "invalid_request_error", "invalid_fields", "page is not a page token from next_page_url.", "page")
			return
		}
		after = n
	}
	rows, err := v.tx.QueryContext(v.r.Context(), `SELECT seq, id, configurations FROM v2_accounts WHERE seq < ? ORDER BY seq DESC LIMIT ?`, after, limit+1)
	if err != nil {
		writeV2Error(v.w, 500, "api_error", "", err.Error(), "")
		return
	}
	type row struct {
		seq     int64
		id, cfg string
	}
	var found []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.seq, &r.id, &r.cfg); err == nil {
			found = append(found, r)
		}
	}
	rows.Close()
	var next any
	if len(found) > limit {
		found = found[:limit]
		next = "/v2/core/accounts?limit=" + strconv.Itoa(limit) + "&page=" + strconv.FormatInt(found[len(found)-1].seq, 10)
	}
	data := []any{}
	for _, r := range found {
		var acct map[string]any
		if _, e := v.v1(http.MethodGet, "/v1/accounts/"+r.id, nil, &acct); e != nil {
			continue // deleted through v1
		}
		data = append(data, renderV2(acct, strings.Split(r.cfg, ","), v.inc, v2Shape{ga: v.ga, closed: v.closed(r.id)}))
	}
	writeJSON(v.w, 200, mustJSON(map[string]any{"data": data, "next_page_url": next, "previous_page_url": nil}))
}

func (v *v2req) persons(account, person string) {
	if _, ok := v.configs(account); !ok {
		return
	}
	var acct map[string]any
	if status, e := v.v1(http.MethodGet, "/v1/accounts/"+account, nil, &acct); e != nil {
		v.fail(status, e, "")
		return
	}
	country, _ := acct["country"].(string)
	base := "/v1/accounts/" + account + "/persons"
	var out map[string]any
	switch {
	case person == "" && v.r.Method == http.MethodGet:
		var list struct {
			Data []map[string]any `json:"data"`
		}
		if status, e := v.v1(http.MethodGet, base, form{"limit": "100"}, &list); e != nil {
			v.fail(status, e, country)
			return
		}
		data := []any{}
		for _, p := range list.Data {
			data = append(data, renderV2Person(p, country))
		}
		writeJSON(v.w, 200, mustJSON(map[string]any{"data": data, "next_page_url": nil, "previous_page_url": nil}))
		return
	case v.r.Method == http.MethodPost:
		f := form{}
		if err := personToV1(f, "", v.body, country, "person"); err != nil {
			writeV2Error(v.w, 400, "invalid_request_error", "invalid_fields", err.Error(), "")
			return
		}
		path := base
		if person != "" {
			path += "/" + person
		}
		if status, e := v.v1(http.MethodPost, path, f, &out); e != nil {
			v.fail(status, e, country)
			return
		}
	case v.r.Method == http.MethodGet:
		if status, e := v.v1(http.MethodGet, base+"/"+person, nil, &out); e != nil {
			v.fail(status, e, country)
			return
		}
	case v.r.Method == http.MethodDelete:
		if status, e := v.v1(http.MethodDelete, base+"/"+person, nil, &out); e != nil {
			v.fail(status, e, country)
			return
		}
		// A deleted object, as the SDK's V2DeletedObject reads it.
		writeJSON(v.w, 200, mustJSON(map[string]any{"id": person, "object": "v2.core.account_person"}))
		return
	default:
		writeV2Error(v.w, 404, "invalid_request_error", "not_found", "Unrecognized request URL ("+v.r.Method+": "+v.r.URL.Path+")", "")
		return
	}
	writeJSON(v.w, 200, mustJSON(renderV2Person(out, country)))
}
