// Command spamfp measures the spam rules' false positives on the WCXB
// development split (../../shared/bench/wcxb, or $WINNOW_WCXB_DIR), which
// holds no spam: the share of pages where a spam rule removed
// human-labelled main text, and the share judged spam from top to bottom.
//
//	cd bench && go run ./cmd/spamfp          # the two figures and the rules behind them
//	cd bench && go run ./cmd/spamfp -v       # every removal of main text, with its evidence
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/internal/command"
)

func main() { command.Main("spamfp", &spamfpCommand{}) }

// spamfpCommand is the command and its flags.
type spamfpCommand struct {
	dir     string
	verbose bool
}

func (c *spamfpCommand) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.dir, "dir", bench.WCXBDir(), "WCXB folder (holds dev/html and dev/ground-truth)")
	fs.BoolVar(&c.verbose, "v", false, "list every removal of main text and every spam verdict")
}

func (c *spamfpCommand) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	r, err := bench.MeasureSpamFP(ctx, c.dir)
	if err != nil {
		return command.Absent(err, c.dir, "the WCXB folder is kept outside the repository; set -dir or $"+bench.WCXBDirEnv)
	}
	if c.verbose {
		for _, l := range r.Lines {
			fmt.Fprintln(stdout, l)
		}
	}
	pct := func(a int) float64 { return 100 * float64(a) / float64(max(1, r.Pages)) }
	fmt.Fprintf(stdout, "WCXB dev, %d pages (%d failed to clean), no spam on any:\n", r.Pages, r.Failed)
	fmt.Fprintf(stdout, "  spam removals take labelled main text on %d pages: %.2f%% (target <= 0.5%%)\n", r.MainTextPages, pct(r.MainTextPages))
	fmt.Fprintf(stdout, "  whole-page spam verdict on %d pages: %.2f%% (target <= 0.2%%)\n", r.VerdictPages, pct(r.VerdictPages))
	var ids []string
	for id := range r.ByRule {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Fprintf(stdout, "    %-28s %d pages\n", id, r.ByRule[id])
	}
	return nil
}
