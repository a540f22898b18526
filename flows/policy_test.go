package flows_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"onboard/flows"
	"onboard/flows/explore"
	"onboard/flows/stripeapi"
	"onboard/schema"
)

// Every call of the API, list pages, event lists and uploads included, is
// retried after a transient failure: here each request's first attempt
// answers 503, and every call still succeeds. Uploads go to the files
// host, everything else to the API host.
func TestEveryCallIsRetried(t *testing.T) {
	inj := &faulty{at: -1, fault: fault503, alternate: true}
	w := &waits{}
	policyEnv(t, inj, w) // the sandbox behind inj
	api, v2 := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_policy", APIBase: "http://sandbox.onboard.invalid",
		FilesBase: "http://files.sandbox.onboard.invalid", Policy: instantPolicy(inj, w)})
	ctx := context.Background()
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %s", what, flows.Message(err))
		}
	}
	acct, err := api.CreateAccount(ctx, flows.NewAccount{Country: "US", BusinessType: "company",
		Capabilities: []string{"transfers"}}, "onboard-test-create")
	must("create account", err)
	_, err = api.GetAccount(ctx, acct.ID)
	must("get account", err)
	_, _, err = api.UpdateAccount(ctx, acct.ID, []schema.Param{{Key: "business_profile[mcc]", Value: "5734"}}, "onboard-test-update")
	must("update account", err)
	must("create person", api.CreatePerson(ctx, acct.ID, []schema.Param{{Key: "first_name", Value: "Ada"}}, "onboard-test-person"))
	persons, err := api.ListPersons(ctx, acct.ID)
	must("list persons", err)
	if len(persons) != 1 {
		t.Fatalf("%d persons", len(persons))
	}
	person := persons[0]
	must("update person", api.UpdatePerson(ctx, acct.ID, person.ID, []schema.Param{{Key: "last_name", Value: "Owner"}}, "onboard-test-person-2"))
	_, err = api.ListCapabilities(ctx, acct.ID)
	must("list capabilities", err)
	file, err := api.UploadFile(ctx, flows.Upload{Purpose: "identity_document", Name: "id.png", Body: bytes.NewReader(pngBytes)})
	must("upload file", err)
	if file == "" {
		t.Fatal("no file id")
	}
	var tp []schema.Param
	for k, v := range map[string]string{"bank_account[country]": "US", "bank_account[currency]": "usd",
		"bank_account[routing_number]": "110000000", "bank_account[account_number]": "000123456789",
		"bank_account[account_holder_type]": "company", "bank_account[account_holder_name]": "Furever"} {
		tp = append(tp, schema.Param{Key: k, Value: v})
	}
	tok, err := api.CreateToken(ctx, tp, "onboard-test-token")
	must("create token", err)
	must("attach bank account", api.AttachBankAccount(ctx, acct.ID, tok, "onboard-test-bank"))
	_, err = api.CreateAccountLink(ctx, flows.LinkRequest{Account: acct.ID, Type: "account_onboarding",
		RefreshURL: "https://example.com/r", ReturnURL: "https://example.com/d"})
	must("create account link", err)
	events := 0
	must("list events", api.ListEvents(ctx, acct.ID, flows.EventAccountUpdated, "", func(flows.Event) bool { events++; return true }))
	if events == 0 {
		t.Fatal("no events")
	}
	_, err = api.ListAccountsPage(ctx, flows.AccountsQuery{})
	must("list accounts", err)
	_, err = v2.CreateAccount(ctx, map[string]any{"contact_email": "ops@example.com", "dashboard": "none",
		"identity":      map[string]any{"country": "us", "entity_type": "company"},
		"configuration": map[string]any{"recipient": map[string]any{}}}, "onboard-test-v2")
	must("v2 create", err)
	must("delete person", api.DeletePerson(ctx, acct.ID, person.ID))
	must("delete account", api.DeleteAccount(ctx, acct.ID))

	for i, req := range inj.requests {
		if i%2 == 1 && inj.requests[i-1] != req {
			t.Errorf("attempt %d (%s) is not the retry of %s", i, req, inj.requests[i-1])
		}
		isUpload := strings.HasSuffix(req, "/v1/files") && strings.HasPrefix(req, "POST ")
		if isUpload != strings.Contains(req, " files.sandbox.onboard.invalid/") {
			t.Errorf("%s went to the wrong host", req)
		}
	}
	if len(w.all) != len(inj.requests)/2 {
		t.Errorf("%d waits for %d attempts", len(w.all), len(inj.requests))
	}
}

