// Command parasite measures winnow's whole-page spam verdict on generated
// parasite landing pages (package parasite), the tuning half and the
// held-out half side by side, and on the fixtures, legitimate pages about
// gambling among them (which must never get it).
//
//	cd bench && go run ./cmd/parasite         # both halves, per language
//	cd bench && go run ./cmd/parasite -v      # and each tuning page missed, with its evidence
//
// Tune only on the tuning half: -v never lists held-out pages.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/internal/command"
	"github.com/winnowhq/winnow/internal/fixture"
)

func main() { command.Main("parasite", &parasiteCommand{}) }

// parasiteCommand is the command and its flags.
type parasiteCommand struct {
	n        int
	seed     uint64
	verbose  bool
	fixtures string
}

func (c *parasiteCommand) Flags(fs *flag.FlagSet) {
	fs.IntVar(&c.n, "n", 400, "pages per half")
	fs.Uint64Var(&c.seed, "seed", 1, "generator seed")
	fs.BoolVar(&c.verbose, "v", false, "list each tuning page missed (never held-out ones)")
	fs.StringVar(&c.fixtures, "fixtures", "../fixtures", "fixtures folder: none may get the verdict")
}

func (c *parasiteCommand) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fmt.Fprintln(stdout, "| half | pages | spam verdict | share | per language (verdicts/pages) |")
	fmt.Fprintln(stdout, "|---|---|---|---|---|")
	for _, h := range []half.Half{half.Tuning, half.HeldOut} {
		r, err := bench.MeasureParasites(ctx, h, c.n, c.seed)
		if err != nil {
			return err
		}
		var langs []string
		for l, x := range r.PerLang {
			langs = append(langs, fmt.Sprintf("%s %d/%d", l, x[0], x[1]))
		}
		sort.Strings(langs)
		fmt.Fprintf(stdout, "| %s | %d | %d | %.1f%% | %s |\n", h, r.Pages, r.Spam, 100*float64(r.Spam)/float64(max(1, r.Pages)), strings.Join(langs, ", "))
		if c.verbose {
			for _, m := range r.Missed {
				fmt.Fprintln(stderr, "missed", m)
			}
		}
	}
	flagged, total, err := fixturesFlagged(ctx, c.fixtures)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nfixtures (legitimate pages, gambling-topic ones included): %d of %d get the spam verdict\n", len(flagged), total)
	for _, f := range flagged {
		fmt.Fprintln(stdout, "  flagged:", f)
	}
	return nil
}

// fixturesFlagged cleans the HTML cases of the fixtures folder as the
// golden tests do (package fixture reads each input with its source.url)
// and lists those judged spam, with their score.
func fixturesFlagged(ctx context.Context, dir string) ([]string, int, error) {
	c, err := bench.NewWinnow()
	if err != nil {
		return nil, 0, err
	}
	cases, err := fixture.Load(dir)
	if err != nil {
		return nil, 0, err
	}
	var flagged []string
	total := 0
	for _, tc := range cases {
		if strings.HasSuffix(tc.Input, ".txt") {
			continue
		}
		total++
		if _, res, err := tc.Run(ctx, c); err == nil && res.Spam {
			flagged = append(flagged, fmt.Sprintf("%s (%.2f)", tc.Input, res.Verdict.Score))
		}
	}
	return flagged, total, nil
}
