// Command legit measures what winnow keeps of legitimate pages about
// gambling (package legit: news, regulation, addiction help, lotteries,
// the betting business, history, court reports, odds boards, in many
// languages and page shapes), the tuning half and the held-out half side
// by side, and of the legitimate gambling-topic fixtures (fixtures/*legit*).
//
//	cd bench && go run ./cmd/legit          # both halves and the fixtures
//	cd bench && go run ./cmd/legit -v       # and each tuning page or fixture that loses text
//
// Tune only on the tuning half: -v never lists held-out pages.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/internal/command"
)

func main() { command.Main("legit", &legitCommand{}) }

// legitCommand is the command and its flags.
type legitCommand struct {
	n        int
	seed     uint64
	verbose  bool
	fixtures string
}

func (c *legitCommand) Flags(fs *flag.FlagSet) {
	fs.IntVar(&c.n, "n", 300, "pages per half")
	fs.Uint64Var(&c.seed, "seed", 1, "generator seed")
	fs.BoolVar(&c.verbose, "v", false, "list each tuning page and fixture that loses text (never held-out ones)")
	fs.StringVar(&c.fixtures, "fixtures", "../fixtures", "fixtures folder: its *legit* cases are measured too")
}

func (c *legitCommand) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fmt.Fprintln(stdout, "| pages | count | word recall | pages losing a block | blocks lost | pages a spam rule cut | spam verdicts | failed |")
	fmt.Fprintln(stdout, "|---|---|---|---|---|---|---|---|")
	row := func(name string, f *bench.LegitFigures) {
		fmt.Fprintf(stdout, "| %s | %d | %.4f | %d (%.1f%%) | %d of %d | %d | %d | %d |\n", name, f.Pages, f.Recall,
			f.Losing, 100*f.LosingShare(), f.Lost, f.Blocks, f.SpamCut, f.Verdicts, f.Failed)
	}
	var lines []string
	for _, h := range half.All {
		f, err := bench.MeasureLegit(ctx, h, c.n, c.seed)
		if err != nil {
			return err
		}
		row(h.String(), f)
		if h == half.Tuning {
			lines = append(lines, f.Lines...)
		}
	}
	f, err := bench.MeasureLegitFixtures(ctx, c.fixtures)
	if err != nil {
		return err
	}
	row("fixtures *legit*", f)
	lines = append(lines, f.Lines...)
	if c.verbose {
		for _, l := range lines {
			fmt.Fprintln(stderr, l)
		}
	}
	return nil
}
