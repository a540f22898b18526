package wire

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"time"
)

// DebugLog writes one line per request of l to w: time, method, path,
// status, request id, duration and retries. Records hold no key and no
// sensitive value, and the line carries neither parameters nor bodies.
func DebugLog(l *Log, w io.Writer, now func() time.Time) {
	l.Subscribe(func(r Record) {
		status := strconv.Itoa(r.Status)
		if r.Err != "" {
			status = "error"
		}
		// A debug line that cannot be written is no reason to fail the request.
		_, _ = fmt.Fprintf(w, "%s request %s %s status=%s request_id=%s duration=%dms retries=%d\n",
			now().UTC().Format(time.RFC3339), r.Method, r.RealPath(), status, r.RequestID,
			r.Duration.Milliseconds(), r.Retries)
	})
}

// RotatingFile is a log file bounded in size: past MaxBytes it is renamed
// to path.1 (path.1 to path.2, …) and a new one started; Keep old files are
// kept. Files are created with mode 0600.
type RotatingFile struct {
	path     string
	maxBytes int64
	keep     int
	mu       sync.Mutex
	f        *os.File
	size     int64
}

// OpenRotating opens (appends to) the log at path.
func OpenRotating(path string, maxBytes int64, keep int) (*RotatingFile, error) {
	r := &RotatingFile{path: path, maxBytes: maxBytes, keep: keep}
	if err := r.open(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *RotatingFile) open() error {
	f, err := os.OpenFile(r.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("open log: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		_ = f.Close() // Stat failed: that error is the one to report
		return fmt.Errorf("open log: %w", err)
	}
	r.f, r.size = f, st.Size()
	return nil
}

// Write appends p, rotating first when p would take the file past its
// bound.
func (r *RotatingFile) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return 0, os.ErrClosed
	}
	if r.size > 0 && r.size+int64(len(p)) > r.maxBytes {
		if err := r.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := r.f.Write(p)
	r.size += int64(n)
	return n, err
}

func (r *RotatingFile) rotate() error {
	_ = r.f.Close() // rotated away whatever the outcome; the next write opens a new file
	r.f = nil
	_ = os.Remove(fmt.Sprintf("%s.%d", r.path, r.keep))
	for i := r.keep - 1; i >= 1; i-- {
		_ = os.Rename(fmt.Sprintf("%s.%d", r.path, i), fmt.Sprintf("%s.%d", r.path, i+1))
	}
	if r.keep > 0 {
		if err := os.Rename(r.path, r.path+".1"); err != nil {
			return fmt.Errorf("rotate log: %w", err)
		}
	} else {
		_ = os.Remove(r.path)
	}
	return r.open()
}

// Close closes the current file.
func (r *RotatingFile) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.f = nil
	return err
}
