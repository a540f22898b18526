package sandbox

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"

	"onboard/sandbox/store"
)

// TestFiftyWritersOneAccount: 50 goroutines update the same account over
// real HTTP at once; every write must survive (one transaction per request,
// read-modify-write inside it).
func TestFiftyWritersOneAccount(t *testing.T) {
	e := newHTTPEnv(t)
	a := e.createUSIndividual()
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for i := range 50 {
		wg.Go(func() {
			p := &stripe.AccountUpdateParams{}
			p.AddMetadata(fmt.Sprintf("k%02d", i), "v")
			_, err := e.sc.V1Accounts.Update(e.ctx, a.ID, p)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent update: %v", err)
		}
	}
	if got := e.get(a.ID); len(got.Metadata) != 50 {
		t.Errorf("lost updates: %d of 50 metadata keys", len(got.Metadata))
	}
}

// TestMigratesOlderDatabase opens a database written by the first slice
// (no schema_version, no files table) and checks it is migrated in place.
func TestMigratesOlderDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range store.SchemaV1 {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	old := `{"id":"acct_old","created":1756728000,"country":"US","business_type":"individual","default_currency":"usd",` +
		`"controller":{"requirement_collection":"application"},"capabilities":{"transfers":true},"business_profile":{},` +
		`"individual":{"id":"person_old","created":1756728000,"address":{},"id_number_provided":false,"ssn_last_4_provided":false,"metadata":{}},` +
		`"tos_acceptance":{"service_agreement":"full"},"metadata":{},"fields":{"business_type":{"submitted_at":1,"settles_at":1}}}`
	if _, err := db.Exec(`INSERT INTO accounts (id, created, data) VALUES ('acct_old', 1756728000, ?)`, old); err != nil {
		t.Fatal(err)
	}
	_ = db.Close()

	sb, err := Open(path, WithClock(fixedClock))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = sb.Close() }()
	var v int
	if err := sb.db.QueryRow(`SELECT version FROM schema_version`).Scan(&v); err != nil || v != store.SchemaVersion {
		t.Fatalf("schema_version %d %v, want %d", v, err, store.SchemaVersion)
	}
	e := &env{t: t, sb: sb, ctx: t.Context()}
	e.sc = newClientHosts("sk_test_x", APIBase, FilesBase, checkedClient(t, sb))
	if a := e.get("acct_old"); a.Capabilities.Transfers != "inactive" || len(a.Requirements.CurrentlyDue) == 0 {
		t.Errorf("old account after migration: %+v", a.Requirements)
	}
	if _, err := e.upload("success.png", "identity_document", pngBytes); err != nil {
		t.Errorf("files table missing after migration: %v", err)
	}
	// Opening again is a no-op.
	sb2, err := Open(path, WithClock(fixedClock))
	if err != nil {
		t.Fatal(err)
	}
	_ = sb2.Close()
}

func TestRateLimit(t *testing.T) {
	e := newTransportEnv(t, WithRateLimit(25))
	a := e.createUSIndividual()
	limited := 0
	for range 30 {
		_, err := e.sc.V1Accounts.GetByID(e.ctx, a.ID, nil)
		if err != nil {
			se := stripeErr(t, err)
			if se.HTTPStatusCode != 429 || se.Code != "rate_limit" {
				t.Fatalf("error %v", se)
			}
			limited++
		}
	}
	if limited != 5 {
		t.Errorf("%d of 30 requests limited, want 5 (25 per second per account)", limited)
	}
	rec := adminPost(t, e.sb, "/v1/accounts/"+a.ID, nil)
	if rec.Code != 429 || rec.Header().Get("Stripe-Rate-Limited-Reason") == "" {
		t.Errorf("429 without Stripe-Rate-Limited-Reason: %d %v", rec.Code, rec.Header())
	}
}

// expand[] answers the objects the spec marks expandable (a capability's
// account, a list item's) and refuses any other path as Stripe does.
func TestExpandAsTheSpec(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	cp := &stripe.CapabilityRetrieveParams{Account: stripe.String(a.ID)}
	cp.AddExpand("account")
	c, err := e.sc.V1Capabilities.Retrieve(e.ctx, "transfers", cp)
	if err != nil {
		t.Fatalf("expand[]=account: %v", err)
	}
	if c.Account == nil || c.Account.ID != a.ID || c.Account.Country != "US" {
		t.Errorf("capability account not expanded: %+v", c.Account)
	}
	lp := &stripe.CapabilityListParams{Account: stripe.String(a.ID)}
	lp.AddExpand("data.account")
	for c, err := range e.sc.V1Capabilities.List(e.ctx, lp) {
		if err != nil {
			t.Fatalf("expand[]=data.account: %v", err)
		}
		if c.Account == nil || c.Account.Country != "US" {
			t.Errorf("listed capability's account not expanded: %+v", c.Account)
		}
	}
	for _, bad := range []string{"external_accounts", "bogus.path", "account.foo"} {
		p := &stripe.AccountRetrieveParams{}
		p.AddExpand(bad)
		_, err := e.sc.V1Accounts.GetByID(e.ctx, a.ID, p)
		se := wantStripeErr(t, err, 400, "", "")
		if se != nil && se.Msg != "This property cannot be expanded ("+bad+")." {
			t.Errorf("expand %s: %q", bad, se.Msg)
		}
	}
}

// TestSnapshotMatchesRendering checks the retrieve fast path: at every
// step of a timeline, the stored snapshot served by GET equals a fresh
// derivation from the facts.
func TestSnapshotMatchesRendering(t *testing.T) {
	e := newTransportEnv(t)
	a := e.onboardWith("individual[dob][year]", "1900")
	if err := e.sb.AddVolume(e.ctx, a.ID, 100); err != nil {
		t.Fatal(err)
	}
	g := e.createAccount("GB", "individual")
	e.onboard(countryCases[2], "individual", g.ID)
	if err := e.sb.AddVolume(e.ctx, g.ID, 100); err != nil {
		t.Fatal(err)
	}
	for _, step := range []time.Duration{time.Second, time.Minute, 14 * 24 * time.Hour, 16 * 24 * time.Hour, 30 * 24 * time.Hour} {
		e.advance(step)
		for _, id := range []string{a.ID, g.ID} {
			got := e.get(id)
			now, _ := e.sb.Now(e.ctx)
			var data string
			if err := e.sb.db.QueryRow(`SELECT data FROM accounts WHERE id = ?`, id).Scan(&data); err != nil {
				t.Fatal(err)
			}
			facts, err := decodeFacts(data)
			if err != nil {
				t.Fatal(err)
			}
			want := renderAccount(facts, now)
			if !slices.Equal(got.Requirements.CurrentlyDue, want.Requirements.CurrentlyDue) ||
				!slices.Equal(got.Requirements.PastDue, want.Requirements.PastDue) ||
				got.ChargesEnabled != want.ChargesEnabled || got.PayoutsEnabled != want.PayoutsEnabled {
				t.Errorf("after %v: served %v/%v, derived %v/%v", step, got.Requirements.CurrentlyDue, got.Requirements.PastDue,
					want.Requirements.CurrentlyDue, want.Requirements.PastDue)
			}
		}
	}
}
