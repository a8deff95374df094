// Package driver is the benchmark driver's side of the child processes
// (package child): the systems under test, writing the decoded pages and
// their manifest, building and running one child binary per system (in
// timed rounds, or one system untimed), and the per-page listings and diffs
// the benchmark commands (cmd/aeb, cmd/wcxb) print.
package driver

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

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/internal/child"
	"github.com/winnowhq/winnow/internal/linediff"
	"github.com/winnowhq/winnow/internal/score"
)

// System is one extractor under test: the child package that runs it and
// the child's extra arguments.
type System struct {
	Name string
	Pkg  string
	Args []string
}

// Systems are every system the benchmarks know, winnow first.
var Systems = []System{
	{"winnow", "./internal/child/winnow", nil},
	{"readability", "./internal/child/readability", nil},
	{"trafilatura", "./internal/child/trafilatura", nil},
	{"trafilatura-fallback", "./internal/child/trafilatura", []string{"-fallback"}},
}

// Lookup returns the system named name.
func Lookup(name string) (System, error) {
	var names []string
	for _, s := range Systems {
		if s.Name == name {
			return s, nil
		}
		names = append(names, s.Name)
	}
	return System{}, fmt.Errorf("unknown system %q (want one of %s)", name, strings.Join(names, ", "))
}

// LookupList returns the systems of a comma-separated list.
func LookupList(list string) ([]System, error) {
	var out []System
	for _, n := range strings.Split(list, ",") {
		s, err := Lookup(strings.TrimSpace(n))
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// WritePages writes the decoded pages and the manifest the children read
// into dir, one page at a time (a lazily loaded page is read, written and
// dropped).
func WritePages(dir string, pages []bench.Page) error {
	entries := make([]child.Entry, len(pages))
	for i, p := range pages {
		entries[i] = child.Entry{ID: p.ID, URL: p.URL, File: p.ID + ".html"}
		b, err := p.Read()
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, entries[i].File), b, 0o644); err != nil {
			return fmt.Errorf("page %s: %w", p.ID, err)
		}
	}
	data, err := json.Marshal(entries)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, child.ManifestName), data, 0o644)
}

// Outcome is one child's report plus what the driver measured of the process.
type Outcome struct {
	Rep      child.Report
	MaxRSSKB int64
}

// Add adds a later round's timings to o and keeps the higher peak memory.
func (o *Outcome) Add(later Outcome) {
	o.Rep.PassNanos = append(o.Rep.PassNanos, later.Rep.PassNanos...)
	o.Rep.PassCPUNanos = append(o.Rep.PassCPUNanos, later.Rep.PassCPUNanos...)
	o.MaxRSSKB = max(o.MaxRSSKB, later.MaxRSSKB)
}

// Run builds the system's child binary (once, into dir/bin) and runs it over
// the pages in dir with GOMAXPROCS=1. passes 0 runs the warm-up pass only
// (texts, no timing). The command must run from the bench directory.
func Run(ctx context.Context, dir string, sys System, passes int, stderr io.Writer) (Outcome, error) {
	bin := filepath.Join(dir, "bin", filepath.Base(sys.Pkg))
	if _, err := os.Stat(bin); err != nil {
		build := exec.CommandContext(ctx, "go", "build", "-o", bin, sys.Pkg)
		build.Stdout, build.Stderr = stderr, stderr
		if err := build.Run(); err != nil {
			return Outcome{}, fmt.Errorf("build %s (run the command from the bench directory): %w", sys.Name, err)
		}
	}
	args := append(slices.Clone(sys.Args), "-pages", dir, "-passes", fmt.Sprint(passes))
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, stderr
	if err := cmd.Run(); err != nil {
		return Outcome{}, fmt.Errorf("run %s: %w", sys.Name, err)
	}
	var o Outcome
	if err := json.Unmarshal(out.Bytes(), &o.Rep); err != nil {
		return Outcome{}, fmt.Errorf("run %s: read report: %w", sys.Name, err)
	}
	o.MaxRSSKB = o.Rep.PeakRSSKB
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && o.MaxRSSKB == 0 {
		// Without /proc: ru_maxrss, in KiB on Linux, which is floored at
		// the driver's own peak (see child.peakRSSKB).
		o.MaxRSSKB = ru.Maxrss
	}
	return o, nil
}

// Scores are one page's precision, recall and F1 by a benchmark's metric.
type Scores struct {
	F1, P, R float64
}

// Line is one page of a per-page listing.
type Line struct {
	ID, URL string
	// Label is an extra column (WCXB's page type); may be empty.
	Label  string
	Err    string
	Scores Scores
	// Other is the compared system's F1, when there is one.
	Other float64
}

