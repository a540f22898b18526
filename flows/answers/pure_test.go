package answers

import (
	"strings"
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

// A row of answer keys is read as strictly as a file when asked, and its
// setup keys are checked by flows.CheckSetup, named by key.
func TestParseWithAndSetupCheck(t *testing.T) {
	if _, err := ParseWith(map[string]any{"individual.frist_name": "Jenny"}, Options{Lang: schema.French}); err == nil ||
		!strings.Contains(err.Error(), "clé(s) inconnue(s)") {
		t.Errorf("unknown key in a strict row: %v", err)
	}
	a, err := ParseWith(map[string]any{"country": "fr", "business_type": "company", "capabilities": "transfers",
		"individual.first_name": "Jenny"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Setup.Check(schema.English); err != nil {
		t.Errorf("a good setup: %v", err)
	}
	if n := a.Setup.Account(); n.Country != "FR" || n.BusinessType != "company" || len(n.Capabilities) != 1 {
		t.Errorf("account %+v", n)
	}
	a.Setup.Country = "FRA"
	if err := a.Setup.Check(schema.English); err == nil || !strings.HasPrefix(err.Error(), `country takes a two-letter code`) {
		t.Errorf("a bad country: %v", err)
	}
}
