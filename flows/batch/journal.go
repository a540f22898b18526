package batch

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// A journal is a batch's memory across runs: one JSON object per line,
// appended and synced to disk before the step it announces (a create) or
// after the one it records, so a process killed at any instant loses at
// most the step in flight, and that step is found again on the next run
// (the create by its idempotency key or the account's metadata). It
// holds row keys, account ids and states, never an answer.
type journal struct {
	mu   sync.Mutex
	f    *os.File
	last map[string]Entry
}

// Entry is one line of a journal.
type Entry struct {
	Key string `json:"key"`
	// Event is "create" (a create is about to be sent), "account" (the
	// row's account is known), "done", "due" (ran, fields still due) or
	// "failed".
	Event   string `json:"event"`
	Account string `json:"account,omitempty"`
	State   string `json:"state,omitempty"`
	// Sent says a create was sent for the row (kept once set): with no
	// account known, the next run looks for the one it may have made.
	Sent bool      `json:"sent,omitempty"`
	At   time.Time `json:"at"`
}

// Journal events.
const (
	evCreate  = "create"
	evAccount = "account"
	evDone    = "done"
	evDue     = "due"
	evFailed  = "failed"
)

// ID names a batch by its file: the same file, edited or not, is the
// same batch (its rows' keys name the same accounts); a file elsewhere
// is another batch.
func ID(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	sum := sha256.Sum256([]byte(abs))
	return hex.EncodeToString(sum[:])[:16]
}

// openJournal opens (creating) the journal at path, mode 0600, and reads
// what earlier runs recorded. A last line cut short by a kill is ignored.
func openJournal(path string) (*journal, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	_, statErr := os.Stat(path)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	if errors.Is(statErr, fs.ErrNotExist) {
		// A new journal's directory entry is synced too, so its lines
		// cannot outlive its name in a crash.
		if dir, err := os.Open(filepath.Dir(path)); err == nil {
			_ = dir.Sync() // not every file system syncs a directory
			_ = dir.Close()
		}
	}
	j := &journal{f: f, last: map[string]Entry{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var size int64
	for sc.Scan() {
		line := sc.Bytes()
		size += int64(len(line)) + 1
		var e Entry
		if json.Unmarshal(line, &e) != nil || e.Key == "" {
			continue
		}
		j.merge(e)
	}
	if err := sc.Err(); err != nil {
		_ = f.Close()
		return nil, err
	}
	// A line cut short (no newline) is ended, so the next entry starts
	// on a line of its own.
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, st.Size()-1); err == nil && last[0] != '\n' {
			if _, err := f.Write([]byte("\n")); err != nil {
				_ = f.Close()
				return nil, err
			}
		}
	}
	return j, nil
}

// merge keeps what is known of a row: the account once known stays.
func (j *journal) merge(e Entry) {
	prev := j.last[e.Key]
	if e.Account == "" {
		e.Account = prev.Account
	}
	e.Sent = e.Sent || prev.Sent
	j.last[e.Key] = e
}

// Last is what the journal knows of a row.
func (j *journal) Last(key string) (Entry, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	e, ok := j.last[key]
	return e, ok
}

// Write appends e and syncs it to disk before returning.
func (j *journal) Write(e Entry) error {
	raw, err := json.Marshal(e)
	if err != nil {
		return err
	}
	raw = append(raw, '\n')
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.f.Write(raw); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	j.merge(e)
	return nil
}

func (j *journal) Close() error { return j.f.Close() }

// ReadJournal returns what the journal at path knows of each row (for
// tests and for the report of an earlier run); a missing journal is empty.
func ReadJournal(path string) (map[string]Entry, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]Entry{}, nil
	}
	if err != nil {
		return nil, err
	}
	j := &journal{last: map[string]Entry{}}
	for _, line := range bytes.Split(raw, []byte("\n")) {
		var e Entry
		if json.Unmarshal(line, &e) == nil && e.Key != "" {
			j.merge(e)
		}
	}
	return j.last, nil
}
