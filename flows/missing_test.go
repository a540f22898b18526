package flows

import (
	"testing"

	"onboard/schema"
)

// A missing account is named in the operator's language; another missing
// object keeps Stripe's message (it read "No such account: person_x").
func TestLocalMessage(t *testing.T) {
	acct := &APIError{Code: "resource_missing", Message: "No such account: 'acct_nope'"}
	if got := LocalMessage(acct, schema.French); got != "Compte introuvable\u00a0: acct_nope. Vérifiez l'identifiant et le mode de la clé (test ou production)." {
		t.Errorf("French: %q", got)
	}
	person := &APIError{Code: "resource_missing", Message: "No such person: 'person_x'"}
	if got := LocalMessage(person, schema.English); got != person.Message {
		t.Errorf("person: %q", got)
	}
	other := &APIError{Code: "parameter_invalid", Message: "Bad 'thing'"}
	if got := LocalMessage(other, schema.French); got != other.Message {
		t.Errorf("other: %q", got)
	}
}
