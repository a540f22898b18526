package main

import (
	"bytes"
	"strings"
	"testing"
)

// Usage errors are in the operator's language: a French run printed
// "--state takes one of [\"new\" \"complete\" …]" and the like in English.
func TestUsageErrorsInFrench(t *testing.T) {
	isolate(t)
	for _, tc := range []struct {
		args []string
		fr   string
	}{
		{[]string{"accounts", "--state", "bogus"}, `--state attend l'un de "new", "complete"`},
		{[]string{"accounts", "--limit", "-1"}, "--limit doit être positif"},
		{[]string{"explore", "--csv"}, "--csv s'utilise avec --matrix"},
		{[]string{"explore", "--compare", "FR,company"}, "--compare attend deux configurations"},
		{[]string{"explore", "--compare", "--matrix", "FR,company", "US,company"}, "ne s'utilisent pas ensemble"},
		{[]string{"new", "--country", "X"}, "--country attend un code"},
		{[]string{"new", "--business-type", "llc"}, "--business-type attend"},
		{[]string{"new", "--agreement", "half"}, "--agreement attend"},
		{[]string{"new", "--capabilities", "foo"}, "fonctionnalité inconnue"},
		{[]string{"new", "--agreement", "recipient"}, "exige le contrat de services complet"},
		{[]string{"new", "--accounts-api", "v3"}, "--accounts-api attend"},
		{[]string{"new", "--configurations", "merchant"}, "--configurations s'utilise avec"},
		{[]string{"status", "acct_x", "--interval", "0"}, "--interval doit être positif"},
		{[]string{"status", "acct_x", "--listen", "127.0.0.1:4242"}, "s'utilisent avec --watch"},
		{[]string{"resume", "acct_x", "--json"}, "--json exige --answers"},
		{[]string{"status", "acct_x", "--watch", "--listen", "0.0.0.0:4242", "--webhook-secret", "whsec_x"}, "--listen doit être une adresse locale"},
		{[]string{"status", "acct_x", "--watch", "--listen", "127.0.0.1:4242"}, "--listen exige --webhook-secret"},
		{[]string{"--api-key", "pk_test_123456789012", "status", "acct_x"}, "n'est pas une clé secrète Stripe"},
		{[]string{"--api-key", fakeLiveKey, "status", "acct_x"}, "refusée\u00a0: passez --live"},
		{[]string{"--api-key", "sk_test_123456789012", "--api-base", "http://example.com", "status", "acct_x"}, "--api-base doit être"},
		{[]string{"--api-key", "sk_test_123456789012", "--api-base", "http://127.0.0.1:1/v1", "status", "acct_x"}, "--api-base attend une origine seule"},
		{[]string{"new", "--json"}, "--json exige --answers (l'assistant"},
		{[]string{"--profile", "nope", "status", "acct_x"}, `aucun profil "nope" dans`},
		{[]string{"config", "set-key", "--lang", "fr"}, "aucune clé sur l'entrée standard"},
		// explore checks a setup with new's validator (flows.CheckSetup), so
		// it says what is wanted as new does, naming the choice in words.
		{[]string{"explore", "--country", "FRA"}, "pays attend un code à deux lettres comme US, pas \"FRA\""},
		{[]string{"explore", "--compare", "FR", "FR,company"}, "configuration \"FR\"\u00a0: écrivez PAYS,TYPE"},
		{[]string{"explore", "--matrix", "--business-types", "llc"}, "type d'entreprise attend individual, company"},
		{[]string{"sandbox", "advance", "x"}, "DURATION attend une durée positive"},
		{[]string{"sandbox", "seed", "0"}, "N attend un nombre de comptes"},
		{[]string{"sandbox", "trigger", "acct_x", "foo"}, "trigger attend next_requirements"},
		{[]string{"sandbox", "volume", "acct_x", "0"}, "AMOUNT attend un nombre entier"},
		{[]string{"sandbox", "serve", "--addr", "0.0.0.0:1"}, "--addr doit être une adresse locale"},
	} {
		_, stderr, code := runIn(t, nil, append([]string{"--lang", "fr"}, tc.args...)...)
		if code != exitUsage || !strings.Contains(stderr, tc.fr) {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, stderr, tc.fr)
		}
	}
	// English stays English.
	if _, stderr, _ := runIn(t, nil, "accounts", "--state", "bogus"); !strings.Contains(stderr, `--state takes one of "new", "complete"`) {
		t.Errorf("English: %q", stderr)
	}
}

// A missing account reads as the TUI says it, in the operator's language
// (status printed Stripe's "No such account: 'acct_nope'" on a French run).
func TestMissingAccountSaidAsInTheTUI(t *testing.T) {
	isolate(t)
	for _, args := range [][]string{{"status", "acct_nope"}, {"status", "acct_nope", "--watch"}} {
		_, stderr, code := runIn(t, nil, append([]string{"--lang", "fr"}, args...)...)
		if code != exitFailure || !strings.Contains(stderr, "Compte introuvable\u00a0: acct_nope. Vérifiez l'identifiant") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}

// The sandbox's control commands report in French too (a support agent's
// "sandbox advance" printed "sandbox clock:" on a French run).
func TestSandboxCommandsInFrench(t *testing.T) {
	isolate(t)
	out, stderr, code := runIn(t, nil, "--lang", "fr", "sandbox", "advance", "1h")
	if code != 0 || !strings.HasPrefix(out, "horloge du bac à sable\u00a0: ") {
		t.Errorf("advance: exit %d, %q %q", code, out, stderr)
	}
	if out, _, code := runIn(t, nil, "--lang", "fr", "sandbox", "reset"); code != 0 || out != "bac à sable remis à zéro\n" {
		t.Errorf("reset: exit %d, %q", code, out)
	}
}

// Line mode gives up on a field in French too.
func TestLineModeGivesUpInFrench(t *testing.T) {
	isolate(t)
	var out, errb bytes.Buffer
	code := run([]string{"--lang", "fr", "new", "--country", "US", "--business-type", "individual", "--capabilities", "card_payments,transfers"},
		strings.NewReader("zz\nzz\nzz\n"), &out, &errb, func(string) string { return "" })
	if code != exitUsage || !strings.Contains(errb.String(), "\u00a0: aucune valeur valide après trois essais") {
		t.Errorf("exit %d, %q", code, errb.String())
	}
}

// A French run that leaves fields due ends in French, with the plural
// agreed ("2 champs toujours demandés"; it read "2 field(s) still due").
func TestStillDueLineInFrench(t *testing.T) {
	isolate(t)
	path := answersFile(t, "no-tos.json", map[string]any{"tos_acceptance": nil})
	for lang, want := range map[string]string{"fr": "onboard: 2 champs toujours demandés", "en": "onboard: 2 fields still due"} {
		_, stderr, code := runIn(t, nil, "--lang", lang, "new", "--answers", path, "--upfront")
		if code != exitStillDue || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, %q; want %q", lang, code, stderr, want)
		}
	}
}
