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
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/internal/child"
	"github.com/winnowhq/winnow/bench/internal/command"
	"github.com/winnowhq/winnow/bench/internal/driver"
	"github.com/winnowhq/winnow/internal/score"
)

func main() { command.Main("aeb", &aebCommand{}) }

// aebCommand is the command and its flags.
type aebCommand struct {
	rounds int
	driver driver.Flags
}

func (c *aebCommand) Flags(fs *flag.FlagSet) {
	c.driver.Add(fs, bench.AEBDir(), "ground-truth.json, html/*.html.gz")
	fs.IntVar(&c.rounds, "rounds", 3, "rounds; each runs every system once, in turn, in a fresh process")
}

func (c *aebCommand) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	pages, err := command.AEB(c.driver.Dir, "want ground-truth.json and html/*.html.gz; set -dir")
	if err != nil {
		return err
	}

	if pages, err = driver.Select(&c.driver, pages, func(p bench.Page) string { return p.ID }); err != nil {
		return err
	}
	written, err := driver.TempPages("winnow-aeb-", pages, func(i int, res child.Result) driver.Line { return pageLine(pages[i], res) })
	if err != nil {
		return err
	}
	defer written.Remove()

	if c.driver.System != "" {
		return c.driver.RunSystem(ctx, written, stdout, stderr, func(name string, out driver.Outcome, lines []driver.Line) {
			printListing(stdout, name, c.driver.Against, pages, out.Rep, lines)
		})
	}

	chosen, outs, err := written.RunAll(ctx, "aeb", c.driver.Systems, c.rounds, c.driver.Passes, stderr)
	if err != nil {
		return err
	}
	var rows []row
	for i, sys := range chosen {
		rows = append(rows, summarise(sys.Name, pages, outs[i]))
	}
	printTable(stdout, rows, len(pages), c.rounds, c.driver.Passes)
	return nil
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

func summarise(name string, pages []bench.Page, o driver.Outcome) row {
	r := row{name: name, passNs: child.Median(o.Rep.PassNanos), cpuNs: child.Median(o.Rep.PassCPUNanos), maxRSSKB: o.MaxRSSKB, alloc: o.Rep.AllocBytes}
	scores := make([]score.PageScore, len(pages))
	for i, p := range pages {
		res := o.Rep.Pages[i]
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

// pageLine is one page's line of a listing, by the benchmark's metric.
func pageLine(p bench.Page, res child.Result) driver.Line {
	s := score.Page(res.Text, p.Truth)
	return driver.Line{ID: p.ID, URL: p.URL, Err: res.Err, Scores: driver.Scores{F1: s.F1(), P: s.Precision(), R: s.Recall()}}
}

// printListing prints one system's figures, then its per-page lines, worst
// F1 first, or, with other, by the difference.
func printListing(w io.Writer, name, otherName string, pages []bench.Page, rep child.Report, lines []driver.Line) {
	all := make([]score.PageScore, len(pages))
	for i, p := range pages {
		all[i] = score.Page(rep.Pages[i].Text, p.Truth)
	}
	sum := score.Aggregate(all)
	fmt.Fprintf(w, "%s: F1 %.3f  P %.3f  R %.3f  accuracy %.3f  (%d pages)\n\n", name, sum.F1, sum.P, sum.R, sum.Accuracy, sum.N)
	driver.PrintLines(w, otherName, lines, 0)
}
