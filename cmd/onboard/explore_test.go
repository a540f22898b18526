package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// The compare and matrix outputs are part of what people read and what
// tools parse: their text forms have golden files, their JSON a tested
// shape.
func TestExploreOutputs(t *testing.T) {
	isolate(t)
	t.Run("compare", func(t *testing.T) {
		out, stderr, code := runIn(t, nil, "explore", "--compare", "US,individual", "US,individual,transfers,recipient")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		golden.RequireEqual(t, []byte(out))
	})
	t.Run("compare_fr", func(t *testing.T) {
		out, stderr, code := runIn(t, nil, "--lang", "fr", "explore", "--compare", "US,individual", "US,individual,transfers,recipient")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		golden.RequireEqual(t, []byte(out))
	})
	t.Run("compare_names", func(t *testing.T) {
		// A field both countries ask under another name shows both names.
		for lang, want := range map[string]string{"en": "SIREN number (A) · Commercial register number (B)",
			"fr": "Numéro SIREN (A) · Numéro du registre du commerce (B)"} {
			out, stderr, code := runIn(t, nil, "--lang", lang, "explore", "--compare", "FR,company", "DE,company")
			if code != 0 || !strings.Contains(out, want) {
				t.Errorf("%s: exit %d, want %q\n%s%s", lang, code, want, out, stderr)
			}
		}
	})
	t.Run("matrix", func(t *testing.T) {
		out, stderr, code := runIn(t, nil, "explore", "--matrix", "--countries", "US", "--business-types", "individual")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		golden.RequireEqual(t, []byte(out))
	})
	t.Run("matrix_fr", func(t *testing.T) {
		out, stderr, code := runIn(t, nil, "--lang", "fr", "explore", "--matrix", "--countries", "US", "--business-types", "individual,company")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		// The table is for people: French words, not the API's.
		head, _, _ := strings.Cut(out, "\n")
		for _, en := range []string{"requirement", "individual", "company"} {
			if strings.Contains(head, en) {
				t.Errorf("French matrix header holds %q: %s", en, head)
			}
		}
		if strings.Contains(out, " now") || strings.Contains(out, " later") {
			t.Errorf("French matrix says now/later:\n%s", out)
		}
		golden.RequireEqual(t, []byte(out))
	})
	t.Run("read_fr", func(t *testing.T) {
		out, stderr, code := runIn(t, nil, "--lang", "fr", "explore", "--country", "FR")
		if code != 0 || !regexp.MustCompile(`^FR,individual,card_payments\+transfers — lu le \d\d/\d\d/\d{4} \d\d:\d\d `).MatchString(out) {
			t.Fatalf("exit %d: %s\n%s", code, stderr, out)
		}
	})
	t.Run("matrix_csv", func(t *testing.T) {
		out, _, code := runIn(t, nil, "explore", "--matrix", "--countries", "US", "--business-types", "individual", "--csv")
		if code != 0 || !strings.HasPrefix(out, "requirement,group,\"US,individual,card_payments+transfers\"\n") {
			t.Fatalf("exit %d:\n%s", code, out)
		}
		golden.RequireEqual(t, []byte(out))
	})
	t.Run("json", func(t *testing.T) {
		out, stderr, code := runIn(t, nil, "explore", "--json", "--refresh")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var x struct {
			Setup struct {
				Country      string   `json:"country"`
				BusinessType string   `json:"business_type"`
				Capabilities []string `json:"capabilities"`
				Agreement    string   `json:"agreement"`
				API          string   `json:"accounts_api"`
			} `json:"setup"`
			ReadAt       string `json:"read_at"`
			Requirements []struct {
				Requirement string `json:"requirement"`
				Field       string `json:"field"`
				Group       string `json:"group"`
				Kind        string `json:"kind"`
				Due         string `json:"due"`
				Who         string `json:"who"`
				Param       string `json:"param"`
				V2Path      string `json:"v2_path"`
				Labels      map[string]struct {
					Label string `json:"label"`
					Help  string `json:"help"`
				} `json:"labels"`
			} `json:"requirements"`
		}
		dec := json.NewDecoder(strings.NewReader(out))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&x); err != nil {
			t.Fatalf("shape changed: %v\n%s", err, out)
		}
		if x.Setup.Country != "US" || x.ReadAt == "" || len(x.Requirements) == 0 {
			t.Fatalf("%+v", x)
		}
		for _, r := range x.Requirements {
			if r.Labels["en"].Label == "" || r.Labels["fr"].Label == "" || r.Due == "" || r.Who == "" ||
				(r.Param != "" && r.V2Path == "") {
				t.Errorf("incomplete item %+v", r)
			}
		}
	})
	t.Run("usage", func(t *testing.T) {
		for _, args := range [][]string{
			{"explore", "--compare", "US,individual"},
			{"explore", "US,individual", "FR,company"},
			{"explore", "--csv"},
			{"explore", "--country", "USA"},
			{"explore", "--compare", "--matrix", "US,individual", "US,company"},
		} {
			if _, _, code := runIn(t, nil, args...); code != exitUsage {
				t.Errorf("%v: exit %d", args, code)
			}
		}
	})
}
