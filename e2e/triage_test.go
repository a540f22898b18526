package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"onboard/flows/stripeapi/stripetest"
)

type line struct {
	ID    string `json:"id"`
	State string `json:"state"`
}

func lines(t *testing.T, r result) []line {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("accounts exited %d: %s", r.code, r.stderr)
	}
	var out []line
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("accounts --json: %v\n%s", err, r.stdout)
	}
	return out
}

func stateOf(list []line, id string) string {
	for _, l := range list {
		if l.ID == id {
			return l.State
		}
	}
	return ""
}

// accounts --json reads Stripe and fills the triage cache; --cached reads
// only the cache; a signed webhook received by status --watch --listen
// updates the account's line in the cache.
func TestTriageCacheFollowsListingsAndWebhooks(t *testing.T) {
	env := xdgEnv(t)
	ans := usIndividual()
	delete(ans, "tos_acceptance")
	r := onboard(t, env, "new", "--answers", answersFile(t, ans), "--json")
	if r.code != 3 {
		t.Fatalf("setup run exited %d: %s", r.code, r.stderr)
	}
	id := decode(t, r.stdout).ID

	empty := onboard(t, env, "accounts", "--cached", "--json")
	if got := lines(t, empty); len(got) != 0 || !strings.Contains(empty.stderr, "cache is empty") {
		t.Fatalf("cache before any listing: %v %q", got, empty.stderr)
	}
	before := stateOf(lines(t, onboard(t, env, "accounts", "--json")), id)
	if before == "" {
		t.Fatalf("the fresh list lacks %s", id)
	}
	if got := stateOf(lines(t, onboard(t, env, "accounts", "--cached", "--json")), id); got != before {
		t.Fatalf("cached state %q, listed %q", got, before)
	}
	for _, short := range []string{"past_due", "past due", "restricted"} {
		if r := onboard(t, env, "accounts", "--state", short, "--json"); r.code != 0 {
			t.Errorf("--state %q exited %d: %s", short, r.code, r.stderr)
		}
	}
	if r := onboard(t, env, "accounts", "--state", "overdue"); r.code != 2 || !strings.Contains(r.stderr, "past_due") {
		t.Errorf("--state overdue exited %d: %s", r.code, r.stderr)
	}

	// Another process changes the account: the cache does not know yet.
	if r := onboard(t, env, "resume", id, "--answers", answersFile(t, map[string]any{"tos_acceptance": true})); r.code != 0 {
		t.Fatalf("resume exited %d: %s", r.code, r.stderr)
	}
	if got := stateOf(lines(t, onboard(t, env, "accounts", "--cached", "--json")), id); got != before {
		t.Fatalf("the cache changed by itself: %q", got)
	}

	addr := freePort(t)
	const secret = "whsec_e2e_triage"
	watch := exec.Command(binary, "status", id, "--watch", "--json", "--interval", "1h", "--max-interval", "1h",
		"--listen", addr, "--webhook-secret", secret)
	watch.Env = append(os.Environ(), env...)
	if err := watch.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = watch.Process.Kill(); _ = watch.Wait() })
	payload := []byte(fmt.Sprintf(`{"id":"evt_e2e_triage","object":"event","type":"account.updated","api_version":%q,"created":%d,"data":{"object":{"id":%q,"object":"account"}}}`,
		stripetest.APIVersion, time.Now().Unix(), id))
	sig := stripetest.SignWebhook(payload, secret, time.Now())
	posted := false
	for i := 0; i < 100 && !posted; i++ { // the receiver may still be starting
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/", strings.NewReader(string(payload)))
		req.Header.Set("Stripe-Signature", sig)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			_ = resp.Body.Close()
			posted = resp.StatusCode == http.StatusOK
		} else {
			time.Sleep(50 * time.Millisecond)
		}
	}
	if !posted {
		t.Fatal("the webhook was not accepted")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := stateOf(lines(t, onboard(t, env, "accounts", "--cached", "--json")), id)
		if got != before && got != "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the webhook left the cached state at %q", got)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Triage, as a person sees it in a terminal: a table with