// pngBytes is a 1×1 PNG.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

// scripted answers attempts from a list, and counts them.
type scripted struct {
	mu      sync.Mutex
	answers []func(*http.Request) (*http.Response, error)
	n       int
}

func (s *scripted) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	i := s.n
	s.n++
	s.mu.Unlock()
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body) // drained only so the client may reuse the connection
		_ = r.Body.Close()                 // the request is answered here, not sent on
	}
	if i >= len(s.answers) {
		return answer(http.StatusOK, nil)(r)
	}
	return s.answers[i](r)
}

func answer(status int, h http.Header) func(*http.Request) (*http.Response, error) {
	return func(r *http.Request) (*http.Response, error) {
		if h == nil {
			h = http.Header{}
		}
		body := `{"id":"acct_1","object":"account"}`
		if status >= 300 {
			body = `{"error":{"type":"api_error","message":"scripted"}}`
		}
		return &http.Response{StatusCode: status, Header: h, Request: r, Body: io.NopCloser(strings.NewReader(body))}, nil
	}
}

func reset(*http.Request) (*http.Response, error) {
	return nil, &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
}

// The policy's rules, one request each: what is retried, how long it
// waits, what stops it.
func TestPolicyRules(t *testing.T) {
	h := func(kv ...string) http.Header {
		out := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			out.Set(kv[i], kv[i+1])
		}
		return out
	}
	cases := []struct {
		name     string
		method   string
		key      string
		answers  []func(*http.Request) (*http.Response, error)
		attempts int
		status   int
		wait     time.Duration // the first wait, when there is one (jitter 0)
	}{
		{"read 503", "GET", "", []func(*http.Request) (*http.Response, error){answer(503, nil)}, 2, 200, 500 * time.Millisecond},
		{"read 500", "GET", "", []func(*http.Request) (*http.Response, error){answer(500, nil)}, 2, 200, 500 * time.Millisecond},
		{"read reset", "GET", "", []func(*http.Request) (*http.Response, error){reset}, 2, 200, 500 * time.Millisecond},
		{"keyed write 503", "POST", "k1", []func(*http.Request) (*http.Response, error){answer(503, nil)}, 2, 200, 500 * time.Millisecond},
		{"keyed write reset", "POST", "k1", []func(*http.Request) (*http.Response, error){reset}, 2, 200, 500 * time.Millisecond},
		{"unkeyed write 503", "POST", "", []func(*http.Request) (*http.Response, error){answer(503, nil)}, 1, 503, 0},
		{"unkeyed write reset", "POST", "", []func(*http.Request) (*http.Response, error){reset}, 1, 0, 0},
		{"429 without Retry-After", "GET", "", []func(*http.Request) (*http.Response, error){answer(429, nil)}, 2, 200, 500 * time.Millisecond},
		{"429 Retry-After 7", "GET", "", []func(*http.Request) (*http.Response, error){answer(429, h("Retry-After", "7"))}, 2, 200, 7 * time.Second},
		{"Stripe-Should-Retry false", "GET", "", []func(*http.Request) (*http.Response, error){answer(503, h("Stripe-Should-Retry", "false"))}, 1, 503, 0},
		{"Stripe-Should-Retry true", "POST", "k1", []func(*http.Request) (*http.Response, error){answer(409, h("Stripe-Should-Retry", "true"))}, 2, 200, 500 * time.Millisecond},
		{"400 is final", "POST", "k1", []func(*http.Request) (*http.Response, error){answer(400, nil)}, 1, 400, 0},
		{"backoff grows", "GET", "", []func(*http.Request) (*http.Response, error){answer(503, nil), answer(503, nil), answer(503, nil)}, 4, 200, 500 * time.Millisecond},
		{"attempts are bounded", "GET", "", []func(*http.Request) (*http.Response, error){answer(503, nil), answer(503, nil), answer(503, nil), answer(503, nil), answer(503, nil)}, 4, 503, 500 * time.Millisecond},
		{"redirect", "POST", "k1", []func(*http.Request) (*http.Response, error){answer(307, h("Location", "http://elsewhere.example/v1/accounts"))}, 1, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &scripted{answers: c.answers}
			w := &waits{}
			p := instantPolicy(s, w)
			p.Jitter = func(time.Duration) time.Duration { return 0 }
			req, _ := http.NewRequest(c.method, "http://api.example/v1/accounts", strings.NewReader("a=b"))
			if c.key != "" {
				req.Header.Set("Idempotency-Key", c.key)
			}
			resp, err := flows.NewHTTPClient(p).Do(req)
			status := 0
			if err == nil {
				status = resp.StatusCode
				_ = resp.Body.Close() // read or not needed: a failed close changes nothing
			}
			if s.n != c.attempts || status != c.status {
				t.Fatalf("%d attempts, status %d (%v); want %d, %d", s.n, status, err, c.attempts, c.status)
			}
			if len(w.all) != c.attempts-1 {
				t.Fatalf("waits %v", w.all)
			}
			if len(w.all) > 0 && w.all[0] != c.wait {
				t.Fatalf("first wait %v, want %v", w.all[0], c.wait)
			}
			for i := 1; i < len(w.all); i++ {
				if w.all[i] <= w.all[i-1] {
					t.Fatalf("waits do not grow: %v", w.all)
				}
			}
			var re *flows.RedirectError
			if c.name == "redirect" && (!errors.As(err, &re) || re.Location != "http://elsewhere.example/v1/accounts") {
				t.Fatalf("redirect: %v", err)
			}
		})
	}
}

