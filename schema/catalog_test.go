package schema

import (
	"strings"
	"testing"
	"time"
)

var testCtx = Context{Lang: English, Country: "US", Currency: "usd",
	Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), IP: "203.0.113.7", UserAgent: "onboard/test"}

// usIndividualPaths is what Stripe asks a US individual with card_payments
// and transfers, now and later
// (https://docs.stripe.com/connect/required-verification-information).
var usIndividualPaths = []string{
	"business_profile.mcc", "business_profile.url", "external_account",
	"individual.address.city", "individual.address.line1", "individual.address.postal_code",
	"individual.address.state", "individual.dob.day", "individual.dob.month", "individual.dob.year",
	"individual.email", "individual.first_name", "individual.last_name", "individual.phone",
	"individual.ssn_last_4", "individual.id_number", "tos_acceptance.date", "tos_acceptance.ip",
	"business_profile.product_description", "business_type", "individual.address.line2",
	"settings.payments.statement_descriptor", "business_profile.support_phone",
}

func TestCatalogEntries(t *testing.T) {
	cases := map[string]struct {
		good, bad string
		params    map[string]string // expected encoding of good
	}{
		"business_type":                          {"individual", "sole_prop", map[string]string{"business_type": "individual"}},
		"business_profile.mcc":                   {"5734", "57a4", map[string]string{"business_profile[mcc]": "5734"}},
		"business_profile.url":                   {"https://accessible.stripe.com", "accessible.stripe", map[string]string{"business_profile[url]": "https://accessible.stripe.com"}},
		"business_profile.product_description":   {"Hand-made ceramics sold online", "Pots", nil},
		"business_profile.support_phone":         {"+1 415 555 0123", "+1 555 0123", map[string]string{"business_profile[support_phone]": "+14155550123"}},
		"settings.payments.statement_descriptor": {"FUREVER PETS", "12345", nil},
		"individual.first_name":                  {"Jenny", "<b>", map[string]string{"individual[first_name]": "Jenny"}},
		"individual.last_name":                   {"Rosen", "12", nil},
		"individual.dob":                         {"1901-01-01", "2023-02-30", map[string]string{"individual[dob][day]": "1", "individual[dob][month]": "1", "individual[dob][year]": "1901"}},
		"individual.email":                       {"jenny@example.com", "jenny@", nil},
		"individual.phone":                       {"+14155550123", "415555", nil},
		"individual.ssn_last_4":                  {"0000", "000", map[string]string{"individual[ssn_last_4]": "0000"}},
		"individual.id_number":                   {"000-00-0000", "12345", map[string]string{"individual[id_number]": "000000000"}},
		"individual.address.line1":               {"address_full_match", "a<b", nil},
		"individual.address.city":                {"San Francisco", strings.Repeat("x", 101), nil},
		"individual.address.state":               {"CA", "ZZ", map[string]string{"individual[address][state]": "CA"}},
		"individual.address.postal_code":         {"94107", "9410", nil},
		"external_account.routing_number":        {"110000000", "110000001", map[string]string{"bank_account[routing_number]": "110000000", "bank_account[country]": "US"}},
		"external_account.account_number":        {"000123456789", "12ab", map[string]string{"bank_account[account_number]": "000123456789"}},
		"external_account.account_holder_name":   {"Jenny Rosen", "<x>", nil},
		"tos_acceptance":                         {"true", "false", map[string]string{"tos_acceptance[date]": "1795435200", "tos_acceptance[ip]": "203.0.113.7"}},
	}
	fields := FieldsFor(usIndividualPaths, "US")
	seen := map[string]bool{}
	for _, f := range fields {
		seen[f.Key] = true
		t.Run(f.Key, func(t *testing.T) {
			if f.Generic {
				t.Fatalf("%s has no catalog entry", f.Key)
			}
			for _, l := range Langs {
				if f.Label.In(l) == "" || f.Help.In(l) == "" {
					t.Errorf("missing label or help in %s", l)
				}
			}
			if !f.Label.Has(French) || !f.Help.Has(French) {
				t.Errorf("no French label/help: English fallback is not a translation")
			}
			c, ok := cases[f.Key]
			if !ok {
				if f.Optional {
					return
				}
				t.Fatalf("no test case for %s", f.Key)
			}
			ps, err := f.Encode(c.good, testCtx)
			if err != nil {
				t.Fatalf("good value %q refused: %v", c.good, err)
			}
			got := map[string]string{}
			for _, p := range ps {
				got[p.Key] = p.Value
			}
			for k, v := range c.params {
				if got[k] != v {
					t.Errorf("param %s = %q, want %q (all: %v)", k, got[k], v, got)
				}
			}
			for _, l := range Langs {
				ctx := testCtx
				ctx.Lang = l
				err := f.Validate(c.bad, ctx)
				if err == nil {
					t.Fatalf("bad value %q accepted", c.bad)
				}
				if len(err.Error()) < 10 {
					t.Errorf("message too thin: %q", err)
				}
			}
			if !f.Optional && f.Validate("", testCtx) == nil {
				t.Errorf("empty value accepted for a required field")
			}
		})
	}
	for k := range cases {
		if !seen[k] {
			t.Errorf("case %s matches no field", k)
		}
	}
}

func TestFieldsForGroupsDateParts(t *testing.T) {
	fs := FieldsFor([]string{"individual.dob.year", "individual.dob.day", "tos_acceptance.ip", "tos_acceptance.date"}, "US")
	if len(fs) != 2 || fs[0].Key != "individual.dob" || fs[1].Key != "tos_acceptance" {
		t.Fatalf("got %v", keys(fs))
	}
}

