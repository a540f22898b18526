package sandbox

import (
	"net/http"
	"net/url"
	"sync"
	"testing"
)

// Warm, run beside requests as `onboard new` runs it, stores nothing: the
// database holds the account the request created and its events, and no
// other.
func TestWarmStoresNothing(t *testing.T) {
	sb, _ := openTest(t)
	var wg sync.WaitGroup
	wg.Go(sb.Warm)
	rec := serveForm(t, sb.Handler(), http.MethodPost, "/v1/accounts", url.Values{"type": {"custom"}, "country": {"US"},
		"capabilities[transfers][requested]": {"true"}})
	wg.Wait()
	if rec.Code != http.StatusOK {
		t.Fatalf("create beside Warm: %d %s", rec.Code, rec.Body)
	}
	sb.Warm()
	var accounts, others int
	if err := sb.db.QueryRow(`SELECT COUNT(*) FROM accounts`).Scan(&accounts); err != nil {
		t.Fatal(err)
	}
	if err := sb.db.QueryRow(`SELECT COUNT(*) FROM events WHERE account NOT IN (SELECT id FROM accounts)`).Scan(&others); err != nil {
		t.Fatal(err)
	}
	if accounts != 1 || others != 0 {
		t.Errorf("after Warm: %d accounts (want the 1 created), %d events of no stored account", accounts, others)
	}
}
