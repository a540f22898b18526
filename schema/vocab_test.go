package schema

import (
	"strings"
	"testing"
)

// Every parameter Stripe documents for the onboarding endpoints is a known
// key: its field is not generic and encodes to Stripe's parameter, for
// the account, for the individual, for every kind of person and for a
// bank account.
func TestEveryStripeParameterIsAKnownKey(t *testing.T) {
	if n := VocabCount("account"); n < 250 {
		t.Fatalf("only %d account parameters in Stripe's vocabulary", n)
	}
	if VocabCount("person") < 60 || VocabCount("bank_account") < 8 || VocabCount("v2_account") < 200 || VocabCount("v2_person") < 60 {
		t.Fatalf("vocabulary too small: person %d, bank %d, v2 account %d, v2 person %d", VocabCount("person"),
			VocabCount("bank_account"), VocabCount("v2_account"), VocabCount("v2_person"))
	}
	for _, prefix := range []string{"representative", "owners.0", "directors.1", "executives.0", "person_abc"} {
		for _, p := range VocabPaths(prefix) {
			for _, c := range []string{"US", "GB", "JP", "FR"} {
				if f := Lookup(p, c); f.Generic {
					t.Errorf("%s (%s) is Stripe's parameter but falls back to a generic field", p, c)
				}
			}
		}
	}
}

// Japan's kana and kanji parameters are known keys, typed and sent under
// Stripe's names: on the account for the individual and the company, to
// the Persons API for everyone else.
func TestKanaAndKanjiAreKnownAndSent(t *testing.T) {
	c := Context{Lang: English, Country: "JP", Currency: "jpy"}
	for path, want := range map[string]Param{
		"individual.first_name_kana":           {Target: TargetAccount, Key: "individual[first_name_kana]"},
		"individual.last_name_kanji":           {Target: TargetAccount, Key: "individual[last_name_kanji]"},
		"individual.address_kanji.line1":       {Target: TargetAccount, Key: "individual[address_kanji][line1]"},
		"individual.address_kana.town":         {Target: TargetAccount, Key: "individual[address_kana][town]"},
		"company.name_kanji":                   {Target: TargetAccount, Key: "company[name_kanji]"},
		"company.name_kana":                    {Target: TargetAccount, Key: "company[name_kana]"},
		"company.address_kanji.line1":          {Target: TargetAccount, Key: "company[address_kanji][line1]"},
		"representative.first_name_kana":       {Target: TargetPerson, Key: "first_name_kana", Person: "representative"},
		"owners.0.address_kanji.city":          {Target: TargetPerson, Key: "address_kanji[city]", Person: "owners.0"},
		"external_account.account_holder_type": {Target: TargetBankToken, Key: "bank_account[account_holder_type]"},
	} {
		f := Lookup(path, "JP")
		if f.Generic {
			t.Errorf("%s is generic", path)
			continue
		}
		v := "ｶﾌﾞｼｷｶﾞｲｼｬ"
		if f.Kind == KindSelect {
			v = f.Options[0].Value
		}
		ps, err := f.Encode(v, c)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		found := false
		for _, p := range ps {
			if p.Key == want.Key && p.Target == want.Target && p.Person == want.Person {
				found = true
			}
		}
		if !found {
			t.Errorf("%s encodes to %+v, want %+v", path, ps, want)
		}
	}
}

