package sandbox

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// serveForm runs one request through h with a test key and returns the answer.
func serveForm(t *testing.T, h http.Handler, method, path string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
	req.Header.Set("Authorization", "Bearer sk_test_x")
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// withoutSnapshotStep serves f's requests through the chain as it is
// without the snapshot step: what a retrieve answered before that step.
func withoutSnapshotStep(f func()) {
	saved := chain
	step := reflect.ValueOf(snapshotStep).Pointer()
	chain = slices.DeleteFunc(slices.Clone(chain), func(m middleware) bool { return reflect.ValueOf(m).Pointer() == step })
	if len(chain) != len(saved)-1 {
		panic("the snapshot step is not in the chain")
	}
	defer func() { chain = saved }()
	f()
}

// The retrieve answered from the stored snapshot in one statement is the
// answer of the whole chain — body and headers but the request id —
// before and after a pending verification settles, as the clock is moved
// by another process on the same database; once a verification has come
// due, the snapshot is not used until the chain has published it.
func TestSnapshotStepAnswersAsTheChain(t *testing.T) {
	sb, path := openTest(t)
	h := sb.Handler()
	quiet := serveForm(t, h, http.MethodPost, "/v1/accounts", url.Values{"type": {"custom"}, "country": {"US"}, "capabilities[transfers][requested]": {"true"}})
	var other struct{ ID string }
	if err := json.Unmarshal(quiet.Body.Bytes(), &other); err != nil || quiet.Code != http.StatusOK {
		t.Fatalf("create: %d %s", quiet.Code, quiet.Body)
	}
	rec := serveForm(t, h, http.MethodPost, "/v1/accounts", url.Values{"type": {"custom"}, "country": {"US"},
		"business_type": {"individual"}, "capabilities[transfers][requested]": {"true"}})
	var acct struct{ ID string }
	if err := json.Unmarshal(rec.Body.Bytes(), &acct); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	form := url.Values{}
	for i := 0; i < len(identityFields); i += 2 {
		form.Set(identityFields[i], identityFields[i+1])
	}
	if rec := serveForm(t, h, http.MethodPost, "/v1/accounts/"+acct.ID, form); rec.Code != http.StatusOK {
		t.Fatalf("update: %d %s", rec.Code, rec.Body)
	}
	var wake int64
	if err := sb.db.QueryRow(`SELECT wake_at FROM accounts WHERE id = ?`, acct.ID).Scan(&wake); err != nil || wake == 0 {
		t.Fatalf("the update left nothing pending (wake_at %d, %v): the test needs a verification to settle", wake, err)
	}

	same := func(when string) {
		t.Helper()
		fast := serveForm(t, h, http.MethodGet, "/v1/accounts/"+acct.ID, nil)
		var slow *httptest.ResponseRecorder
		withoutSnapshotStep(func() { slow = serveForm(t, h, http.MethodGet, "/v1/accounts/"+acct.ID, nil) })
		if fast.Code != slow.Code || fast.Body.String() != slow.Body.String() {
			t.Errorf("%s: the snapshot step answered %d\n%s\nthe chain %d\n%s", when, fast.Code, fast.Body, slow.Code, slow.Body)
		}
		fh, sh := fast.Result().Header, slow.Result().Header
		fh.Del("Request-Id")
		sh.Del("Request-Id")
		if !maps.EqualFunc(fh, sh, slices.Equal) {
			t.Errorf("%s: headers differ:\nsnapshot step %v\nchain         %v", when, fh, sh)
		}
	}
	if _, _, ok := sb.readSnapshot(context.Background(), acct.ID); !ok {
		t.Fatal("a fresh snapshot with nothing due was not served from the snapshot")
	}
	same("pending")
	if !strings.Contains(serveForm(t, h, http.MethodGet, "/v1/accounts/"+acct.ID, nil).Body.String(), `"pending_verification":["individual`) {
		t.Fatalf("nothing pending verification in the answer")
	}

	// Another process moves the clock past the settle time.
	proc, err := Open(path, WithClock(fixedClock))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := proc.Advance(context.Background(), time.Hour); err != nil {
		t.Fatal(err)
	}
	_ = proc.Close()
	// Until the settled verification is published (with its event), no
	// snapshot is served from the store, the other account's neither.
	for _, id := range []string{acct.ID, other.ID} {
		if _, _, ok := sb.readSnapshot(context.Background(), id); ok {
			t.Fatalf("%s: a verification came due, yet the stored snapshot was served as current", id)
		}
	}
	settled := serveForm(t, h, http.MethodGet, "/v1/accounts/"+acct.ID, nil)
	if strings.Contains(settled.Body.String(), `"pending_verification":["individual`) {
		t.Errorf("still pending verification an hour past the delay:\n%s", settled.Body)
	}
	if want := baseTime.Add(time.Hour).Format(http.TimeFormat); settled.Header().Get("Date") != want {
		t.Errorf("Date %q, want the sandbox clock %q", settled.Header().Get("Date"), want)
	}
	if _, _, ok := sb.readSnapshot(context.Background(), acct.ID); !ok {
		t.Error("once published, the settled snapshot was not served from the snapshot")
	}
	same("settled")

	// No such account: the chain answers, as it always did.
	if rec := serveForm(t, h, http.MethodGet, "/v1/accounts/acct_missing", nil); rec.Code != http.StatusNotFound {
		t.Errorf("missing account: %d %s", rec.Code, rec.Body)
	}
}
