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
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"

	"github.com/winnowhq/winnow/bench"
)

func main() {
	dir := flag.String("dir", bench.WCXBDir(), "WCXB folder (holds dev/html and dev/ground-truth)")
	verbose := flag.Bool("v", false, "list every removal of main text and every spam verdict")
	flag.Parse()
	r, err := bench.MeasureSpamFP(context.Background(), *dir)
	if errors.Is(err, bench.ErrNoWCXB) {
		fmt.Printf("spamfp: no pages in %s (the WCXB folder is kept outside the repository); skipped\n", *dir)
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "spamfp:", err)
		os.Exit(1)
	}
	if *verbose {
		for _, l := range r.Lines {
			fmt.Println(l)
		}
	}
	pct := func(a int) float64 { return 100 * float64(a) / float64(max(1, r.Pages)) }
	fmt.Printf("WCXB dev, %d pages (%d failed to clean), no spam on any:\n", r.Pages, r.Failed)
	fmt.Printf("  spam removals take labelled main text on %d pages: %.2f%% (target <= 0.5%%)\n", r.MainTextPages, pct(r.MainTextPages))
	fmt.Printf("  whole-page spam verdict on %d pages: %.2f%% (target <= 0.2%%)\n", r.VerdictPages, pct(r.VerdictPages))
	var ids []string
	for id := range r.ByRule {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Printf("    %-28s %d pages\n", id, r.ByRule[id])
	}
}
