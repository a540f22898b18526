package flows_test

import (
	"context"
	"testing"

	"onboard/flows"
)

// The contact email typed on the setup screen (or --email) reaches a v1
// account as its email; it was dropped, so the person steps could not be
// prefilled from it and the account list showed a nameless account.
func TestV1CreateKeepsContactEmail(t *testing.T) {
	c, _ := sandboxClient(t)
	a, err := c.Create(context.Background(), flows.NewAccount{Country: "GB", BusinessType: "company",
		Capabilities: []string{"card_payments", "transfers"}, Email: "pilot@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Email != "pilot@example.com" {
		t.Errorf("created account's email %q", a.Email)
	}
	got, err := c.Load(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Email != "pilot@example.com" {
		t.Errorf("loaded account's email %q", got.Email)
	}
}
