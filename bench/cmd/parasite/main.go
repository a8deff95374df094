// Command parasite measures winnow's whole-page spam verdict on generated
// parasite landing pages (package parasite), the tuning half and the
// held-out half side by side, and on the legitimate gambling-topic fixtures
// (which must never get it).
//
//	cd bench && go run ./cmd/parasite                 # both halves, per language
//	cd bench && go run ./cmd/parasite -half tuning -v # each tuning page missed, with its evidence
//
// Tune only on the tuning half: -v never lists held-out pages.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/winnowhq/winnow/bench/parasite"
	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/rules"
)

func main() {
	n := flag.Int("n", 400, "pages per half")
	seed := flag.Uint64("seed", 1, "generator seed")
	verbose := flag.Bool("v", false, "list each tuning page missed (never held-out ones)")
	fixtures := flag.String("fixtures", "../fixtures", "fixtures folder: legitimate cases must not get the verdict")
	flag.Parse()
	rs, err := rules.Builtin()
	if err != nil {
		fmt.Fprintln(os.Stderr, "parasite:", err)
		os.Exit(1)
	}
	c, err := clean.New(clean.Options{Rules: rs})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("| half | pages | spam verdict | share | per language (verdicts/pages) |")
	fmt.Println("|---|---|---|---|---|")
	for _, h := range []parasite.Half{parasite.HalfTuning, parasite.HalfHeldOut} {
		pages := parasite.Generate(h, *n, *seed)
		hit := 0
		per := map[string][2]int{}
		for _, p := range pages {
			res, err := c.Clean(context.Background(), clean.Input{Source: p.URL, URL: p.URL, Data: []byte(p.HTML), Kind: clean.InputHTML})
			ok := err == nil && res.Spam
			x := per[p.Lang]
			x[1]++
			if ok {
				hit++
				x[0]++
			} else if *verbose && h == parasite.HalfTuning {
				ev := ""
				if res != nil && res.Verdict.Evidence != nil {
					ev = res.Verdict.Evidence.String()
				}
				fmt.Fprintf(os.Stderr, "missed %s (%s): %s\n", p.URL, p.Lang, ev)
			}
			per[p.Lang] = x
		}
		var langs []string
		for l, x := range per {
			langs = append(langs, fmt.Sprintf("%s %d/%d", l, x[0], x[1]))
		}
		sort.Strings(langs)
		fmt.Printf("| %s | %d | %d | %.1f%% | %s |\n", h, len(pages), hit, 100*float64(hit)/float64(max(1, len(pages))), strings.Join(langs, ", "))
	}
	flagged, total := 0, 0
	dirs, _ := filepath.Glob(filepath.Join(*fixtures, "*", "input.html"))
	for _, in := range dirs {
		data, err := os.ReadFile(in)
		if err != nil {
			continue
		}
		url := ""
		if u, err := os.ReadFile(filepath.Join(filepath.Dir(in), "source.url")); err == nil {
			url = strings.TrimSpace(string(u))
		}
		total++
		res, err := c.Clean(context.Background(), clean.Input{Source: in, URL: url, Data: data, Kind: clean.InputHTML})
		if err == nil && res.Spam {
			flagged++
			fmt.Printf("fixture flagged as a spam page: %s (%.2f)\n", in, res.Verdict.Score)
		}
	}
	fmt.Printf("\nfixtures (legitimate pages, gambling-topic ones included): %d of %d get the spam verdict\n", flagged, total)
}
