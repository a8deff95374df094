// Command wcxb runs winnow and its baselines over the development split of
// the Web Content Extraction Benchmark (../shared/bench/wcxb: 1,358 real
// pages of seven types) and prints, per system, the benchmark's mean word F1,
// precision and recall overall and per page type, its snippet checks, empty
// outputs, CPU time and peak memory, the accuracy of winnow's page_type
// against the labelled page types (overall and as a confusion table), then
// the pages where winnow falls furthest behind the best baseline.
//
// The systems and the way they run are those of cmd/aeb (package driver):
// each in its own process with GOMAXPROCS=1, every page decoded once by the
// common front end, one warm-up pass giving the texts and -passes timed
// passes giving the CPU time.
//
// Usage, from the bench directory:
//
//	nice go run ./cmd/wcxb -svg wcxb.svg             # the tables, and the per-type chart
//	nice go run ./cmd/wcxb -system winnow            # winnow's per-page F1, worst first (fast: one system, untimed)
//	nice go run ./cmd/wcxb -system winnow -type forum    # the same for one page type
//	nice go run ./cmd/wcxb -system winnow -against trafilatura-fallback
//	nice go run ./cmd/wcxb -system winnow -page 0042     # one page: scores and diff against the truth
package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/internal/child"
	"github.com/winnowhq/winnow/bench/internal/command"
	"github.com/winnowhq/winnow/bench/internal/driver"
	"github.com/winnowhq/winnow/internal/score"
	"github.com/winnowhq/winnow/pagetype"
)

func main() { command.Main("wcxb", &wcxbCommand{}) }

// wcxbCommand is the command and its flags.
type wcxbCommand struct {
	pageType string
	worst    int
	mistyped bool
	svg      string
	driver   driver.Flags
}

func (c *wcxbCommand) Flags(fs *flag.FlagSet) {
	c.driver.Add(fs, bench.WCXBDir(), "dev/html/*.html.gz, dev/ground-truth/*.json")
	fs.StringVar(&c.pageType, "type", "", "only the pages of this type ("+strings.Join(pagetype.All(), ", ")+")")
	fs.IntVar(&c.worst, "worst", 20, "after the tables, list the N pages where winnow trails the best baseline most")
	fs.BoolVar(&c.mistyped, "mistyped", false, "after the page-type table, list each page whose detected type is not its label")
	fs.StringVar(&c.svg, "svg", "", "also draw the per-type F1 comparison as an SVG bar chart into this file")
}

func (c *wcxbCommand) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	pages, err := c.pages()
	if err != nil {
		return err
	}
	base := make([]bench.Page, len(pages))
	for i, p := range pages {
		base[i] = p.Page
	}
	fmt.Fprintf(stderr, "wcxb: decoding %d pages\n", len(pages))
	written, err := driver.TempPages("winnow-wcxb-", base, func(i int, res child.Result) driver.Line { return pageLine(pages[i], res) })
	if err != nil {
		return err
	}
	defer written.Remove()

	if c.driver.System != "" {
		return c.driver.RunSystem(ctx, written, stdout, stderr, func(name string, out driver.Outcome, lines []driver.Line) {
			res := result{name: name, out: out}
			printTypeTable(stdout, pages, []result{res})
			fmt.Fprintln(stdout)
			if printPageTypes(stdout, pages, res, c.mistyped) {
				fmt.Fprintln(stdout)
			}
			driver.PrintLines(stdout, c.driver.Against, lines, len(pages))
		})
	}

	chosen, outs, err := written.RunAll(ctx, "wcxb", c.driver.Systems, 1, c.driver.Passes, stderr)
	if err != nil {
		return err
	}
	results := make([]result, len(chosen))
	for i, sys := range chosen {
		results[i] = result{name: sys.Name, out: outs[i]}
	}
	printSummary(stdout, pages, results, c.driver.Passes)
	fmt.Fprintln(stdout)
	printTypeTable(stdout, pages, results)
	for _, r := range results {
		fmt.Fprintln(stdout)
		printPageTypes(stdout, pages, r, c.mistyped)
	}
	if c.svg != "" {
		if err := os.WriteFile(c.svg, []byte(chart(pages, results)), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wcxb: chart written to %s\n", c.svg)
	}
	printWorst(stdout, pages, written, results, c.worst)
	return nil
}

