package schema

import "strings"

// bankFields are the parts of a payout bank account for a country. They are
// sent to POST /v1/tokens, never in an account update: the token is then
// attached as external_account, so raw numbers never sit in an update.
// SEPA countries have an IBAN and no routing number; the others a routing
// number under its local name (country.go) and an account number.
func bankFields(country string) []Field {
	br := rulesFor(country).bank
	holder := Field{Key: "external_account.account_holder_name", Covers: []string{"external_account"},
		Group: GroupBankAccount, Order: 10, Kind: KindText,
		Label: T("Account holder name"),
		Help:  T("The name on the bank account."),
		check: checkPlain(100), encode: tokenParam("account_holder_name")}
	account := Field{Key: "external_account.account_number", Covers: []string{"external_account"},
		Group: GroupBankAccount, Order: 30, Kind: KindSecret, Sensitive: true,
		Label:       T("Account number"),
		Help:        T("Masked once typed; never stored or logged."),
		Placeholder: br.account.example,
		check:       ruleCheck(br.account, Digits, false), encode: tokenDigits("account_number", nil)}
	if br.iban {
		account.Label, account.Help, account.Placeholder = br.account.label, br.account.help, br.account.example
		account.check = ruleCheck(br.account, NormalizeIBAN, false)
		account.encode = tokenValue("account_number", NormalizeIBAN)
		return []Field{holder, account}
	}
	if br.noRouting {
		account.Label, account.Help = br.account.label, br.account.help
		account.check = ruleCheck(br.account, Digits, false)
		return []Field{holder, account}
	}
	routing := Field{Key: "external_account.routing_number", Covers: []string{"external_account"},
		Group: GroupBankAccount, Order: 20, Kind: KindText,
		Label: br.routing.label, Help: br.routing.help, Placeholder: br.routing.example,
		check: ruleCheck(br.routing, Digits, false), encode: tokenDigits("routing_number", br.routingForm)}
	if br.routing.valid == nil {
		routing.check = checkPlain(30)
	}
	return []Field{holder, routing, account}
}

// bankField answers external_account.<part> (a Stripe error's param, or
// a key the flow kept), and external_account itself: a ready-made bank
// token (btok_…), which the wizard replaces with the parts above.
func bankField(path, country string) (Field, bool) {
	if path == "external_account" {
		return Field{Key: path, Covers: []string{path}, Group: GroupBankAccount, Order: 5, Kind: KindText,
			Label:       T("Payout bank account"),
			Help:        T("Where payouts go; asked as its parts, or a bank token such as btok_us."),
			Placeholder: map[bool]string{true: "btok_us"}[country == "US"], Sensitive: true,
			check: func(v string, c Context) error {
				if !strings.HasPrefix(v, "btok_") && !strings.HasPrefix(v, "tok_") && !strings.HasPrefix(v, "ba_") {
					if c.Country != "US" {
						// btok_us is a US account: no example elsewhere.
						return fail(c.Lang, T("Enter a bank token that starts with btok_, or fill in the account's parts."))
					}
					return fail(c.Lang, T("Enter a bank token that starts with btok_ (e.g. btok_us), or fill in the account's parts."))
				}
				return checkPlain(200)(v, c)
			}}, true
	}
	if !strings.HasPrefix(path, "external_account.") {
		return Field{}, false
	}
	for _, f := range bankFields(country) {
		if f.Key == path {
			return f, true
		}
	}
	return Field{}, false
}

func tokenParam(name string) func(string, Context) []Param {
	return tokenValue(name, strings.TrimSpace)
}

// tokenDigits sends a number without separators, rewritten by form if
// given (Canadian transit numbers keep their dash).
func tokenDigits(name string, form func(string) string) func(string, Context) []Param {
	return tokenValue(name, func(v string) string {
		d := Digits(v)
		if form != nil && isDigits(d) && len(d) == 8 {
			return form(d)
		}
		return d
	})
}

func tokenValue(name string, norm func(string) string) func(string, Context) []Param {
	return func(v string, c Context) []Param {
		return append(bankContext(c), Param{Target: TargetBankToken, Key: "bank_account[" + name + "]", Value: norm(v)})
	}
}

// bankContext is the country and currency every bank token needs; each
// part repeats them so any one part is a complete token request with the
// others (the flow de-duplicates).
func bankContext(c Context) []Param {
	return []Param{
		{Target: TargetBankToken, Key: "bank_account[country]", Value: c.Country},
		{Target: TargetBankToken, Key: "bank_account[currency]", Value: c.Currency},
	}
}

// IBANCountry reports whether country's payout bank accounts are given as
// an IBAN alone (SEPA countries).
func IBANCountry(country string) bool { return rulesFor(country).bank.iban }

// AccountOnlyCountry reports whether country's payout bank accounts are
// given as one number with no routing number: an IBAN, a Mexican CLABE, a
// New Zealand account number.
func AccountOnlyCountry(country string) bool {
	b := rulesFor(country).bank
	return b.iban || b.noRouting
}
