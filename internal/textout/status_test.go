package textout

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
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
