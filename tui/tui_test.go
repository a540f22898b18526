package tui

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"onboard/flows"
	"onboard/flows/stripeapi"
	"onboard/flows/stripeapi/stripetest"
	"onboard/sandbox"
	"onboard/schema"
)

func init() {
	// Goldens are plain text: no colour, and no terminal query for the
	// background colour.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
}

var epoch = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// fixedID replaces random account ids in views, so goldens are stable; it
// has the same length as a sandbox id so layouts do not shift.
const fixedID = "acct_0000000000000000"

// testCommon is a Common on a fresh in-process sandbox with a fixed clock.
func testCommon(t *testing.T, lang Lang) (Common, *sandbox.Sandbox) {
	t.Helper()
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	cl := flows.New(stripeAt("http://sandbox.invalid", sb.Transport()), flows.WithClock(func() time.Time { return epoch }), flows.WithLang(lang))
	return Common{
		Ctx: context.Background(), Client: cl, Styles: DefaultStyles(DefaultTheme()), Keys: DefaultKeyMap(lang),
		Lang: lang, Mode: "sandbox", Now: func() time.Time { return epoch }, Static: true, RefreshEvery: time.Second,
	}, sb
}

// stripeAt is Stripe's v1 API at base through rt (nil: the network),
// without retries, logs or telemetry.
func stripeAt(base string, rt http.RoundTripper) stripeapi.Adapter {
	api, _ := stripetest.Client("sk_test_tui", base, rt)
	return api
}

func newUSAccount(t *testing.T, c Common) schema.Account {
	t.Helper()
	a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// openWizard shows the wizard on a at 80×24, driven through Update.
// sendEveryStep fills every step of a US individual's journey with
// usIndividualValues, as shown (prefilled), and sends it, until the
// journey's summary.
func sendEveryStep(t *testing.T, m Model) Model {
	t.Helper()
	for i := 0; m.current() == screenWizard && i < 10; i++ {
		for k, v := range usIndividualValues {
			m.plan.values[k] = v
		}
		_ = m.showStep() // prefills (the holder's name) as a person sees them
		m = runCmds(t, m, m.startSubmit())
	}
	if m.current() != screenSummary {
		t.Fatalf("stopped on %s: %s", m.current(), m.plan.notice)
	}
	return m
}

func openWizard(t *testing.T, c Common, a schema.Account) Model {
	t.Helper()
	m := New(c, Start{AccountID: a.ID, Strategy: flows.Strategy{Upfront: true}, StrategyGiven: true})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = step(m, result{m.gen, accountMsg{account: a}})
	if m.current() != screenWizard {
		t.Fatalf("screen %s, want wizard", m.current())
	}
	return m
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), text) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

func finalView(t *testing.T, tm *teatest.TestModel, id string) string {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	v := ansi.Strip(m.View())
	if id != "" {
		v = strings.ReplaceAll(v, id, fixedID)
	}
	return v
}

