package main

import (
	"errors"
	"net/http"
	"path/filepath"
	"testing"

	"onboard/sandbox"
)

// The sandbox opened in the background: a request waits for it and is
// served; one that could not be opened fails every request, Ready and
// nothing else (Close has nothing to close).
func TestEmbeddedOpenedInTheBackground(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sb.db")
	release := make(chan struct{})
	e := openEmbedded(func() (*sandbox.Sandbox, error) { <-release; return sandbox.Open(path) })
	got := make(chan error, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodGet, sandbox.APIBase+"/v1/accounts", nil)
		req.SetBasicAuth("sk_test_x", "")
		resp, err := e.RoundTrip(req)
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				err = errors.New(resp.Status)
			}
		}
		got <- err
	}()
	select {
	case err := <-got:
		t.Fatalf("a request was answered before the sandbox opened: %v", err)
	default:
	}
	close(release)
	if err := <-got; err != nil {
		t.Fatalf("the request once open: %v", err)
	}
	if err := e.Ready(); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}

	broken := errors.New("no room")
	f := openEmbedded(func() (*sandbox.Sandbox, error) { return nil, broken })
	req, _ := http.NewRequest(http.MethodGet, sandbox.APIBase+"/v1/accounts", nil)
	if _, err := f.RoundTrip(req); !errors.Is(err, broken) {
		t.Errorf("a request to a sandbox that did not open: %v", err)
	}
	if err := f.Ready(); !errors.Is(err, broken) {
		t.Errorf("Ready: %v", err)
	}
	if err := f.Close(); err != nil {
		t.Errorf("Close of a sandbox never opened: %v", err)
	}
}
