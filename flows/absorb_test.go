package flows_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/stripeapi"
	"onboard/flows/stripeapi/stripetest"
	"onboard/sandbox"
)

// onboardUSCompany runs a scripted US company onboarding (create, then
// every group from examples/us-company.json) on a fresh sandbox, with the
// fault f injected at attempt position at (-1: none). It returns the
// injector, the run's report, the API to inspect the sandbox with
// afterwards, and the run's error.
func onboardUSCompany(t *testing.T, at int, f fault) (*faulty, answers.Report, stripeapi.Adapter, error) {
	t.Helper()
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() }) // the test is decided; nothing left to keep
	inj := &faulty{next: sb.Transport(), at: at, fault: f}
	api, v2 := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_faults", APIBase: sandbox.APIBase,
		FilesBase: sandbox.FilesBase, Policy: instantPolicy(inj, &waits{})})
	cl := flows.New(api, flows.WithV2(v2), flows.WithClock(func() time.Time { return epoch }))
	ans, err := answers.Load(filepath.Join("..", "examples", "us-company.json"), answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var rep answers.Report
	a, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "company",
		Capabilities: []string{"card_payments", "transfers"}})
	if err == nil {
		rep, err = answers.Run(ctx, cl, a, flows.Strategy{Upfront: true}, ans, io.Discard)
	}
	check, _ := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_check", APIBase: sandbox.APIBase,
		Policy: flows.NewPolicy(sb.Transport(), "en")})
	return inj, rep, check, err
}

// TestOneFaultAnywhereIsAbsorbed is the request policy's promise: a single
// transient fault (500, 503, 429 with or without Retry-After, a
// connection reset before or after the server acted) at any request
// position of a scripted US company onboarding is absorbed: the run ends
// with nothing outstanding, one account, no duplicate person or bank
// account. With -short, a sample of positions is run.
func TestOneFaultAnywhereIsAbsorbed(t *testing.T) {
	clean, rep, _, err := onboardUSCompany(t, -1, "")
	if err != nil || len(rep.Outstanding) > 0 {
		t.Fatalf("the run without faults fails: %v %v", err, rep.Outstanding)
	}
	n := clean.attempts()
	t.Logf("a clean run makes %d requests", n)
	for at := 0; at < n; at++ {
		if testing.Short() && at%5 != 0 && at != n-1 {
			continue
		}
		// Positions run in parallel: each run has its own sandbox.
		t.Run(fmt.Sprintf("%02d-%s", at, clean.requests[at]), func(t *testing.T) {
			t.Parallel()
			for _, f := range allFaults {
				t.Run(string(f), func(t *testing.T) {
					inj, rep, sc, err := onboardUSCompany(t, at, f)
					if err != nil {
						t.Fatalf("the run failed: %s", flows.ErrorLine(err))
					}
					if len(rep.Outstanding) > 0 {
						t.Fatalf("still due: %v", rep.Outstanding)
					}
					if inj.attempts() <= n {
						t.Fatalf("the fault was not retried: %d attempts for %d requests", inj.attempts(), n)
					}
					countOnce(t, sc)
				})
			}
		})
	}
}

// countOnce checks the sandbox holds exactly one account, with one
// representative, one owner, and one bank account.
func countOnce(t *testing.T, sc stripeapi.Adapter) {
	t.Helper()
	ctx := context.Background()
	ids, err := stripetest.AccountIDs(ctx, sc)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 {
		t.Fatalf("%d accounts: %v", len(ids), ids)
	}
	names := map[string]int{}
	persons, err := sc.ListPersons(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range persons {
		names[p.FirstName+" "+p.LastName]++
	}
	if len(names) != 2 || names["Jenny Rosen"] != 1 || names["Ada Owner"] != 1 {
		t.Errorf("persons: %v", names)
	}
	_, banks, err := stripetest.Holdings(ctx, sc, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if banks != 1 {
		t.Errorf("%d bank accounts", banks)
	}
}

// cutPersons cuts every answer to a person create in half, with a clean
// end: the server acts each time, the client never reads a whole answer.
type cutPersons struct{ next http.RoundTripper }

func (c cutPersons) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(r)
	if err != nil || r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/persons") {
		return resp, err
	}
	raw, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close() // read or not needed: a failed close changes nothing
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(raw[:len(raw)/2]))
	resp.ContentLength = -1
	return resp, nil
}

