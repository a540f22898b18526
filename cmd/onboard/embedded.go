package main

import (
	"net/http"

	"onboard/sandbox"
)

// embedded is the in-process sandbox of a session: opened at once for a
// scripted command (an error stops it before anything runs), or beside
// the interactive program's start, its first request waiting for it.
// As a RoundTripper it is the sandbox's transport.
type embedded struct {
	done chan struct{}
	sb   *sandbox.Sandbox
	rt   http.RoundTripper
	err  error
}

// openEmbedded opens the sandbox in the background.
func openEmbedded(open func() (*sandbox.Sandbox, error)) *embedded {
	e := &embedded{done: make(chan struct{})}
	go func() {
		defer close(e.done)
		e.sb, e.err = open()
		if e.err == nil {
			e.rt = e.sb.Transport()
		}
	}()
	return e
}

// openedEmbedded is a sandbox already open.
func openedEmbedded(sb *sandbox.Sandbox) *embedded {
	e := &embedded{done: make(chan struct{}), sb: sb, rt: sb.Transport()}
	close(e.done)
	return e
}

// Ready waits for the sandbox to be open and says why it could not be.
func (e *embedded) Ready() error {
	<-e.done
	return e.err
}

// RoundTrip waits for the sandbox, then serves req; a sandbox that could
// not be opened fails every request with why.
func (e *embedded) RoundTrip(req *http.Request) (*http.Response, error) {
	select {
	case <-e.done:
	case <-req.Context().Done():
		return nil, req.Context().Err()
	}
	if e.err != nil {
		return nil, e.err
	}
	return e.rt.RoundTrip(req)
}

// Warm does the sandbox's one-time work for the first account request
// (sandbox.Sandbox.Warm), once it is open.
func (e *embedded) Warm() {
	<-e.done
	if e.err == nil {
		e.sb.Warm()
	}
}

// Close closes the sandbox once it is open.
func (e *embedded) Close() error {
	<-e.done
	if e.err != nil {
		return nil // never opened: nothing to close (the requests said why)
	}
	return e.sb.Close()
}
