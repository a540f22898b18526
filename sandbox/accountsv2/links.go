package accountsv2

import (
	"net/http"
	"time"
)

// createAccountLink serves POST /v2/core/account_links: v1's account link
// for the account, answered in stripe-go v84's V2CoreAccountLink shape.
// use_case.type account_onboarding or account_update carries the
// configurations and the refresh and return URLs.
func (c *call) createAccountLink() (any, error) {
	account, _ := c.body["account"].(string)
	if account == "" {
		return nil, invalidFields("account is required.", "account")
	}
	if _, _, err := c.load(account); err != nil {
		return nil, err
	}
	useCase, _ := c.body["use_case"].(map[string]any)
	typ, _ := useCase["type"].(string)
	if typ != "account_onboarding" && typ != "account_update" {
		return nil, invalidFields("use_case.type must be one of account_onboarding, account_update.", "use_case.type")
	}
	for k, v := range c.body {
		if k != "account" && k != "use_case" {
			if err := documentedLink(k, v); err != nil {
				return nil, invalidFields(err.Error(), k)
			}
		}
	}
	detail, _ := useCase[typ].(map[string]any)
	refresh, _ := detail["refresh_url"].(string)
	ret, _ := detail["return_url"].(string)
	if refresh == "" {
		return nil, invalidFields("use_case."+typ+".refresh_url is required.", "use_case."+typ+".refresh_url")
	}
	configs := []any{}
	if list, ok := detail["configurations"].([]any); ok {
		configs = list
	}
	f := form{"account": account, "type": typ, "refresh_url": refresh, "return_url": ret}
	if ret == "" {
		f["return_url"] = refresh
	}
	var link struct {
		Created   int64  `json:"created"`
		ExpiresAt int64  `json:"expires_at"`
		URL       string `json:"url"`
	}
	if status, e := c.v1(http.MethodPost, "/v1/account_links", f, &link); e != nil {
		return nil, fromV1(status, e, "")
	}
	onboarding := map[string]any{"configurations": configs, "refresh_url": refresh}
	if ret != "" {
		onboarding["return_url"] = ret
	}
	return map[string]any{
		"object": "v2.core.account_link", "account": account,
		"created": rfc3339(link.Created), "expires_at": rfc3339(link.ExpiresAt),
		"livemode": false, "url": link.URL,
		"use_case": map[string]any{"type": typ, typ: onboarding},
	}, nil
}

// documentedLink checks an account link field beyond account and use_case.
func documentedLink(k string, v any) error {
	fields := v84Fields["POST /v2/core/account_links"]
	if _, ok := fields[k]; !ok {
		return unknownField{k}
	}
	return checkKind(k, fields, v)
}

func rfc3339(unix int64) string {
	return time.Unix(unix, 0).UTC().Format(time.RFC3339)
}
