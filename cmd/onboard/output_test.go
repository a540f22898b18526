package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// brokenPipe is a stdout whose reader went away.
type brokenPipe struct{}

func (brokenPipe) Write([]byte) (int, error) { return 0, errors.New("write |1: broken pipe") }

// A command whose output did not arrive does not exit 0: a script reading
// it must not take an empty answer for done. The error is said on stderr.
func TestOutputThatDoesNotArriveFails(t *testing.T) {
	isolate(t)
	for _, args := range [][]string{{"config", "path"}, {"version"}, {"sandbox", "reset"}, {"accounts", "--json"}, {"accounts"}} {
		var errb bytes.Buffer
		code := run(args, strings.NewReader(""), brokenPipe{}, &errb, func(string) string { return "" })
		if code != exitFailure || !strings.Contains(errb.String(), "broken pipe") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}
