package tui

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"onboard/flows"
	"onboard/flows/stripeapi/stripetest"
	"onboard/flows/wire"
	"onboard/sandbox"
	"onboard/schema"
)

// requestsCommon is testCommon with every request recorded by wire, and a
// clipboard that remembers what it was given.
func requestsCommon(t *testing.T) (Common, *[]string) {
	t.Helper()
	c, _ := testCommon(t, schema.English)
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "rq.db"), sandbox.WithClock(func() time.Time { return epoch }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	log := wire.NewLog()
	sc, _ := stripetest.Client("sk_test_tui_requests", "http://sandbox.invalid",
		wire.Wrap(&http.Client{Transport: sb.Transport()}, log, "https://api.stripe.com").Transport)
	c.Client = flows.New(sc, flows.WithClock(func() time.Time { return epoch }))
	c.Requests = log.Records
	var copied []string
	c.Copy = func(s string) error { copied = append(copied, s); return nil }
	return c, &copied
}

// ctrl+x opens the requests made so far over the wizard, with status and
// request id; tab shows the stripe-go call, c copies the selected request
// and w saves them all; esc returns to the step.
func TestRequestsPane(t *testing.T) {
	c, copied := requestsCommon(t)
	a, err := c.Client.Create(context.Background(), flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Client.Load(context.Background(), a.ID); err != nil {
		t.Fatal(err)
	}
	m := openWizard(t, c, a)
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlX})
	v := ansi.Strip(m.View())
	for _, want := range []string{"requests · as curl", "1 POST /v1/accounts → 200 req_", "GET /v1/accounts/" + a.ID,
		"curl -sS", `-u "${STRIPE_API_KEY}:"`, "tab curl/go"} {
		if !strings.Contains(v, want) {
			t.Fatalf("pane lacks %q:\n%s", want, v)
		}
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyTab})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "sc.V1") {
		t.Fatalf("tab did not show the Go call:\n%s", v)
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyUp})
	for range 5 {
		m, _ = step(m, tea.KeyMsg{Type: tea.KeyUp})
	}
	m, cmd := step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("c")})
	m, _ = step(m, cmd())
	if len(*copied) != 1 || !strings.Contains((*copied)[0], "account1, err := sc.V1Accounts.Create(ctx, params1)") {
		t.Fatalf("copied %q", *copied)
	}
	if !strings.Contains(ansi.Strip(m.View()), "Copied to the clipboard") {
		t.Fatalf("no copy note:\n%s", ansi.Strip(m.View()))
	}
	path := filepath.Join(t.TempDir(), "reqs.go.txt")
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("w")})
	m.reqs.path.SetValue(path)
	m, cmd = step(m, tea.KeyMsg{Type: tea.KeyEnter})
	m, _ = step(m, cmd())
	raw, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(raw), "sc.V1Accounts.GetByID(ctx, account1.ID, nil)") {
		t.Fatalf("saved %q, %v", raw, err)
	}
	if strings.Contains(string(raw), "sk_test_tui_requests") {
		t.Fatal("the saved file holds the key")
	}
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyEsc})
	if m.reqs.open || m.current() != screenWizard || !strings.Contains(ansi.Strip(m.View()), "Merchant category") {
		t.Fatalf("esc from the pane: %s\n%s", m.current(), ansi.Strip(m.View()))
	}
}

// Without a request log (tests, goldens) the key neither shows nor opens.
func TestRequestsKeyHiddenWithoutLog(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	m := openWizard(t, c, newUSAccount(t, c))
	m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlX})
	if m.reqs.open || strings.Contains(ansi.Strip(m.View()), "ctrl+x") {
		t.Fatal("requests pane without a log")
	}
}

// The pane at 80×24 in both languages, over fixed records: a create whose
// id is caught, an update with a sensitive value as its placeholder, and
// a read that failed after retries.
func TestRequestsPaneGoldens(t *testing.T) {
	recs := []wire.Record{
		{Seq: 1, Method: "POST", Origin: "https://api.stripe.com", Path: []wire.Param{{Value: "v1"}, {Value: "accounts"}},
			Form:   []wire.Param{{Key: "country", Value: "US"}, {Key: "business_type", Value: "individual"}},
			Status: 200, RequestID: "req_create", Duration: 12 * time.Millisecond, Created: "ACCOUNT_1", CreatedPrefix: "acct_"},
		{Seq: 2, Method: "POST", Origin: "https://api.stripe.com",
			Path:      []wire.Param{{Value: "v1"}, {Value: "accounts"}, {Value: fixedID, Var: "ACCOUNT_1"}},
			Header:    []wire.Param{{Key: "Idempotency-Key", Value: "onboard-k1"}},
			Form:      []wire.Param{{Key: "individual[first_name]", Value: "Jenny"}, {Key: "individual[id_number]", Var: "ID_NUMBER", Secret: true}},
			Sensitive: []string{"ID_NUMBER"}, Status: 200, RequestID: "req_update", Duration: 30 * time.Millisecond},
		{Seq: 3, Method: "GET", Origin: "https://api.stripe.com",
			Path:   []wire.Param{{Value: "v1"}, {Value: "accounts"}, {Value: fixedID, Var: "ACCOUNT_1"}},
			Status: 503, RequestID: "req_read", Duration: 900 * time.Millisecond, Retries: 3},
	}
	for _, lang := range goldenLangs {
		for _, w := range goldenWidths {
			t.Run(goldenName("", w, lang), func(t *testing.T) {
				c, _ := testCommon(t, lang)
				c.Requests = func() []wire.Record { return recs }
				m := New(c, Start{})
				m, _ = step(m, tea.WindowSizeMsg{Width: w, Height: 24})
				m, _ = step(m, tea.KeyMsg{Type: tea.KeyCtrlX})
				m, _ = step(m, tea.KeyMsg{Type: tea.KeyUp})
				golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
			})
		}
	}
}
