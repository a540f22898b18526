package wire

import (
	"fmt"
	"io"
	"sync"
)

// Formats are the --show-requests renderings.
var Formats = []string{"curl", "go"}

// Render writes r in format ("curl" or "go").
func Render(format string, r Record) string {
	if format == "go" {
		return Go(r)
	}
	return Curl(r)
}

// Preamble is what comes once before the first record of format.
func Preamble(format string) string {
	if format == "go" {
		return GoPreamble
	}
	return CurlPreamble
}

// Stream writes every record of l to w in format as it completes. A retry
// is written as a comment under the command it repeats, not as a second
// command.
func Stream(l *Log, w io.Writer, format string) {
	var mu sync.Mutex
	seen := map[int]bool{}
	started := false
	l.Subscribe(func(r Record) {
		mu.Lock()
		defer mu.Unlock()
		if !started {
			fmt.Fprint(w, Preamble(format))
			started = true
		}
		if seen[r.Seq] {
			c := "#"
			if format == "go" {
				c = "//"
			}
			fmt.Fprintf(w, "%s retried: %s\n", c, Summary(r))
			return
		}
		seen[r.Seq] = true
		fmt.Fprint(w, "\n"+Render(format, r))
	})
}

// WriteAll writes records in format, after the fact (the TUI's requests,
// printed once the screen is released).
func WriteAll(w io.Writer, format string, rs []Record) {
	if len(rs) == 0 {
		return
	}
	fmt.Fprint(w, Preamble(format))
	for _, r := range rs {
		fmt.Fprint(w, "\n"+Render(format, r))
	}
}
