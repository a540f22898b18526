package textout

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"onboard/flows/explore"
	"onboard/schema"
)

// The account list's columns line up in terminal cells whatever the
// names hold: wide characters take two cells, control characters and
// escape sequences are shown escaped and measured as shown.
func TestTableAlignsInCells(t *testing.T) {
	var b bytes.Buffer
	rows := [][]string{
		{"ID", "NAME", "COUNTRY"},
		{"acct_1", "山田太郎株式会社", "JP"},
		{"acct_2", "Acme\x1b[2J\x1b]0;x\x07", "US"},
		{"acct_3", "Zoë", "FR"},
	}
	if err := Table(&b, rows); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 4 || strings.ContainsAny(b.String(), "\x1b\x07") {
		t.Fatalf("table:\n%q", b.String())
	}
	col := -1
	for _, l := range lines {
		at := strings.LastIndex(l, "  ") + 2
		if c := ansi.StringWidth(l[:at]); col == -1 {
			col = c
		} else if c != col {
			t.Fatalf("the last column starts at cell %d, then %d:\n%s", col, c, b.String())
		}
	}
	if !strings.Contains(lines[2], `Acme\x1b[2J\x1b]0;x\x07`) {
		t.Fatalf("the name is not shown escaped:\n%s", b.String())
	}
}

// An account's status lines its values up in one column of terminal
// cells, in every language: a Japanese label takes two cells a character,
// a German one can be longer than the English column.
func TestStatusAlignsInCells(t *testing.T) {
	acct := schema.Account{
		ID: "acct_1", Country: "US",
		Capabilities: []schema.Capability{{Name: "card_payments", Status: "inactive"}, {Name: "transfers", Status: "pending"}},
		Requirements: schema.Requirements{
			CurrentlyDue:        []string{"individual.phone", "individual.email"},
			PendingVerification: []string{"individual.dob.day", "individual.ssn_last_4"},
		},
	}
	for _, lang := range schema.Langs {
		var b bytes.Buffer
		if err := Status(&b, acct, lang); err != nil {
			t.Fatal(err)
		}
		labels := []string{schema.T("charges").In(lang), schema.T("payouts").In(lang), schema.T("deadline").In(lang),
			schema.CapabilityLabel("card_payments").In(lang), schema.CapabilityLabel("transfers").In(lang),
			schema.T("currently due").In(lang), schema.T("pending verification").In(lang)}
		col, rows := -1, 0
		for _, l := range strings.Split(b.String(), "\n") {
			for _, label := range labels {
				rest, ok := strings.CutPrefix(l, "  "+label+" ")
				if !ok {
					continue
				}
				rows++
				c := 2 + ansi.StringWidth(label) + 1 + len(rest) - len(strings.TrimLeft(rest, " "))
				if col == -1 {
					col = c
				} else if c != col {
					t.Errorf("%s: a value at cell %d, another at %d:\n%s", lang, col, c, b.String())
				}
			}
		}
		if rows != len(labels) {
			t.Errorf("%s: %d rows found of %d:\n%s", lang, rows, len(labels), b.String())
		}
	}
}

// The explorer's matrix lines its columns up in terminal cells, Japanese
// headings included.
func TestMatrixAlignsInCells(t *testing.T) {
	xs := []explore.Exploration{{Setup: explore.Setup{Country: "US", BusinessType: "individual"}}, {Setup: explore.Setup{Country: "JP", BusinessType: "company"}}}
	rows := []explore.MatrixRow{{Path: "business_profile.mcc", Due: []string{"now", "later"}}, {Path: "company.name", Due: []string{"", "now"}}}
	var b bytes.Buffer
	if err := Matrix(&b, xs, rows, schema.Japanese); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("matrix:\n%s", b.String())
	}
	col := -1
	for _, l := range lines {
		at := strings.LastIndex(l, "  ") + 2 // the last column
		if c := ansi.StringWidth(l[:at]); col == -1 {
			col = c
		} else if c != col {
			t.Fatalf("the last column starts at cell %d, then %d:\n%s", col, c, b.String())
		}
	}
}
