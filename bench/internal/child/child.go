// Package child is the side of the benchmark that runs in a system's own
// process. The driver (cmd/aeb) writes the decoded pages to a directory, one
// UTF-8 file per page, plus a manifest, and runs one child binary per system;
// the child runs one warm-up pass and the timed passes, one page at a time,
// and writes a Report as JSON to stdout.
//
// Every child binary links only its own extractor, so one system's package
// initialisation (go-trafilatura's date parser tables, say) never shows in
// another's memory or time.
package child

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ManifestName is the file, in the pages directory, listing the pages.
const ManifestName = "manifest.json"

// Entry is one page of the manifest: its id, URL and file name in the pages
// directory (UTF-8 HTML, already decompressed and decoded).
type Entry struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	File string `json:"file"`
}

// Result is one page's outcome in the first timed pass.
type Result struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Type is the page type the system detected, for systems that tell
	// one (winnow's page_type); "" otherwise.
	Type string `json:"type,omitempty"`
	Err  string `json:"err,omitempty"`
	// Nanos is the median over the timed passes of the time spent on this page.
	Nanos int64 `json:"ns"`
}

// Report is what a child writes to stdout.
type Report struct {
	System string   `json:"system"`
	Pages  []Result `json:"pages"`
	// PassNanos is the total extraction time of each timed pass, wall clock.
	PassNanos []int64 `json:"pass_ns"`
	// PassCPUNanos is the process CPU time (user + system) of the same
	// extractions: on a shared machine it does not count the time the
	// process waits for a core.
	PassCPUNanos []int64 `json:"pass_cpu_ns"`
	// AllocBytes is the Go heap allocated over the timed passes, per pass.
	AllocBytes uint64 `json:"alloc_bytes"`
	// HeapSys is the largest heap the Go runtime obtained from the OS.
	HeapSys uint64 `json:"heap_sys"`
	// PeakRSSKB is the process's peak resident set (VmHWM), in KiB; 0 when
	// /proc is not available.
	PeakRSSKB int64 `json:"peak_rss_kb"`
}

// Output is what a system gives for one page: its main text and, for a
// system that detects one, the page type.
type Output struct {
	Text, Type string
}

// Extractor returns the main text of one page, and its type where the
// system tells one. html is UTF-8.
type Extractor func(ctx context.Context, html []byte, pageURL string) (Output, error)

// TextOnly is the Extractor of a system that gives the text alone.
func TextOnly(extract func(ctx context.Context, html []byte, pageURL string) (string, error)) Extractor {
	return func(ctx context.Context, html []byte, pageURL string) (Output, error) {
		text, err := extract(ctx, html, pageURL)
		return Output{Text: text}, err
	}
}

// Main parses the child's flags, runs extract over the pages and writes the
// Report to stdout. It returns the process exit code.
func Main(system string, extract Extractor) int {
	if err := run(system, extract, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", system, err)
		return 1
	}
	return 0
}

func run(system string, extract Extractor, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet(system, flag.ContinueOnError)
	dir := fs.String("pages", "", "directory holding the manifest and the decoded pages")
	passes := fs.Int("passes", 3, "timed passes after one warm-up pass")
	only := fs.String("only", "", "run only the page with this id, once, untimed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return fmt.Errorf("-pages is required")
	}
	entries, err := readManifest(*dir)
	if err != nil {
		return err
	}
	if *only != "" {
		entries = slices.DeleteFunc(entries, func(e Entry) bool { return e.ID != *only })
		if len(entries) == 0 {
			return fmt.Errorf("page %s: not in the manifest", *only)
		}
		*passes = 0
	}
	rep := Report{System: system, Pages: make([]Result, len(entries))}
	times := make([][]int64, len(entries))
	ctx := context.Background()

	// Pass 0 is the warm-up: it records the texts but no time.
	var before runtime.MemStats
	for pass := 0; pass <= *passes; pass++ {
		if pass == 1 {
			runtime.GC()
			runtime.ReadMemStats(&before)
		}
		var total, totalCPU int64
		for i, e := range entries {
			page, err := os.ReadFile(filepath.Join(*dir, e.File))
			if err != nil {
				return fmt.Errorf("page %s: %w", e.ID, err)
			}
			cpu0 := cpuNanos()
			start := time.Now()
			out, err := safeExtract(ctx, extract, page, e.URL)
			ns := time.Since(start).Nanoseconds()
			totalCPU += cpuNanos() - cpu0
			if pass == 0 {
				rep.Pages[i] = Result{ID: e.ID, Text: out.Text, Type: out.Type}
				if err != nil {
					rep.Pages[i].Err = fmt.Sprintf("page %s: %v", e.ID, err)
				}
				continue
			}
			times[i] = append(times[i], ns)
			total += ns
		}
		if pass > 0 {
			rep.PassNanos = append(rep.PassNanos, total)
			rep.PassCPUNanos = append(rep.PassCPUNanos, totalCPU)
		}
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if *passes > 0 {
		rep.AllocBytes = (after.TotalAlloc - before.TotalAlloc) / uint64(*passes)
	}
	rep.HeapSys = after.HeapSys
	rep.PeakRSSKB = peakRSSKB()
	for i := range rep.Pages {
		rep.Pages[i].Nanos = Median(times[i])
	}
	return json.NewEncoder(stdout).Encode(rep)
}

// safeExtract runs extract and turns a panic into an error, so that one bad
// page is reported and the run goes on.
func safeExtract(ctx context.Context, extract Extractor, page []byte, pageURL string) (out Output, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return extract(ctx, page, pageURL)
}

// peakRSSKB reads the peak resident set of this process from
// /proc/self/status. The driver cannot use rusage's ru_maxrss for it: Linux
// carries the parent's peak into a child across fork and exec, so every child
// would report at least the driver's own peak.
func peakRSSKB() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// cpuNanos is the CPU time the process has used so far, user plus system.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func readManifest(dir string) ([]Entry, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	var entries []Entry
	if err := json.Unmarshal(data, &entries); err != nil {
		return nil, fmt.Errorf("read manifest %s: %w", filepath.Join(dir, ManifestName), err)
	}
	return entries, nil
}

// Median returns the median of xs (the lower middle for an even count), 0
// for none. xs is not modified.
func Median(xs []int64) int64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[(len(s)-1)/2]
}