// headers that narrows as they type, and the header naming the screen.
func TestTUITriageFiltersAsYouType(t *testing.T) {
	env := xdgEnv(t)
	for _, who := range [][2]string{{"Jenny", "Rosen"}, {"Amir", "Haddad"}} {
		ans := map[string]any{"individual.first_name": who[0], "individual.last_name": who[1]}
		if r := onboard(t, env, "new", "--country", "US", "--business-type", "individual",
			"--capabilities", "card_payments,transfers", "--answers", answersFile(t, ans)); r.code != 3 {
			t.Fatalf("new %s exited %d: %s", who[0], r.code, r.stderr)
		}
	}
	tm := startTerm(t, env, 100, 30)
	wait := 10 * time.Second
	tm.waitFor("What do you want to do?", wait)
	tm.keys("Down", "Down")
	tm.waitFor("> Accounts to fix", wait)
	tm.keys("Enter")
	s := tm.waitFor("shown: 2 of 2", wait)
	for _, want := range []string{"onboard · Accounts to fix", "Name", "State", "Country", "Jenny Rosen", "Amir Haddad"} {
		if !strings.Contains(s, want) {
			t.Fatalf("triage lacks %q:\n%s", want, s)
		}
	}
	tm.tmux("send-keys", "-t", "app", "-l", "hadd")
	s = tm.waitFor("shown: 1 of 2", wait)
	if !strings.Contains(s, "Amir Haddad") || strings.Contains(s, "Jenny Rosen") {
		t.Fatalf("filter \"hadd\":\n%s", s)
	}
	tm.keys("Escape")
	tm.waitFor("shown: 2 of 2", wait)
	tm.tmux("send-keys", "-t", "app", "-l", "rosen")
	tm.waitFor("shown: 1 of 2", wait)
	tm.keys("Enter")
	s = tm.waitFor("Merchant category", wait)
	if !strings.Contains(s, "US individual") {
		t.Fatalf("enter did not open Jenny's account:\n%s", s)
	}
	tm.keys("C-c")
	tm.waitFor("[exit 130]", wait)
}

// A platform's worth of accounts (sandbox seed) listed from a standalone
// sandbox that answers 429 past Stripe's test-mode rate, as Stripe would.
func TestAccountsFromRateLimitedSandbox(t *testing.T) {
	env := xdgEnv(t)
	if r := onboard(t, env, "sandbox", "seed", "0"); r.code != 2 {
		t.Errorf("seed 0 exited %d", r.code)
	}
	if r := onboard(t, env, "sandbox", "seed", "1200"); r.code != 0 || !strings.Contains(r.stdout, "1200 accounts stored") {
		t.Fatalf("seed exited %d: %s %s", r.code, r.stdout, r.stderr)
	}
	base := serveSandbox(t, env)
	all := lines(t, onboard(t, env, "--api-base", base, "accounts", "--json"))
	if len(all) != 1200 {
		t.Fatalf("listed %d accounts, want 1200", len(all))
	}
	top := lines(t, onboard(t, env, "--api-base", base, "accounts", "--json", "--limit", "5", "--state", "past_due"))
	if len(top) != 5 || top[0].ID != all[0].ID || top[4].State != "restricted (past due)" {
		t.Errorf("--limit 5 --state past_due: %+v (most urgent of all: %s)", top, all[0].ID)
	}
}

// An account created and left before anything was sent is listed as new
// in the plain list (in English and French) and in the JSON one, found by
// --state new and left out of --state past_due.
func TestAbandonedNewAccountListsAsNew(t *testing.T) {
	env := xdgEnv(t)
	r := onboard(t, env, "new", "--answers", answersFile(t, map[string]any{"country": "GB", "business_type": "company",
		"capabilities": []string{"card_payments", "transfers"}}), "--json")
	if r.code != 3 {
		t.Fatalf("new with no answer exited %d: %s", r.code, r.stderr)
	}
	id := decode(t, r.stdout).ID
	if got := stateOf(lines(t, onboard(t, env, "accounts", "--json")), id); got != "new" {
		t.Errorf("accounts --json: state %q, want new", got)
	}
	for lang, want := range map[string]string{"en": "new, nothing sent", "fr": "nouveau, rien envoyé"} {
		out := onboard(t, env, "accounts", "--lang", lang).stdout
		if !strings.Contains(out, id) || !strings.Contains(out, want) || strings.Contains(out, "past due") || strings.Contains(out, "en retard") {
			t.Errorf("accounts --lang %s:\n%s", lang, out)
		}
	}
	if got := lines(t, onboard(t, env, "accounts", "--state", "new", "--json")); len(got) != 1 || got[0].ID != id {
		t.Errorf("--state new: %v", got)
	}
	if got := lines(t, onboard(t, env, "accounts", "--state", "past_due", "--json")); len(got) != 0 {
		t.Errorf("--state past_due lists the new account: %v", got)
	}
	if got := lines(t, onboard(t, env, "accounts", "--cached", "--state", "not started", "--json")); len(got) != 1 || got[0].ID != id {
		t.Errorf("--cached --state \"not started\": %v", got)
	}
	// status reads the same; its JSON keeps the guide's state.
	if out := onboard(t, env, "status", id).stdout; !strings.Contains(out, "new, nothing sent") ||
		!strings.Contains(out, "Nothing provided yet") || strings.Contains(out, "by the deadline") {
		t.Errorf("status:\n%s", out)
	}
	if st := decode(t, onboard(t, env, "status", id, "--json").stdout).State; st != "restricted (past due)" {
		t.Errorf("status --json: state %q", st)
	}
}
