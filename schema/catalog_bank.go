package schema

import "strings"

// bankFields are the parts of a payout bank account for a country. They are
// sent to POST /v1/tokens, never in an account update: the token is then
// attached as external_account, so raw numbers never sit in an update.
func bankFields(country string) []Field {
	holder := Field{Key: "external_account.account_holder_name", Covers: []string{"external_account"},
		Group: GroupBankAccount, Order: 10, Kind: KindText,
		Label: T("Account holder name", "Titulaire du compte"),
		Help:  T("The name on the bank account.", "Le nom qui figure sur le compte bancaire."),
		check: checkPlain(100), encode: tokenParam("account_holder_name")}
	routing := Field{Key: "external_account.routing_number", Covers: []string{"external_account"},
		Group: GroupBankAccount, Order: 20, Kind: KindText,
		Label: T("Routing number", "Numéro de routage"),
		Help:  T("The bank's routing number.", "Le code de la banque."),
		check: checkRouting, encode: tokenDigits("routing_number")}
	account := Field{Key: "external_account.account_number", Covers: []string{"external_account"},
		Group: GroupBankAccount, Order: 30, Kind: KindSecret, Sensitive: true,
		Label: T("Account number", "Numéro de compte"),
		Help: T("Masked once typed; never stored or logged.",
			"Masqué après saisie ; jamais enregistré ni journalisé."),
		check: checkAccountNumber, encode: tokenDigits("account_number")}
	if country == "US" {
		routing.Label = T("ABA routing number", "Numéro de routage ABA")
		routing.Help = T("9 digits, printed at the bottom left of a check (test: 110000000).",
			"9 chiffres, imprimés en bas à gauche d'un chèque (test : 110000000).")
		routing.Placeholder = "110000000"
		account.Placeholder = "000123456789"
	}
	return []Field{holder, routing, account}
}

func tokenParam(name string) func(string, Context) []Param {
	return func(v string, c Context) []Param {
		return append(bankContext(c), Param{Target: TargetBankToken, Key: "bank_account[" + name + "]", Value: strings.TrimSpace(v)})
	}
}

func tokenDigits(name string) func(string, Context) []Param {
	return func(v string, c Context) []Param {
		return append(bankContext(c), Param{Target: TargetBankToken, Key: "bank_account[" + name + "]", Value: Digits(v)})
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