// An answer that is never read whole fails the run with the step, the
// call and the status, and never quotes the body: for a person create it
// holds the person's address and date of birth (stripe-go's own error
// quotes 500 characters of it).
func TestACutAnswerIsNeverQuoted(t *testing.T) {
	sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() }) // the test is decided; nothing left to keep
	api, v2 := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_cut", APIBase: sandbox.APIBase,
		FilesBase: sandbox.FilesBase, Policy: instantPolicy(cutPersons{sb.Transport()}, &waits{})})
	cl := flows.New(api, flows.WithV2(v2), flows.WithClock(func() time.Time { return epoch }))
	ans, err := answers.Load(filepath.Join("..", "examples", "us-company.json"), answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "company",
		Capabilities: []string{"card_payments", "transfers"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = answers.Run(ctx, cl, a, flows.Strategy{Upfront: true}, ans, io.Discard)
	if err == nil {
		t.Fatal("the run went through although no person create was answered whole")
	}
	line := flows.ErrorLine(err)
	t.Log(line)
	for _, want := range []string{"Representative", "create person", "POST /v1/accounts/" + a.ID + "/persons", "HTTP 200"} {
		if !strings.Contains(line, want) {
			t.Errorf("the error does not say %q: %s", want, line)
		}
	}
	for _, leak := range []string{"{", "San Francisco", "1901", "jenny@example.com", "body sample"} {
		if strings.Contains(line, leak) || strings.Contains(err.Error(), leak) {
			t.Errorf("the error quotes the answer (%q): %s", leak, err)
		}
	}
}

// cutCreates cuts the answer of the first n attempts of an account create
// (v1 or v2): the server creates, the client never reads the id.
type cutCreates struct {
	next http.RoundTripper
	n    int

	mu   sync.Mutex
	seen int
}

func (c *cutCreates) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(r)
	if err != nil || r.Method != http.MethodPost || (r.URL.Path != "/v1/accounts" && r.URL.Path != "/v2/core/accounts") {
		return resp, err
	}
	c.mu.Lock()
	c.seen++
	cut := c.seen <= c.n
	c.mu.Unlock()
	if !cut {
		return resp, nil
	}
	raw, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close() // read or not needed: a failed close changes nothing
	resp.Body = io.NopCloser(bytes.NewReader(raw[:len(raw)/2]))
	resp.ContentLength = -1
	return resp, nil
}

// A create whose answer is lost on every attempt the request policy makes
// is replayed once more with the same key: Stripe answers with the
// account it made, so the run knows its id and no second account exists.
// Lost even then, the failure says the account may exist and how to find
// it, and still only one was made.
func TestALostCreateIsFoundAgain(t *testing.T) {
	for _, api := range []string{"v1", "v2"} {
		for _, cut := range []int{4, 1000} {
			t.Run(fmt.Sprintf("%s/%d cut", api, cut), func(t *testing.T) {
				sb, err := sandbox.Open(filepath.Join(t.TempDir(), "sb.db"), sandbox.WithClock(func() time.Time { return epoch }))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = sb.Close() }) // the test is decided; nothing left to keep
				inj := &cutCreates{next: sb.Transport(), n: cut}
				pol := instantPolicy(inj, &waits{})
				pol.Attempts = 4
				api2, v2 := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_lost", APIBase: sandbox.APIBase,
					FilesBase: sandbox.FilesBase, Policy: pol})
				cl := flows.New(api2, flows.WithV2(v2), flows.WithClock(func() time.Time { return epoch }))
				a, err := cl.Create(context.Background(), flows.NewAccount{API: api, Country: "US", BusinessType: "company",
					Email: "lost@example.com", Capabilities: []string{"card_payments", "transfers"}})
				check, _ := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_check", APIBase: sandbox.APIBase,
					Policy: flows.NewPolicy(sb.Transport(), "en")})
				ids, lerr := stripetest.AccountIDs(context.Background(), check)
				if lerr != nil {
					t.Fatal(lerr)
				}
				if len(ids) != 1 {
					t.Fatalf("%d accounts after %d attempts: %v", len(ids), inj.seen, ids)
				}
				if cut < 1000 {
					if err != nil || a.ID != ids[0] {
						t.Fatalf("the replayed create: %q, %v (the account is %s)", a.ID, err, ids[0])
					}
					return
				}
				var lost *flows.CreateLostError
				if !errors.As(err, &lost) {
					t.Fatalf("a create never answered: %v", err)
				}
				line := flows.ErrorLine(err)
				t.Log(line)
				if !strings.Contains(line, "onboard accounts") || strings.Contains(line, "{") || strings.Count(line, "cut short") != 1 {
					t.Errorf("the failure says: %s", line)
				}
			})
		}
	}
}
