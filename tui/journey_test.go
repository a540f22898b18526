package tui

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/schema"
)

// dropURL is a server that accepts a business URL and keeps asking for
// it: the account update goes through without it.
type dropURL struct{ next http.RoundTripper }

func (d dropURL) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/v1/accounts/acct_") && !strings.Contains(r.URL.Path, "/persons") {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		form.Del("business_profile[url]")
		enc := form.Encode()
		r = r.Clone(r.Context())
		r.Body, r.ContentLength = io.NopCloser(strings.NewReader(enc)), int64(len(enc))
	}
	return d.next.RoundTrip(r)
}

// runCmd runs a command and its batches, returning every message.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, runCmd(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// The wizard drives the same journey as the scripted run and line mode
// (cmd/onboard's TestDriversReportTheSameStillDue): a URL Stripe takes
// and still asks for is sent once, reported still due, and not asked
// again; the summary follows.
func TestWizardReportsStillDueOnce(t *testing.T) {
	c, sb := testCommon(t, schema.English)
	c.Client = flows.New(stripeAt("http://sandbox.invalid", dropURL{sb.Transport()}), flows.WithClock(func() time.Time { return epoch }))
	a := newUSAccount(t, c)
	ans, err := answers.Parse(map[string]any{
		"business_profile.mcc": "5734", "individual.first_name": "Jenny", "individual.last_name": "Rosen",
		"individual.dob": "1901-01-01", "individual.email": "jenny@example.com", "individual.phone": "+14155550123",
		"individual.ssn_last_4": "0000", "individual.address.line1": "address_full_match", "individual.address.city": "San Francisco",
		"individual.address.state": "CA", "individual.address.postal_code": "94107",
		"external_account": map[string]any{"account_holder_name": "Jenny Rosen", "routing_number": "110000000", "account_number": "000123456789"},
		"tos_acceptance":   true,
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := answers.Run(context.Background(), c.Client, a, flows.Strategy{}, ans, io.Discard)
	if err != nil || !slices.Equal(rep.Outstanding, []string{"business_profile.url"}) {
		t.Fatalf("setup: %v, outstanding %v", err, rep.Outstanding)
	}
	m := New(c, Start{AccountID: a.ID, StrategyGiven: true})
	m, _ = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = step(m, result{m.gen, accountMsg{account: rep.Account}})
	if m.current() != screenWizard || m.plan.step.Group != schema.GroupBusinessProfile {
		t.Fatalf("screen %s step %v", m.current(), m.plan.step.Group)
	}
	m.plan.values["business_profile.url"] = "https://shop.example.com"
	for _, msg := range runCmd(m.startSubmit()) {
		if _, ok := unwrap(msg).(submittedMsg); ok {
			m, _ = step(m, msg)
		}
	}
	j := m.plan.journey
	var due []string
	for _, sd := range j.StillDue() {
		due = append(due, sd.Path)
	}
	if !slices.Equal(due, []string{"business_profile.url"}) || j.Attempts(m.plan.step) != 1 {
		t.Errorf("still due %v after %d sends", due, j.Attempts(m.plan.step))
	}
	if m.current() != screenSummary || !strings.Contains(m.plan.notice, "business_profile.url") {
		t.Errorf("screen %s, notice %q", m.current(), m.plan.notice)
	}
}