func typeText(tm *teatest.TestModel, s string) {
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

// The wizard's first screen for a new US individual: the first group's
// form beside the status panel, at 80×24.
func TestWizardScreen(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	tm := teatest.NewTestModel(t, New(c, Start{AccountID: a.ID, Strategy: flows.Strategy{Upfront: true}, StrategyGiven: true}),
		teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Merchant category")
	teatest.RequireEqualOutput(t, []byte(finalView(t, tm, a.ID)))
}

// The same screen in French.
func TestWizardScreenFrench(t *testing.T) {
	c, _ := testCommon(t, schema.French)
	a := newUSAccount(t, c)
	tm := teatest.NewTestModel(t, New(c, Start{AccountID: a.ID}), teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Catégorie marchand")
	teatest.RequireEqualOutput(t, []byte(finalView(t, tm, a.ID)))
}

// statusHost is a tiny program that shows only the status panel.
type statusHost struct {
	c Common
	a schema.Account
}

func (h statusHost) Init() tea.Cmd                       { return nil }
func (h statusHost) Update(tea.Msg) (tea.Model, tea.Cmd) { return h, nil }
func (h statusHost) View() string                        { return renderStatus(h.c, h.a, statusPanelWidth) }

// The status panel of an account with a deadline in 13 days, some fields
// past due and some being verified.
func TestStatusPanel(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := schema.Account{
		ID: fixedID, Country: "US",
		Capabilities:   []schema.Capability{{Name: "card_payments", Status: "active"}, {Name: "transfers", Status: "pending"}},
		ChargesEnabled: true,
		Requirements: schema.Requirements{
			CurrentlyDue:        []string{"individual.id_number", "external_account"},
			PastDue:             []string{"external_account"},
			EventuallyDue:       []string{"individual.id_number", "external_account", "individual.verification.document"},
			PendingVerification: []string{"individual.dob.day"},
			CurrentDeadline:     epoch.Add(13*24*time.Hour + 4*time.Hour),
		},
	}
	tm := teatest.NewTestModel(t, statusHost{c, a}, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "verifying")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	v := ansi.Strip(tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View())
	for _, want := range []string{"2026-12-06 in 13d 4h", "restricted (payouts", "active", "pending"} {
		if !strings.Contains(v, want) {
			t.Errorf("panel lacks %q", want)
		}
	}
	teatest.RequireEqualOutput(t, []byte(v))
}

func TestDeadlinePastIsOverdue(t *testing.T) {
	c, _ := testCommon(t, schema.French)
	got := ansi.Strip(deadline(c, epoch.Add(-26*time.Hour)))
	// French dates and durations: day first, units in French, a no-break
	// space between a number and its unit.
	if want := "22/11/2026 dépassée de 1\u00a0j 2\u00a0h"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	c.Lang = schema.English
	if got := ansi.Strip(deadline(c, epoch.Add(-26*time.Hour))); got != "2026-11-22 1d 2h overdue" {
		t.Errorf("English: got %q", got)
	}
}

// esc leaves the wizard for the home screen; opening the account again
// shows every value typed before.
func TestEscKeepsTypedValues(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	tm := teatest.NewTestModel(t, New(c, Start{AccountID: a.ID}), teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Merchant category")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter}) // keep 5734, move to the URL
	waitFor(t, tm, "┃ Business website")
	typeText(tm, "https://typed.example.com")
	waitFor(t, tm, "typed.example.com")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	waitFor(t, tm, "Leave Business profile?") // typed and not sent: esc asks
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	waitFor(t, tm, "> Leave")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "What do you want to do?")
	tm.Send(tea.KeyMsg{Type: tea.KeyDown}) // Open an account by id
	waitFor(t, tm, "> Open an account")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Account id")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter}) // the id is still filled in
	waitFor(t, tm, "Merchant category")
	v := finalView(t, tm, a.ID)
	if !strings.Contains(v, "https://typed.example.com") {
		t.Fatalf("typed URL lost after esc:\n%s", v)
	}
}

// A Stripe error on a field reopens the step with the message under that
// field and every typed value in place.
func TestSubmitErrorReopensFieldWithMessage(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	m.plan.values["business_profile.url"] = "https://kept.example.com"
	st := m.plan.step
	m, _ = step(m, result{m.gen, submittedMsg{step: st, sub: m.plan.journey.Prepare(st, m.plan.values),
		err: &flows.APIError{Field: "business_profile.url", Message: "Stripe says this URL is wrong", Status: 400}}})
	v := ansi.Strip(m.View())
	for _, want := range []string{"✗ Stripe says this URL is wrong", "https://kept.example.com", "Merchant category"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if m.current() != screenWizard {
		t.Errorf("screen %s", m.current())
	}
}

func TestCtrlCQuitsFromAnyScreen(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	for _, s := range []Start{{}, {New: true}} {
		m := New(c, s)
		m2, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
		if !m2.(Model).Interrupted || cmd == nil {
			t.Errorf("%+v: ctrl+c did not quit", s)
		}
	}
}

func TestNarrowTerminalStacksPanel(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := newUSAccount(t, c)
	m := New(c, Start{AccountID: a.ID})
	m, _ = step(m, tea.WindowSizeMsg{Width: 60, Height: 40})
	m, _ = step(m, result{m.gen, accountMsg{account: a}})
	for i, line := range strings.Split(ansi.Strip(m.View()), "\n") {
		if w := ansi.StringWidth(line); w > 60 {
			t.Fatalf("line %d is %d wide:\n%s", i, w, line)
		}
	}
}

func step(m Model, msg tea.Msg) (Model, tea.Cmd) {
	n, cmd := m.Update(msg)
	return n.(Model), cmd
}

// ? shows every key in columns where no text field has focus, and types a
// question mark where one has.
func TestFullHelpToggle(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := New(c, Start{})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	short := ansi.Strip(m.View())
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	full := ansi.Strip(m.View())
	if !m.fullHelp || full == short || strings.Count(full, "\n") != strings.Count(short, "\n") {
		t.Fatalf("full help did not show, or the screen changed height:\n%s", full)
	}
	if strings.Contains(full, "more keys") || !strings.Contains(full, "fewer keys") {
		t.Errorf("the expanded help still offers more keys:\n%s", full)
	}
	a := newUSAccount(t, c)
	w := openWizard(t, c, a)
	w.plan.journey.Pass(flows.Step{Paths: []string{"business_profile.mcc", "business_profile.url"}})
	_ = w.nextStep() // Identity: a text field has focus
	w, _ = step(w, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	if w.fullHelp {
		t.Error("? opened the help while a text field had focus")
	}
}

// ctrl+t shows the full status mid-wizard; esc returns to the same step
// with what was typed.
func TestStatusFromWizard(t *testing.T) {
	c, _ := testCommon(t, schema.French)
	a := newUSAccount(t, c)
	m := openWizard(t, c, a)
	m.plan.values["business_profile.url"] = "https://kept.example.com"
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlT})
	v := ansi.Strip(m.View())
	if m.current() != screenSummary || !strings.Contains(v, "État du compte") || !strings.Contains(v, "nouveau, rien envoyé") {
		t.Fatalf("status screen:\n%s", v)
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")}) // not typed anywhere
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	if m.current() != screenWizard || !strings.Contains(ansi.Strip(m.View()), "https://kept.example.com") {
		t.Fatalf("esc from the status: %s\n%s", m.current(), ansi.Strip(m.View()))
	}
}
