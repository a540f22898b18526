package tui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"onboard/flows"
	"onboard/schema"
	"onboard/triage"
)

// withCache gives c a triage cache in a temporary directory.
func withCache(t testing.TB, c Common) Common {
	t.Helper()
	cache, err := triage.Open(filepath.Join(t.TempDir(), "triage.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cache.Close() })
	c.Triage = cache
	return c
}

// named creates a US individual account that has a name.
func named(t *testing.T, c Common, first, last string) schema.Account {
	t.Helper()
	a := newUSAccount(t, c)
	f := schema.Lookup("individual.first_name", "US")
	l := schema.Lookup("individual.last_name", "US")
	res, err := c.Client.Submit(context.Background(), a, flows.Step{Group: f.Group, Fields: []schema.Field{f, l}},
		map[string]string{f.Key: first, l.Key: last})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	return res.Account
}

// runAll runs a command and feeds the app's own messages it yields back
// to the model, batches included (listCmd's stream is followed to its
// end).
func runAll(m Model, cmd tea.Cmd) Model {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if b, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, b...)
			continue
		}
		switch unwrap(msg).(type) {
		case accountMsg, triageCachedMsg, triageProgressMsg, triageDoneMsg, suggestionsMsg:
		default:
			continue // cursor blinks and huh's own sequences never end
		}
		var next tea.Cmd
		m, next = step(m, msg)
		queue = append(queue, next)
	}
	return m
}

func keys(m Model, s string) Model {
	for _, r := range s {
		var cmd tea.Cmd
		m, cmd = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		m = runAll(m, cmd)
	}
	return m
}

func view(m Model) string { return ansi.Strip(m.View()) }

