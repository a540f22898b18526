package main

import (
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent reads the collector's percentage without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// While the run starts the heap is collected at startGCPercent, then as
// before; a GOGC the operator set is left alone.
func TestStartUpPacing(t *testing.T) {
	usual := gcPercent()
	defer debug.SetGCPercent(usual)
	env := func(gogc string) func(string) string {
		return func(k string) string {
			if k == "GOGC" {
				return gogc
			}
			return ""
		}
	}
	paceStartUp(env(""), 50*time.Millisecond)
	if p := gcPercent(); p != startGCPercent {
		t.Fatalf("at start the heap is collected at %d%%, want %d%%", p, startGCPercent)
	}
	deadline := time.Now().Add(5 * time.Second)
	for gcPercent() != usual {
		if time.Now().After(deadline) {
			t.Fatalf("after the start the heap is still collected at %d%%, want %d%% as before", gcPercent(), usual)
		}
		time.Sleep(10 * time.Millisecond)
	}
	paceStartUp(env("150"), 50*time.Millisecond)
	if p := gcPercent(); p != usual {
		t.Errorf("with GOGC set the start changed the collector's percentage to %d%%", p)
	}
}