// pages loads the WCXB pages the flags select: those of -type, or the one
// of -page.
func (c *wcxbCommand) pages() ([]bench.WCXBPage, error) {
	pages, err := command.WCXB(c.driver.Dir, "want dev/html/*.html.gz and dev/ground-truth/*.json; set -dir or $"+bench.WCXBDirEnv)
	if err != nil {
		return nil, err
	}
	if c.pageType != "" {
		pages = slices.DeleteFunc(pages, func(p bench.WCXBPage) bool { return p.Type != c.pageType })
		if len(pages) == 0 {
			return nil, fmt.Errorf("no page of type %q (want one of %s)", c.pageType, strings.Join(pagetype.All(), ", "))
		}
	}
	return driver.Select(&c.driver, pages, func(p bench.WCXBPage) string { return p.ID })
}

// printWorst lists the n pages where winnow trails the best baseline most.
func printWorst(w io.Writer, pages []bench.WCXBPage, written *driver.Pages, results []result, n int) {
	win, best := -1, -1
	for i, r := range results {
		if r.name == "winnow" {
			win = i
		} else if best < 0 || meanF1(pages, r, "") > meanF1(pages, results[best], "") {
			best = i
		}
	}
	if win >= 0 && best >= 0 && n > 0 {
		fmt.Fprintf(w, "\nThe %d pages where winnow trails the best baseline (%s) most:\n\n", n, results[best].name)
		driver.PrintLines(w, results[best].name, written.Lines(results[win].out, &results[best].out), n)
	}
}

// result is one system's run.
type result struct {
	name string
	out  driver.Outcome
}

func (r result) words(pages []bench.WCXBPage, i int) score.Words {
	return score.PageWords(r.out.Rep.Pages[i].Text, pages[i].Truth)
}

// figures are a system's means over a set of pages.
type figures struct {
	n                     int
	f1, p, r              float64
	with, withN           int
	without, withoutN     int
	empty, failed, tokens int
	// emptyTruth: empty outputs on pages whose reference is empty too,
	// right answers (the metric scores them 1).
	emptyTruth int
}

// measure averages r's scores over the pages of type typ ("" for all).
func measure(pages []bench.WCXBPage, r result, typ string) figures {
	var f figures
	for i, p := range pages {
		if typ != "" && p.Type != typ {
			continue
		}
		w := r.words(pages, i)
		f.n++
		f.f1 += w.F1()
		f.p += w.Precision()
		f.r += w.Recall()
		text := r.out.Rep.Pages[i].Text
		wf, wa := p.Snippets(text)
		f.with += wf
		f.withN += len(p.With)
		f.without += wa
		f.withoutN += len(p.Without)
		if w.Pred == 0 {
			f.empty++
			if w.Truth == 0 {
				f.emptyTruth++
			}
		}
		if r.out.Rep.Pages[i].Err != "" {
			f.failed++
		}
	}
	if f.n > 0 {
		f.f1 /= float64(f.n)
		f.p /= float64(f.n)
		f.r /= float64(f.n)
	}
	return f
}

func meanF1(pages []bench.WCXBPage, r result, typ string) float64 {
	return measure(pages, r, typ).f1
}

func share(a, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(a) / float64(n)
}

