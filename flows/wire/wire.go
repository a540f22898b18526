// Package wire sees every request onboard sends to Stripe, at the HTTP
// layer: an http.RoundTripper wrapped around whatever transport the
// program uses (Stripe's API, a loopback sandbox, the embedded sandbox's
// in-process transport). Each request becomes a Record with its sensitive
// values already replaced by named placeholders, so a Record can be shown,
// logged or copied without ever holding an API key, an id number or a bank
// account number. Records render as curl commands and stripe-go calls.
//
// It names no Stripe SDK: the TUI shows its records as plain values.
package wire

import (
	"sync"
	"time"
)

// Param is one name/value pair of a request (a form parameter, a query
// parameter, a header, a multipart field). When Var is set the value is
// written as that variable: a placeholder the user fills in for a
// sensitive value (Secret, and Value is empty: the value is never kept),
// or the variable holding the id of an object an earlier request created
// (Value is that id, which is not a secret).
type Param struct {
	Key, Value string
	Var        string
	// Secret marks a placeholder for a sensitive value (as opposed to a
	// captured id): the user sets it before replaying.
	Secret bool
}

// Segment is a piece of a JSON body: literal text, or a variable.
type Segment struct {
	Text string
	Var  string
}

// Record is one request and its outcome, with sensitive values replaced.
type Record struct {
	Seq    int
	Method string
	// Origin is scheme://host as shown (the embedded sandbox shows as
	// Stripe's API host, since that is where the equivalent call goes).
	Origin string
	// Path is the URL path split at slashes, each segment possibly a
	// captured id's variable.
	Path   []Param
	Query  []Param
	Header []Param
	Form   []Param
	// JSON is a v2 request body; Multipart a file upload's fields.
	JSON      []Segment
	Multipart []Param
	Status    int
	RequestID string
	Duration  time.Duration
	// Retries counts the attempts after the first (the same idempotency
	// key sent again).
	Retries int
	Err     string
	// Created is the variable that holds the id of the object this request
	// created (ACCOUNT_1), empty when it created none; CreatedPrefix is
	// that id's prefix (acct_), to find it in the response.
	Created, CreatedPrefix string
	// Sensitive lists the placeholders this request uses.
	Sensitive []string
}

// PathString is the request path with variables written $NAME.
func (r Record) PathString() string {
	s := ""
	for _, p := range r.Path {
		s += "/"
		if p.Var != "" {
			s += "$" + p.Var
		} else {
			s += p.Value
		}
	}
	if s == "" {
		s = "/"
	}
	return s
}

// RealPath is the request path as sent (ids, never secrets, appear in
// paths).
func (r Record) RealPath() string {
	s := ""
	for _, p := range r.Path {
		s += "/" + p.Value
	}
	if s == "" {
		s = "/"
	}
	return s
}

// Log keeps the records of one run and tells subscribers about each.
// It is safe for concurrent use (the TUI sends requests from commands).
type Log struct {
	mu      sync.Mutex
	records []Record
	subs    []func(Record)
	names   *namer
}

// NewLog returns an empty log.
func NewLog() *Log { return &Log{names: newNamer()} }

// Records returns a copy of the records so far, oldest first.
func (l *Log) Records() []Record {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Record(nil), l.records...)
}

// Subscribe calls f after every request completes (after each attempt:
// a retry arrives as the same Seq with Retries increased). f runs on the
// requesting goroutine and must not block.
func (l *Log) Subscribe(f func(Record)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.subs = append(l.subs, f)
}

// add stores r, or folds it into an earlier record when it is a retry of
// it (same method, path and idempotency key), and notifies subscribers.
func (l *Log) add(r Record, idem string) Record {
	l.mu.Lock()
	out := r
	merged := false
	for i := len(l.records) - 1; i >= 0; i-- {
		old := &l.records[i]
		if old.Method != r.Method || old.PathString() != r.PathString() || !sameParams(old.Query, r.Query) {
			continue
		}
		// A write sent again with its idempotency key is a retry; a read
		// (no key) is one when the same read just failed.
		if (idem != "" && headerValue(old.Header, "Idempotency-Key") == idem) || (idem == "" && r.Method == "GET" && failed(*old)) {
			old.Retries++
			old.Status, old.RequestID, old.Err = r.Status, r.RequestID, r.Err
			old.Duration += r.Duration
			if old.Created == "" {
				old.Created, old.CreatedPrefix = r.Created, r.CreatedPrefix
			}
			out, merged = *old, true
		}
		break
	}
	if !merged {
		out.Seq = len(l.records) + 1
		l.records = append(l.records, out)
	}
	subs := make([]func(Record), len(l.subs))
	copy(subs, l.subs)
	l.mu.Unlock()
	for _, f := range subs {
		f(out)
	}
	return out
}

// failed reports an attempt worth retrying: no answer, rate limited or a
// server error.
func failed(r Record) bool { return r.Err != "" || r.Status == 429 || r.Status >= 500 }

func sameParams(a, b []Param) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func headerValue(ps []Param, key string) string {
	for _, p := range ps {
		if p.Key == key {
			return p.Value
		}
	}
	return ""
}
