package tui

import (
	"context"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/schema"
)

// newUSCompany creates a US company and adds its representative and one
// owner with only the minimum details, so each still has fields due.
func newUSCompany(t *testing.T, c Common) schema.Account {
	t.Helper()
	ctx := context.Background()
	a, err := c.Client.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "company",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	ans, err := answers.Parse(map[string]any{
		"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
		"company.name":              "Furever LLC",
		"representative.first_name": "Jenny", "representative.last_name": "Rosen",
		"representative.email": "jenny@example.com", "representative.relationship.title": "CEO",
		"owners.0.first_name": "Ada", "owners.0.last_name": "Lovelace", "owners.0.email": "ada@example.com",
		"owners.0.relationship.percent_ownership": "60",
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := answers.Run(ctx, c.Client, a, flows.Strategy{Upfront: true}, ans, io.Discard); err != nil {
		t.Fatal(err)
	}
	got, err := c.Client.Load(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Persons) != 2 {
		t.Fatalf("company has %d persons, want 2", len(got.Persons))
	}
	return got
}

// runCmds runs a command and feeds its messages back, as the program
// would, skipping the ones that only tick (cursor blinks, spinners).
// unwrap is a command's message without its result envelope.
func unwrap(msg tea.Msg) tea.Msg {
	if r, ok := msg.(result); ok {
		return r.msg
	}
	return msg
}

func runCmds(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 200; n++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch inner := unwrap(msg).(type) {
		case tea.BatchMsg:
			queue = append(queue, inner...)
		case accountMsg, submittedMsg, removedMsg:
			var next tea.Cmd
			m, next = step(m, msg)
			queue = append(queue, next)
		}
	}
	return m
}

// TestPeopleScreen renders the people list of a company with a
// representative and an owner, reached from the wizard with ctrl+o, at 80
// and 60 columns in every language.
func TestPeopleScreen(t *testing.T) {
	for _, lang := range goldenLangs {
		for _, w := range goldenWidths {
			testPeopleScreen(t, lang, w)
		}
	}
}

func testPeopleScreen(t *testing.T, lang Lang, w int) {
	t.Run(goldenName("people", w, lang), func(t *testing.T) {
		c, _ := testCommon(t, lang)
		a := newUSCompany(t, c)
		tm := teatest.NewTestModel(t, New(c, Start{AccountID: a.ID, Strategy: flows.Strategy{Upfront: true}, StrategyGiven: true}),
			teatest.WithInitialTermSize(w, 24))
		if w >= 80 {
			waitFor(t, tm, txtPeopleKey.In(lang)) // the wizard's help offers ctrl+o
		} else {
			waitFor(t, tm, c.Keys.Status.Help().Key) // the narrow wizard's footer starts with ctrl+t
		}
		tm.Send(tea.KeyMsg{Type: tea.KeyCtrlO})
		waitFor(t, tm, txtAddPerson.In(lang))
		v := finalView(t, tm, a.ID)
		pct := schema.Percent(60, lang) // French spaces a percent sign, without a break
		want := []string{"Jenny Rosen", "Ada Lovelace", "CEO", pct, fmt_due(lang, 10)}
		if w < 80 {
			want = want[:2] // the title and the columns give way to the names
		}
		for _, want := range want {
			if !strings.Contains(v, want) {
				t.Errorf("people screen lacks %q:\n%s", want, v)
			}
		}
		teatest.RequireEqualOutput(t, []byte(v))
	})
}

func fmt_due(lang Lang, n int) string {
	return strings.Replace(plural(lang, n, txtPersonDueOne, txtPersonDue), "%d", strconv.Itoa(n), 1)
}

// Adding a person: the role, then the role's minimum fields under the next
// free index (owners.1), sent through Submit; the list shows them after.
func TestPeopleAddOwner(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSCompany(t, c)
	m := openWizard(t, c, a)
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlO})
	if m.current() != screenPeople {
		t.Fatalf("ctrl+o led to %s", m.current())
	}
	m = choose(t, m, txtAddPerson.In(schema.English))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "owner") || strings.Contains(v, "representative") {
		t.Fatalf("role form (a company has one representative):\n%s", v)
	}
	m = hit(t, tick(t, m, "director"), enter)
	st := m.plan.step
	if st.Person == nil || st.Person.Prefix != "directors.0" || len(st.Paths) != 0 || m.current() != screenWizard {
		t.Fatalf("add step %+v on %s", st, m.current())
	}
	m = hit(t, m, esc) // back to the list
	m = choose(t, m, txtAddPerson.In(schema.English))
	m = hit(t, tick(t, m, "owner"), enter)
	st = m.plan.step
	if st.Person == nil || st.Person.Prefix != "owners.1" {
		t.Fatalf("the second owner is %+v", st.Person)
	}
	for k, v := range map[string]string{"owners.1.first_name": "Bea", "owners.1.last_name": "Second",
		"owners.1.email": "bea@example.com", "owners.1.relationship.percent_ownership": "30"} {
		m.plan.values[k] = v
	}
	m = runCmds(t, m, m.startSubmit())
	if m.current() != screenPeople {
		t.Fatalf("after the submit: %s (%s)", m.current(), m.plan.notice)
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"Added Bea Second ✓", "Bea Second", "30%"} {
		if !strings.Contains(v, want) {
			t.Errorf("list lacks %q:\n%s", want, v)
		}
	}
	got, err := c.Client.Load(context.Background(), a.ID)
	if err != nil || len(got.Persons) != 3 {
		t.Fatalf("persons after add: %d (%v)", len(got.Persons), err)
	}
}

