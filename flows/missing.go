package flows

import (
	"errors"
	"fmt"
	"strings"

	"onboard/schema"
)

var txtNoSuchAccount = schema.T("No such account: %s. Check the id and the key's mode (test or live).")

// LocalMessage is Message in the operator's language where we know the
// case: a missing account is the common one (a mistyped id, or a test id
// with a live key). The TUI and the command line say it alike.
func LocalMessage(err error, lang schema.Lang) string {
	if id, ok := missingAccount(err); ok {
		return fmt.Sprintf(txtNoSuchAccount.In(lang), id)
	}
	return Message(err)
}

// missingAccount is the id of the account Stripe did not find, from its
// message ("No such account: 'acct_…'").
func missingAccount(err error) (string, bool) {
	var ae *APIError
	if !errors.As(err, &ae) || ae.Code != "resource_missing" {
		return "", false
	}
	i := strings.Index(ae.Message, "'")
	if i < 0 {
		return "", false
	}
	j := strings.Index(ae.Message[i+1:], "'")
	if j <= 0 || !strings.HasPrefix(ae.Message[i+1:], "acct_") {
		return "", false
	}
	return ae.Message[i+1 : i+1+j], true
}