// PrintLines prints the n worst lines (all when n <= 0): by F1, or, when
// other names a compared system, by F1 minus the other's.
func PrintLines(w io.Writer, other string, lines []Line, n int) {
	key := func(l Line) float64 {
		if other != "" {
			return l.Scores.F1 - l.Other
		}
		return l.Scores.F1
	}
	lines = slices.Clone(lines)
	slices.SortStableFunc(lines, func(a, b Line) int {
		switch ka, kb := key(a), key(b); {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	if n > 0 && n < len(lines) {
		lines = lines[:n]
	}
	label := slices.ContainsFunc(lines, func(l Line) bool { return l.Label != "" })
	head := "   F1     P     R  "
	if other != "" {
		head += fmt.Sprintf("%-8.8s  diff  ", other)
	}
	if label {
		head += "type           "
	}
	fmt.Fprintln(w, head+"id            url")
	for _, l := range lines {
		fmt.Fprintf(w, "%.3f %.3f %.3f  ", l.Scores.F1, l.Scores.P, l.Scores.R)
		if other != "" {
			fmt.Fprintf(w, "%8.3f %+.3f  ", l.Other, key(l))
		}
		if label {
			fmt.Fprintf(w, "%-13.13s  ", l.Label)
		}
		fmt.Fprintf(w, "%.12s  %s", l.ID, l.URL)
		if l.Err != "" {
			fmt.Fprintf(w, "  ERROR %s", FirstLine(l.Err))
		}
		fmt.Fprintln(w)
	}
}

// FirstLine returns s up to its first newline.
func FirstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// PrintDiff prints one page's scores and a line diff of the truth against
// the system's text: "-" a truth line the system missed, "+" a line it added.
func PrintDiff(w io.Writer, l Line, truth, text string) {
	fmt.Fprintf(w, "page %s\nurl  %s\n", l.ID, l.URL)
	if l.Label != "" {
		fmt.Fprintf(w, "type %s\n", l.Label)
	}
	fmt.Fprintf(w, "F1 %.3f  P %.3f  R %.3f\n", l.Scores.F1, l.Scores.P, l.Scores.R)
	if l.Err != "" {
		fmt.Fprintf(w, "error: %s\n", l.Err)
	}
	fmt.Fprintln(w, "\n--- truth\n+++ system")
	for _, d := range DiffLines(Lines(truth), Lines(text)) {
		fmt.Fprintln(w, d)
	}
}

// Lines splits text into its non-blank lines, trimmed.
func Lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// DiffLines is a longest-common-subsequence line diff. Lines are compared by
// their tokens, so that spacing and punctuation do not count as changes.
func DiffLines(a, b []string) []string {
	key := func(s string) string { return strings.Join(score.Tokens(s), " ") }
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i := range a {
		ka[i] = key(a[i])
	}
	for i := range b {
		kb[i] = key(b[i])
	}
	var out []string
	for _, op := range linediff.Script(ka, kb) {
		switch op.Kind {
		case ' ':
			out = append(out, "  "+a[op.A])
		case '-':
			out = append(out, "- "+a[op.A])
		default:
			out = append(out, "+ "+b[op.B])
		}
	}
	return out
}

// Flags are the flags the benchmark commands share.
type Flags struct {
	Dir     string // the benchmark's folder
	Passes  int    // timed passes per system (and round), after the warm-up pass
	Systems string // comma-separated systems of the full run
	System  string // one system, untimed: per-page listing or one page's diff
	Against string // with System: a second system, to list pages by difference
	Page    string // with System: one page's diff
}

// Add declares the shared flags on fs, bound to f: -dir defaults to dir,
// which holds what holds says.
func (f *Flags) Add(fs *flag.FlagSet, dir, holds string) {
	fs.StringVar(&f.Dir, "dir", dir, "benchmark folder ("+holds+")")
	fs.IntVar(&f.Passes, "passes", 1, "timed passes per system (and round) after one warm-up pass; the median of all counts (0: texts only, no time)")
	fs.StringVar(&f.Systems, "systems", "winnow,readability,trafilatura,trafilatura-fallback", "systems to run, comma-separated")
	fs.StringVar(&f.System, "system", "", "one system, untimed: list its per-page scores, worst first (with -page: diff one page)")
	fs.StringVar(&f.Against, "against", "", "with -system: a second system; list the pages by F1 difference, where -system does worst first")
	fs.StringVar(&f.Page, "page", "", "with -system: print the system's text against the truth for this page id (or id prefix)")
}

// Select checks the flags (Check) and returns the pages they select: all
// of them, or with -page the one it names (bench.MatchID); id is a page's id.
func Select[P any](f *Flags, pages []P, id func(P) string) ([]P, error) {
	if err := f.Check(); err != nil {
		return nil, err
	}
	if f.Page == "" {
		return pages, nil
	}
	i := slices.IndexFunc(pages, func(p P) bool { return bench.MatchID(id(p), f.Page) })
	if i < 0 {
		return nil, fmt.Errorf("page %s: not in %s", f.Page, f.Dir)
	}
	return pages[i : i+1], nil
}

// Check reports flags that do not go together.
func (f *Flags) Check() error {
	if f.Page != "" && f.System == "" {
		return errors.New("-page needs -system")
	}
	return nil
}
