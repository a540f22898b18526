package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"onboard/schema"
)

// `new --country C --business-type T --capabilities card_payments,transfers
// --upfront --test-values`, as a sales engineer types it, takes an
// account of every country of the table, individual and company, to
// complete with charges and payouts enabled on the sandbox once
// verification settles.
func TestTestValuesOnboardEveryCountry(t *testing.T) {
	isolate(t)
	countries := schema.Countries()
	if testing.Short() {
		countries = []string{"JP", "MX", "CH"}
	}
	for _, country := range countries {
		for _, bt := range []string{"individual", "company"} {
			out, stderr, code := runWith(t, "", "new", "--country", country, "--business-type", bt,
				"--capabilities", "card_payments,transfers", "--upfront", "--test-values", "--json")
			var st struct {
				ID string `json:"id"`
			}
			if code != 0 || json.Unmarshal([]byte(out), &st) != nil || st.ID == "" {
				t.Errorf("%s %s: exit %d\n%s\n%s", country, bt, code, out, stderr)
				continue
			}
			if _, stderr, code := runWith(t, "", "sandbox", "advance", "10s"); code != 0 {
				t.Fatalf("advance: %d %s", code, stderr)
			}
			out, stderr, code = runWith(t, "", "status", st.ID, "--json")
			var got struct {
				State          string `json:"state"`
				ChargesEnabled bool   `json:"charges_enabled"`
				PayoutsEnabled bool   `json:"payouts_enabled"`
			}
			if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got.State != "complete" || !got.ChargesEnabled || !got.PayoutsEnabled {
				t.Errorf("%s %s: %+v (exit %d)\n%s\n%s", country, bt, got, code, out, stderr)
			}
		}
	}
}

// A file's answers win over the test values, and a live key is refused
// before anything is sent.
func TestTestValuesUnderAFileAndNeverLive(t *testing.T) {
	isolate(t)
	answers := writeAnswers(t, map[string]any{"individual.first_name": "Grace"})
	rec := filepath.Join(t.TempDir(), "rec.yaml")
	out, stderr, code := runWith(t, "", "new", "--country", "FR", "--business-type", "individual", "--upfront",
		"--test-values", "--answers", answers, "--record", rec)
	if code != 0 || !strings.Contains(out, "✓") {
		t.Fatalf("exit %d\n%s\n%s", code, out, stderr)
	}
	if raw, err := os.ReadFile(rec); err != nil || !strings.Contains(string(raw), `individual.first_name: "Grace"`) {
		t.Errorf("the file's first name did not win over the test value (%v):\n%s", err, raw)
	}
	for _, lang := range []string{"en", "fr"} {
		_, stderr, code = runWith(t, "", "--lang", lang, "--api-key", fakeLiveKey, "--live", "new", "--country", "US", "--test-values")
		if code != exitUsage || !strings.Contains(stderr, "--test-values") || !strings.Contains(stderr, map[string]string{"en": "nothing was sent", "fr": "rien n'a été envoyé"}[lang]) {
			t.Errorf("%s live: exit %d: %s", lang, code, stderr)
		}
	}
}
