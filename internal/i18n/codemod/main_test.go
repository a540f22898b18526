package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRewriteMovesFrenchAndKeepsConflicts(t *testing.T) {
	src := `package x

import "onboard/schema"

var t = schema.T

var (
	a = schema.T("Save", "Enregistrer")
	b = t("Long "+
		"text", "Texte "+"long")
	c = schema.T("State", "Statut")
	d = schema.TC("home", "Proof of address", "Justificatif de domicile")
	e = schema.T(name, "nom")
	m = map[string]schema.Text{"k": {"Key", "Clé"}, "l": {EN: "Lock", FR: "Verrou"}}
	v = schema.Text{EN: "View", FR: "Vue"}
)
`
	cat := map[string]json.RawMessage{"State": json.RawMessage(`"État"`)}
	var log strings.Builder
	out, n, err := Rewrite("x.go", []byte(src), cat, &log)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		`a = schema.T("Save")`, `b = t("Long " +` + "\n\t\t" + `"text")`, `c = schema.T("State", "Statut")`,
		`d = schema.TC("home", "Proof of address")`, `e = schema.T(name, "nom")`,
		`"k": {EN: "Key"}`, `"l": {EN: "Lock"}`, `v = schema.Text{EN: "View"}`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("rewritten source lacks %s:\n%s", want, got)
		}
	}
	if n != 6 {
		t.Errorf("moved %d texts, want 6", n)
	}
	for k, v := range map[string]string{"Save": "Enregistrer", "Long text": "Texte long", "State": "État",
		"home\x04Proof of address": "Justificatif de domicile", "Key": "Clé", "Lock": "Verrou", "View": "Vue"} {
		var s string
		if err := json.Unmarshal(cat[k], &s); err != nil || s != v {
			t.Errorf("catalog[%q] = %s, want %q", k, cat[k], v)
		}
	}
	if !strings.Contains(log.String(), `another French for "State"`) || !strings.Contains(log.String(), "composed at run time") {
		t.Errorf("log: %s", log.String())
	}
}

func TestMarshalCatalogIsSortedAndReadable(t *testing.T) {
	b, err := MarshalCatalog(map[string]json.RawMessage{
		"b <x>": json.RawMessage(`"b & c"`), "a": json.RawMessage(`{"one":"%d champ","other":"%d champs"}`)})
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": {\"one\":\"%d champ\",\"other\":\"%d champs\"},\n  \"b <x>\": \"b & c\"\n}\n"
	if string(b) != want {
		t.Errorf("got\n%s\nwant\n%s", b, want)
	}
}
