package sandbox

import (
	"math/big"
	"onboard/sandbox/engine"
	"regexp"
	"strings"

	"onboard/sandbox/rules"
)

var (
	caRoutingRE = regexp.MustCompile(`^(\d{5})-?(\d{3})$`)
	sixDigitsRE = regexp.MustCompile(`^\d{6}$`)
	ibanRE      = regexp.MustCompile(`^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$`)
)

// payoutFailures maps Stripe's failing test account numbers
// (https://docs.stripe.com/connect/testing) to the payout failure code; the same numbers are used in US, CA,
// GB and AU (with their own lengths) and the IBANs per country.
var payoutFailures = map[string]string{
	"000111111116": "no_account", "000111111113": "account_closed", "000222222227": "insufficient_funds",
	"000333333335": "debit_not_authorized", "000444444440": "invalid_currency",
	"111111116": "no_account", "111111113": "account_closed", "222222227": "insufficient_funds",
	"333333335": "debit_not_authorized", "444444440": "invalid_currency",
	"11111116": "no_account", "11111113": "account_closed", "22222227": "insufficient_funds",
	"33333335": "debit_not_authorized", "44444440": "invalid_currency",
	"DE97370400440130010130": "no_account", "DE48370400440130020130": "account_closed",
	"DE96370400440130030130": "insufficient_funds", "DE47370400440130040130": "debit_not_authorized",
	"DE95370400440130050130":      "invalid_currency",
	"FR8420041010050500013M02607": "no_account", "FR2720041010050130020130020": "account_closed",
	"FR9720041010050000002222227": "insufficient_funds", "FR3920041010050130040130040": "debit_not_authorized",
	"FR4520041010050130050130050": "invalid_currency",
	"IE02AIBK93115212345679":      "no_account", "IE50AIBK93115201300201": "account_closed",
	"IE10AIBK93115202222227": "insufficient_funds", "IE82AIBK93115201300401": "debit_not_authorized",
	"IE98AIBK93115201300501": "invalid_currency",
	"NL91ABNA0417164300":     "no_account", "NL10RABO0130020130": "account_closed",
	"NL03RABO1330011330": "insufficient_funds", "NL09RABO0130040130": "debit_not_authorized",
	"NL57RABO0130050130": "invalid_currency",
}

// validateDomestic checks routing and account numbers by the kind of the
// bank's country and returns them normalised (CA routing as NNNNN-NNN, IBAN
// without spaces, upper case).
func validateDomestic(in *bankInput, prefix string) *apiError {
	prof, ok := rules.Countries[in.Country]
	if !ok {
		return invalid("country_unsupported", prefix+"[country]", "The sandbox does not model bank accounts in %s.", in.Country)
	}
	acct := strings.ToUpper(strings.ReplaceAll(in.Account, " ", ""))
	acctErr := func(msg string) *apiError {
		return invalid("account_number_invalid", prefix+"[account_number]", "%s", msg)
	}
	routeErr := func(msg string) *apiError {
		return invalid("routing_number_invalid", prefix+"[routing_number]", "%s", msg)
	}
	needRouting := func() *apiError {
		if in.Routing == "" {
			return errMissingParam(prefix + "[routing_number]")
		}
		return nil
	}
	kind := prof.Bank
	if kind == rules.BankGB && ibanRE.MatchString(acct) {
		kind = rules.BankIBAN
	}
	switch kind {
	case rules.BankLocal:
		return validateLocal(in, prof.Local, acct, routeErr, acctErr, needRouting)
	case rules.BankIBAN:
		if !ibanRE.MatchString(acct) || acct[:2] != in.Country || !ibanValid(acct) {
			return acctErr("The IBAN you provided is invalid: a bank account in " + in.Country + " has an IBAN starting with " + in.Country + " that passes the mod-97 check.")
		}
		in.Account = acct
		return nil
	case rules.BankABA:
		if e := needRouting(); e != nil {
			return e
		}
		if !abaValid(in.Routing) {
			return routeErr("Routing number must have 9 digits and a valid ABA checksum (for example 110000000).")
		}
	case rules.BankCA:
		if e := needRouting(); e != nil {
			return e
		}
		m := caRoutingRE.FindStringSubmatch(in.Routing)
		if m == nil {
			// Stripe also shows the 8-digit 0IIITTTTT form [S].
			if len(in.Routing) == 9 && in.Routing[0] == '0' && digitsRE.MatchString(in.Routing) {
				m = []string{"", in.Routing[4:], in.Routing[1:4]}
			} else {
				return routeErr("A Canadian routing number is the transit and institution numbers, NNNNN-NNN (for example 11000-000).")
			}
		}
		in.Routing = m[1] + "-" + m[2]
	case rules.BankGB, rules.BankAU:
		if e := needRouting(); e != nil {
			return e
		}
		r := strings.ReplaceAll(in.Routing, "-", "")
		if !sixDigitsRE.MatchString(r) {
			name := map[rules.BankKind]string{rules.BankGB: "sort code", rules.BankAU: "BSB"}[kind]
			return routeErr("The " + name + " must have 6 digits.")
		}
		in.Routing = r
		if kind == rules.BankGB && (len(acct) != 8 || !digitsRE.MatchString(acct)) {
			return acctErr("A UK account number has 8 digits.")
		}
	}
	if !digitsRE.MatchString(acct) || len(acct) < 4 || len(acct) > 17 {
		return acctErr("The account number must contain only digits, and must be between 4 and 17 digits long.")
	}
	in.Account = acct
	return nil
}

// ibanValid applies the ISO 13616 check: move the first four characters to
// the end, letters become 10..35, and the number mod 97 must be 1.
func ibanValid(iban string) bool {
	s := iban[4:] + iban[:4]
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteString(big.NewInt(int64(r - 'A' + 10)).String())
		default:
			return false
		}
	}
	n, ok := new(big.Int).SetString(b.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

// bankOutcome decides what the test numbers imply: a payout failure code
// (kept on the bank account; the account still verifies), or the US
// ownership checks.
func bankOutcome(b *engine.Bank, account string) {
	b.PayoutFailure = payoutFailures[account]
	if b.Country == "US" && account == "000999999992" {
		b.Ownership = "documents"
	}
}

// validateLocal checks a BankLocal country's details by its format:
// routing and account numbers without spaces and dashes, as Stripe keeps
// them.
func validateLocal(in *bankInput, f *rules.BankFormat, acct string, routeErr, acctErr func(string) *apiError, needRouting func() *apiError) *apiError {
	strip := strings.NewReplacer("-", "", " ", "")
	if f.Routing != nil {
		if e := needRouting(); e != nil {
			return e
		}
		r := strings.ToUpper(strip.Replace(in.Routing))
		if !f.Routing.MatchString(r) {
			return routeErr("Invalid routing number: " + f.RoutingHint + ".")
		}
		in.Routing = r
	}
	acct = strip.Replace(acct)
	if !f.Account.MatchString(acct) || (f.Check != nil && !f.Check(acct)) {
		return acctErr("Invalid account number: " + f.AccountHint + ".")
	}
	in.Account = acct
	return nil
}
