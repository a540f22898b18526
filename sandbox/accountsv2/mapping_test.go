package accountsv2

import (
	"errors"
	"reflect"
	"testing"
)

// A v2 account body becomes v1 form parameters; GA versions take the
// profile in defaults.profile and refuse it in identity.business_details,
// the preview the other way round.
func TestAccountToV1(t *testing.T) {
	body := map[string]any{
		"contact_email": "jenny@example.com", "display_name": "Jenny's", "dashboard": "none", "include": []any{"identity"},
		"identity": map[string]any{"country": "fr", "entity_type": "individual",
			"individual": map[string]any{"given_name": "Jenny", "date_of_birth": map[string]any{"day": 1.0, "month": 2.0, "year": 1990.0},
				"address":    map[string]any{"city": "Paris", "country": "fr"},
				"id_numbers": []any{map[string]any{"type": "fr_national_id", "value": "123"}}},
			"attestations": map[string]any{"terms_of_service": map[string]any{"account": map[string]any{"date": "2026-11-23T12:00:00Z", "ip": "127.0.0.1"}}}},
		"defaults":      map[string]any{"profile": map[string]any{"business_url": "https://x.example"}},
		"configuration": map[string]any{"merchant": map[string]any{"mcc": "5734", "capabilities": map[string]any{"card_payments": map[string]any{"requested": true}}}},
	}
	got, err := accountToV1(body, "FR", true, true)
	if err != nil {
		t.Fatal(err)
	}
	want := form{
		"email": "jenny@example.com", "business_profile[name]": "Jenny's", "country": "FR", "business_type": "individual",
		"individual[first_name]": "Jenny", "individual[dob][day]": "1", "individual[dob][month]": "2", "individual[dob][year]": "1990",
		"individual[address][city]": "Paris", "individual[address][country]": "FR", "individual[id_number]": "123",
		"tos_acceptance[date]": "1795435200", "tos_acceptance[ip]": "127.0.0.1",
		"business_profile[url]": "https://x.example", "business_profile[mcc]": "5734", "capabilities[card_payments][requested]": "true",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("accountToV1:\n got %v\nwant %v", got, want)
	}
	url := map[string]any{"identity": map[string]any{"business_details": map[string]any{"url": "https://x.example"}}}
	var unknown unknownField
	if _, err := accountToV1(url, "FR", false, true); !errors.As(err, &unknown) || unknown.path != "identity.business_details.url" {
		t.Errorf("GA took identity.business_details.url: %v", err)
	}
	if f, err := accountToV1(url, "FR", false, false); err != nil || f["business_profile[url]"] != "https://x.example" {
		t.Errorf("preview: %v %v", f, err)
	}
	if _, err := accountToV1(map[string]any{"identity": map[string]any{"individual": map[string]any{"nickname": "J"}}}, "FR", false, true); err == nil ||
		err.Error() != "Received unknown field: identity.individual.nickname" {
		t.Errorf("unknown person field: %v", err)
	}
}

// A v1 person is drawn as a v2 person: names, ids by type only, the
// ownership percentage as a decimal string, and updated = created.
func TestRenderPerson(t *testing.T) {
	p := renderPerson(map[string]any{"id": "person_1", "account": "acct_1", "first_name": "Jenny", "last_name": "Rosen",
		"created": 1795435200.0, "ssn_last_4_provided": true, "id_number_provided": true,
		"relationship": map[string]any{"owner": true, "percent_ownership": 25.5}}, "US")
	if p["given_name"] != "Jenny" || p["surname"] != "Rosen" || p["object"] != "v2.core.account_person" {
		t.Errorf("names: %v", p)
	}
	if p["created"] != "2026-11-23T12:00:00.000Z" || p["updated"] != p["created"] {
		t.Errorf("times: %v %v", p["created"], p["updated"])
	}
	ids := []any{map[string]any{"type": "us_ssn_last_4"}, map[string]any{"type": "us_ssn"}}
	if !reflect.DeepEqual(p["id_numbers"], ids) {
		t.Errorf("id_numbers: %v", p["id_numbers"])
	}
	if got := p["relationship"].(map[string]any)["percent_ownership"]; got != "25.5" {
		t.Errorf("percent_ownership: %v", got)
	}
}
