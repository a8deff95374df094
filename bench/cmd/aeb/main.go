// Command aeb runs winnow and its baselines over the Article Extraction
// Benchmark pages and prints, per system, the benchmark's F1, precision,
// recall and accuracy, single-threaded pages/s, peak memory and winnow's time
// against each baseline's, as a markdown table.
//
// Each system runs in its own process, built from bench/internal/child, with
// GOMAXPROCS=1: one warm-up pass, then -passes timed passes over the pages one
// at a time; the time of a pass is the sum of per-page extraction times
// (parse included, file reading excluded). -rounds rounds run every system in
// turn, each in a fresh process, and the median of all timed passes counts. Every
// system reads the same UTF-8 bytes, produced once by the common front end
// (gunzip, then clean.Decode).
//
// Usage, from the bench directory:
//
//	go run ./cmd/aeb                              # the table
//	go run ./cmd/aeb -system winnow               # per-page F1, worst first
//	go run ./cmd/aeb -system winnow -against trafilatura   # pages where winnow does worse than trafilatura first
//	go run ./cmd/aeb -system winnow -page ID      # one page: scores and diff against the truth
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/internal/child"
	"github.com/winnowhq/winnow/internal/score"
)

// system is one extractor under test: the child package that runs it and the
// child's extra arguments.
type system struct {
	name string
	pkg  string
	args []string
}

var allSystems = []system{
	{"winnow", "./internal/child/winnow", nil},
	{"readability", "./internal/child/readability", nil},
	{"trafilatura", "./internal/child/trafilatura", nil},
	{"trafilatura-fallback", "./internal/child/trafilatura", []string{"-fallback"}},
}

