package flows_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/schema"
)

// An answers file written with Stripe's own parameter names is accepted
// and means what Stripe means: a GB sort code given as routing_number,
// the bank account's account_holder_type (refused as "unknown key" before,
// which stopped every run naming it) sent in the bank token, the date of
// birth in Stripe's parts. The account reaches complete.
func TestStripeNamesAnswerAGBCompany(t *testing.T) {
	e := newEnv(t)
	ans, err := answers.Load("testdata/stripe-names/gb-company.yaml", answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	acct, err := e.cl.Create(e.ctx, flows.NewAccount{Country: "GB", BusinessType: "company",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := ans.Validate(e.cl.Context(acct)); err != nil {
		t.Fatal(err)
	}
	j := e.cl.Journey(acct, flows.Strategies[ans.Setup.Strategy])
	rep, err := answers.RunJourney(e.ctx, j, ans, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Outstanding) > 0 || len(rep.Unused) > 0 {
		t.Fatalf("outstanding %v, unused %v", rep.Outstanding, rep.Unused)
	}
	holder := ""
	for _, s := range j.History() {
		if v, ok := s.Values["external_account.account_holder_type"]; ok {
			holder = v
		}
	}
	if holder != "company" {
		t.Errorf("account_holder_type sent as %q, want company", holder)
	}
	e.advance(t, 5*time.Second)
	if acct, err = e.cl.Load(e.ctx, acct.ID); err != nil {
		t.Fatal(err)
	}
	if st := flows.StatusOf(acct); st.State != "complete" {
		t.Fatalf("state %q, want complete: %+v", st.State, st.Requirements)
	}
}

// Japan's kana and kanji parameters are answers keys: read strictly,
// valid for a JP account, each mapped to the field that sends it under
// Stripe's name. (The sandbox does not onboard JP accounts, so nothing is
// sent here; schema's tests check each encoding.)
func TestStripeNamesKanaAndKanjiAreAnswers(t *testing.T) {
	ans, err := answers.Load("testdata/stripe-names/jp-individual.yaml", answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := schema.Context{Lang: schema.English, Country: "JP", Currency: "jpy", Now: time.Now()}
	if err := ans.Validate(c); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"individual.first_name_kana":           "individual[first_name_kana]",
		"individual.address_kanji.town":        "individual[address_kanji][town]",
		"company.name_kanji":                   "company[name_kanji]",
		"owners.0.first_name_kana":             "first_name_kana",
		"external_account.account_type":        "bank_account[account_type]",
		"external_account.account_holder_type": "bank_account[account_holder_type]",
	}
	for k, param := range want {
		v, ok := ans.Values[k]
		if !ok {
			t.Errorf("%s was not read", k)
			continue
		}
		ps, err := schema.Lookup(k, "JP").Encode(v, c)
		if err != nil {
			t.Errorf("%s: %v", k, err)
			continue
		}
		found := false
		for _, p := range ps {
			found = found || (p.Key == param && p.Value == v)
		}
		if !found {
			t.Errorf("%s is sent as %+v, want %s=%s", k, ps, param, v)
		}
	}
	// A typo of one is still an error naming the real parameter.
	typo := filepath.Join(t.TempDir(), "typo.yaml")
	if err := os.WriteFile(typo, []byte("individual.first_name_kanaa: x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = answers.Load(typo, answers.Options{})
	if err == nil || !strings.Contains(err.Error(), "individual.first_name_kanaa (did you mean individual.first_name_kana?)") {
		t.Errorf("typo: %v", err)
	}
}
