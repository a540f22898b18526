package flows_test

import (
	"io"
	"testing"

	"onboard/flows"
	"onboard/flows/answers"
)

// A v1 company's own fields are read back on load, as its individual's
// are: a resumed session shows what the company step sent, and the bank
// holder's name can come from the company's name.
func TestLoadKnowsTheCompany(t *testing.T) {
	e := newEnv(t)
	a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "US", BusinessType: "company",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	ans, err := answers.Parse(map[string]any{"company.name": "Acme Pilot Inc", "company.phone": "+12015550123",
		"company.address.line1": "address_full_match", "company.address.city": "San Francisco",
		"company.address.state": "CA", "company.address.postal_code": "94107", "company.tax_id": "000000000",
		"company.owners_provided": true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := answers.Run(e.ctx, e.cl, a, flows.Strategy{}, ans, io.Discard); err != nil {
		t.Fatal(flows.Message(err))
	}
	got, err := e.cl.Load(e.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{"company.name": "Acme Pilot Inc", "company.phone": "+12015550123",
		"company.address.city": "San Francisco", "company.address.postal_code": "94107", "company.owners_provided": "true"} {
		if got.Known[k] != want {
			t.Errorf("Known[%s] = %q, want %q", k, got.Known[k], want)
		}
	}
	if !got.Provided["company.tax_id"] {
		t.Error("the tax id is not known as provided")
	}
	if _, ok := got.Known["company.tax_id"]; ok {
		t.Error("the tax id's value is known: it must never be read back")
	}
}
