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

// A label and its value are joined as each language writes them: a space
// after the colon in English, a no-break space before it in French, the
// full-width colon and no space in Japanese.
func TestLabelValue(t *testing.T) {
	cases := []struct {
		lang         Lang
		label, value string
		colon, lead  string
		want         string
	}{
		{English, "State", "new", "State:", "State: ", "State: new"},
		{French, "État", "nouveau", "État" + NBSP + ":", "État" + NBSP + ": ", "État" + NBSP + ": nouveau"},
		{Japanese, "状態", "新規", "状態：", "状態：", "状態：新規"},
		{Japanese, "業種（MCC）", "5734", "業種（MCC）：", "業種（MCC）：", "業種（MCC）：5734"},
		{German, "Status", "neu", "Status:", "Status: ", "Status: neu"},
	}
	for _, c := range cases {
		if got := Colon(c.lang, c.label); got != c.colon {
			t.Errorf("Colon(%s, %q) = %q, want %q", c.lang, c.label, got, c.colon)
		}
		if got := LabelLead(c.lang, c.label); got != c.lead {
			t.Errorf("LabelLead(%s, %q) = %q, want %q", c.lang, c.label, got, c.lead)
		}
		if got := LabelValue(c.lang, c.label, c.value); got != c.want {
			t.Errorf("LabelValue(%s, %q, %q) = %q, want %q", c.lang, c.label, c.value, got, c.want)
		}
	}
}

// A lead-in translated with its own full-width colon takes no space after
// it; any other lead-in takes one.
func TestLeadIn(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Filter:", "Filter: "},
		{"Filtre" + NBSP + ":", "Filtre" + NBSP + ": "},
		{"絞り込み：", "絞り込み："},
		{"waits for", "waits for "},
		{"次の項目待ち：", "次の項目待ち："},
		{"", ""},
	}
	for _, c := range cases {
		if got := LeadIn(c.in); got != c.want {
			t.Errorf("LeadIn(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestComma(t *testing.T) {
	for lang, want := range map[Lang]string{English: ", ", French: ", ", Japanese: "、"} {
		if got := Comma(lang); got != want {
			t.Errorf("Comma(%s) = %q, want %q", lang, got, want)
		}
	}
}

func TestJoinSentences(t *testing.T) {
	cases := []struct{ a, b, want string }{
		{"A token.", "On the sandbox: ctrl+e.", "A token. On the sandbox: ctrl+e."},
		{"トークン。", "サンドボックス：ctrl+e。", "トークン。サンドボックス：ctrl+e。"},
		{"", "b", "b"},
		{"a", "", "a"},
	}
	for _, c := range cases {
		if got := JoinSentences(c.a, c.b); got != c.want {
			t.Errorf("JoinSentences(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}
