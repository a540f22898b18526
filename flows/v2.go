package flows

import (
	"strings"
)

// V2Includes are the properties every v2 read and write asks for (what
// NormalizeV2 reads); the rest
// come back null (include-dependent).
var V2Includes = []string{"identity", "requirements", "future_requirements", "defaults",
	"configuration.customer", "configuration.merchant", "configuration.recipient"}

// configurationFor maps v1 capability names to a v2 configuration and
// capability path (https://docs.stripe.com/api/v2/core/accounts/create,
// "configuration").
var configurationFor = map[string][2]string{
	"card_payments": {"merchant", "card_payments"},
	"transfers":     {"recipient", "stripe_balance.stripe_transfers"},
}

// v2CreateBody is the create body for a new account.
func v2CreateBody(n NewAccount) map[string]any {
	configs := map[string]any{}
	add := func(config, capPath string) {
		c, _ := configs[config].(map[string]any)
		if c == nil {
			c = map[string]any{}
			configs[config] = c
		}
		// A configuration named without capabilities has none yet.
		caps, _ := c["capabilities"].(map[string]any)
		if caps == nil {
			caps = map[string]any{}
			c["capabilities"] = caps
		}
		parts := strings.Split(capPath, ".")
		m := caps
		for _, p := range parts[:len(parts)-1] {
			next, _ := m[p].(map[string]any)
			if next == nil {
				next = map[string]any{}
				m[p] = next
			}
			m = next
		}
		m[parts[len(parts)-1]] = map[string]any{"requested": true}
	}
	for _, cp := range n.Capabilities {
		if c, ok := configurationFor[cp]; ok {
			add(c[0], c[1])
		}
	}
	for _, cfg := range n.Configurations {
		if _, ok := configs[cfg]; !ok {
			configs[cfg] = map[string]any{}
		}
	}
	// GA requests no payouts capability: stripe_balance.payouts is only
	// answered (it follows stripe_transfers and a payout destination).
	body := map[string]any{
		"dashboard": "none",
		"identity": map[string]any{
			"country":     strings.ToLower(n.Country),
			"entity_type": n.BusinessType,
		},
		"configuration": configs,
		"defaults": map[string]any{
			"currency":         DefaultCurrency(n.Country),
			"responsibilities": map[string]any{"fees_collector": "application", "losses_collector": "application"},
		},
	}
	if n.Email != "" {
		body["contact_email"] = n.Email
	}
	if len(n.Metadata) > 0 {
		body["metadata"] = n.Metadata
	}
	return body
}