// hang never answers: it waits until the attempt's context ends.
type hang struct {
	mu sync.Mutex
	n  int
}

func (h *hang) RoundTrip(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.n++
	h.mu.Unlock()
	<-r.Context().Done()
	return nil, r.Context().Err()
}

// An API that never answers does not hang a run: each attempt has a
// timeout, and the run's budget stops retrying once it is spent, after
// which a request gets one attempt. (The timeout is shortened here so the
// test is quick; the budget is counted, never measured by the test.)
func TestNoAnswerEndsWithinTheRunBudget(t *testing.T) {
	up := &hang{}
	w := &waits{}
	p := instantPolicy(up, w)
	p.Timeout = 20 * time.Millisecond
	p.Budget = 2 * time.Second
	p.Jitter = func(time.Duration) time.Duration { return 0 }
	api, _ := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_hang", APIBase: "http://127.0.0.1:1", Policy: p})
	ctx := context.Background()
	for i := 0; ; i++ {
		before := up.n
		_, err := api.GetAccount(ctx, "acct_1")
		var te *flows.TimeoutError
		if !errors.As(err, &te) || !strings.Contains(flows.Message(err), "no answer from 127.0.0.1:1 within") {
			t.Fatalf("request %d: %v", i, err)
		}
		if p.Spent() > p.Budget {
			t.Fatalf("spent %v of a %v budget", p.Spent(), p.Budget)
		}
		if up.n-before == 1 {
			break // the budget is spent: no more retries
		}
		if i > 3 {
			t.Fatalf("still retrying after %d requests (waits %v)", i, w.all)
		}
	}
}

// Policy errors speak the operator's language.
func TestPolicyErrorsInFrench(t *testing.T) {
	e := &flows.RedirectError{Status: 307, Location: "http://x", Lang: schema.French}
	if !strings.Contains(e.Error(), "ne suit jamais") || !strings.Contains(e.Error(), "\u00a0;") {
		t.Fatal(e.Error())
	}
}

