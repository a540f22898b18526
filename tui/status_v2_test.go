package tui

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"onboard/flows"
	"onboard/schema"
)

// v2FixturePath is a v2.core.account with a merchant and a recipient
// configuration and four entries (one past due with an impact, one
// awaiting Stripe, one with an error), shared with flows' tests.
const v2FixturePath = "../flows/testdata/v2_account.json"

func v2Account(t *testing.T) schema.Account {
	t.Helper()
	raw, err := os.ReadFile(v2FixturePath)
	if err != nil {
		t.Fatal(err)
	}
	a, err := flows.NormalizeV2(raw)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// The status panel of a v2 account groups capabilities by configuration,
// each with its status and first status detail.
func TestStatusPanelV2(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	tm := teatest.NewTestModel(t, statusHost{c, v2Account(t)}, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "verifying")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	v := ansi.Strip(tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View())
	for _, want := range []string{"Merchant", "Card payments", "restricted", "fields past due",
		"Recipient", "Stripe transfers", "active", "Stripe is verifying"} {
		if !strings.Contains(v, want) {
			t.Errorf("panel lacks %q:\n%s", want, v)
		}
	}
	for i, line := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(line); w > statusPanelWidth {
			t.Errorf("line %d is %d wide: %q", i, w, line)
		}
	}
	teatest.RequireEqualOutput(t, []byte(v))
}

// firstWords is the first n words of s (its first 2n characters in a
// language that does not separate its words, Japanese).
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) == 1 {
		// No spaces between words: n words are about 2n characters.
		if r := []rune(s); len(r) > 2*n {
			return string(r[:2*n])
		}
	}
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// The summary of a v2 account lists its entries: what each restricts,
// where, at which deadline, and who must act (en and fr, 80×24).
func TestSummaryV2(t *testing.T) {
	for _, lang := range goldenLangs {
		for _, w := range goldenWidths {
			testSummaryV2(t, lang, w)
		}
	}
}

func testSummaryV2(t *testing.T, lang Lang, w int) {
	t.Run(goldenName("summary_v2", w, lang), func(t *testing.T) {
		c, _ := testCommon(t, lang)
		m := New(c, Start{})
		m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
		m.account, m.loaded = v2Account(t), true
		m.replace(&summaryScreen{m.session})
		v := ansi.Strip(m.View())
		want := []string{schema.Lookup("individual.last_name", "US").Label.In(lang), txtActUser.In(lang), txtActStripe.In(lang),
			schema.CapabilityLabel("card_payments").In(lang), txtConfigMerchant.In(lang),
			firstWords(schema.ExplainError("invalid_value_other", lang), 3)}
		if w != 80 || lang == schema.Pseudo {
			want = nil // the entries are below the status at 60 columns, and past the screen's end in the longer pseudo-language
		}
		for _, w := range want {
			if !strings.Contains(v, w) {
				t.Errorf("summary lacks %q:\n%s", w, v)
			}
		}
		teatest.RequireEqualOutput(t, []byte(v))
	})
}

// Capability names are words with the API name dimmed beside them when
// there is room; at any panel width a name and its status never run into
// each other (no "stripe_balance.pa…"): the name is whole or the status
// moves to the next line.
func TestCapabilityNamesNeverRunTogether(t *testing.T) {
	a := v2Account(t)
	for _, lang := range schema.Langs {
		c, _ := testCommon(t, lang)
		for _, w := range []int{24, 30, statusPanelWidth, 44, 70} {
			v := ansi.Strip(renderStatus(c, a, w))
			for i, line := range strings.Split(v, "\n") {
				if lw := ansi.StringWidth(line); lw > w {
					t.Errorf("%s width %d: line %d is %d wide: %q", lang, w, i, lw, line)
				}
			}
			for _, cfg := range a.V2.Configurations {
				for _, cp := range cfg.Capabilities {
					name := schema.CapabilityLabel(cp.Name).In(lang)
					if w >= 30 && !strings.Contains(v, " "+name) {
						t.Errorf("%s width %d: %q is cut:\n%s", lang, w, name, v)
					}
					if !strings.Contains(v, schema.CapabilityStatus(cp.Status, lang)) {
						t.Errorf("%s width %d: status of %s missing:\n%s", lang, w, cp.Name, v)
					}
				}
			}
			// The API names show beside the words when every row has room
			// for both (showAPINames): at 70 columns in English and French;
			// longer labels (Spanish, German) leave them out.
			if w >= 70 && (lang == schema.English || lang == schema.French) && !strings.Contains(v, "stripe_balance.stripe_transfers") {
				t.Errorf("%s width %d: the API name is not shown beside the words:\n%s", lang, w, v)
			}
		}
	}
}
