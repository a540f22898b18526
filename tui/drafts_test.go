package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"onboard/drafts"
	"onboard/schema"
)

// What is typed in the wizard reaches the draft once typing pauses, with
// no secret in it; the next session offers it back.
func TestDraftSavedAndRestored(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	c.Drafts = &drafts.Store{Dir: filepath.Join(t.TempDir(), "drafts")}
	a := newUSAccount(t, c)

	tm := teatest.NewTestModel(t, New(c, Start{AccountID: a.ID}), teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Merchant category")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "┃ Business website")
	typeText(tm, "https://draft.example.com")
	waitForDraft(t, filepath.Join(c.Drafts.Dir, a.ID+".json"), "draft.example.com")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC}) // the session ends early
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	next := teatest.NewTestModel(t, New(c, Start{AccountID: a.ID}), teatest.WithInitialTermSize(80, 24))
	waitFor(t, next, "values typed on")
	next.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, next, "Merchant category")
	if v := finalView(t, next, a.ID); !strings.Contains(v, "https://draft.example.com") {
		t.Fatalf("draft not restored:\n%s", v)
	}
}

// The count restored is the count offered: the values that differ from
// what is already known, not the draft's size.
func TestRestoreCountsWhatWasOffered(t *testing.T) {
	values := map[string]string{"business_profile.mcc": "5734", "individual.first_name": "Jenny"}
	d := drafts.Draft{Values: map[string]string{"business_profile.mcc": "5734", "individual.first_name": "Jenny",
		"individual.last_name": "Rosen"}}
	offered := newInDraft(d, values)
	if got := restoreDraft(values, d); got != offered || got != 1 || values["individual.last_name"] != "Rosen" {
		t.Errorf("offered %d, restored %d: %v", offered, got, values)
	}
}

// The draft keeps what was typed and not sent: a step sent is on the
// account, so the next session does not offer it back ("Restore 10
// values" after every step had gone through).
func TestDraftLeavesOutWhatWasSent(t *testing.T) {
	c, _ := testCommon(t, schema.English)
	c.Drafts = &drafts.Store{Dir: filepath.Join(t.TempDir(), "drafts")}
	a := newUSAccount(t, c)

	tm := teatest.NewTestModel(t, New(c, Start{AccountID: a.ID}), teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Merchant category")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "┃ Business website")
	typeText(tm, "https://sent.example.com")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Sent. Business profile")
	typeText(tm, "Jen") // the next step's first field, not sent
	raw := waitForDraft(t, filepath.Join(c.Drafts.Dir, a.ID+".json"), `"Jen"`)
	if strings.Contains(raw, "sent.example.com") || strings.Contains(raw, "business_profile.mcc") {
		t.Fatalf("the draft keeps values already sent:\n%s", raw)
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// waitForDraft waits up to 5 s for the draft file to hold want (drafts are
// written once typing pauses) and returns its contents.
func waitForDraft(t *testing.T, file, want string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		raw, err := os.ReadFile(file)
		if err == nil && strings.Contains(string(raw), want) {
			return string(raw)
		}
		if time.Now().After(deadline) {
			t.Fatalf("no draft holding %s after 5s (%v)", want, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