// The table narrows as the operator types, on name, email, id, state or
// country; esc clears the filter, then goes back home.
func TestTriageFiltersAsYouType(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	jenny := named(t, c, "Jenny", "Rosen")
	amir := named(t, c, "Amir", "Haddad")
	m := New(c, Start{})
	m, _ = step(m, tea.WindowSizeMsg{Width: 100, Height: 24})
	m = runAll(m, m.toTriage())
	v := view(m)
	for _, want := range []string{"Name", "State", "Jenny Rosen", "Amir Haddad", "shown: 2 of 2"} {
		if !strings.Contains(v, want) {
			t.Fatalf("triage lacks %q:\n%s", want, v)
		}
	}
	m = keys(m, "ros")
	if v := view(m); !strings.Contains(v, "Jenny Rosen") || strings.Contains(v, "Amir Haddad") || !strings.Contains(v, "shown: 1 of 2") {
		t.Fatalf("filter \"ros\":\n%s", v)
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	m = keys(m, strings.ToLower(amir.ID[5:12]))
	if v := view(m); !strings.Contains(v, "Amir Haddad") || strings.Contains(v, "Jenny Rosen") {
		t.Fatalf("filter by id:\n%s", v)
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	m = keys(m, "past due us")
	if v := view(m); !strings.Contains(v, "shown: 2 of 2") {
		t.Fatalf("filter by state and country:\n%s", v)
	}
	m = keys(m, "zz")
	if v := view(m); !strings.Contains(v, `No account matches "past due uszz"`) && !strings.Contains(v, "No account matches “past due uszz”") {
		t.Fatalf("no match:\n%s", v)
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	m = keys(m, "jenny")
	var cmd tea.Cmd
	m, cmd = step(m, tea.KeyMsg{Type: tea.KeyEnter})
	if m.current() != screenBusy || m.in.openID != jenny.ID {
		t.Fatalf("enter opened %q on %s", m.in.openID, m.current())
	}
	m = runAll(m, cmd)
	if m.account.ID != jenny.ID {
		t.Fatalf("opened %s, want %s", m.account.ID, jenny.ID)
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	m = runAll(m, m.toTriage())
	if v := view(m); strings.Contains(strings.SplitN(v, "\n", 2)[0], jenny.ID) || !strings.Contains(v, "onboard · Accounts to fix") {
		t.Errorf("the header keeps the previous account:\n%s", v)
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	if m.current() != screenHome {
		t.Errorf("esc on an empty filter went to %s", m.current())
	}
}

// The cached list shows before Stripe answers, with the refresh's
// progress; the fresh list then replaces it and is saved.
func TestTriageOpensFromCacheThenRefreshes(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	c = withCache(t, c)
	a := newUSAccount(t, c)
	old := []flows.Summary{{ID: "acct_cached000000000", Name: "Cached Co", Country: "GB", State: flows.StateComplete}}
	if err := c.Triage.Replace(context.Background(), old, epoch.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	m := New(c, Start{})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	cmd := m.toTriage()
	if !strings.Contains(view(m), "refreshing") {
		t.Fatalf("no refresh started:\n%s", view(m))
	}
	m, _ = step(m, cachedListCmd(c.Ctx, c.Triage, m.gen)())
	v := view(m)
	if !strings.Contains(v, "Cached Co") || !strings.Contains(v, "refreshing: 0 pages") {
		t.Fatalf("the cache did not show at once:\n%s", v)
	}
	m, _ = step(m, result{m.gen, triageProgressMsg{progress: flows.ListProgress{Pages: 3, Accounts: 300}, next: make(chan tea.Msg)}})
	if v := view(m); !strings.Contains(v, "refreshing: 3 pages, 300 accounts read") {
		t.Fatalf("no progress:\n%s", v)
	}
	m = runAll(m, cmd)
	v = view(m)
	if strings.Contains(v, "Cached Co") || !strings.Contains(v, a.ID) || !strings.Contains(v, "read from Stripe") {
		t.Fatalf("the fresh list did not replace the cache:\n%s", v)
	}
	saved, _, err := c.Triage.Load(context.Background())
	if err != nil || len(saved) != 1 || saved[0].ID != a.ID {
		t.Errorf("cache after the refresh: %+v %v", saved, err)
	}
}

// A failed refresh says so and keeps the cached list usable.
func TestTriageRefreshFailureKeepsTheCache(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	c = withCache(t, c)
	if err := c.Triage.Replace(context.Background(), []flows.Summary{{ID: "acct_cached000000000", Name: "Cached Co"}}, epoch); err != nil {
		t.Fatal(err)
	}
	m := New(c, Start{})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	_ = m.toTriage()
	m, _ = step(m, cachedListCmd(c.Ctx, c.Triage, m.gen)())
	m, _ = step(m, result{m.gen, triageDoneMsg{err: errors.New("connection refused"), at: epoch}})
	v := view(m)
	if !strings.Contains(v, "Refresh failed: connection refused") || !strings.Contains(v, "Cached Co") {
		t.Fatalf("after a failed refresh:\n%s", v)
	}
}

// Open by id completes (ctrl+e) from the accounts opened recently.
func TestOpenByIDCompletesFromRecent(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	c = withCache(t, c)
	a := newUSAccount(t, c)
	m := New(c, Start{AccountID: a.ID})
	m = runAll(m, m.Init())
	if m.account.ID != a.ID {
		t.Fatalf("not opened: %s", m.current())
	}
	recent, err := c.Triage.Recent(context.Background())
	if err != nil || len(recent) != 1 || recent[0] != a.ID {
		t.Fatalf("recent after opening: %v %v", recent, err)
	}
	tm := teatest.NewTestModel(t, New(c, Start{}), teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "What do you want to do?")
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	waitFor(t, tm, "> Open an account by id")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "ctrl+e completes")
	typeText(tm, a.ID[:8])
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlE})
	waitFor(t, tm, a.ID)
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Merchant category")
	if v := finalView(t, tm, ""); !strings.Contains(v, a.ID) {
		t.Errorf("the completed id was not opened:\n%s", v)
	}
}

// BenchmarkTriageFromCache measures what the operator waits for when the
// triage screen opens on 10,000 cached accounts: reading the cache, laying
// out the table and drawing the first frame.
func BenchmarkTriageFromCache(b *testing.B) {
	c, _ := testCommon(&testing.T{}, schema.English)
	c = withCache(b, c)
	list := make([]flows.Summary, 10_000)
	for i := range list {
		list[i] = flows.Summary{ID: fmt.Sprintf("acct_%016d", i), Name: fmt.Sprintf("Account %d", i),
			Email: fmt.Sprintf("ops%d@example.com", i), Country: "US", State: flows.StatePastDue, PastDue: 1, Created: int64(i)}
	}
	if err := c.Triage.Replace(context.Background(), list, epoch); err != nil {
		b.Fatal(err)
	}
	m := New(c, Start{})
	m, _ = step(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	b.ResetTimer()
	for b.Loop() {
		mm := m
		_ = mm.toTriage()
		mm, _ = step(mm, cachedListCmd(c.Ctx, c.Triage, mm.gen)())
		if !strings.Contains(mm.View(), "acct_") {
			b.Fatal("no rows")
		}
	}
}

// A new account on which nothing was sent reads as new in the triage
// table, in both languages, as in accounts' plain and JSON output (the
// same state, flows.ListState), and typing "new" finds it, not the
// account whose fields are past due.
func TestTriageShowsNewAccountsAsNew(t *testing.T) {
	for _, lang := range schema.Langs {
		c, _ := testCommon(t, lang)
		fresh := newUSAccount(t, c)
		named(t, c, "Jenny", "Rosen")
		m := New(c, Start{})
		// Wide enough for the longest state label whole (German's).
		m, _ = step(m, tea.WindowSizeMsg{Width: 140, Height: 24})
		m = runAll(m, m.toTriage())
		label := flows.StateLabel(flows.StateNew, lang)
		past := flows.StateLabel(flows.StatePastDue, lang)
		v := view(m)
		row := ""
		for _, l := range strings.Split(v, "\n") {
			if strings.Contains(l, fresh.ID) {
				row = l
			}
		}
		if !strings.Contains(row, label) || strings.Contains(row, past) {
			t.Fatalf("%s: the new account's row reads %q, want %q:\n%s", lang, row, label, v)
		}
		if !strings.Contains(v, "Jenny Rosen") || !strings.Contains(v, past) {
			t.Fatalf("%s: the started account is not past due:\n%s", lang, v)
		}
		word := strings.TrimSuffix(strings.Fields(label)[0], ",")
		m = keys(m, word)
		if v := view(m); !strings.Contains(v, fresh.ID) || strings.Contains(v, "Jenny Rosen") {
			t.Errorf("%s: filter %q:\n%s", lang, word, v)
		}
	}
}

// A French triage writes its dates as French does (JJ/MM/AAAA): the
// deadline column and the time the list was read.
func TestTriageDatesInFrench(t *testing.T) {
	c, _ := testCommon(t, schema.French)
	c.Width = 100
	tv := newTriage(c)
	dl := time.Date(2027, 1, 8, 0, 0, 0, 0, time.UTC)
	tv.setList(c, []flows.Summary{{ID: "acct_1", Name: "Jenny Rosen", Country: "FR", State: flows.StatePastDue, Deadline: dl}},
		time.Date(2026, 11, 23, 12, 0, 0, 0, time.Local), false)
	if got := tv.rows[0][6]; got != "08/01/2027" {
		t.Errorf("deadline column %q", got)
	}
	if got := ansi.Strip(tv.sourceLine(c, "")); !strings.Contains(got, "le 23/11/2026 12:00") {
		t.Errorf("status line %q", got)
	}
}

// Each kind of urgency says why, and at 60 columns the deadline and the
// reason still show: a failed verification with its code in words, fields
// past due, fields due.
func TestTriageSaysWhyAtSixtyColumns(t *testing.T) {
	for _, lang := range []schema.Lang{schema.English, schema.French} {
		c, _ := testCommon(t, lang)
		dl := time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)
		tv := newTriage(c)
		tv.setSize(c, 60, 20)
		tv.setList(c, []flows.Summary{
			{ID: "acct_failed", Name: "Failed Co", Country: "US", State: flows.StatePastDue, PastDue: 1, Errors: 1,
				ErrorCode: "verification_failed_address_match", Deadline: dl},
			{ID: "acct_late", Name: "Late Co", Country: "US", State: flows.StatePastDue, PastDue: 3, Deadline: dl.Add(24 * time.Hour)},
			{ID: "acct_due", Name: "Due Co", Country: "US", State: flows.StateRestricted, CurrentlyDue: 2},
		}, dl, false)
		v := ansi.Strip(tv.view(c, ""))
		want := map[schema.Lang][]string{
			schema.English: {"Deadline", "Reason", "2026-12-20", "2026-12-21", "verification failed: the", "3 fields past due", "2 fields due"},
			schema.French:  {"Échéance", "Motif", "20/12/2026", "21/12/2026", "vérification échouée\u00a0: l'", "3 champs en retard", "2 champs à fournir"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(v, w) {
				t.Errorf("%s at 60 columns lacks %q:\n%s", lang, w, v)
			}
		}
		for _, l := range strings.Split(v, "\n") {
			if ansi.StringWidth(l) > 60 {
				t.Errorf("%s: line wider than 60: %q", lang, l)
			}
		}
	}
}

// The filter finds an account by its person's name and email, and
// "failed_verification" (what --state takes) keeps failed verifications.
func TestTriageFiltersByPersonAndFailedVerification(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	a := named(t, c, "Jenny", "Rosen")
	e := schema.Lookup("individual.email", "US")
	if _, err := c.Client.Submit(context.Background(), a, flows.Step{Group: e.Group, Fields: []schema.Field{e}},
		map[string]string{e.Key: "jenny.person@example.org"}); err != nil {
		t.Fatal(flows.Message(err))
	}
	named(t, c, "Amir", "Haddad")
	m := New(c, Start{})
	m, _ = step(m, tea.WindowSizeMsg{Width: 100, Height: 24})
	m = runAll(m, m.toTriage())
	m = keys(m, "jenny.person@")
	if v := view(m); !strings.Contains(v, "shown: 1 of 2") {
		t.Fatalf("filter by the person's email:\n%s", v)
	}
	tv := newTriage(c)
	tv.setSize(c, 100, 20)
	tv.setList(c, []flows.Summary{
		{ID: "acct_failed", Name: "Failed Co", State: flows.StateRestricted, Errors: 1, ErrorCode: "invalid_tax_id"},
		{ID: "acct_late", Name: "Late Co", State: flows.StatePastDue, PastDue: 3},
	}, time.Now(), false)
	tv.filter.SetValue("failed_verification")
	tv.applyFilter("")
	if len(tv.shown) != 1 || tv.all[tv.shown[0]].ID != "acct_failed" {
		t.Errorf("failed_verification kept %v", tv.shown)
	}
}
