package drafts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSaveNeverWritesSecrets(t *testing.T) {
	s := Store{Dir: filepath.Join(t.TempDir(), "drafts")}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	values := map[string]string{
		"individual.first_name":            "Jenny",
		"individual.id_number":             "123456789",
		"individual.ssn_last_4":            "6789",
		"external_account.account_number":  "000123456789",
		"external_account.routing_number":  "110000000",
		"external_account":                 "btok_secret",
		"individual.verification.document": "/home/j/passport.png",
		"individual.email":                 "",
	}
	if err := s.Save("acct_123", "US", values, now); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(s.Dir, "acct_123.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"123456789", "6789", "000123456789", "btok_secret", "passport"} {
		if strings.Contains(string(raw), secret) {
			t.Errorf("draft holds %q:\n%s", secret, raw)
		}
	}
	st, _ := os.Stat(filepath.Join(s.Dir, "acct_123.json"))
	if st.Mode().Perm() != 0o600 {
		t.Errorf("draft mode %v", st.Mode().Perm())
	}
	d, ok, err := s.Load("acct_123")
	if err != nil || !ok || d.Values["individual.first_name"] != "Jenny" || d.Values["external_account.routing_number"] != "110000000" || !d.Saved.Equal(now) {
		t.Fatalf("load: %+v %v %v", d, ok, err)
	}
	if err := s.Delete("acct_123"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Load("acct_123"); ok {
		t.Error("draft survived Delete")
	}
}

func TestOnlySecretsMeansNoDraft(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	if err := s.Save("acct_1", "US", map[string]string{"individual.id_number": "1"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Load("acct_1"); ok {
		t.Error("a draft of secrets only was written")
	}
}

func TestRejectsPathTricks(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	for _, bad := range []string{"../acct_1", "acct_1/../../x", "", "acct_"} {
		if err := s.Save(bad, "US", map[string]string{"a": "b"}, time.Now()); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestDamagedDraftIsAnError(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	if err := os.WriteFile(filepath.Join(s.Dir, "acct_9.json"), []byte("{nope"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Load("acct_9"); err == nil {
		t.Error("damaged draft loaded")
	}
}

func TestSensitive(t *testing.T) {
	for key, want := range map[string]bool{
		"individual.first_name":             false,
		"external_account.routing_number":   false,
		"external_account.account_number":   true,
		"external_account.iban_or_whatever": true,
		"individual.id_number":              true,
		"company.some_future_field":         true, // unknown: not trusted
	} {
		if got := Sensitive(key, "US"); got != want {
			t.Errorf("%s: %v, want %v", key, got, want)
		}
	}
}