func TestFieldsForOrder(t *testing.T) {
	fs := FieldsFor(usIndividualPaths, "US")
	for i := 1; i < len(fs); i++ {
		if fs[i-1].Group > fs[i].Group {
			t.Fatalf("%s before %s", fs[i-1].Key, fs[i].Key)
		}
	}
}

func TestUnknownPathFallsBack(t *testing.T) {
	for _, p := range []string{"individual.nationality_card", "company.foo.bar", "x", "", "...", "person_123.[weird]"} {
		f := Lookup(p, "US")
		if !f.Generic || f.Key != p {
			t.Errorf("%q: got key %q generic=%v", p, f.Key, f.Generic)
		}
		if _, err := f.Encode("value", testCtx); p != "" && err != nil {
			t.Errorf("%q: %v", p, err)
		}
	}
	ps, _ := Lookup("company.foo.bar", "US").Encode("v", testCtx)
	if ps[0].Key != "company[foo][bar]" {
		t.Errorf("generic encoding %v", ps)
	}
}

func TestLinkOnly(t *testing.T) {
	for _, p := range []string{"interv_abc.restricted_or_prohibited_industry_diligence.form", "individual.proof_of_liveness"} {
		if Lookup(p, "US").Kind != KindLink {
			t.Errorf("%s should route to an account link", p)
		}
	}
}

func TestFieldForParam(t *testing.T) {
	cases := map[string]string{
		"individual[dob][day]":         "individual.dob",
		"individual[address][line1]":   "individual.address.line1",
		"tos_acceptance[ip]":           "tos_acceptance",
		"bank_account[routing_number]": "external_account.routing_number",
		"business_profile[url]":        "business_profile.url",
		"documents[x][files][0]":       "documents.x.files",
		"":                             "",
	}
	for in, want := range cases {
		if got := FieldForParam(in, "US"); got != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
}

func TestMask(t *testing.T) {
	f := Lookup("individual.id_number", "US")
	if got := f.Mask("000000000"); strings.Contains(got, "0000000") || !strings.HasSuffix(got, "00") {
		t.Errorf("mask %q", got)
	}
	if got := Lookup("individual.ssn_last_4", "US").Mask("1234"); strings.ContainsAny(got, "1234") {
		t.Errorf("short secret shows digits: %q", got)
	}
	if got := Lookup("individual.first_name", "US").Mask("Jenny"); got != "Jenny" {
		t.Errorf("non-sensitive masked: %q", got)
	}
}

func TestBirthDateAge(t *testing.T) {
	f := Lookup("individual.dob.day", "US")
	for v, ok := range map[string]bool{"1901-01-01": true, "1902-01-01": true, "1990-05-17": true,
		"2010-01-01": false, "1890-01-01": false, "2027-01-01": false, "1990-13-01": false} {
		if err := f.Validate(v, testCtx); (err == nil) != ok {
			t.Errorf("%s: err=%v want ok=%v", v, err, ok)
		}
	}
}

func TestValidABA(t *testing.T) {
	for v, ok := range map[string]bool{"110000000": true, "021000021": true, "011401533": true, "110000001": false, "11000000": false, "abcdefghi": false} {
		if ValidABA(v) != ok {
			t.Errorf("%s want %v", v, ok)
		}
	}
}

func TestDetectLang(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, English},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, French},
		{map[string]string{"LANG": "fr_FR.UTF-8", "LC_ALL": "C"}, English},
		{map[string]string{"LC_MESSAGES": "fr_CA", "LANG": "en_US"}, French},
		{map[string]string{"LANG": "de_DE"}, German},
		{map[string]string{"LANG": "ja_JP.UTF-8"}, Japanese},
		{map[string]string{"LC_ALL": "es_ES.UTF-8", "LANG": "fr_FR"}, Spanish},
		{map[string]string{"LC_MESSAGES": "it_IT@euro"}, Italian},
		{map[string]string{"LANG": "ru_RU.UTF-8"}, English},
		{map[string]string{"LANG": "qps"}, English},
	}
	for _, c := range cases {
		if got := DetectLang(env(c.env)); got != c.want {
			t.Errorf("%v: got %s", c.env, got)
		}
	}
}

func TestExplainErrorBothLanguages(t *testing.T) {
	for code, txt := range errorTexts {
		if txt.EN == "" || !txt.Has(French) {
			t.Errorf("%s lacks a translation", code)
		}
	}
	if ExplainError("brand_new_code", French) == "" {
		t.Error("unknown code has no explanation")
	}
}

func TestRequirementsList(t *testing.T) {
	r := Requirements{
		CurrentlyDue:        []string{"a", "b", "c"},
		PastDue:             []string{"b"},
		EventuallyDue:       []string{"a", "b", "c", "d"},
		PendingVerification: []string{"e", "c"},
		Errors:              []RequirementError{{Requirement: "a", Code: "x"}},
	}
	got := r.List(CurrentlyDue)
	want := []string{"b:past_due", "a:currently_due", "c:currently_due", "d:eventually_due", "e:pending_verification"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, q := range got {
		if q.Path+":"+q.Due.String() != want[i] {
			t.Errorf("%d: %s:%s want %s", i, q.Path, q.Due, want[i])
		}
	}
	if !got[2].Pending || len(got[1].Errors) != 1 {
		t.Errorf("pending/errors not carried: %+v", got)
	}
}

func keys(fs []Field) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Key)
	}
	return out
}

func FuzzLookupEncode(f *testing.F) {
	for _, p := range usIndividualPaths {
		f.Add(p, "x")
	}
	f.Fuzz(func(t *testing.T, path, v string) {
		fl := Lookup(path, "US")
		_, _ = fl.Encode(v, testCtx)
		_ = FieldForParam(path, "US")
		_ = fl.Mask(v)
	})
}