// Opening a person asks their due fields; esc goes back to the list, and
// esc again replans the wizard.
func TestPeopleOpenPerson(t *testing.T) {
	c, _ := testCommon(t, schema.French)
	a := newUSCompany(t, c)
	m := openWizard(t, c, a)
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlO})
	jenny := ""
	for _, p := range a.Persons {
		if p.HasRole(schema.RoleRepresentative) {
			jenny = p.ID
		}
	}
	m = choose(t, m, "Jenny Rosen")
	if !strings.Contains(view(m), txtActionAnswer.In(schema.French)) {
		t.Fatalf("picking a person did not ask what to do:\n%s", view(m))
	}
	m = choose(t, m, txtActionAnswer.In(schema.French))
	if m.current() != screenWizard || m.plan.step.Person == nil || m.plan.step.Person.ID != jenny {
		t.Fatalf("opened %s %+v", m.current(), m.plan.step.Person)
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Jenny Rosen") || !strings.Contains(v, txtPersonStep.In(schema.French)) {
		t.Errorf("person step:\n%s", v)
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	if m.current() != screenPeople {
		t.Fatalf("esc from a person step led to %s", m.current())
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	if m.current() != screenWizard || m.plan.fromPeople {
		t.Fatalf("esc from the list led to %s", m.current())
	}
}

// The summary opens the people screen with p, and says so in its help;
// an individual's summary has neither.
func TestPeopleFromSummary(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSCompany(t, c)
	m := openWizard(t, c, a)
	m.replace(&summaryScreen{m.session})
	if !strings.Contains(ansi.Strip(m.View()), "p people") {
		t.Errorf("summary help lacks p:\n%s", ansi.Strip(m.View()))
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("p")})
	if m.current() != screenPeople {
		t.Fatalf("p led to %s", m.current())
	}
	m.account.BusinessType = "individual"
	m.replace(&summaryScreen{m.session})
	if strings.Contains(ansi.Strip(m.View()), "people") {
		t.Errorf("an individual's summary offers people")
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("p")})
	if m.current() != screenSummary {
		t.Errorf("p on an individual led to %s", m.current())
	}
}

// The add step names its fields under the next free index, and the due
// count covers only that person's distinct paths.
func TestAddPersonStepAndDueCount(t *testing.T) {
	a := schema.Account{Country: "US", Persons: []schema.Person{{ID: "person_a", Roles: []string{"owner"}}},
		Requirements: schema.Requirements{
			PastDue:       []string{"person_a.dob.day"},
			CurrentlyDue:  []string{"person_a.dob.day", "person_a.phone", "person_b.phone"},
			EventuallyDue: []string{"person_a.id_number", "company.tax_id"},
		}}
	if n := dueFor(a, "person_a"); n != 3 {
		t.Errorf("person_a has %d due, want 3", n)
	}
	for role, want := range map[string]string{schema.RoleOwner: "owners.1.", schema.RoleDirector: "directors.0.",
		schema.RoleRepresentative: "representative."} {
		st, _ := addPersonStep(a, []string{role})
		if len(st.Fields) == 0 || st.Paths != nil || st.Group != schema.GroupPeople {
			t.Fatalf("%s: %+v", role, st)
		}
		for _, f := range st.Fields {
			if !strings.HasPrefix(f.Key, want) || f.Person == nil || f.Person.Prefix+"." != want {
				t.Errorf("%s: field %s (%+v)", role, f.Key, f.Person)
			}
		}
	}
}

// A person can be removed after a confirmation; Stripe then asks for the
// role again.
func TestPeopleRemove(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSCompany(t, c)
	m := openWizard(t, c, a)
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlO})
	m = choose(t, m, "Ada Lovelace")
	m = choose(t, m, "Remove Ada Lovelace")
	if !strings.Contains(view(m), "Remove Ada Lovelace from the account?") {
		t.Fatalf("no confirmation:\n%s", view(m))
	}
	m = hit(t, m, tea.KeyMsg{Type: tea.KeyLeft}) // to the affirmative
	m = hit(t, m, enter)
	if m.current() != screenPeople || len(m.account.Persons) != 1 || !strings.Contains(m.plan.notice, "Removed Ada Lovelace") {
		t.Fatalf("after removal: %s persons %d notice %q", m.current(), len(m.account.Persons), m.plan.notice)
	}
	if !slices.Contains(m.account.Requirements.CurrentlyDue, "relationship.owner") {
		t.Errorf("the owner role is not asked again: %v", m.account.Requirements.CurrentlyDue)
	}
}

// The people table fits the window: at 60 and 50 columns, in both
// languages, each person stays on one line (it wrapped under a header of
// 73 columns), opened there or narrowed to it.
func TestPeopleTableFitsNarrow(t *testing.T) {
	for _, lang := range schema.Langs {
		c, _ := testCommon(t, lang)
		a := newUSCompany(t, c)
		m := openWizard(t, c, a)
		m = runFormCmds(m, m.toPeople())
		for _, w := range []int{60, 50, 80} {
			m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
			v := ansi.Strip(m.View())
			for i, l := range strings.Split(v, "\n") {
				if ansi.StringWidth(l) > w {
					t.Errorf("%s at %d: line %d is %d wide", lang, w, i, ansi.StringWidth(l))
				}
			}
			for _, name := range []string{"Jenny Rosen", "Ada Lovelace"} {
				due := strings.ReplaceAll(regexp.QuoteMeta(txtPersonDue.In(lang)), "%d", `\d+`)
				if !regexp.MustCompile(name + ".*" + due).MatchString(v) {
					t.Errorf("%s at %d: %s does not fit on one line:\n%s", lang, w, name, v)
				}
			}
		}
	}
}
