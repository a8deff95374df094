// Command winnow turns scraped web pages into clean article text.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	command := ""
	if len(os.Args) > 1 {
		command = os.Args[1]
	}
	tuneGC(os.Getenv, command)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], newEnv())
	if err != nil && !errors.Is(err, errSilent) {
		fmt.Fprintf(os.Stderr, "winnow: %v\n", err)
	}
	if err != nil {
		os.Exit(exitCode(err))
	}
}

// tuneGC sets the collector for throughput unless the environment sets it.
// A crawl or a batch allocates a DOM per page and keeps little: at Go's
// default (GOGC=100) the collector ran so often that GOGC=400 crawled 38%
// more pages per second at no latency, for a peak heap of 41–47 MiB instead
// of 16–17 (BenchmarkCrawlJSONL, 2026-12-01). The soft memory limit makes
// the collector work harder before the heap passes 1 GiB, so that a few huge
// pages in flight cannot make it grow to five times what is live. `clean`
// and `rules` hold a page or a few at a time, and their limit is
// cleanMemoryLimit: one 16 MiB page peaked at 412 MB of RSS at GOGC=400
// without it, 168 MB with it, for about 10% more CPU on that page; a 9.9 MB
// page 142 MB instead of 254, for no more CPU. Pages of ordinary size never
// reach it.
func tuneGC(getenv func(string) string, command string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if getenv("GOMEMLIMIT") == "" {
		switch command {
		case "clean", "rules":
			debug.SetMemoryLimit(cleanMemoryLimit)
		default:
			debug.SetMemoryLimit(1 << 30)
		}
	}
}

// cleanMemoryLimit is the soft memory limit of the commands that clean
// files (see tuneGC).
const cleanMemoryLimit = 128 << 20
