package sandbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"onboard/sandbox/engine"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"

	"onboard/internal/stripemock"

	"onboard/sandbox/store"
)

// BenchmarkRetrieveAmongMany measures a retrieve (a full derivation of
// requirements) with many accounts in the database, through stripe-go and
// the in-process transport.
func BenchmarkRetrieveAmongMany(b *testing.B) {
	sb, err := Open(b.TempDir()+"/bench.db", WithClock(fixedClock))
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = sb.Close() }()
	sc := newClient("sk_test_x", "http://sandbox.invalid", &http.Client{Transport: sb.Transport()})
	seedAccounts(b, sb, 1000)
	a, err := sc.V1Accounts.Create(b.Context(), &stripe.AccountCreateParams{Type: stripe.String("custom"), BusinessType: stripe.String("individual"),
		Capabilities: &stripe.AccountCreateCapabilitiesParams{Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)}}})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := sc.V1Accounts.GetByID(b.Context(), a.ID, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// seedAccounts inserts n US individual accounts directly, as the API
// would store them, for list benchmarks (creating them through the API
// would dominate the run).
func seedAccounts(tb testing.TB, sb *Sandbox, n int) {
	tb.Helper()
	ctx := context.Background()
	err := store.InTx(ctx, sb.db, func(tx *sql.Tx) error {
		// Rows as the API stores them: facts plus the published snapshot.
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO accounts (id, created, data, snapshot) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer func() { _ = stmt.Close() }()
		for i := range n {
			r := &request{now: baseTime.Add(time.Duration(i) * time.Second)}
			a := newAccountFacts(r)
			a.BusinessType, a.DefaultCurrency = "individual", "usd"
			a.Capabilities["transfers"] = true
			a.Individual = &engine.Individual{ID: newID("person_", 24), Address: map[string]string{}, Metadata: map[string]string{}}
			data, _ := json.Marshal(a)
			snap := mustJSON(renderAccount(a, r.now))
			if _, err := stmt.ExecContext(ctx, a.ID, a.Created, string(data), string(snap)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// target is one server the comparison runs against.
type target struct {
	name string
	sc   *stripe.Client
	id   string
	url  string
}

// targets starts the sandbox (real HTTP, loopback) and stripe-mock.
func targets(b *testing.B) []target {
	sb, err := Open(b.TempDir()+"/bench.db", WithClock(fixedClock))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = sb.Close() })
	srv := httptest.NewServer(sb.Handler())
	b.Cleanup(srv.Close)
	ssc := newClient("sk_test_x", srv.URL, nil)
	a, err := ssc.V1Accounts.Create(b.Context(), &stripe.AccountCreateParams{
		Type: stripe.String("custom"), Country: stripe.String("US"), BusinessType: stripe.String("individual"),
		Capabilities: &stripe.AccountCreateCapabilitiesParams{Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)}},
	})
	if err != nil {
		b.Fatal(err)
	}
	seedAccounts(b, sb, 200)
	mock := stripemock.Start(b)
	ceiling := ceilingServer(b, srv.URL, a.ID)
	return []target{
		{"sandbox", ssc, a.ID, srv.URL},
		{"stripe-mock", newClient("sk_test_x", mock, nil), "acct_123", mock},
		{"ceiling", newClient("sk_test_x", ceiling, nil), a.ID, ceiling},
	}
}

// ceilingServer answers every request with the sandbox's own body for
// account id, read once and served from memory: a server that costs
// nothing. Through stripe-go its rate is the most any server can reach
// with that body, since the client's decoding of it stays; dividing it by
// stripe-mock's rate bounds the ratio the sandbox could show there.
func ceilingServer(b *testing.B, sandboxURL, id string) string {
	req, _ := http.NewRequest(http.MethodGet, sandboxURL+"/v1/accounts/"+id, nil)
	req.Header.Set("Authorization", "Bearer sk_test_x")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("reading the sandbox's account: %v %d", err, resp.StatusCode)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Request-Id", "req_ceiling")
		_, _ = w.Write(body)
	}))
	b.Cleanup(srv.Close)
	return srv.URL
}

// reportRate adds the request rate to the benchmark output.
func reportRate(b *testing.B, start time.Time) {
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}

