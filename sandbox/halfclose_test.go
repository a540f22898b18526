package sandbox

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// A client that sends a whole request and then half-closes its socket
// (shutdown(SHUT_WR), as `curl` through some proxies or a client that
// wants no more answers than this one does) gets that request served and
// committed: net/http cancels the request's context when it sees the EOF,
// and the transaction ran under it (500 "context canceled", the write
// rolled back).
func TestHalfClosedClientIsServed(t *testing.T) {
	sb, _ := openTest(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := sb.Server()
	go func() { _ = srv.Serve(ln) }() // returns ErrServerClosed at cleanup
	t.Cleanup(func() { _ = srv.Close() })
	const n = 20
	for i := range n {
		form := url.Values{"country": {"US"}, "type": {"custom"}, "metadata[n]": {fmt.Sprint(i)}, "capabilities[transfers][requested]": {"true"}}.Encode()
		conn, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		// A failed write shows as no answer below.
		_, _ = fmt.Fprintf(conn, "POST /v1/accounts HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer sk_test_half\r\n"+
			"Content-Type: application/x-www-form-urlencoded\r\nIdempotency-Key: half-%d\r\nContent-Length: %d\r\n\r\n%s",
			ln.Addr(), i, len(form), form)
		if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("request %d: no answer: %v", i, err)
		}
		body, _ := io.ReadAll(resp.Body)
		_ = conn.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("request %d: %d %s", i, resp.StatusCode, body)
		}
	}
	sc := newClient("sk_test_half", "http://"+ln.Addr().String(), http.DefaultClient)
	got := 0
	for _, err := range sc.V1Accounts.List(context.Background(), &stripe.AccountListParams{}) {
		if err != nil {
			t.Fatal(err)
		}
		got++
	}
	if got != n {
		t.Errorf("%d accounts stored for %d answered creates", got, n)
	}
	// Accounts v2 runs its own transaction: the same holds.
	body := `{"contact_email":"half@example.com","identity":{"country":"US"},"configuration":{"recipient":{"capabilities":{"stripe_balance":{"stripe_transfers":{"requested":true}}}}}}`
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close() }()
	// A failed write shows as no answer below.
	_, _ = fmt.Fprintf(conn, "POST /v2/core/accounts HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer sk_test_half\r\nStripe-Version: 2025-12-15.clover\r\n"+
		"Content-Type: application/json\r\nIdempotency-Key: half-v2\r\nContent-Length: %d\r\n\r\n%s", ln.Addr(), len(body), body)
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("v2: no answer: %v", err)
	}
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("v2: %d %s", resp.StatusCode, raw)
	}
}
