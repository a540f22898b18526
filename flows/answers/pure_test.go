package answers

import (
	"testing"
	"time"

	"onboard/flows"
	"onboard/schema"
)

func TestParse(t *testing.T) {
	a, err := Parse(map[string]any{
		"individual.dob.day": 7, "individual.dob.month": "3", "individual.dob.year": 1985,
		"external_account": "btok_us", "tos_acceptance": true, "business_profile.mcc": 5734,
	})
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"individual.dob": "1985-03-07", "external_account": "btok_us",
		"tos_acceptance": "true", "business_profile.mcc": "5734"} {
		if a.Values[k] != v {
			t.Errorf("%s = %q want %q", k, a.Values[k], v)
		}
	}
	if _, err := Parse(map[string]any{"individual.dob.day": 7}); err == nil {
		t.Error("partial date accepted")
	}
	if _, err := Parse(map[string]any{"external_account": map[string]any{"iban_typo": "x"}}); err == nil {
		t.Error("unknown bank key accepted")
	}
}

func TestAnswersValidateNamesField(t *testing.T) {
	a, _ := Parse(map[string]any{"individual.email": "nope", "individual.dob": "1990-01-01", "custom.path": "x"})
	err := a.Validate(schema.Context{Lang: schema.English, Country: "US", Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	ie, ok := err.(*flows.InputError)
	if !ok || len(ie.Fields) != 1 || ie.Fields["individual.email"] == "" {
		t.Fatalf("got %v", err)
	}
}

func TestAnswersForRoleWithoutIndex(t *testing.T) {
	a, _ := Parse(map[string]any{"owners.email": "o@example.com", "owners.0.first_name": "Ada"})
	st := flows.Step{Fields: schema.FieldsFor([]string{"owners.email", "owners.first_name"}, "GB")}
	values, missing := a.For(st, schema.Account{})
	if values["owners.0.email"] != "o@example.com" || values["owners.0.first_name"] != "Ada" || len(missing) != 0 {
		t.Fatalf("values %v missing %v", values, missing)
	}
}
