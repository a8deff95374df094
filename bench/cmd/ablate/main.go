// Command ablate measures what each built-in rule of winnow buys on the
// benchmark pages: for every rule, it cleans the pages with that rule
// disabled and prints what the rule adds to F1, precision and recall, sorted
// with the rules that cost F1 first. (Per-rule time is left out: on a shared
// machine its noise exceeds most rules' cost; profile BenchmarkWinnowAEB.)
//
// Usage, from the bench directory:
//
//	go run ./cmd/ablate
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/internal/command"
	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/score"
	"github.com/winnowhq/winnow/rules"
)

func main() { command.Main("ablate", &ablateCommand{}) }

// ablateCommand is the command and its flags.
type ablateCommand struct {
	dir string
}

func (c *ablateCommand) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.dir, "dir", bench.AEBDir(), "benchmark folder")
}

func (c *ablateCommand) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	pages, err := command.AEB(c.dir, "set -dir")
	if err != nil {
		return err
	}
	rs, err := rules.Builtin()
	if err != nil {
		return fmt.Errorf("built-in rules: %w", err)
	}
	measure := func(set *rules.Set) (score.Summary, error) {
		c, err := clean.New(clean.Options{Rules: set})
		if err != nil {
			return score.Summary{}, err
		}
		scores := make([]score.PageScore, len(pages))
		for i, p := range pages {
			if err := ctx.Err(); err != nil {
				return score.Summary{}, err
			}
			text, _ := bench.WinnowText(ctx, c, p.ID, p.URL, p.HTML)
			scores[i] = score.Page(text, p.Truth)
		}
		return score.Aggregate(scores), nil
	}
	all, err := measure(rs)
	if err != nil {
		return err
	}
	type row struct {
		id         string
		dF1, dP, d float64
	}
	var rows []row
	for _, r := range rs.Rules() {
		without, err := rs.Without(r.ID)
		if err != nil {
			return err
		}
		s, err := measure(without)
		if err != nil {
			return err
		}
		rows = append(rows, row{id: r.ID, dF1: all.F1 - s.F1, dP: all.P - s.P, d: all.R - s.R})
		fmt.Fprintf(stderr, ".")
	}
	fmt.Fprintln(stderr)
	slices.SortStableFunc(rows, func(a, b row) int {
		switch {
		case a.dF1 < b.dF1:
			return -1
		case a.dF1 > b.dF1:
			return 1
		}
		return 0
	})
	fmt.Fprintf(stdout, "all rules: F1 %.4f  P %.4f  R %.4f  (%d pages)\n\n", all.F1, all.P, all.R, len(pages))
	fmt.Fprintln(stdout, "what each rule adds (score with all rules minus score without it); negative F1: the rule costs F1")
	fmt.Fprintln(stdout, "| rule | F1 | precision | recall |")
	fmt.Fprintln(stdout, "|---|---|---|---|")
	for _, r := range rows {
		fmt.Fprintf(stdout, "| %s | %+.4f | %+.4f | %+.4f |\n", r.id, r.dF1, r.dP, r.d)
	}
	return nil
}
