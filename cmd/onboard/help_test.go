package main

import (
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// Every global flag is in the root's --help and in every command's: the
// README uses --api-base throughout, so a reader must find it there.
func TestHelpListsEveryGlobalFlag(t *testing.T) {
	isolate(t)
	root := newRootCmd(&app{})
	var names []string
	root.PersistentFlags().VisitAll(func(f *pflag.Flag) { names = append(names, "--"+f.Name) })
	if len(names) < 8 {
		t.Fatalf("only %d global flags: %v", len(names), names)
	}
	for _, args := range [][]string{{"--help"}, {"status", "--help"}, {"new", "--help"}, {"sandbox", "serve", "--help"}} {
		out, _, code := runIn(t, nil, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		for _, n := range names {
			if !strings.Contains(out, n) {
				t.Errorf("%v: %s is missing from the help:\n%s", args, n, out)
			}
		}
	}
}
