package sandbox

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// APIBase and FilesBase are the base URLs to give stripe-go's API and
// Uploads backends when they use Transport: like Stripe, which takes
// uploads on files.stripe.com and everything else on api.stripe.com, the
// transport serves POST /v1/files only on a host that starts with
// "files." and every other endpoint only on the other hosts.
const (
	APIBase   = "http://api.sandbox.onboard.invalid"
	FilesBase = "http://files.sandbox.onboard.invalid"
)

// Transport returns an http.RoundTripper that serves requests with the
// sandbox's handler in-process: no port, no network. Give it to stripe-go
// as BackendConfig.HTTPClient's transport, with APIBase as the API
// backend's URL and FilesBase as the Uploads backend's (any hosts do, as
// long as only the uploads one starts with "files.").
func (s *Sandbox) Transport() http.RoundTripper {
	return roundTripper{h: hostSplit{s, s.Handler()}}
}

type roundTripper struct{ h http.Handler }

// hostSplit refuses requests sent to the wrong one of Stripe's two hosts.
// The standalone server (one address) does not use it.
type hostSplit struct {
	sb *Sandbox
	h  http.Handler
}

// ServeHTTP refuses an upload off the files host and anything else on it.
func (hs hostSplit) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	onFiles := strings.HasPrefix(strings.ToLower(host), "files.")
	upload := r.Method == http.MethodPost && strings.TrimRight(r.URL.Path, "/") == "/v1/files"
	if onFiles != upload {
		e := errWrongHost(r.Method, r.URL.Path)
		w.Header().Set("Request-Id", newID("req_", 14))
		w.Header().Set("Stripe-Version", answeredVersion(r.Header.Get("Stripe-Version")))
		hs.sb.setDate(w, r, time.Time{})
		writeJSON(w, e.Status, mustJSON(e.body(w.Header().Get("Request-Id"))))
		return
	}
	hs.h.ServeHTTP(w, r)
}

// RoundTrip runs the handler on a server-side copy of the request and
// returns the recorded response. It honours the request context both before
// and after the handler runs, like a network transport would.
func (t roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if err := ctx.Err(); err != nil {
		closeBody(req)
		return nil, err
	}
	in := req.Clone(ctx)
	if req.Body == nil {
		in.Body = http.NoBody
	}
	in.RequestURI = req.URL.RequestURI()
	in.RemoteAddr = "127.0.0.1:0"
	if in.Host == "" {
		in.Host = req.URL.Host
	}
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	t.h.ServeHTTP(rec, in)
	closeBody(req)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	body := rec.body.Bytes()
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", rec.status, http.StatusText(rec.status)),
		StatusCode:    rec.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        rec.header,
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}, nil
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}

// recorder is a minimal http.ResponseWriter that keeps the response in
// memory (net/http/httptest is meant for tests, not for library code).
type recorder struct {
	header      http.Header
	status      int
	wroteHeader bool
	body        bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.wroteHeader {
		return
	}
	r.status, r.wroteHeader = status, true
}

func (r *recorder) Write(b []byte) (int, error) {
	if !r.wroteHeader {
		r.WriteHeader(http.StatusOK)
	}
	return r.body.Write(b)
}
