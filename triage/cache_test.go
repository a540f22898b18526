package triage

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"onboard/flows"
)

var at = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func open(t *testing.T) (*Cache, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "onboard", FileName("sk_test_abc", "https://api.stripe.com"))
	c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Error(err)
		}
	})
	return c, path
}

func TestFileNameHidesTheKeyAndSeparatesBases(t *testing.T) {
	a := FileName("sk_test_51Hsecretsecret", "https://api.stripe.com")
	if strings.Contains(a, "secret") || strings.Contains(a, "sk_") {
		t.Errorf("file name %q shows the key", a)
	}
	if a == FileName("sk_test_51Hsecretsecret", "http://127.0.0.1:12111") || a == FileName("sk_test_other", "https://api.stripe.com") {
		t.Errorf("two keys or bases share %q", a)
	}
	if a != FileName("sk_test_51Hsecretsecret", "https://api.stripe.com") {
		t.Errorf("the name is not stable")
	}
}

// A full listing replaces the list (gone accounts leave), a webhook's
// line updates one account, and Load gives them back most urgent first.
func TestReplacePutLoad(t *testing.T) {
	c, path := open(t)
	ctx := context.Background()
	dl := at.Add(48 * time.Hour)
	if err := c.Replace(ctx, []flows.Summary{
		{ID: "acct_gone", Name: "Gone", State: flows.StateRestricted},
		{ID: "acct_a", Name: "Jenny Rosen", Email: "jenny@example.com", Country: "US", Type: "individual",
			State: flows.StateRestricted, Deadline: dl, CurrentlyDue: 3, Created: 10},
	}, at); err != nil {
		t.Fatal(err)
	}
	if err := c.Replace(ctx, []flows.Summary{
		{ID: "acct_a", Name: "Jenny Rosen", Email: "jenny@example.com", Country: "US", Type: "individual",
			State: flows.StateRestricted, Deadline: dl, CurrentlyDue: 3, Created: 10},
		{ID: "acct_b", Name: "Beta", Country: "GB", State: flows.StateComplete, Created: 20},
	}, at); err != nil {
		t.Fatal(err)
	}
	if err := c.Put(ctx, flows.Summary{ID: "acct_b", Name: "Beta", Country: "GB", State: flows.StatePastDue, PastDue: 2, Created: 20}); err != nil {
		t.Fatal(err)
	}
	list, refreshed, err := c.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !refreshed.Equal(at) {
		t.Errorf("refreshed at %v, want %v", refreshed, at)
	}
	if len(list) != 2 || list[0].ID != "acct_b" || list[0].State != flows.StatePastDue || list[1].ID != "acct_a" {
		t.Fatalf("loaded %+v", list)
	}
	if !list[1].Deadline.Equal(dl) || list[1].DeadlineJSON == nil || list[1].Email != "jenny@example.com" {
		t.Errorf("account a came back as %+v", list[1])
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("cache file mode: %v %v", fi.Mode(), err)
	}
}

func TestRecentIsNewestFirstAndBounded(t *testing.T) {
	c, _ := open(t)
	ctx := context.Background()
	for i := range recentKept + 5 {
		if err := c.Opened(ctx, "acct_"+string(rune('a'+i)), at.Add(time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Opened(ctx, "acct_a", at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	got, err := c.Recent(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != recentKept || got[0] != "acct_a" || got[1] != "acct_"+string(rune('a'+recentKept+4)) {
		t.Errorf("recent = %v", got)
	}
	if slices.Contains(got, "acct_b") {
		t.Errorf("the oldest was kept: %v", got)
	}
}

// A cache written before the failed verification's code and the people
// were kept opens, keeps its lines, and then stores and loads both.
func TestOldCacheGainsErrorCodeAndPeople(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE accounts (id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL,
		country TEXT NOT NULL, business_type TEXT NOT NULL, state TEXT NOT NULL, deadline INTEGER NOT NULL,
		past_due INTEGER NOT NULL, currently_due INTEGER NOT NULL, errors INTEGER NOT NULL, created INTEGER NOT NULL);
		INSERT INTO accounts VALUES ('acct_old', 'Old', '', 'US', 'individual', 'restricted', 0, 0, 1, 1, 5);`); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	ctx := context.Background()
	list, _, err := c.Load(ctx)
	if err != nil || len(list) != 1 || list[0].ID != "acct_old" || list[0].Errors != 1 || list[0].ErrorCode != "" {
		t.Fatalf("old line: %+v %v", list, err)
	}
	if err := c.Put(ctx, flows.Summary{ID: "acct_old", Name: "Old", Errors: 1, ErrorCode: "verification_failed_address_match",
		People: []string{"Jenny Rosen", "jenny@example.com"}}); err != nil {
		t.Fatal(err)
	}
	list, _, err = c.Load(ctx)
	if err != nil || len(list) != 1 || list[0].ErrorCode != "verification_failed_address_match" ||
		!slices.Equal(list[0].People, []string{"Jenny Rosen", "jenny@example.com"}) {
		t.Fatalf("after put: %+v %v", list, err)
	}
}

// A cache opened in the background answers once open; one that cannot be
// opened says why on every call, Close included.
func TestOpenInBackground(t *testing.T) {
	c := OpenInBackground(filepath.Join(t.TempDir(), "t.db"))
	if err := c.Opened(context.Background(), "acct_1", time.Unix(1, 0)); err != nil {
		t.Fatal(err)
	}
	if ids, err := c.Recent(context.Background()); err != nil || len(ids) != 1 || ids[0] != "acct_1" {
		t.Fatalf("recent: %v %v", ids, err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	bad := OpenInBackground(filepath.Join(file, "t.db")) // under a file: cannot be made
	if _, err := bad.Recent(context.Background()); err == nil {
		t.Error("a cache that could not be opened answers")
	}
	if err := bad.Close(); err == nil {
		t.Error("Close of a cache never opened says nothing")
	}
}
