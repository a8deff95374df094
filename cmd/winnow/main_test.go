package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestTuneGC: GOGC 400 and a 1 GiB soft limit by default (160 MiB for
// clean); GOGC and GOMEMLIMIT in the environment are left to the runtime.
func TestTuneGC(t *testing.T) {
	oldPct, oldLim := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	defer func() { debug.SetGCPercent(oldPct); debug.SetMemoryLimit(oldLim) }()

	tuneGC(func(string) string { return "50" }, "crawl")
	if pct, lim := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); pct != 100 || lim != math.MaxInt64 {
		t.Errorf("with GOGC and GOMEMLIMIT set: GC percent %d, limit %d, want both untouched", pct, lim)
	}
	tuneGC(func(string) string { return "" }, "crawl")
	if pct, lim := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); pct != 400 || lim != 1<<30 {
		t.Errorf("by default: GC percent %d, limit %d, want 400 and 1 GiB", pct, lim)
	}
	tuneGC(func(string) string { return "" }, "clean")
	if pct, lim := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); pct != 400 || lim != cleanMemoryLimit {
		t.Errorf("clean: GC percent %d, limit %d, want 400 and %d", pct, lim, cleanMemoryLimit)
	}
}
