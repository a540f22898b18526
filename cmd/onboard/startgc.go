package main

import (
	"runtime/debug"
	"time"
)

// The first tens of milliseconds of a run build what lives as long as
// the process: stripe-go's and encoding/json's views of Stripe's types,
// the rule tables, the catalogs, the sandbox's schema. With Go's default
// pacing the heap is collected from 4 MiB on, three times before the
// first form of `onboard new` is drawn, and each collection finds almost
// nothing to free (3→3→1 MB, 3→4→2 MB, 5→5→3 MB in one run) while it
// takes part of a core from that form: the first frame of a setup's first
// run came 20% sooner without them (docs/ARCHITECTURE.md, "The first
// frame").
const (
	// startGCPercent lets the heap reach 16 MiB (4 MiB × 400%) before
	// the first collection.
	startGCPercent = 400
	// startGCWindow is how long start-up lasts: longer than the first
	// form takes to be drawn, after which the heap is paced as usual.
	startGCWindow = 300 * time.Millisecond
)

// paceStartUp collects the heap less often for the window's length (the
// run's start), unless GOGC says how to (the operator's setting is
// theirs).
func paceStartUp(getenv func(string) string, window time.Duration) {
	if getenv("GOGC") != "" {
		return
	}
	usual := debug.SetGCPercent(startGCPercent)
	time.AfterFunc(window, func() { debug.SetGCPercent(usual) })
}
