package tui

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"onboard/flows"
	"onboard/flows/stripeapi/stripetest"
	"onboard/internal/untrusted"
	"onboard/sandbox"
	"onboard/schema"
)

// What a connected account can type into its names, title and email:
// Stripe hands it back as it is, and the screens must show it escaped.
const (
	hostileBusiness = "Acme\x1b]0;PWNED-TITLE\x07 Ltd"
	hostileCompany  = "\x1b]52;c;cHduZWQ=\x07Globex"
	hostileEmail    = "ops\u202egro.live@example.com"
	hostileFirst    = "Jenny\x1b[2J"
	hostileLast     = "Ro\x1b[38;5"
	hostileTitle    = "C\u009b2JEO\x00\x7f"
	wideFirst       = "山田"
	wideLast        = "太郎株式会社\a"
)

// hostileAccount creates, straight through Stripe's API (the app's own
// checks would refuse these values), a US company whose business name,
// company name, email and people carry escape sequences, C1 and bidi
// controls, NUL, BEL, DEL and wide characters.
func hostileAccount(t *testing.T, sb *sandbox.Sandbox) string {
	t.Helper()
	ctx := context.Background()
	sc, _ := stripetest.Client("sk_test_tui", "http://sandbox.invalid", sb.Transport())
	id, err := stripetest.CreateAccount(ctx, sc, []schema.Param{
		{Key: "country", Value: "US"}, {Key: "business_type", Value: "company"}, {Key: "email", Value: hostileEmail},
		{Key: "controller[requirement_collection]", Value: "application"}, {Key: "controller[fees][payer]", Value: "application"},
		{Key: "controller[losses][payments]", Value: "application"}, {Key: "controller[stripe_dashboard][type]", Value: "none"},
		{Key: "capabilities[card_payments][requested]", Value: "true"}, {Key: "capabilities[transfers][requested]", Value: "true"},
		{Key: "business_profile[name]", Value: hostileBusiness}, {Key: "company[name]", Value: hostileCompany},
	}...)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range [][]schema.Param{
		{{Key: "first_name", Value: hostileFirst}, {Key: "last_name", Value: hostileLast}, {Key: "email", Value: hostileEmail},
			{Key: "relationship[representative]", Value: "true"}, {Key: "relationship[title]", Value: hostileTitle}},
		{{Key: "first_name", Value: wideFirst}, {Key: "last_name", Value: wideLast},
			{Key: "relationship[owner]", Value: "true"}, {Key: "relationship[percent_ownership]", Value: "60"}},
	} {
		if err := sc.CreatePerson(ctx, id, p, fmt.Sprintf("sk_test_tui-person-%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

// sgr matches the colour sequences the styles draw.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// assertDrawnSafe fails when a frame holds anything a terminal would act
// on besides colours (an OSC title or clipboard write, a screen clear, a
// C1 control, a bidi override), or a line wider than the terminal (a
// name measured before it was made safe).
func assertDrawnSafe(t *testing.T, where, frame string, width int) {
	t.Helper()
	rest := sgr.ReplaceAllString(frame, "")
	for _, r := range rest {
		if r != '\n' && (untrusted.IsControl(r) || untrusted.IsBidi(r)) {
			t.Fatalf("%s: the frame sends %U to the terminal:\n%q", where, r, frame)
		}
	}
	for i, l := range strings.Split(ansi.Strip(frame), "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Fatalf("%s: line %d is %d cells wide, more than %d:\n%s", where, i, w, width, ansi.Strip(frame))
		}
	}
}

// Every screen that shows a connected account's text draws it escaped and
// keeps its layout: the triage table (and its filter), the people table,
// the wizard with its status panel and step list, the summary.
func TestHostileAccountTextIsDrawnEscaped(t *testing.T) {
	c, sb := testCommon(t, schema.English)
	id := hostileAccount(t, sb)
	const w, h = 100, 30

	m := New(c, Start{})
	m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: h})
	m = runAll(m, m.toTriage())
	v := m.View()
	assertDrawnSafe(t, "triage", v, w)
	for _, want := range []string{`Acme\x1b]0;PWNED`, "shown: 1 of 1"} {
		if !strings.Contains(ansi.Strip(v), want) {
			t.Fatalf("triage lacks %q:\n%s", want, ansi.Strip(v))
		}
	}
	// A pasted bidi override in the filter shows escaped, and finds the
	// row that shows the same text.
	m = keys(m, "\u202egro")
	if v := m.View(); !strings.Contains(ansi.Strip(v), "shown: 1 of 1") || !strings.Contains(ansi.Strip(v), `\u202egro`) {
		t.Fatalf("filter on the escaped text:\n%s", ansi.Strip(v))
	} else {
		assertDrawnSafe(t, "triage filter", v, w)
	}
	var cmd tea.Cmd
	m, cmd = step(m, tea.KeyMsg{Type: tea.KeyEnter})
	m = runAll(m, cmd)
	if m.account.ID != id {
		t.Fatalf("enter opened %q, want %s", m.account.ID, id)
	}

	// The wizard beside the status panel.
	assertDrawnSafe(t, "wizard", m.View(), w)

	// The people table: a name cut mid-sequence no longer swallows its
	// row, a wide name is measured in cells, the rows after are there.
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlO})
	if m.current() != screenPeople {
		t.Fatalf("ctrl+o led to %s", m.current())
	}
	v = m.View()
	assertDrawnSafe(t, "people", v, w)
	plain := ansi.Strip(v)
	var jenny, wide string
	for _, l := range strings.Split(plain, "\n") {
		switch {
		case strings.Contains(l, `Jenny\x1b[2J`):
			jenny = l
		case strings.Contains(l, "山田"):
			wide = l
		}
	}
	if jenny == "" || wide == "" || !strings.Contains(plain, txtAddPerson.In(schema.English)) {
		t.Fatalf("people rows missing:\n%s", plain)
	}
	if !strings.Contains(jenny, `C\x9b2JEO`) || !strings.Contains(jenny, "representative") || !strings.Contains(wide, "60%") {
		t.Fatalf("a payload swallowed the rest of its row:\n%s", plain)
	}
	// The columns line up in cells: "60%" starts at the same column on
	// the wide row as the percent column header.
	head := ""
	for _, l := range strings.Split(plain, "\n") {
		if strings.Contains(l, txtColOwns.In(schema.English)) {
			head = l
		}
	}
	pctCol := ansi.StringWidth(wide[:strings.Index(wide, "60%")]) + len("60%")
	ownsCol := ansi.StringWidth(head[:strings.Index(head, txtColOwns.In(schema.English))]) + len(txtColOwns.In(schema.English))
	if pctCol-ownsCol > 2 || ownsCol-pctCol > 2 {
		t.Fatalf("the wide name shifts its row (percent ends at %d, header at %d):\n%s", pctCol, ownsCol, plain)
	}

	// Picking the representative: the menu and then the person's step
	// are headed with the name, escaped.
	m = choose(t, m, `Jenny\x1b[2J Ro`)
	v = m.View()
	assertDrawnSafe(t, "person menu", v, w)
	if !strings.Contains(ansi.Strip(v), `Jenny\x1b[2J Ro\x1b[38;5`) {
		t.Fatalf("the person's menu is not headed with the escaped name:\n%s", ansi.Strip(v))
	}
	m = choose(t, m, txtActionAnswer.In(schema.English))
	v = m.View()
	assertDrawnSafe(t, "person step", v, w)
	if m.current() != screenWizard || !strings.Contains(ansi.Strip(v), `Jenny\x1b[2J Ro\x1b[38;5`) {
		t.Fatalf("the person's step (%s) is not headed with the escaped name:\n%s", m.current(), ansi.Strip(v))
	}

	// The summary of the same account.
	m.replace(&summaryScreen{m.session})
	assertDrawnSafe(t, "summary", m.View(), w)
	// A narrow terminal stacks the panel: still safe, still inside.
	m, _ = step(m, tea.WindowSizeMsg{Width: 60, Height: h})
	assertDrawnSafe(t, "summary at 60", m.View(), 60)
}

// Headings name a person escaped, for every driver (the scripted lines,
// the line prompter, the TUI's step titles).
func TestPersonLabelIsEscaped(t *testing.T) {
	a := schema.Account{Persons: []schema.Person{{ID: "person_1", FirstName: hostileFirst, LastName: hostileLast, Roles: []string{schema.RoleRepresentative}}}}
	got := flows.PersonLabel(a, schema.PersonRef{ID: "person_1"}, schema.English)
	if got != `Jenny\x1b[2J Ro\x1b[38;5` {
		t.Fatalf("PersonLabel = %q", got)
	}
}
