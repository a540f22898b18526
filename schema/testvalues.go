package schema

import "strings"

// Stripe's published test values for sensitive fields
// (https://docs.stripe.com/connect/testing): numbers that are no one's
// and only mean something in test mode. A journey may hand these on (to
// record an answers file that replays to the same state) where it never
// hands on what an operator typed.
var stripeTestValues = map[string]bool{
	// id numbers, SSNs and tax ids: verified, verified at once, not
	// issued, and their last four.
	"000000000": true, "000000001": true, "222222222": true, "111111111": true, "111111112": true,
	"0000": true, "2222": true,
	// bank account numbers: success, no account, closed, insufficient
	// funds, debits refused, (GB) success, and the test IBANs.
	"000123456789": true, "000111111116": true, "000111111113": true, "000222222227": true,
	"000333333335": true, "000444444440": true, "00012345": true,
	"DE89370400440532013000": true, "FR1420041010050500013M02606": true, "IE29AIBK93115212345678": true,
	"GB82WEST12345698765432": true, "NL39RABO0300065264": true,
}

// IsTestValue reports whether v is one of Stripe's test values for f
// (or the catalog's example for it, which is one): a value that says
// nothing about anyone, safe to write down.
func IsTestValue(f Field, v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return false
	}
	if f.Kind == KindFile {
		return strings.HasPrefix(v, "file_identity_document_") || strings.HasPrefix(v, "file_verification_")
	}
	if v == f.Placeholder {
		return true
	}
	return stripeTestValues[strings.ToUpper(strings.ReplaceAll(v, " ", ""))]
}
