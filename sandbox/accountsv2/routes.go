package accountsv2

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// The Accounts v2 routes (dispatched by call.dispatch): each reads and
// writes through v1 steps and the v2_accounts table, inside the request's
// one transaction, and returns the object it answers or the *Error that
// refuses the request (which rolls back every step it made).

func (c *call) createAccount() (any, error) {
	spend, err := c.mergeToken("account_token", "account", "")
	if err != nil {
		return nil, err
	}
	out, err := c.createAccountFromBody()
	if err == nil {
		spend()
	}
	return out, err
}

func (c *call) createAccountFromBody() (any, error) {
	id, _ := c.body["identity"].(map[string]any)
	country, _ := id["country"].(string)
	if country == "" {
		// Optional in v84's request: the account takes the platform's
		// country, the sandbox platform's being the US [G].
		country = defaultCountry
		m, _ := c.body["identity"].(map[string]any)
		if m == nil {
			m = map[string]any{}
			c.body["identity"] = m
		}
		m["country"] = strings.ToLower(defaultCountry)
	}
	configs := configsFor(c.body)
	if email, _ := c.body["contact_email"].(string); email == "" && (slices.Contains(configs, "merchant") || slices.Contains(configs, "recipient")) {
		return nil, invalidFields("contact_email is required for the merchant and recipient configurations.", "contact_email")
	}
	f, err := accountToV1(c.body, country, true, c.ga)
	if err != nil {
		return nil, invalidFields(err.Error(), "")
	}
	if err := c.checkPurposes(f); err != nil {
		return nil, err
	}
	if slices.Contains(configs, "recipient") && !slices.Contains(configs, "merchant") {
		f["tos_acceptance[service_agreement]"] = recipientOnlyAgreement
	}
	indDocs := individualDocuments(f)
	f["controller[requirement_collection]"] = "application"
	f["controller[fees][payer]"] = "application"
	f["controller[losses][payments]"] = "application"
	f["controller[stripe_dashboard][type]"] = "none"
	var acct map[string]any
	if status, e := c.v1(http.MethodPost, "/v1/accounts", f, &acct); e != nil {
		return nil, fromV1(status, e, country)
	}
	accID, _ := acct["id"].(string)
	acct = c.current(accID, acct)
	if err := c.sendIndividualDocuments(&acct, indDocs); err != nil {
		return nil, err
	}
	if err := c.insertConfigs(accID, configs); err != nil {
		return nil, internal("The sandbox could not record the account: " + err.Error())
	}
	return c.render(acct, configs)
}

func (c *call) updateAccount(id string) (any, error) {
	spend, err := c.mergeToken("account_token", "account", "")
	if err != nil {
		return nil, err
	}
	out, err := c.updateAccountFromBody(id)
	if err == nil {
		spend()
	}
	return out, err
}

func (c *call) updateAccountFromBody(id string) (any, error) {
	configs, err := c.readConfigs(id)
	if err != nil {
		return nil, internal(err.Error())
	}
	if closed, err := c.isClosed(id); err != nil {
		return nil, internal(err.Error())
	} else if closed {
		return nil, &Error{Status: http.StatusBadRequest, Type: "invalid_request_error", Code: codeClosed,
			Message: "The account " + id + " is closed and cannot be updated."}
	}
	var acct map[string]any
	if status, e := c.v1(http.MethodGet, "/v1/accounts/"+id, nil, &acct); e != nil {
		return nil, fromV1(status, e, "")
	}
	country, _ := acct["country"].(string)
	f, err := accountToV1(c.body, country, false, c.ga)
	if err != nil {
		return nil, invalidFields(err.Error(), "")
	}
	if err := c.checkPurposes(f); err != nil {
		return nil, err
	}
	for _, cf := range configsFor(c.body) {
		if !slices.Contains(configs, cf) {
			configs = append(configs, cf)
		}
	}
	slices.Sort(configs)
	if err := c.updateConfigs(id, configs); err != nil {
		return nil, internal(err.Error())
	}
	indDocs := individualDocuments(f)
	if len(f) > 0 {
		if status, e := c.v1(http.MethodPost, "/v1/accounts/"+id, f, &acct); e != nil {
			return nil, fromV1(status, e, country)
		}
		acct = c.current(id, acct)
	}
	if err := c.sendIndividualDocuments(&acct, indDocs); err != nil {
		return nil, err
	}
	return c.render(acct, configs)
}

// current is the account as it is now. v2 idempotency differs from v1's:
// a replayed request has no new effect but answers with the current
// object, not the saved response, so a replayed v1 answer is read again.
func (c *call) current(id string, fallback map[string]any) map[string]any {
	if c.r.Header.Get("Idempotency-Key") == "" {
		return fallback
	}
	var now map[string]any
	if _, e := c.v1(http.MethodGet, "/v1/accounts/"+id, nil, &now); e != nil {
		return fallback
	}
	return now
}