// BenchmarkCompare runs retrieve, update and list on the sandbox and on
// stripe-mock in the same run, through stripe-go over loopback HTTP;
// compare the req/s columns. The ceiling target (retrieve only) is a
// server that does no work at all, answering the sandbox's account body. Retrieve and list run from GOMAXPROCS
// goroutines (reads are concurrent); updates to one account are
// sequential, as they are serialised anyway.
func BenchmarkCompare(b *testing.B) {
	for _, tg := range targets(b) {
		b.Run("retrieve/"+tg.name, func(b *testing.B) {
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := tg.sc.V1Accounts.GetByID(context.Background(), tg.id, nil); err != nil {
						b.Error(err)
						return
					}
				}
			})
			reportRate(b, start)
		})
		// retrieve-wire leaves out stripe-go's decoding, which costs the
		// same for both servers and dominates the figure above: it
		// measures the servers themselves.
		b.Run("retrieve-wire/"+tg.name, func(b *testing.B) {
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req, _ := http.NewRequest(http.MethodGet, tg.url+"/v1/accounts/"+tg.id, nil)
					req.Header.Set("Authorization", "Bearer sk_test_x")
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					_ = resp.Body.Close()
					if resp.StatusCode != 200 {
						b.Errorf("status %d", resp.StatusCode)
						return
					}
				}
			})
			reportRate(b, start)
		})
		if tg.name == "ceiling" {
			continue // it answers one account to everything
		}
		b.Run("update/"+tg.name, func(b *testing.B) {
			start := time.Now()
			i := 0
			for b.Loop() {
				p := &stripe.AccountUpdateParams{}
				p.AddMetadata("n", fmt.Sprint(i))
				i++
				if _, err := tg.sc.V1Accounts.Update(b.Context(), tg.id, p); err != nil {
					b.Fatal(err)
				}
			}
			reportRate(b, start)
		})
		b.Run("list/"+tg.name, func(b *testing.B) {
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					p := &stripe.AccountListParams{}
					p.Limit = stripe.Int64(10)
					p.Single = true
					for _, err := range tg.sc.V1Accounts.List(context.Background(), p) {
						if err != nil {
							b.Error(err)
							return
						}
					}
				}
			})
			reportRate(b, start)
		})
	}
}

// BenchmarkList10000 measures listing 10,000 accounts in pages of 100
// (one op = the whole walk).
func BenchmarkList10000(b *testing.B) {
	sb, err := Open(b.TempDir()+"/bench.db", WithClock(fixedClock))
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = sb.Close() }()
	seedAccounts(b, sb, 10000)
	sc := newClient("sk_test_x", "http://sandbox.invalid", &http.Client{Transport: sb.Transport()})
	b.ResetTimer()
	for b.Loop() {
		n := 0
		p := &stripe.AccountListParams{}
		p.Limit = stripe.Int64(100)
		for _, err := range sc.V1Accounts.List(b.Context(), p) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 10000 {
			b.Fatalf("listed %d", n)
		}
	}
}

// BenchmarkList10000Raw is BenchmarkList10000 without stripe-go's decoding
// of every account: it reads only ids and has_more, so it measures the
// sandbox's side of the walk.
func BenchmarkList10000Raw(b *testing.B) {
	sb, err := Open(b.TempDir()+"/bench.db", WithClock(fixedClock))
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = sb.Close() }()
	seedAccounts(b, sb, 10000)
	hc := &http.Client{Transport: sb.Transport()}
	b.ResetTimer()
	for b.Loop() {
		n, after := 0, ""
		for {
			u := "http://sandbox.invalid/v1/accounts?limit=100"
			if after != "" {
				u += "&starting_after=" + after
			}
			req, _ := http.NewRequest(http.MethodGet, u, nil)
			req.Header.Set("Authorization", "Bearer sk_test_x")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var page struct {
				HasMore bool `json:"has_more"`
				Data    []struct {
					ID string `json:"id"`
				} `json:"data"`
			}
			err = json.NewDecoder(resp.Body).Decode(&page)
			_ = resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			n += len(page.Data)
			if !page.HasMore {
				break
			}
			after = page.Data[len(page.Data)-1].ID
		}
		if n != 10000 {
			b.Fatalf("listed %d", n)
		}
	}
}
