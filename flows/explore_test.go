package flows_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"onboard/flows"
	"onboard/flows/explore"
	"onboard/schema"
)

func paths(items []explore.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Path)
	}
	return out
}

func TestExploreDescribesAndDeletes(t *testing.T) {
	e := newEnv(t)
	s, err := explore.ParseSetup("us,individual", schema.English)
	if err != nil {
		t.Fatal(err)
	}
	x, err := explore.Run(e.ctx, e.cl, s)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]explore.Item{}
	for _, it := range x.Items {
		byPath[it.Path] = it
	}
	dob := byPath["individual.dob.day"]
	if dob.Due != "now" || dob.Who != "account" || dob.Group != "Identity" || dob.Param != "individual[dob][year]" ||
		dob.Labels["fr"].Label != "Date de naissance" {
		t.Errorf("dob item: %+v", dob)
	}
	if it := byPath["individual.id_number"]; it.Due != "later" || it.Kind != "secret" {
		t.Errorf("id_number item: %+v", it)
	}
	if it := byPath["external_account"]; it.Param == "" {
		t.Errorf("bank item has no parameter: %+v", it)
	}
	all, err := e.cl.Accounts(e.ctx, flows.ListOptions{})
	if err != nil || len(all) != 0 {
		t.Fatalf("the throwaway account was left behind: %v %v", all, err)
	}
}

func TestExploreInterruptedStillDeletes(t *testing.T) {
	e := newEnv(t)
	ctx, cancel := context.WithCancel(e.ctx)
	cancel() // interrupted before it even starts reading
	_, _ = explore.Run(ctx, e.cl, explore.Setup{Country: "US", BusinessType: "individual", Capabilities: []string{"transfers"}})
	if all, _ := e.cl.Accounts(e.ctx, flows.ListOptions{}); len(all) != 0 {
		t.Fatalf("an interrupted explore left %d account(s)", len(all))
	}
}

func TestCompareAndMatrix(t *testing.T) {
	a := explore.Exploration{Setup: explore.Setup{Country: "US"}, Items: []explore.Item{{Path: "x", Due: "now"}, {Path: "y", Due: "now"}}}
	b := explore.Exploration{Setup: explore.Setup{Country: "FR"}, Items: []explore.Item{{Path: "y", Due: "later"}, {Path: "z", Due: "now"}}}
	c := explore.Compare(a, b)
	if !slices.Equal(paths(c.OnlyA), []string{"x"}) || !slices.Equal(paths(c.OnlyB), []string{"z"}) || !slices.Equal(paths(c.Both), []string{"y"}) {
		t.Errorf("compare: %+v", c)
	}
	m := explore.Matrix([]explore.Exploration{a, b})
	if len(m) != 3 {
		t.Fatalf("matrix: %+v", m)
	}
	for _, r := range m {
		if r.Path == "y" && !slices.Equal(r.Due, []string{"now", "later"}) {
			t.Errorf("row y: %+v", r)
		}
	}
}

func TestParseSetup(t *testing.T) {
	s, err := explore.ParseSetup("FR,company,card_payments+transfers", schema.English)
	if err != nil || s.String() != "FR,company,card_payments+transfers" {
		t.Errorf("%v %v", s, err)
	}
	for _, bad := range []string{"FR", "FRA,company", "FR,sole_prop", "FR,company,issuing", "FR,individual,card_payments,recipient", "a,b,c,d,e"} {
		if _, err := explore.ParseSetup(bad, schema.English); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// For every country and business type, the explorer reports exactly what
// the API asks of a fresh account of that setup, and every requirement it
// reports has a real field in the catalog (no generic fallback).
func TestExploreMatchesTheAPIForEveryCountry(t *testing.T) {
	e := newEnv(t)
	kana := false
	t.Cleanup(func() {
		if !t.Failed() && !kana {
			t.Error("the Japanese explorations list no kana field")
		}
	})
	for _, country := range schema.Countries() {
		for _, bt := range []string{"individual", "company"} {
			s := explore.Setup{Country: country, BusinessType: bt, Capabilities: []string{"card_payments", "transfers"}, Agreement: "full"}
			t.Run(s.String(), func(t *testing.T) {
				x, err := explore.Run(e.ctx, e.cl, s)
				if err != nil {
					t.Fatal(err)
				}
				a, err := e.cl.Create(e.ctx, flows.NewAccount{Country: country, BusinessType: bt, Capabilities: s.Capabilities})
				if err != nil {
					t.Fatal(err)
				}
				want := map[string]bool{}
				r := a.Requirements
				for _, list := range [][]string{r.CurrentlyDue, r.EventuallyDue, r.PastDue, r.PendingVerification} {
					for _, p := range list {
						want[p] = true
					}
				}
				got := map[string]bool{}
				for _, it := range x.Items {
					got[it.Path] = true
					kana = kana || strings.HasSuffix(it.Path, "_kana")
					if it.Group == "Other information" && it.Kind != "account link" {
						t.Errorf("%s has no catalog field", it.Path)
					}
				}
				for p := range want {
					if !got[p] {
						t.Errorf("explorer misses %s", p)
					}
				}
				person := false
				for p := range got {
					if ref, _, ok := schema.ParsePersonPath(p); ok && ref.Role != "" {
						// What a person of that role gives once added: the
						// API asks it of the person, not of a new account.
						person = true
						continue
					}
					if !want[p] {
						t.Errorf("explorer reports %s, which the API does not ask", p)
					}
				}
				if bt == "company" && !person {
					t.Errorf("explorer says nothing of what the company's people must give")
				}
			})
		}
	}
}
