package schema

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFrenchSpacing(t *testing.T) {
	const n = NBSP
	cases := map[string]string{
		"Que voulez-vous faire ?":           "Que voulez-vous faire" + n + "?",
		"Exigence: x":                       "Exigence" + n + ": x",
		"échap : retour · ctrl+c : quitter": "échap" + n + ": retour · ctrl+c" + n + ": quitter",
		"a ; b":                             "a" + n + "; b",
		"Envoi de « %s » à Stripe…":         "Envoi de «" + n + "%s" + n + "» à Stripe…",
		"https://example.com":               "https://example.com",
		"le 2026-11-23 15:04":               "le 2026-11-23 15:04",
		"(test : 108800).":                  "(test" + n + ": 108800).",
		"ctrl+c":                            "ctrl+c",
		"déjà" + n + ":":                    "déjà" + n + ":",
	}
	for in, want := range cases {
		if got := frenchSpacing(in); got != want {
			t.Errorf("frenchSpacing(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every French text of the catalog comes out with no plain space before a
// high punctuation mark, and English is left as written.
func TestFrenchTypographyThroughIn(t *testing.T) {
	txt := T("Type: text", "Type : texte")
	if got := txt.In(French); got != "Type"+NBSP+": texte" {
		t.Errorf("In(French) = %q", got)
	}
	if got := txt.In(English); got != "Type: text" {
		t.Errorf("In(English) = %q", got)
	}
	for _, s := range []string{Colon(French, "Exigence"), msgDate.In(French)} {
		for _, mark := range []string{" :", " ;", " !", " ?"} {
			if strings.Contains(s, mark) {
				t.Errorf("%q has a plain space before %q", s, mark[1:])
			}
		}
	}
	if Colon(English, "Requirement") != "Requirement:" {
		t.Errorf("English colon: %q", Colon(English, "Requirement"))
	}
}

// German capitalises nouns: an address part after its title keeps its
// capital ("Unternehmensadresse: Stadt"), where English lowers it.
func TestAddressLabelsKeepGermanCapitals(t *testing.T) {
	f := Lookup("company.address.city", "DE")
	if got := f.Label.In(German); !strings.Contains(got, ": Stadt") {
		t.Errorf("German label %q: the noun lost its capital", got)
	}
	if got := f.Label.In(English); !strings.Contains(got, ": city") {
		t.Errorf("English label %q: the part after the colon should be lower case", got)
	}
}

// A label that opens with a letter of several bytes is lowered by rune
// after its title's colon: the Japanese label stays whole (it used to
// come out as "会社の住所：\ufffd\ufffd所 1 行目").
func TestAddressLabelsStayWholeInEveryLanguage(t *testing.T) {
	f := Lookup("company.address.line1", "US")
	for _, l := range Langs {
		if got := f.Label.In(l); !utf8.ValidString(got) || strings.ContainsRune(got, utf8.RuneError) {
			t.Errorf("%s label %q is cut inside a character", l, got)
		}
	}
	if got, want := f.Label.In(Japanese), "会社の住所：住所 1 行目"; got != want {
		t.Errorf("Japanese label %q, want %q", got, want)
	}
	if got, want := lowerFirst("État"), "état"; got != want {
		t.Errorf("lowerFirst(État) = %q, want %q", got, want)
	}
}
