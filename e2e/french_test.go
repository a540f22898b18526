package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// In French at 60 columns, as a French operator would run it: the badge
// reads BAC À SABLE whole, the header keeps the account id whole, the
// status is one French line, the footer's keys are French, and
// ctrl+t opens the whole status with the capabilities in words.
func TestTUIFrenchNarrow(t *testing.T) {
	tm := startTerm(t, xdgEnv(t), 60, 24, "--lang", "fr", "new", "--country", "FR", "--business-type", "individual",
		"--capabilities", "card_payments,transfers")
	wait := 10 * time.Second
	s := tm.waitFor("Catégorie marchand", wait)
	head := strings.TrimRight(strings.Split(s, "\n")[0], " ")
	// At 60 columns the business type gives way; the id and country stay.
	if !strings.HasSuffix(head, "BAC À SABLE") || !regexp.MustCompile(`acct_\w{16} · FR`).MatchString(head) {
		t.Errorf("header: %q", head)
	}
	if !strings.Contains(s, "État\u00a0: ") {
		t.Errorf("no one-line French status (with a no-break space before the colon):\n%s", s)
	}
	for _, english := range []string{"SANDBOX", "individual", "enter ", "esc ", "State", "past due"} {
		if strings.Contains(s, english) {
			t.Errorf("English %q on a French screen:\n%s", english, s)
		}
	}
	tm.keys("C-t")
	s = tm.waitFor("État du compte", wait)
	for _, want := range []string{"Paiements par carte", "Transferts", "entrée accueil"} {
		if !strings.Contains(s, want) {
			t.Errorf("the French status lacks %q:\n%s", want, s)
		}
	}
	tm.keys("C-c")
	tm.waitFor("[exit 130]", wait)
}