// load reads an account through v1 and its v2 configurations (none for
// an account created through v1).
func (c *call) load(id string) (map[string]any, []string, error) {
	configs, err := c.readConfigs(id)
	if err != nil {
		return nil, nil, internal(err.Error())
	}
	var acct map[string]any
	if status, e := c.v1(http.MethodGet, "/v1/accounts/"+id, nil, &acct); e != nil {
		return nil, nil, fromV1(status, e, "")
	}
	return acct, configs, nil
}

// account answers one account.
func (c *call) account(id string) (any, error) {
	acct, configs, err := c.load(id)
	if err != nil {
		return nil, err
	}
	return c.render(acct, configs)
}

// render draws acct as a v2 account in the request's shape.
func (c *call) render(acct map[string]any, configs []string) (any, error) {
	id, _ := acct["id"].(string)
	closed, err := c.isClosed(id)
	if err != nil {
		return nil, internal(err.Error())
	}
	return renderAccount(acct, configs, c.inc, shape{ga: c.ga, closed: closed}), nil
}

// closeAccount serves POST /v2/core/accounts/{id}/close: the account is
// marked closed and answered as it now is.
func (c *call) closeAccount(id string) (any, error) {
	acct, configs, err := c.load(id)
	if err != nil {
		return nil, err
	}
	for k := range c.body {
		if k != "applied_configurations" && k != "include" {
			return nil, invalidFields("Received unknown field: "+k, k)
		}
	}
	if err := c.markClosed(id, configs); err != nil {
		return nil, internal(err.Error())
	}
	return c.render(acct, configs)
}

func (c *call) listAccounts() (any, error) {
	q := c.r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 10
	}
	after := int64(1 << 62)
	if p := q.Get("page"); p != "" {
		n, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return nil, invalidFields("page is not a page token from next_page_url.", "page")
		}
		after = n
	}
	// closed filters by whether the account is closed; without it,
	// Stripe lists only the open accounts (stripe-go v84's ListParams).
	withClosed := q.Get("closed") == "true"
	found, err := c.listRows(after, limit+1, withClosed)
	if err != nil {
		return nil, internal(err.Error())
	}
	var next any
	if len(found) > limit {
		found = found[:limit]
		next = "/v2/core/accounts?limit=" + strconv.Itoa(limit) + "&page=" + strconv.FormatInt(found[len(found)-1].seq, 10)
		if withClosed {
			next = next.(string) + "&closed=true"
		}
	}
	data := []any{}
	for _, r := range found {
		var acct map[string]any
		if _, e := c.v1(http.MethodGet, "/v1/accounts/"+r.id, nil, &acct); e != nil {
			continue // deleted through v1
		}
		data = append(data, renderAccount(acct, r.configs, c.inc, shape{ga: c.ga, closed: r.closed}))
	}
	return map[string]any{"data": data, "next_page_url": next, "previous_page_url": nil}, nil
}

func (c *call) persons(account, person string) (any, error) {
	acct, _, err := c.load(account)
	if err != nil {
		return nil, err
	}
	country, _ := acct["country"].(string)
	base := "/v1/accounts/" + account + "/persons"
	var out map[string]any
	switch method := c.r.Method; {
	case person == "" && method == http.MethodGet:
		var list struct {
			Data []map[string]any `json:"data"`
		}
		if status, e := c.v1(http.MethodGet, base, form{"limit": "100"}, &list); e != nil {
			return nil, fromV1(status, e, country)
		}
		data := []any{}
		for _, p := range list.Data {
			data = append(data, renderPerson(p, country))
		}
		return map[string]any{"data": data, "next_page_url": nil, "previous_page_url": nil}, nil
	case method == http.MethodPost:
		spend, err := c.mergeToken("person_token", "person", account)
		if err != nil {
			return nil, err
		}
		defer func() {
			if out != nil {
				spend()
			}
		}()
		f := form{}
		if err := personToV1(f, "", c.body, country, "person"); err != nil {
			return nil, invalidFields(err.Error(), "")
		}
		if err := c.checkPurposes(f); err != nil {
			return nil, err
		}
		path := base
		if person != "" {
			path += "/" + person
		}
		if status, e := c.v1(http.MethodPost, path, f, &out); e != nil {
			return nil, fromV1(status, e, country)
		}
	case method == http.MethodGet:
		if status, e := c.v1(http.MethodGet, base+"/"+person, nil, &out); e != nil {
			return nil, fromV1(status, e, country)
		}
	case method == http.MethodDelete:
		if status, e := c.v1(http.MethodDelete, base+"/"+person, nil, &out); e != nil {
			return nil, fromV1(status, e, country)
		}
		// A deleted object, as the SDK's V2DeletedObject reads it.
		return map[string]any{"id": person, "object": "v2.core.account_person"}, nil
	default:
		return nil, unrecognized(c.r)
	}
	return renderPerson(out, country), nil
}