// On a live key, every change waits for the account's country code, in
// every driver: the rule is the client's. A wrong code sends nothing; the
// explorer never runs; a confirmation given beforehand through the context
// (the TUI's screen) is used instead of the hook.
func TestLiveRuleForEveryChange(t *testing.T) {
	inj := &faulty{at: -1}
	plain, _ := policyEnv(t, inj, &waits{})
	ctx := context.Background()
	var asked []flows.LiveChange
	answer := "us"
	api, v2 := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_live_rule", APIBase: "http://sandbox.onboard.invalid",
		Policy: instantPolicy(inj, &waits{})})
	cl := flows.New(api, flows.WithV2(v2), flows.WithClock(func() time.Time { return epoch }),
		flows.WithLive(func(_ context.Context, ch flows.LiveChange) (string, error) {
			asked = append(asked, ch)
			return answer + "\n", nil
		}))
	a, err := cl.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"transfers"}})
	if err != nil || len(asked) != 1 || asked[0].Country != "US" || asked[0].Account != "" {
		t.Fatalf("create: %v asked %+v", err, asked)
	}
	steps := flows.Plan(a, flows.Strategy{}, nil, schema.English)
	values := map[string]string{"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com"}
	answer = "FR"
	before := inj.attempts()
	var le *flows.LiveError
	if _, err := cl.Submit(ctx, a, steps[0], values); !errors.As(err, &le) || !strings.Contains(err.Error(), "nothing was changed") {
		t.Fatalf("a wrong code: %v", err)
	}
	if inj.attempts() != before || len(asked) != 2 || asked[1].Account != a.ID {
		t.Fatalf("a refused change sent %d requests (asked %+v)", inj.attempts()-before, asked)
	}
	if _, err := cl.Submit(flows.WithConfirmation(ctx, "US"), a, steps[0], values); err != nil || len(asked) != 2 {
		t.Fatalf("confirmed beforehand: %v (asked %d times)", err, len(asked))
	}
	if _, err := explore.Run(ctx, cl, explore.Setup{Country: "US", BusinessType: "individual", Capabilities: []string{"transfers"}}); !errors.As(err, &le) || !le.Explore {
		t.Fatalf("explore on a live key: %v", err)
	}
	if _, err := flows.New(api, flows.WithLive(nil)).Create(ctx, flows.NewAccount{Country: "US"}); !errors.As(err, &le) {
		t.Fatalf("no way to ask, yet a change went through: %v", err)
	}
	// A test-mode client never asks.
	if _, err := plain.Create(ctx, flows.NewAccount{Country: "US", BusinessType: "individual", Capabilities: []string{"transfers"}}); err != nil {
		t.Fatal(err)
	}
}

// hosts records the host of every request and answers 200.
type hosts struct {
	mu  sync.Mutex
	all []string
}

func (h *hosts) RoundTrip(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.all = append(h.all, r.Method+" "+r.URL.Scheme+"://"+r.URL.Host+r.URL.Path)
	h.mu.Unlock()
	return answer(http.StatusOK, nil)(r)
}

// Uploads go to Stripe's files host by default and to the given base
// otherwise (a local simulator), never to the API host by accident:
// stripe-go's NewBackendsWithConfig would copy the API URL to them.
func TestUploadsGoToTheFilesHost(t *testing.T) {
	for _, c := range []struct{ api, files, wantAPI, wantFiles string }{
		{"", "", "https://api.stripe.com", "https://files.stripe.com"},
		{"https://api.stripe.com", "", "https://api.stripe.com", "https://files.stripe.com"},
		{"http://127.0.0.1:12111", "http://127.0.0.1:12111", "http://127.0.0.1:12111", "http://127.0.0.1:12111"},
	} {
		h := &hosts{}
		api, _ := stripeapi.Connect(stripeapi.Endpoint{Key: "sk_test_hosts", APIBase: c.api, FilesBase: c.files,
			Policy: flows.NewPolicy(h, schema.English)})
		ctx := context.Background()
		if _, err := api.UploadFile(ctx, flows.Upload{Purpose: "identity_document", Name: "id.png", Body: bytes.NewReader(pngBytes)}); err != nil {
			t.Fatal(err)
		}
		if _, err := api.GetAccount(ctx, "acct_1"); err != nil {
			t.Fatal(err)
		}
		want := []string{"POST " + c.wantFiles + "/v1/files", "GET " + c.wantAPI + "/v1/accounts/acct_1"}
		if strings.Join(h.all, "|") != strings.Join(want, "|") {
			t.Errorf("%q/%q: %v, want %v", c.api, c.files, h.all, want)
		}
	}
}
