package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"onboard/internal/i18ntest"
	"onboard/schema"
)

// In German, from the home screen through the setup of a US company (its
// owner among the people asked) to the wizard's first step, at 60 and 80
// columns: no pane shows an English word of the interface. Each pane is
// read word by word against the English words of the catalog
// (i18ntest.EnglishWords), as tui's tests read the German goldens; here it
// is the built binary in a real terminal, at the widths it is drawn at.
func TestTUIGermanHomeSetupWizardHasNoEnglish(t *testing.T) {
	de := func(en string) string { return schema.T(en).In(schema.German) }
	english := i18ntest.EnglishWords(t, schema.German)
	for _, width := range []int{60, 80} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			tm := startTerm(t, xdgEnv(t), width, 24, "--lang", "de")
			wait := 10 * time.Second
			check := func(what, pane string) {
				t.Helper()
				if found := i18ntest.Found(english, i18ntest.WithoutCapabilities(pane)); len(found) > 0 {
					t.Errorf("%d columns, %s: English words %s:\n%s", width, what, strings.Join(found, ", "), pane)
				}
			}

			check("home", tm.waitFor(de("What do you want to do?"), wait))
			tm.typeLine("") // a new account
			check("setup: country", tm.waitFor("┃ "+de("Country"), wait))
			tm.typeLine("") // US
			check("setup: business type", tm.waitFor("┃ "+de("Business type"), wait))
			tm.keys("Down")
			tm.waitFor("> "+de("Company"), wait)
			tm.typeLine("")
			check("setup: accounts API", tm.waitFor("┃ "+de("Accounts API"), wait))
			tm.typeLine("") // v1
			check("setup: contact email", tm.waitFor("┃ "+de("Contact email"), wait))
			tm.typeLine("ops@furever.example")
			check("setup: capabilities", tm.waitFor("┃ "+de("Capabilities"), wait))
			tm.typeLine("") // card_payments and transfers
			check("setup: service agreement", tm.waitFor("┃ "+de("Service agreement"), wait))
			tm.typeLine("") // full
			check("setup: what to collect", tm.waitFor("┃ "+de("What to collect"), wait))
			tm.typeLine("") // everything, up front: the owner's fields too

			s := tm.waitFor("┃ "+de("Merchant category (MCC)"), wait)
			if !strings.Contains(s, "acct_") || !strings.Contains(s, de("Company")) {
				t.Errorf("%d columns: the wizard's first step names no company account:\n%s", width, s)
			}
			check("the wizard's first step", s)
			tm.keys("C-t") // the whole status, beside or over the step
			check("the wizard's status", tm.waitFor(de("Card payments"), wait))
			tm.keys("Escape")
			tm.waitFor("┃ "+de("Merchant category (MCC)"), wait)
			tm.keys("C-l") // the steps, the owner's among them
			check("the steps", tm.waitFor(schema.Tf("Owner %d", 1).In(schema.German), wait))
			tm.keys("C-c")
			tm.waitFor("[exit", wait)
		})
	}
}
