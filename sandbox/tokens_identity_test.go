package sandbox

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// Account, person and PII tokens: created with POST /v1/tokens, given as
// account_token / person_token / an id_number, used once, and their
// details (id numbers) never written to the database.
func TestIdentityTokens(t *testing.T) {
	e := newTransportEnv(t)
	const secretID = "123456780"
	acctTok, err := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{Account: &stripe.TokenCreateAccountParams{
		BusinessType: stripe.String("individual"),
		Individual: &stripe.PersonParams{FirstName: stripe.String("Jenny"), LastName: stripe.String("Rosen"),
			IDNumber: stripe.String(secretID)},
		TOSShownAndAccepted: stripe.Bool(true),
	}})
	if err != nil || acctTok.Type != "account" || acctTok.Used {
		t.Fatalf("account token: %+v %v", acctTok, err)
	}
	p := &stripe.AccountCreateParams{Type: stripe.String("custom"), Country: stripe.String("US"), AccountToken: stripe.String(acctTok.ID),
		Capabilities: &stripe.AccountCreateCapabilitiesParams{Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)}}}
	a, err := e.sc.V1Accounts.Create(e.ctx, p)
	if err != nil {
		t.Fatalf("create with account_token: %v", err)
	}
	if a.BusinessType != "individual" || a.Individual == nil || a.Individual.FirstName != "Jenny" || !a.Individual.IDNumberProvided || a.TOSAcceptance.Date == 0 {
		t.Errorf("the token's details were not applied: %+v %+v", a.Individual, a.TOSAcceptance)
	}
	if slices.Contains(a.Requirements.CurrentlyDue, "tos_acceptance.date") {
		t.Errorf("ToS still due: %v", a.Requirements.CurrentlyDue)
	}
	// Single use, and not together with the fields it sets.
	_, err = e.sc.V1Accounts.Create(e.ctx, p)
	wantErr(t, err, 400, "token_already_used", "account_token")
	tok2, _ := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{Account: &stripe.TokenCreateAccountParams{BusinessType: stripe.String("individual")}})
	_, err = e.update(a.ID, "account_token", tok2.ID, "business_type", "company")
	wantErr(t, err, 400, "", "business_type")
	if got, err := e.sc.V1Tokens.Retrieve(e.ctx, acctTok.ID, nil); err != nil || !got.Used || got.Type != "account" {
		t.Errorf("retrieve used token: %+v %v", got, err)
	}

	// A person token on a company's person, and a PII token as id_number.
	co := e.createAccount("US", "company")
	personTok, err := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{Person: &stripe.PersonParams{
		FirstName: stripe.String("Dan"), Relationship: &stripe.PersonRelationshipParams{Representative: stripe.Bool(true)}}})
	if err != nil || personTok.Type != "person" {
		t.Fatalf("person token: %+v %v", personTok, err)
	}
	pp := &stripe.PersonCreateParams{Account: stripe.String(co.ID)}
	pp.AddExtra("person_token", personTok.ID)
	person, err := e.sc.V1Persons.Create(e.ctx, pp)
	if err != nil || person.FirstName != "Dan" || !person.Relationship.Representative {
		t.Fatalf("person from token: %+v %v", person, err)
	}
	pii, err := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{PII: &stripe.TokenCreatePIIParams{IDNumber: stripe.String(secretID)}})
	if err != nil || pii.Type != "pii" {
		t.Fatalf("pii token: %+v %v", pii, err)
	}
	up, err := e.sc.V1Persons.Update(e.ctx, person.ID, &stripe.PersonUpdateParams{Account: stripe.String(co.ID), IDNumber: stripe.String(pii.ID)})
	if err != nil || !up.IDNumberProvided {
		t.Fatalf("id_number from a PII token: %+v %v", up, err)
	}
	// A token of one kind is not another's.
	_, err = e.update(a.ID, "account_token", personTok.ID)
	wantErr(t, err, 400, "", "account_token")

	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(e.path), "*"))
	for _, f := range matches {
		b, _ := os.ReadFile(f)
		if bytes.Contains(b, []byte(secretID)) {
			t.Errorf("%s holds a token's id number", filepath.Base(f))
		}
	}
}

// A token's fields are checked like the same fields anywhere: a bad type
// or a file that was never uploaded is refused when the token is made.
func TestIdentityTokenFieldsChecked(t *testing.T) {
	e := newTransportEnv(t)
	_, err := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{Params: stripe.Params{Extra: &stripe.ExtraValues{Values: map[string][]string{
		"person[dob][day]": {"first"}}}}})
	wantErr(t, err, 400, "parameter_invalid_integer", "person[dob][day]")
	_, err = e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{Params: stripe.Params{Extra: &stripe.ExtraValues{Values: map[string][]string{
		"person[verification][document][front]": {"file_nosuchfile"}}}}})
	wantErr(t, err, 400, "resource_missing", "person[verification][document][front]")
	_, err = e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{Params: stripe.Params{Extra: &stripe.ExtraValues{Values: map[string][]string{
		"person[nickname]": {"J"}}}}})
	wantErr(t, err, 400, "parameter_unknown", "person[nickname]")
}