func printSummary(w io.Writer, pages []bench.WCXBPage, results []result, passes int) {
	var traf *result
	for i := range results {
		if results[i].name == "trafilatura" {
			traf = &results[i]
		}
	}
	fmt.Fprintf(w, "WCXB dev (Foley 2026, CC-BY-4.0): %d pages; mean word F1, P, R over pages; snippets: share of `with` found and of `without` absent; "+
		"CPU: process CPU time of %d timed pass(es) after a warm-up, one process per system, GOMAXPROCS=1; peak RSS of the child process\n\n", len(pages), passes)
	fmt.Fprintln(w, "| system | F1 | P | R | with found | without absent | empty where the truth has text (empty in all) | failed | CPU s | ms/page | CPU / trafilatura | peak RSS MB |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range results {
		f := measure(pages, r, "")
		cpu := child.Median(r.out.Rep.PassCPUNanos)
		ratio := "-"
		if traf != nil && cpu > 0 {
			if tc := child.Median(traf.out.Rep.PassCPUNanos); tc > 0 {
				ratio = fmt.Sprintf("%.2f", float64(cpu)/float64(tc))
			}
		}
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %d (%.1f%%) (%d) | %d | %.1f | %.2f | %s | %.1f |\n",
			r.name, f.f1, f.p, f.r, share(f.with, f.withN), share(f.without, f.withoutN), f.empty-f.emptyTruth, 100*share(f.empty-f.emptyTruth, f.n), f.empty, f.failed,
			time.Duration(cpu).Seconds(), time.Duration(cpu).Seconds()*1000/float64(max(f.n, 1)), ratio, float64(r.out.MaxRSSKB)/1024)
	}
}

// types returns the page types present, in the benchmark's order.
func types(pages []bench.WCXBPage) []string {
	var out []string
	for _, t := range pagetype.All() {
		for _, p := range pages {
			if p.Type == t {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

func printTypeTable(w io.Writer, pages []bench.WCXBPage, results []result) {
	ts := types(pages)
	counts := map[string]int{}
	for _, p := range pages {
		counts[p.Type]++
	}
	head, rule := "| mean F1 (P / R) | all", "|---|---"
	for _, t := range ts {
		head += fmt.Sprintf(" | %s (%d)", t, counts[t])
		rule += "|---"
	}
	fmt.Fprintln(w, head+" |")
	fmt.Fprintln(w, rule+"|")
	for _, r := range results {
		line := "| " + r.name
		for _, t := range append([]string{""}, ts...) {
			f := measure(pages, r, t)
			line += fmt.Sprintf(" | %.3f (%.2f / %.2f)", f.f1, f.p, f.r)
		}
		fmt.Fprintln(w, line+" |")
	}
}

// printPageTypes prints how often r's detected page type (winnow's
// page_type) matches the page's WCXB label, overall and as a confusion table
// per labelled type, and with mistyped each page whose type is not its
// label. It prints nothing and returns false for a system that detects no
// page type.
func printPageTypes(w io.Writer, pages []bench.WCXBPage, r result, mistyped bool) bool {
	conf := bench.TypeConfusion{}
	told := false
	for i, p := range pages {
		res := r.out.Rep.Pages[i]
		conf.Add(p.Type, res.Type)
		told = told || res.Type != ""
	}
	if !told {
		return false
	}
	right, n := conf.Accuracy("")
	fmt.Fprintf(w, "Page type (%s's page_type against the WCXB label): accuracy %.3f (%d of %d pages; %s: the page failed)\n\n",
		r.name, float64(right)/float64(max(n, 1)), right, n, bench.NoType)
	conf.Write(w, types(pages))
	if mistyped {
		fmt.Fprintf(w, "\nPages whose detected type is not their label (id, labelled, detected, url):\n")
		for i, p := range pages {
			if got := r.out.Rep.Pages[i].Type; got != p.Type {
				fmt.Fprintf(w, "%s  %-13s  %-13s  %s\n", p.ID, p.Type, cmp.Or(got, bench.NoType), p.URL)
			}
		}
	}
	return true
}

func pageLine(p bench.WCXBPage, res child.Result) driver.Line {
	s := score.PageWords(res.Text, p.Truth)
	return driver.Line{ID: p.ID, URL: p.URL, Label: p.Type, Err: res.Err, Scores: driver.Scores{F1: s.F1(), P: s.Precision(), R: s.Recall()}}
}