// A field the catalog has no form for is typed as Stripe types it: an
// enum is a choice of Stripe's values, a boolean a yes/no, an integer a
// whole number, a list is sent as Stripe's indexed list; a value of the
// wrong type is refused before any request.
func TestStripeParametersAreTyped(t *testing.T) {
	c := Context{Lang: English, Country: "US", Currency: "usd"}
	for _, tc := range []struct {
		path, good, bad string
		kind            Kind
		key             string
	}{
		{"external_account.account_holder_type", "company", "person", KindSelect, "bank_account[account_holder_type]"},
		{"settings.payouts.schedule.interval", "weekly", "hourly", KindSelect, "settings[payouts][schedule][interval]"},
		{"settings.payouts.debit_negative_balances", "yes", "maybe", KindYesNo, "settings[payouts][debit_negative_balances]"},
		{"business_profile.estimated_worker_count", "12", "twelve", KindText, "business_profile[estimated_worker_count]"},
		{"individual.full_name_aliases", "Jen Rosen, J. Rosen", "<b>", KindText, "individual[full_name_aliases][1]"},
		{"metadata.crm_id", "42", "", KindText, "metadata[crm_id]"},
	} {
		f := Lookup(tc.path, "US")
		if f.Generic || f.Kind != tc.kind {
			t.Errorf("%s: generic %v kind %v, want kind %v", tc.path, f.Generic, f.Kind, tc.kind)
			continue
		}
		ps, err := f.Encode(tc.good, c)
		if err != nil {
			t.Errorf("%s %q: %v", tc.path, tc.good, err)
		}
		keys := []string{}
		for _, p := range ps {
			keys = append(keys, p.Key)
		}
		if !strings.Contains(strings.Join(keys, " "), tc.key) {
			t.Errorf("%s encodes to %v, want %s", tc.path, keys, tc.key)
		}
		if tc.bad != "" {
			if err := f.Validate(tc.bad, c); err == nil {
				t.Errorf("%s accepts %q", tc.path, tc.bad)
			}
		}
	}
	// debit_negative_balances is sent as Stripe's boolean.
	ps, _ := Lookup("settings.payouts.debit_negative_balances", "US").Encode("oui", c)
	if len(ps) != 1 || ps[0].Value != "true" {
		t.Errorf("yes/no encodes to %+v", ps)
	}
}

// A typo is still unknown, with the nearest real name, Stripe's included.
func TestTypoOfAStripeParameterSuggestsIt(t *testing.T) {
	for in, want := range map[string]string{
		"individual.first_name_kanaa":         "individual.first_name_kana",
		"company.name_kanjj":                  "company.name_kanji",
		"external_account.account_holder_typ": "external_account.account_holder_type",
		"owners.0.address_kanji.lin1":         "owners.0.address_kanji.line1",
	} {
		if !Lookup(in, "JP").Generic {
			t.Errorf("%s is known", in)
		}
		if got := Nearest(in); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", in, got, want)
		}
	}
}

// The v2 names the catalog translates to are parameters stripe-go v84
// sends for Accounts v2 (or objects holding some).
func TestV2TranslationsAreStripeParameters(t *testing.T) {
	documents := func(path string, person bool) bool {
		obj := objV2Account
		if person {
			obj = objV2Person
		}
		for k := range vocabIndex()[obj] {
			if k == path || strings.HasPrefix(k, path+".") {
				return true
			}
		}
		return false
	}
	for v1, v2 := range v2AccountFields {
		if v1 == "external_account" {
			// Read from the account, never sent: a v2 account's bank
			// account is attached through v1's external accounts.
			continue
		}
		if !documents(v2, false) {
			t.Errorf("%s translates to %s, which Accounts v2 does not document", v1, v2)
		}
	}
	for v1, v2 := range v2PersonLeaves {
		if !documents(v2, true) {
			t.Errorf("person %s translates to %s, which Accounts v2 persons do not document", v1, v2)
		}
	}
}

// A requirement only Stripe's vocabulary knows is asked like any other:
// required, so a due kana name is never skipped as optional.
func TestStripeParameterAskedAsARequirementIsRequired(t *testing.T) {
	fs := FieldsFor([]string{"individual.first_name_kana"}, "JP")
	if len(fs) != 1 || fs[0].Optional || fs[0].Generic {
		t.Fatalf("fields %+v", fs)
	}
	if err := fs[0].Validate("", Context{Lang: English, Country: "JP"}); err == nil {
		t.Error("an empty kana name is accepted")
	}
}
