package sandbox

import (
	"encoding/json"

	"onboard/sandbox/params"
	"onboard/sandbox/rules"
)

// Warm does ahead of time the one-time work of a process's first account
// request: the rule and parameter tables are built, and the JSON encoders
// of an account's facts and of its rendering, on an account made in
// memory and never stored. `onboard new` runs it in the background while
// its screen starts, so that the account it creates does not wait for
// that work. It changes nothing and is safe alongside requests.
func (s *Sandbox) Warm() {
	params.Endpoints()
	params.Objects()
	rules.Tables()
	now := s.now()
	a := newAccountFacts(&request{now: now})
	a.BusinessType, a.DefaultCurrency = "individual", "usd"
	a.Capabilities["card_payments"], a.Capabilities["transfers"] = true, true
	_, _ = json.Marshal(a)
	_ = mustJSON(renderAccount(a, now))
}
