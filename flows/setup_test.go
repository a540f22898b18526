package flows_test

import (
	"strings"
	"testing"

	"onboard/flows"
	"onboard/schema"
)

// flagNames name a setup's choices as new's flags do.
func flagNames(f flows.SetupField) string {
	if f == flows.SetupEmail {
		return "--email"
	}
	return "--" + strings.ReplaceAll(string(f), "_", "-")
}

// One validator says what is wrong with a new account's setup, addressed
// to the choice, in English and French, naming each choice as the caller
// does (a flag, an answers file's key).
func TestCheckSetup(t *testing.T) {
	ok := flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"card_payments", "transfers"}, Agreement: "full", API: "v1"}
	with := func(change func(*flows.NewAccount)) flows.NewAccount {
		n := ok
		n.Capabilities = append([]string(nil), ok.Capabilities...)
		change(&n)
		return n
	}
	for _, c := range []struct {
		name   string
		n      flows.NewAccount
		field  flows.SetupField
		en, fr string // as the command line says it
		key    string // named by the answers file's keys
	}{
		{"country", with(func(n *flows.NewAccount) { n.Country = "USA" }), flows.SetupCountry,
			`--country takes a two-letter code such as US, not "USA"`, `--country attend un code à deux lettres comme US, pas "USA"`,
			`country takes a two-letter code such as US, not "USA"`},
		{"business type", with(func(n *flows.NewAccount) { n.BusinessType = "llc" }), flows.SetupBusinessType,
			`--business-type takes individual, company, non_profit or government_entity, not "llc"`, `--business-type attend individual, company, non_profit ou government_entity, pas "llc"`,
			`business_type takes individual`},
		{"agreement", with(func(n *flows.NewAccount) { n.Agreement = "half" }), flows.SetupAgreement,
			`--agreement takes full or recipient, not "half"`, `--agreement attend full ou recipient, pas "half"`, `agreement takes`},
		{"unknown capability", with(func(n *flows.NewAccount) { n.Capabilities = []string{"issuing"} }), flows.SetupCapabilities,
			`unknown capability "issuing" (card_payments, transfers)`, `fonctionnalité inconnue "issuing" (card_payments, transfers)`, `unknown capability`},
		{"no capability", with(func(n *flows.NewAccount) { n.Capabilities = nil }), flows.SetupCapabilities,
			"--capabilities needs at least one of card_payments, transfers", "--capabilities exige au moins card_payments ou transfers",
			"capabilities needs at least one"},
		{"recipient with card payments", with(func(n *flows.NewAccount) { n.Agreement = "recipient" }), flows.SetupAgreement,
			"card_payments needs the full service agreement; use --capabilities transfers with --agreement recipient",
			"card_payments exige le contrat de services complet\u00a0; utilisez --capabilities transfers avec --agreement recipient",
			"use capabilities transfers with agreement recipient"},
		{"accounts API", with(func(n *flows.NewAccount) { n.API = "v3" }), flows.SetupAccountsAPI,
			`--accounts-api takes v1 or v2, not "v3"`, `--accounts-api attend v1 ou v2, pas "v3"`, `accounts_api takes v1 or v2`},
		{"configurations on v1", with(func(n *flows.NewAccount) { n.Configurations = []string{"merchant"} }), flows.SetupConfigurations,
			"--configurations goes with --accounts-api v2", "--configurations s'utilise avec --accounts-api v2", "configurations goes with accounts_api v2"},
		{"unknown configuration", with(func(n *flows.NewAccount) {
			n.API, n.Email, n.Configurations = "v2", "ops@example.com", []string{"issuer"}
		}), flows.SetupConfigurations,
			`unknown configuration "issuer" (merchant, recipient, customer)`, `configuration inconnue "issuer" (merchant, recipient, customer)`, "unknown configuration"},
		{"v2 without an email", with(func(n *flows.NewAccount) { n.API = "v2" }), flows.SetupEmail,
			"Accounts v2 needs a contact email: give --email, or contact_email", "Accounts v2 exige un e-mail de contact\u00a0: donnez --email", "give contact_email, or contact_email"},
		{"bad email", with(func(n *flows.NewAccount) { n.Email = "nope" }), flows.SetupEmail,
			`contact email "nope": `, `e-mail de contact "nope"`, `contact email "nope"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps := flows.CheckSetup(c.n, schema.English)
			if len(ps) != 1 || ps[0].Field != c.field {
				t.Fatalf("problems %+v, want one on %s", ps, c.field)
			}
			if got := ps[0].In(schema.English, flagNames); !strings.HasPrefix(got, c.en) {
				t.Errorf("English: %q, want %q", got, c.en)
			}
			fr := flows.CheckSetup(c.n, schema.French)
			if got := fr[0].In(schema.French, flagNames); !strings.HasPrefix(got, c.fr) {
				t.Errorf("French: %q, want %q", got, c.fr)
			}
			if got := ps[0].In(schema.English, flows.SetupKey); !strings.Contains(got, c.key) {
				t.Errorf("by key: %q, want %q", got, c.key)
			}
			if strings.Contains(ps[0].InForm(schema.English), "%!") || strings.Contains(fr[0].InForm(schema.French), "%!") {
				t.Errorf("form text badly formatted: %q / %q", ps[0].InForm(schema.English), fr[0].InForm(schema.French))
			}
		})
	}
	for _, n := range []flows.NewAccount{ok,
		with(func(n *flows.NewAccount) { n.Agreement, n.Capabilities = "recipient", []string{"transfers"} }),
		with(func(n *flows.NewAccount) {
			n.API, n.Email, n.Configurations = "v2", "ops@example.com", []string{"customer"}
		}),
		with(func(n *flows.NewAccount) { n.API, n.Agreement = "", "" }),
	} {
		if ps := flows.CheckSetup(n, schema.English); len(ps) != 0 {
			t.Errorf("%+v: %+v", n, ps)
		}
	}
}

// A form says a problem where the operator acts on it.
func TestCheckSetupInForm(t *testing.T) {
	ps := flows.CheckSetup(flows.NewAccount{Country: "US", BusinessType: "company", Agreement: "recipient",
		Capabilities: []string{"card_payments"}, API: "v2"}, schema.French)
	var form []string
	for _, p := range ps {
		form = append(form, p.InForm(schema.French))
	}
	want := []string{"Les paiements par carte exigent le contrat complet", "Accounts v2 exige un e-mail de contact."}
	if len(form) != len(want) {
		t.Fatalf("%q", form)
	}
	for i, w := range want {
		if !strings.HasPrefix(form[i], w) {
			t.Errorf("%q, want %q", form[i], w)
		}
	}
	if !ps[1].Missing() || ps[0].Missing() {
		t.Error("only the email is missing")
	}
}
