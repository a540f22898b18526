package flows_test

import (
	"context"
	"testing"

	"onboard/flows"
)

// A configuration named on its own (recipient, with card_payments as the
// only capability) is created with it instead of crashing the
// create.
func TestV2CreateWithAConfigurationOnlyNamed(t *testing.T) {
	cl, _ := v2Client(t)
	a, err := cl.Create(context.Background(), flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments"}, API: "v2", Configurations: []string{"recipient"}, Email: "jenny@example.com"})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	confs := map[string]bool{}
	for _, c := range a.V2.Configurations {
		confs[c.Name] = true
	}
	if !confs["merchant"] || !confs["recipient"] {
		t.Fatalf("configurations %+v", a.V2.Configurations)
	}
}
