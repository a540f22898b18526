// Package textout is what the scripted commands print for people and
// tools: an account's status, the account list as a table or JSON, the
// explorer's requirements, comparisons and matrices, and how a failed
// run reads (with the command that resumes it). Everything it writes
// that came from Stripe or a file is made safe for a terminal first
// (package untrusted).
//
// It reads no flag and no configuration: the command hands it a writer,
// the values and the language.
package textout

import (
	"fmt"
	"io"
)

// Writer is an output stream that remembers its first write error: a
// command prints freely and asks Err once at the end, so that a run
// whose output went nowhere (a closed pipe, a full disk) does not exit 0.
// After an error, writes are dropped and return that error.
type Writer struct {
	w   io.Writer
	err error
}

// NewWriter wraps w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

func (w *Writer) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	if err != nil {
		w.err = err
	}
	return n, err
}

// Err is the first write error, or nil.
func (w *Writer) Err() error { return w.err }

// Printf writes as fmt.Fprintf does; an error is kept for Err.
func (w *Writer) Printf(format string, args ...any) {
	_, _ = fmt.Fprintf(w, format, args...) // kept in w.err
}

// Println writes as fmt.Fprintln does; an error is kept for Err.
func (w *Writer) Println(args ...any) {
	_, _ = fmt.Fprintln(w, args...) // kept in w.err
}
