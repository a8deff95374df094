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
// cleanMemoryLimit. It must sit above what a large page keeps live, or the
// collector runs without pause: at 128 MiB a 9.9 MB page of 64,000
// paragraphs took 4.1 s of CPU (5.3× a 2.5 MB page: worse than linear) at
// 164 MB; at 160 MiB it takes 2.8 s (3.9×) at 175 MB (18× the input), and
// with no limit 2.6 s at 283 MB. A 16.7 MB page: 8.2 s and 283 MB (10.5 s
// and 252 MB at 128 MiB). Pages of ordinary size never reach it.
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
const cleanMemoryLimit = 160 << 20
