package lineui

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"onboard/flows"
	"onboard/internal/exitcode"
	"onboard/internal/textout"
	"onboard/schema"
)

func prompterOn(in string, lang schema.Lang) (prompter, *bytes.Buffer) {
	var out bytes.Buffer
	return prompter{in: bufio.NewReader(strings.NewReader(in)), out: textout.NewWriter(&out), lang: lang}, &out
}

// A select is answered by its number or its value; a wrong answer says
// why and asks again; three wrong answers give up with a usage error.
func TestAskRetriesThenGivesUp(t *testing.T) {
	f := schema.Lookup("business_type", "US")
	sctx := schema.Context{Lang: schema.English, Country: "US"}
	p, out := prompterOn("nope\n2\n", schema.English)
	v, err := p.ask(f, sctx, "")
	if err != nil || v != f.Options[1].Value || !strings.Contains(out.String(), "✗") || !strings.Contains(out.String(), "2) ") {
		t.Fatalf("got %q, %v\n%s", v, err, out.String())
	}
	p, _ = prompterOn("x\ny\nz\n", schema.French)
	_, err = p.ask(f, schema.Context{Lang: schema.French, Country: "US"}, "")
	if exitcode.Of(err) != exitcode.Usage || !strings.Contains(err.Error(), "aucune valeur valide après trois essais") {
		t.Fatalf("three wrong answers: %v", err)
	}
	p, _ = prompterOn("", schema.English)
	if _, err := p.ask(f, sctx, ""); err != errEndOfInput {
		t.Fatalf("no input: %v", err)
	}
}

// The live confirmation asks on Err, reads one line from In, and without
// an answer nothing is changed (exit 2).
func TestConfirmLive(t *testing.T) {
	var errb bytes.Buffer
	u := UI{In: bufio.NewReader(strings.NewReader("FR\nnext\n")), Err: &errb, Lang: schema.English}
	line, err := u.ConfirmLive(t.Context(), flows.LiveChange{Account: "acct_1", Country: "FR"})
	if err != nil || line != "FR\n" || !strings.Contains(errb.String(), "account's country code (FR)") {
		t.Fatalf("%q %v %q", line, err, errb.String())
	}
	if rest, _ := u.In.ReadString('\n'); rest != "next\n" {
		t.Fatalf("the confirmation read past its line: %q left", rest)
	}
	u.In = bufio.NewReader(strings.NewReader(""))
	u.Lang = schema.French
	if _, err := u.ConfirmLive(t.Context(), flows.LiveChange{Country: "FR"}); exitcode.Of(err) != exitcode.Usage || !strings.Contains(err.Error(), "rien n'a été modifié") {
		t.Fatalf("no answer: %v", err)
	}
}

// Line mode takes the language's yes (its word, accents optional, or its
// answer letter) as well as the English y/yes; anything else is no.
func TestYesInEveryLanguage(t *testing.T) {
	for _, c := range []struct {
		lang schema.Lang
		in   string
		want string
	}{
		{schema.English, "yes", "true"}, {schema.English, "Y", "true"}, {schema.English, "no", "false"},
		{schema.French, "oui", "true"}, {schema.French, "o", "true"}, {schema.French, "non", "false"},
		{schema.German, "ja", "true"}, {schema.German, "J", "true"}, {schema.German, "nein", "false"},
		{schema.Spanish, "sí", "true"}, {schema.Spanish, "si", "true"}, {schema.Spanish, "no", "false"},
		{schema.Italian, "sì", "true"}, {schema.Italian, "s", "true"},
		{schema.Japanese, "はい", "true"}, {schema.Japanese, "いいえ", "false"}, {schema.Japanese, "", "false"},
		{schema.German, "oui", "false"},
	} {
		if got := yesNo(c.in, c.lang); got != c.want {
			t.Errorf("%s: %q reads %s, want %s", c.lang, c.in, got, c.want)
		}
	}
}
