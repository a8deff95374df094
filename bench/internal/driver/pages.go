package driver

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/internal/child"
)

// Pages are a benchmark's pages as its command drives them: written, decoded,
// into Dir for the children, with the listing line each earns.
type Pages struct {
	// Dir holds the decoded pages and their manifest (WritePages).
	Dir   string
	Pages []bench.Page
	// Line is page i's line of a listing for a system's result res.
	Line func(i int, res child.Result) Line
}

// TempPages writes pages into a new temporary directory (WritePages) named
// after prefix; the caller removes it with Remove.
func TempPages(prefix string, pages []bench.Page, line func(i int, res child.Result) Line) (*Pages, error) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return nil, err
	}
	if err := WritePages(dir, pages); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Pages{Dir: dir, Pages: pages, Line: line}, nil
}

// Remove removes the pages' directory.
func (p *Pages) Remove() error { return os.RemoveAll(p.Dir) }

// Lines are every page's line of a listing for a system's outcome, with
// the F1 of other, when not nil, in Other.
func (p *Pages) Lines(out Outcome, other *Outcome) []Line {
	lines := make([]Line, len(p.Pages))
	for i := range p.Pages {
		lines[i] = p.Line(i, out.Rep.Pages[i])
		if other != nil {
			lines[i].Other = p.Line(i, other.Rep.Pages[i]).Scores.F1
		}
	}
	return lines
}

// RunAll runs every system of the comma-separated list over the pages:
// rounds rounds, each running every system in turn, in a fresh process,
// one warm-up and passes timed passes (Run). Rounds interleave the
// systems, so that a change in the machine's load (it is shared) falls on
// every system alike rather than on one. A later round's timings are added
// to the first's (Outcome.Add). It names each run on stderr after name.
func (p *Pages) RunAll(ctx context.Context, name, list string, rounds, passes int, stderr io.Writer) ([]System, []Outcome, error) {
	chosen, err := LookupList(list)
	if err != nil {
		return nil, nil, err
	}
	outs := make([]Outcome, len(chosen))
	for round := range rounds {
		for i, sys := range chosen {
			fmt.Fprintf(stderr, "%s: round %d/%d: %s: %d pages, 1 warm-up + %d timed passes\n", name, round+1, rounds, sys.Name, len(p.Pages), passes)
			out, err := Run(ctx, p.Dir, sys, passes, stderr)
			if err != nil {
				return nil, nil, err
			}
			if round == 0 {
				outs[i] = out
				continue
			}
			outs[i].Add(out)
		}
	}
	return chosen, outs, nil
}

// RunSystem is the one-system mode of the flags: it runs f.System, and
// f.Against when set, untimed over the pages. With -page (the pages are
// that one page) it prints the page's scores and diff against its truth;
// otherwise it calls list with the system's name, outcome and listing
// lines (Lines, with -against's F1) for the command to print.
func (f *Flags) RunSystem(ctx context.Context, p *Pages, stdout, stderr io.Writer, list func(name string, out Outcome, lines []Line)) error {
	out, err := p.untimed(ctx, f.System, stderr)
	if err != nil {
		return err
	}
	if f.Page != "" {
		res := out.Rep.Pages[0]
		PrintDiff(stdout, p.Line(0, res), p.Pages[0].Truth, res.Text)
		return nil
	}
	var other *Outcome
	if f.Against != "" {
		o, err := p.untimed(ctx, f.Against, stderr)
		if err != nil {
			return err
		}
		other = &o
	}
	list(f.System, out, p.Lines(out, other))
	return nil
}

// untimed runs the system named name over the pages, the warm-up pass only.
func (p *Pages) untimed(ctx context.Context, name string, stderr io.Writer) (Outcome, error) {
	sys, err := Lookup(name)
	if err != nil {
		return Outcome{}, err
	}
	return Run(ctx, p.Dir, sys, 0, stderr)
}
