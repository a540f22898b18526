package wire

import (
	"fmt"
	"io"
	"sync"

	"onboard/schema"
)

// Formats are the --show-requests renderings.
var Formats = []string{"curl", "go"}

// Render writes r in format ("curl" or "go"), its comments in lang.
func Render(format string, r Record, lang schema.Lang) string {
	if format == "go" {
		return Go(r, lang)
	}
	return Curl(r, lang)
}

// Preamble is what comes once before the first record of format.
func Preamble(format string, lang schema.Lang) string {
	if format == "go" {
		return fmt.Sprintf(goPreamble.In(lang), placeholderLines("// "))
	}
	return fmt.Sprintf(curlPreamble.In(lang), placeholderLines("# "))
}

// txtRetried introduces a retry of a request already written.
var txtRetried = schema.T("retried:")

// Stream writes every record of l to w in format as it completes. A retry
// is written as a comment under the command it repeats, not as a second
// command.
func Stream(l *Log, w io.Writer, format string, lang schema.Lang) {
	var mu sync.Mutex
	seen := map[int]bool{}
	started := false
	// The requests are shown beside the run: one that cannot be printed
	// (stderr closed) is no reason to stop the run.
	l.Subscribe(func(r Record) {
		mu.Lock()
		defer mu.Unlock()
		if !started {
			_, _ = fmt.Fprint(w, Preamble(format, lang))
			started = true
		}
		if seen[r.Seq] {
			c := "#"
			if format == "go" {
				c = "//"
			}
			_, _ = fmt.Fprintf(w, "%s %s%s\n", c, schema.LeadIn(txtRetried.In(lang)), Summary(r, lang))
			return
		}
		seen[r.Seq] = true
		_, _ = fmt.Fprint(w, "\n"+Render(format, r, lang))
	})
}

// WriteAll writes records in format, after the fact (the TUI's requests,
// printed once the screen is released).
func WriteAll(w io.Writer, format string, rs []Record, lang schema.Lang) {
	if len(rs) == 0 {
		return
	}
	// Printed after the run, whose outcome is already decided.
	_, _ = fmt.Fprint(w, Preamble(format, lang))
	for _, r := range rs {
		_, _ = fmt.Fprint(w, "\n"+Render(format, r, lang))
	}
}
