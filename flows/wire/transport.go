package wire

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

// Transport records every request that goes through Base into Log.
type Transport struct {
	Base http.RoundTripper
	Log  *Log
	// Origin, when set, is the origin records show instead of the
	// request's own: the embedded sandbox's made-up host reads as Stripe's.
	Origin string
	// Now is the clock durations are measured with (time.Now if nil).
	Now func() time.Time
}

// Wrap returns an HTTP client whose transport records into log, around
// c's transport (http.DefaultTransport when c or its transport is nil).
// c's timeout and redirect policy are kept.
func Wrap(c *http.Client, log *Log, origin string) *http.Client {
	out := &http.Client{}
	if c != nil {
		*out = *c
	}
	out.Transport = &Transport{Base: out.Transport, Log: log, Origin: origin}
	return out
}

// RoundTrip sends req through Base and records it. The body is read once
// and handed on unchanged.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	now := t.Now
	if now == nil {
		now = time.Now
	}
	var body []byte
	if req.Body != nil && req.Body != http.NoBody {
		b, err := io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
		body = b
		// RoundTrippers must not modify the caller's request: send a copy
		// with the body we read.
		req = req.Clone(req.Context())
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		req.ContentLength = int64(len(body))
	}
	rec := t.Log.names.capture(req, body)
	if t.Origin != "" {
		rec.Origin = t.Origin
		if t.Origin == "https://api.stripe.com" && req.URL.Path == "/v1/files" {
			rec.Origin = "https://files.stripe.com" // Stripe's uploads host
		}
	}
	start := now()
	resp, err := base.RoundTrip(req)
	rec.Duration = now().Sub(start)
	if err != nil {
		rec.Err = err.Error()
		t.Log.add(rec, headerValue(rec.Header, "Idempotency-Key"))
		return resp, err
	}
	rec.Status = resp.StatusCode
	rec.RequestID = resp.Header.Get("Request-Id")
	if req.Method == http.MethodPost && resp.StatusCode/100 == 2 && resp.Body != nil {
		raw, rerr := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(raw))
		if rerr == nil {
			rec.Created, rec.CreatedPrefix = t.Log.names.createdFrom(raw)
		}
	}
	t.Log.add(rec, headerValue(rec.Header, "Idempotency-Key"))
	return resp, nil
}

// objectNames are the objects whose ids later requests use, and the
// variable each is held in.
var objectNames = map[string]string{
	"account": "ACCOUNT", "v2.core.account": "ACCOUNT",
	"person": "PERSON", "v2.core.account_person": "PERSON",
	"token": "TOKEN", "file": "FILE", "bank_account": "BANK_ACCOUNT",
}

// createdFrom names the object a response created, when later requests
// may refer to it and its id is new.
func (n *namer) createdFrom(raw []byte) (name, prefix string) {
	var obj struct {
		ID     string `json:"id"`
		Object string `json:"object"`
	}
	if json.Unmarshal(raw, &obj) != nil || obj.ID == "" {
		return "", ""
	}
	base := objectNames[obj.Object]
	i := strings.IndexByte(obj.ID, '_')
	if base == "" || i < 0 {
		return "", ""
	}
	v, fresh := n.created(base, obj.ID)
	if !fresh {
		return "", ""
	}
	return v, obj.ID[:i+1]
}
