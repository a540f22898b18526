package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"onboard/flows"
	"onboard/schema"
)

// usIndividualValues are Stripe's test values for every step of a US
// individual, by field key.
var usIndividualValues = map[string]string{
	"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
	"individual.first_name": "Jenny", "individual.last_name": "Rosen", "individual.dob": "1901-01-01",
	"individual.email": "jenny@example.com", "individual.phone": "+14155550123", "individual.id_number": "000000000",
	"individual.address.line1": "address_full_match", "individual.address.city": "San Francisco",
	"individual.address.state": "CA", "individual.address.postal_code": "94107",
	"external_account.routing_number": "110000000", "external_account.account_number": "000123456789",
	"tos_acceptance": "true",
}

// The summary lists every answer sent, sensitive ones masked,
// with the key that opens a step to change one.
func TestSummaryReviewsAnswers(t *testing.T) {
	for _, lang := range goldenLangs {
		for _, w := range goldenWidths {
			testSummaryReviewsAnswers(t, lang, w)
		}
	}
}

func testSummaryReviewsAnswers(t *testing.T, lang Lang, w int) {
	t.Run(goldenName("", w, lang), func(t *testing.T) {
		c, _ := testCommon(t, lang)
		a := newUSAccount(t, c)
		m := openWizard(t, c, a)
		m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
		m = sendEveryStep(t, m)
		v := strings.ReplaceAll(ansi.Strip(m.View()), a.ID, fixedID)
		// The whole summary, not only the rows on screen.
		all := v + strings.ReplaceAll(ansi.Strip(strings.Join(m.summaryNotes(200), "\n")), a.ID, fixedID)
		for _, want := range []string{"Jenny", "1901-01-01", "•••", "ctrl+l"} {
			if !strings.Contains(all, want) {
				t.Errorf("summary lacks %q:\n%s", want, all)
			}
		}
		for _, secret := range []string{"000000000", "000123456789"} {
			if strings.Contains(strings.ReplaceAll(all, fixedID, ""), secret) {
				t.Errorf("%s shows on the summary:\n%s", secret, v)
			}
		}
		golden.RequireEqual(t, []byte(v))
	})
}

// A v2 account's summary reviews the answers sent too (its entries take
// the place of the v1 notes, not of the review).
func TestSummaryReviewsAnswersV2(t *testing.T) {
	m, a := v2Summary(t, schema.English, 80, 24)
	// The notes, not the 24 rows: a v2 account's entries fill the screen
	// before the review (TestSummaryV2Scrolls scrolls down to it).
	v := ansi.Strip(strings.Join(m.summaryNotes(200), "\n"))
	for _, want := range []string{"Jenny", "ctrl+l"} {
		if !strings.Contains(v, want) {
			t.Errorf("v2 summary notes lack %q:\n%s", want, v)
		}
	}
	for _, secret := range []string{"000000000", "000123456789"} {
		if strings.Contains(strings.ReplaceAll(v, a.ID, ""), secret) {
			t.Errorf("%s shows on the v2 summary:\n%s", secret, v)
		}
	}
}

// Documents are reviewed by name: their masked tokens read
// "••••ss · ••••ss", which says neither what nor which.
func TestReviewNamesDocuments(t *testing.T) {
	for _, lang := range schema.Langs {
		c, _ := testCommon(t, lang)
		doc := schema.Lookup("individual.verification.document", "US")
		proof := schema.Lookup("individual.verification.additional_document", "US")
		sent := flows.Sent{Step: flows.Step{Group: schema.GroupDocuments, Fields: []schema.Field{doc, proof}},
			Values: map[string]string{doc.Key: doc.Mask("file_identity_document_success"), proof.Key: proof.Mask("/home/me/bill.pdf")}}
		got := ansi.Strip(review(c, schema.Account{Country: "US", BusinessType: "individual"}, []flows.Sent{sent}, 60))
		// A long label may wrap: read the words, not the lines.
		words := strings.Join(strings.Fields(got), " ")
		for _, want := range []string{doc.Label.In(lang), proof.Label.In(lang)} {
			if !strings.Contains(words, want) {
				t.Errorf("%s: review lacks %q:\n%s", lang, want, got)
			}
		}
		if strings.Contains(got, "•") {
			t.Errorf("%s: review shows masked tokens:\n%s", lang, got)
		}
	}
}

// At the end of a journey the summary's title says whether Stripe still
// asks for something now (a role answered "no", an owner list left
// open: sent, so not asked again in a loop) or whether nothing is left to
// collect; an account whose requirements Stripe collects itself has
// nothing for the platform to collect.
func TestSummaryTitleSaysWhatIsStillAsked(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	m = sendEveryStep(t, m)
	title := func() string { return strings.SplitN(strings.TrimSpace(ansi.Strip(m.summaryView())), "\n", 2)[0] }
	if got := title(); !strings.Contains(got, txtAllDone.In(schema.English)) {
		t.Errorf("a journey that left nothing due is titled %q", got)
	}
	asked := m.account
	asked.Requirements.PastDue = []string{"person_1.relationship.executive"}
	asked.Requirements.CurrentlyDue = []string{"person_1.relationship.executive"}
	m.account = asked
	if got := title(); !strings.Contains(got, txtStillAsked.In(schema.English)) {
		t.Errorf("a journey that left a field past due is titled %q", got)
	}
	asked.StripeCollects = true
	m.account = asked
	if got := title(); !strings.Contains(got, txtAllDone.In(schema.English)) {
		t.Errorf("an account whose requirements Stripe collects is titled %q", got)
	}
}
