package sandbox

import (
	"onboard/sandbox/engine"
	"onboard/sandbox/params"
	"strings"

	"onboard/sandbox/rules"
)

// bankInput is a bank account as submitted, before it is reduced to the
// facts Stripe keeps. The account number lives only in this value, for the
// duration of one request.
type bankInput struct {
	Country, Currency, Routing, Account, HolderName, HolderType string
}

// readBank reads the bank-account hash fields under p (bank_account[...] on
// /v1/tokens, external_account[...] on accounts). defaultCountry fills in
// a missing country the way Stripe defaults to the account's.
func readBank(p *params.Param, defaultCountry string) (bankInput, error) {
	var in bankInput
	fields := []struct {
		name     string
		dst      *string
		required bool
	}{
		{"country", &in.Country, false},
		{"currency", &in.Currency, false},
		{"routing_number", &in.Routing, false},
		{"account_number", &in.Account, true},
		{"account_holder_name", &in.HolderName, false},
		{"account_holder_type", &in.HolderType, false},
	}
	for _, f := range fields {
		c := p.Get(f.name)
		v, ok, err := c.NonEmpty()
		if err != nil {
			return in, err
		}
		if !ok && f.required {
			return in, errMissingParam(p.Path + "[" + f.name + "]")
		}
		*f.dst = strings.TrimSpace(v)
	}
	if in.Country == "" {
		in.Country = defaultCountry
	}
	in.Country = strings.ToUpper(in.Country)
	in.Currency = strings.ToLower(in.Currency)
	if in.Currency == "" {
		if prof, ok := rules.Countries[in.Country]; ok {
			in.Currency = prof.Currency
		}
	}
	if e := validateBank(&in, p.Path); e != nil {
		return in, e
	}
	return in, nil
}

// validateBank applies the per-country format checks (rules.Profile's bank format).
func validateBank(in *bankInput, prefix string) *apiError {
	if !countryRE.MatchString(in.Country) {
		return invalid("", prefix+"[country]", "Invalid country: %s", in.Country)
	}
	if !currencyRE.MatchString(in.Currency) {
		return invalid("", prefix+"[currency]", "Invalid currency: %s", in.Currency)
	}
	if in.HolderType != "" && in.HolderType != "individual" && in.HolderType != "company" {
		return invalid("", prefix+"[account_holder_type]", "Invalid account_holder_type: must be one of individual or company")
	}
	return validateDomestic(in, prefix)
}

// abaValid checks a US routing number: nine digits with
// 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
func abaValid(s string) bool {
	if len(s) != 9 || !digitsRE.MatchString(s) {
		return false
	}
	w := [3]int{3, 7, 1}
	sum := 0
	for i := range 9 {
		sum += int(s[i]-'0') * w[i%3]
	}
	return sum%10 == 0
}

// toBankFacts reduces the input to what Stripe keeps and returns, and
// decides the verification outcome. Every well-formed account verifies,
// the payout-failure test numbers too: Stripe's Connect testing guide has
// them fail a payout, not the onboarding (see TriggerPayout).
func toBankFacts(key []byte, in bankInput) (engine.Bank, engine.Outcome) {
	acct := strings.ReplaceAll(in.Account, " ", "")
	b := engine.Bank{
		ID:            newID("ba_", 24),
		Last4:         acct[len(acct)-4:],
		RoutingNumber: in.Routing,
		Country:       in.Country,
		Currency:      in.Currency,
		BankName:      bankName(in.Routing),
		HolderName:    in.HolderName,
		HolderType:    in.HolderType,
		Fingerprint:   fingerprint(key, in.Country, in.Routing, acct),
	}
	bankOutcome(&b, acct)
	return b, engine.Outcome{}
}

func bankName(routing string) string {
	if routing == "110000000" {
		return "STRIPE TEST BANK"
	}
	return "SANDBOX BANK"
}

// magicBankToken resolves Stripe's built-in test tokens (btok_us and the
// btok_us_verified family, whose suffix names the payout failure) without
// a /v1/tokens call.
func magicBankToken(key []byte, id string) (engine.Bank, engine.Outcome, bool) {
	accounts := map[string]string{
		"btok_us": "000123456789", "btok_us_verified": "000123456789",
		"btok_us_verified_noAccount": "000111111116", "btok_us_verified_accountClosed": "000111111113",
		"btok_us_verified_insufficientFunds": "000222222227", "btok_us_verified_debitNotAuthorized": "000333333335",
		"btok_us_verified_invalidCurrency": "000444444440",
	}
	acct, ok := accounts[id]
	if !ok {
		return engine.Bank{}, engine.Outcome{}, false
	}
	b, out := toBankFacts(key, bankInput{Country: "US", Currency: "usd", Routing: "110000000", Account: acct})
	return b, out, true
}

// bankJSON is a bank_account object.
type bankJSON struct {
	ID                     string            `json:"id"`
	Object                 string            `json:"object"`
	Account                *string           `json:"account,omitempty"`
	AccountHolderName      *string           `json:"account_holder_name"`
	AccountHolderType      *string           `json:"account_holder_type"`
	AvailablePayoutMethods []string          `json:"available_payout_methods,omitempty"`
	BankName               string            `json:"bank_name"`
	Country                string            `json:"country"`
	Currency               string            `json:"currency"`
	DefaultForCurrency     *bool             `json:"default_for_currency,omitempty"`
	Fingerprint            string            `json:"fingerprint"`
	Last4                  string            `json:"last4"`
	Metadata               map[string]string `json:"metadata,omitempty"`
	RoutingNumber          string            `json:"routing_number"`
	Status                 string            `json:"status"`
}

// renderBank renders b; account is "" for a token's bank_account.
func renderBank(b *engine.Bank, account string, st engine.FieldStatus) bankJSON {
	out := bankJSON{
		ID: b.ID, Object: "bank_account",
		AccountHolderName: nullable(b.HolderName), AccountHolderType: nullable(b.HolderType),
		BankName: b.BankName, Country: b.Country, Currency: b.Currency,
		Fingerprint: b.Fingerprint, Last4: b.Last4, RoutingNumber: b.RoutingNumber,
		Status: "new",
	}
	if account != "" {
		yes := true
		out.Account = &account
		out.DefaultForCurrency = &yes
		out.AvailablePayoutMethods = []string{"standard"}
		out.Metadata = map[string]string{}
		switch st {
		case engine.FieldDone:
			out.Status = "verified"
		case engine.FieldFailed:
			out.Status = "verification_failed"
			if b.PayoutFailure != "" {
				out.Status = "errored"
			}
		}
	}
	return out
}