func main() { bench.Main("aeb", run) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("aeb", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", bench.AEBDir(), "benchmark folder (ground-truth.json, html/*.html.gz)")
	rounds := fs.Int("rounds", 3, "rounds; each runs every system once, in turn, in a fresh process")
	passes := fs.Int("passes", 1, "timed passes per system and round, after one warm-up pass; the median of all counts")
	systems := fs.String("systems", "winnow,readability,trafilatura,trafilatura-fallback", "systems to run, comma-separated")
	sysName := fs.String("system", "", "one system: list its per-page scores, worst first (with -page: diff one page)")
	against := fs.String("against", "", "with -system: a second system; list the pages by F1 difference, where -system does worst first")
	pageID := fs.String("page", "", "with -system: print the system's text against the truth for this page id (or id prefix)")
	if err := fs.Parse(args); err != nil {
		return err
	}

	pages, err := bench.LoadAEB(*dir)
	if errors.Is(err, bench.ErrNoAEB) {
		fmt.Fprintf(stderr, "aeb: skipped: benchmark folder %s not found (want ground-truth.json and html/*.html.gz; set -dir)\n", *dir)
		return nil
	}
	if err != nil {
		return err
	}

	tmp, err := os.MkdirTemp("", "winnow-aeb-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	switch {
	case *pageID != "" && *sysName == "":
		return errors.New("-page needs -system")
	case *sysName != "":
		sys, ok := lookup(*sysName)
		if !ok {
			return fmt.Errorf("unknown system %q (want one of %s)", *sysName, names())
		}
		if *pageID != "" {
			p, ok := bench.ByID(pages, *pageID)
			if !ok {
				return fmt.Errorf("page %s: not in %s", *pageID, *dir)
			}
			pages = []bench.Page{p}
		}
		if err := writePages(tmp, pages); err != nil {
			return err
		}
		out, err := runSystem(ctx, tmp, sys, 0, stderr)
		if err != nil {
			return err
		}
		if *pageID != "" {
			return printDiff(stdout, pages[0], out.rep.Pages[0])
		}
		if *against == "" {
			return printListing(stdout, sys.name, pages, out.rep, nil)
		}
		other, ok := lookup(*against)
		if !ok {
			return fmt.Errorf("unknown system %q (want one of %s)", *against, names())
		}
		oout, err := runSystem(ctx, tmp, other, 0, stderr)
		if err != nil {
			return err
		}
		return printListing(stdout, sys.name, pages, out.rep, &comparison{other.name, oout.rep})
	}

	var chosen []system
	for _, n := range strings.Split(*systems, ",") {
		sys, ok := lookup(strings.TrimSpace(n))
		if !ok {
			return fmt.Errorf("unknown system %q (want one of %s)", n, names())
		}
		chosen = append(chosen, sys)
	}
	if err := writePages(tmp, pages); err != nil {
		return err
	}
	// Rounds interleave the systems, so that a change in the machine's load
	// (it is shared) falls on every system alike rather than on one.
	outs := make([]outcome, len(chosen))
	for round := range *rounds {
		for i, sys := range chosen {
			fmt.Fprintf(stderr, "aeb: round %d/%d: %s: %d pages, 1 warm-up + %d timed passes\n", round+1, *rounds, sys.name, len(pages), *passes)
			out, err := runSystem(ctx, tmp, sys, *passes, stderr)
			if err != nil {
				return err
			}
			if round == 0 {
				outs[i] = out
				continue
			}
			outs[i].rep.PassNanos = append(outs[i].rep.PassNanos, out.rep.PassNanos...)
			outs[i].rep.PassCPUNanos = append(outs[i].rep.PassCPUNanos, out.rep.PassCPUNanos...)
			outs[i].maxRSSKB = max(outs[i].maxRSSKB, out.maxRSSKB)
		}
	}
	var rows []row
	for i, sys := range chosen {
		rows = append(rows, summarise(sys.name, pages, outs[i]))
	}
	printTable(stdout, rows, len(pages), *rounds, *passes)
	return nil
}

func lookup(name string) (system, bool) {
	for _, s := range allSystems {
		if s.name == name {
			return s, true
		}
	}
	return system{}, false
}

func names() string {
	var ns []string
	for _, s := range allSystems {
		ns = append(ns, s.name)
	}
	return strings.Join(ns, ", ")
}

// writePages writes the decoded pages and the manifest the children read.
func writePages(dir string, pages []bench.Page) error {
	entries := make([]child.Entry, len(pages))
	for i, p := range pages {
		entries[i] = child.Entry{ID: p.ID, URL: p.URL, File: p.ID + ".html"}
		if err := os.WriteFile(filepath.Join(dir, entries[i].File), p.HTML, 0o644); err != nil {
			return fmt.Errorf("page %s: %w", p.ID, err)
		}
	}
	data, err := json.Marshal(entries)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, child.ManifestName), data, 0o644)
}

// outcome is one child's report plus what the driver measured of the process.
type outcome struct {
	rep      child.Report
	maxRSSKB int64
}

// runSystem builds the system's child binary and runs it over the pages in
// dir. passes 0 runs the warm-up pass only (texts, no timing).
func runSystem(ctx context.Context, dir string, sys system, passes int, stderr io.Writer) (outcome, error) {
	bin := filepath.Join(dir, "bin", filepath.Base(sys.pkg))
	if _, err := os.Stat(bin); err != nil {
		build := exec.CommandContext(ctx, "go", "build", "-o", bin, sys.pkg)
		build.Stdout, build.Stderr = stderr, stderr
		if err := build.Run(); err != nil {
			return outcome{}, fmt.Errorf("build %s (run aeb from the bench directory): %w", sys.name, err)
		}
	}
	args := append(slices.Clone(sys.args), "-pages", dir, "-passes", fmt.Sprint(passes))
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, stderr
	if err := cmd.Run(); err != nil {
		return outcome{}, fmt.Errorf("run %s: %w", sys.name, err)
	}
	var o outcome
	if err := json.Unmarshal(out.Bytes(), &o.rep); err != nil {
		return outcome{}, fmt.Errorf("run %s: read report: %w", sys.name, err)
	}
	o.maxRSSKB = o.rep.PeakRSSKB
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && o.maxRSSKB == 0 {
		// Without /proc: ru_maxrss, in KiB on Linux, which is floored at
		// the driver's own peak (see child.peakRSSKB).
		o.maxRSSKB = ru.Maxrss
	}
	return o, nil
}

// row is one system's line of the table.
type row struct {
	name     string
	sum      score.Summary
	failed   int
	passNs   int64 // median pass, wall clock
	cpuNs    int64 // median pass, process CPU time
	maxRSSKB int64
	alloc    uint64 // bytes per pass
}

func summarise(name string, pages []bench.Page, o outcome) row {
	r := row{name: name, passNs: child.Median(o.rep.PassNanos), cpuNs: child.Median(o.rep.PassCPUNanos), maxRSSKB: o.maxRSSKB, alloc: o.rep.AllocBytes}
	scores := make([]score.PageScore, len(pages))
	for i, p := range pages {
		res := o.rep.Pages[i]
		if res.Err != "" {
			r.failed++
		}
		scores[i] = score.Page(res.Text, p.Truth)
	}
	r.sum = score.Aggregate(scores)
	return r
}

func printTable(w io.Writer, rows []row, n, rounds, passes int) {
	var winnow *row
	for i := range rows {
		if rows[i].name == "winnow" {
			winnow = &rows[i]
		}
	}
	fmt.Fprintf(w, "%d pages; time: median of %d rounds × %d passes (each after a warm-up pass), one process per system and round, GOMAXPROCS=1; "+
		"pages/s from process CPU time (wall clock in brackets); max RSS: highest of the rounds\n\n", n, rounds, passes)
	fmt.Fprintln(w, "| system | F1 | precision | recall | accuracy | failed | pages/s (wall) | ms/page | max RSS MB | alloc MB/page | winnow time / this | winnow speed × |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|")
	perSec := func(ns int64) float64 {
		if ns <= 0 {
			return 0
		}
		return float64(n) / time.Duration(ns).Seconds()
	}
	for _, r := range rows {
		ratio, speed := "-", "-"
		if winnow != nil && r.cpuNs > 0 && winnow.cpuNs > 0 {
			t := float64(winnow.cpuNs) / float64(r.cpuNs)
			ratio, speed = fmt.Sprintf("%.2f", t), fmt.Sprintf("%.2f", 1/t)
		}
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %.3f | %d | %.1f (%.1f) | %.2f | %.1f | %.2f | %s | %s |\n",
			r.name, r.sum.F1, r.sum.P, r.sum.R, r.sum.Accuracy, r.failed, perSec(r.cpuNs), perSec(r.passNs),
			time.Duration(r.cpuNs).Seconds()*1000/float64(n), float64(r.maxRSSKB)/1024, float64(r.alloc)/float64(n)/(1<<20), ratio, speed)
	}
}

// comparison is a second system's report, to list pages by difference.
type comparison struct {
	name string
	rep  child.Report
}

// printListing prints one system's per-page scores, worst F1 first; with a
// comparison, the other system's F1 too, sorted by the difference.
func printListing(w io.Writer, name string, pages []bench.Page, rep child.Report, cmp *comparison) error {
	type line struct {
		id, url, err string
		s            score.PageScore
		key, other   float64
	}
	lines := make([]line, len(pages))
	all := make([]score.PageScore, len(pages))
	for i, p := range pages {
		s := score.Page(rep.Pages[i].Text, p.Truth)
		lines[i] = line{id: p.ID, url: p.URL, err: rep.Pages[i].Err, s: s, key: s.F1()}
		if cmp != nil {
			lines[i].other = score.F1(cmp.rep.Pages[i].Text, p.Truth)
			lines[i].key = s.F1() - lines[i].other
		}
		all[i] = s
	}
	slices.SortStableFunc(lines, func(a, b line) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return strings.Compare(a.id, b.id)
	})
	sum := score.Aggregate(all)
	fmt.Fprintf(w, "%s: F1 %.3f  P %.3f  R %.3f  accuracy %.3f  (%d pages)\n\n", name, sum.F1, sum.P, sum.R, sum.Accuracy, sum.N)
	if cmp != nil {
		fmt.Fprintf(w, "   F1     P     R  %-8.8s  diff  id            url\n", cmp.name)
	} else {
		fmt.Fprintln(w, "   F1     P     R  id            url")
	}
	for _, l := range lines {
		fmt.Fprintf(w, "%.3f %.3f %.3f  ", l.s.F1(), l.s.Precision(), l.s.Recall())
		if cmp != nil {
			fmt.Fprintf(w, "%8.3f %+.3f  ", l.other, l.key)
		}
		fmt.Fprintf(w, "%.12s  %s", l.id, l.url)
		if l.err != "" {
			fmt.Fprintf(w, "  ERROR %s", firstLine(l.err))
		}
		fmt.Fprintln(w)
	}
	return nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// printDiff prints one page's scores and a line diff of the truth against the
// system's text: "-" a truth line the system missed, "+" a line it added.
func printDiff(w io.Writer, p bench.Page, res child.Result) error {
	s := score.Page(res.Text, p.Truth)
	fmt.Fprintf(w, "page %s\nurl  %s\nF1 %.3f  P %.3f  R %.3f  exact %v\n", p.ID, p.URL, s.F1(), s.Precision(), s.Recall(), s.Exact)
	if res.Err != "" {
		fmt.Fprintf(w, "error: %s\n", res.Err)
	}
	fmt.Fprintln(w, "\n--- truth\n+++ "+"system")
	for _, d := range diffLines(lines(p.Truth), lines(res.Text)) {
		fmt.Fprintln(w, d)
	}
	return nil
}

// lines splits text into its non-blank lines, trimmed.
func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// diffLines is a longest-common-subsequence line diff. Lines are compared by
// their tokens, so that spacing and punctuation do not count as changes.
func diffLines(a, b []string) []string {
	key := func(s string) string { return strings.Join(score.Tokens(s), " ") }
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i := range a {
		ka[i] = key(a[i])
	}
	for i := range b {
		kb[i] = key(b[i])
	}
	// lcs[i][j] is the LCS length of ka[i:] and kb[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if ka[i] == kb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case ka[i] == kb[j]:
			out = append(out, "  "+a[i])
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, "- "+a[i])
			i++
		default:
			out = append(out, "+ "+b[j])
			j++
		}
	}
	for ; i < len(a); i++ {
		out = append(out, "- "+a[i])
	}
	for ; j < len(b); j++ {
		out = append(out, "+ "+b[j])
	}
	return out
}
