package sandbox

import (
	"onboard/sandbox/engine"
	"slices"
	"strings"
)

// rejectReasons are the reasons POST /v1/accounts/{id}/reject takes.
var rejectReasons = []string{"fraud", "terms_of_service", "other"}

// rejectAccount serves POST /v1/accounts/{id}/reject: terminal, the
// account's capabilities go inactive and disabled_reason is rejected.*.
func rejectAccount(r *request) (any, error) {
	a, err := mutateIn(r, r.pathID, func(r *request, a *engine.Account) error {
		p := r.params
		reason, ok, e := p.Get("reason").NonEmpty()
		if e != nil {
			return e
		}
		if !ok {
			return errMissingParam("reason")
		}
		if !slices.Contains(rejectReasons, reason) {
			return invalid("", "reason", "Invalid reason: must be one of %s", strings.Join(rejectReasons, ", "))
		}
		p.Get("expand").MarkAll()
		if _, _, e := p.Get("payouts_action").NonEmpty(); e != nil {
			return e
		}
		if e := p.Unknown(); e != nil {
			return e
		}
		a.Time.Rejected = reason
		return nil
	})
	if err != nil {
		return nil, err
	}
	return renderAccount(a, r.now), nil
}

// adminTrigger serves POST /_sandbox/accounts/{id}/trigger with
// action=next_requirements|charge_block|payout_block (Trigger).
func adminTrigger(r *request) (any, error) {
	a, err := mutateIn(r, r.pathID, func(r *request, a *engine.Account) error {
		action, ok, e := r.params.Get("action").NonEmpty()
		if e != nil {
			return e
		}
		if !ok {
			return errMissingParam("action")
		}
		if e := r.params.Unknown(); e != nil {
			return e
		}
		return applyTrigger(a, action, r.now)
	})
	if err != nil {
		return nil, err
	}
	return renderAccount(a, r.now), nil
}

// adminVolume serves POST /_sandbox/accounts/{id}/volume with amount (minor
// units), the HTTP form of AddVolume.
func adminVolume(r *request) (any, error) {
	a, err := mutateIn(r, r.pathID, func(r *request, a *engine.Account) error {
		n, ok, e := r.params.Get("amount").Integer()
		if e != nil {
			return e
		}
		if !ok {
			return errMissingParam("amount")
		}
		if n <= 0 {
			return invalid("", "amount", "amount must be positive (minor units, e.g. cents)")
		}
		if e := r.params.Unknown(); e != nil {
			return e
		}
		engine.RecordVolume(a, n, r.now)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return renderAccount(a, r.now), nil
}

// accountLinkJSON is an AccountLink.
type accountLinkJSON struct {
	Object    string `json:"object"`
	Created   int64  `json:"created"`
	ExpiresAt int64  `json:"expires_at"`
	URL       string `json:"url"`
}

// accountLinkTTL is how long an onboarding link stays valid (Stripe: a few
// minutes) [G 5 min].
const accountLinkTTL = 300

// createAccountLink serves POST /v1/account_links. The link points at
// Stripe's hosted onboarding, which the sandbox does not serve: it is for
// showing and copying, as in tests of a real integration.
func createAccountLink(r *request) (any, error) {
	p := r.params
	acct, ok, e := p.Get("account").NonEmpty()
	if e != nil {
		return nil, e
	}
	if !ok {
		return nil, errMissingParam("account")
	}
	typ, ok, e := p.Get("type").NonEmpty()
	if e != nil {
		return nil, e
	}
	if !ok {
		return nil, errMissingParam("type")
	}
	if typ != "account_onboarding" && typ != "account_update" {
		return nil, invalid("", "type", "Invalid type: must be one of account_onboarding, account_update")
	}
	for _, name := range []string{"refresh_url", "return_url"} {
		if _, _, err := readString(p.Get(name), checkURL); err != nil {
			return nil, err
		}
	}
	co := p.Get("collection_options")
	if f, ok, e := co.Get("fields").NonEmpty(); e != nil {
		return nil, e
	} else if ok && f != "currently_due" && f != "eventually_due" {
		return nil, invalid("", "collection_options[fields]", "Invalid collection_options[fields]: must be one of currently_due, eventually_due")
	}
	if f, ok, e := co.Get("future_requirements").NonEmpty(); e != nil {
		return nil, e
	} else if ok && f != "include" && f != "omit" {
		return nil, invalid("", "collection_options[future_requirements]", "Invalid collection_options[future_requirements]: must be one of include, omit")
	}
	if f, ok, e := p.Get("collect").NonEmpty(); e != nil {
		return nil, e
	} else if ok && f != "currently_due" && f != "eventually_due" {
		return nil, invalid("", "collect", "Invalid collect: must be one of currently_due, eventually_due")
	}
	p.Get("expand").MarkAll()
	if e := p.Unknown(); e != nil {
		return nil, e
	}
	a, _, err := loadAccount(r, acct)
	if err != nil {
		return nil, errNoSuchParam("account", acct, "account")
	}
	if typ == "account_update" && !engine.Derive(a, r.now).DetailsSubmitted {
		return nil, invalid("", "type", "You cannot create account_update links for an account that has not completed onboarding; use account_onboarding.")
	}
	if a.Controller.RequirementCollection == "stripe" && !a.OnboardingStarted {
		// Stripe's onboarding starts: the platform can no longer change
		// the account's identity (stripeCollected).
		if _, err := mutateIn(r, a.ID, func(_ *request, a *engine.Account) error {
			a.OnboardingStarted = true
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return accountLinkJSON{
		Object: "account_link", Created: r.now.Unix(), ExpiresAt: r.now.Unix() + accountLinkTTL,
		URL: "https://connect.stripe.com/setup/s/" + a.ID + "/" + newID("", 12),
	}, nil
}

// errNoSuchParam is "No such <kind>" for an id given in the body: a 400.
func errNoSuchParam(kind, id, param string) *apiError {
	e := errNoSuch(kind, id, param)
	e.Status = 400
	return e
}
