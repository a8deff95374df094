// Command noise generates the noise corpus from the benchmark pages, runs
// winnow on both of its halves and prints, side by side, what share of each
// injected noise kind winnow leaves, with its body recall and precision on
// the noisy pages and on the same pages without noise.
//
// Usage, from the bench directory:
//
//	go run ./cmd/noise                     # both halves; the held-out column is the reported one
//	go run ./cmd/noise -left               # tuning: every item left on the tuning half, per page
//	go run ./cmd/noise -out DIR            # write the tuning corpus (noisy.html, clean.html, body.txt, items.json)
//	go run ./cmd/noise -builtin -variants 40   # from the pages bundled with package noise
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/internal/command"
	"github.com/winnowhq/winnow/bench/noise"
	"github.com/winnowhq/winnow/bench/noise/leftover"
)

func main() { command.Main("noise", &noiseCommand{}) }

// noiseCommand is the command and its flags.
type noiseCommand struct {
	dir      string
	seed     uint64
	variants int
	out      string
	left     bool
	builtin  bool
}

func (c *noiseCommand) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.dir, "dir", bench.AEBDir(), "benchmark folder: the clean pages and their bodies")
	fs.Uint64Var(&c.seed, "seed", 1, "generator seed (random choices within each half)")
	fs.IntVar(&c.variants, "variants", 2, "noisy pages per base page")
	fs.StringVar(&c.out, "out", "", "write the tuning corpus to this directory instead of measuring")
	fs.BoolVar(&c.left, "left", false, "list, per page, every injected item winnow left on the tuning half")
	fs.BoolVar(&c.builtin, "builtin", false, "start from the clean pages bundled with package noise instead of the benchmark pages")
}

func (c *noiseCommand) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var srcs []noise.Source
	if c.builtin {
		var err error
		if srcs, err = noise.Builtin(); err != nil {
			return err
		}
	} else {
		pages, err := command.AEB(c.dir, "set -dir, or use -builtin")
		if err != nil {
			return err
		}
		srcs = bench.NoiseSources(pages)
	}
	if c.out != "" {
		// Only the tuning half is written: the held-out pages are not for
		// looking at.
		docs, _, err := noise.Generate(srcs, noise.Options{Half: half.Tuning, Seed: c.seed, Variants: c.variants})
		if err != nil {
			return err
		}
		return write(c.out, docs)
	}
	w, err := bench.NewWinnow()
	if err != nil {
		return err
	}
	var runs []bench.NoiseRun
	for _, h := range half.All {
		r, err := bench.RunNoise(ctx, w, srcs, noise.Options{Half: h, Seed: c.seed, Variants: c.variants})
		if err != nil {
			return err
		}
		for _, e := range r.Errs {
			fmt.Fprintf(stderr, "noise: %s: %v\n", h, e)
		}
		runs = append(runs, r)
	}
	if c.left {
		for _, f := range runs[half.Tuning].Figs {
			if len(f.Left) == 0 {
				continue
			}
			fmt.Fprintf(stdout, "%s  recall %.3f (clean %.3f)\n", f.ID, f.Noisy.Recall(), f.Clean.Recall())
			for _, l := range f.Left {
				fmt.Fprintf(stdout, "    %s\n", l)
			}
		}
		fmt.Fprintln(stdout)
	}
	from := "benchmark"
	if c.builtin {
		from = "bundled"
	}
	fmt.Fprintf(stdout, "noise corpus (seed %d, %d variants per page), from the %s pages:\n", c.seed, c.variants, from)
	for _, r := range runs {
		kinds := map[string]int{}
		for _, d := range r.Docs {
			for k, n := range d.Items.Kinds {
				kinds[k] += n
			}
		}
		base := len(r.Docs) / max(c.variants, 1)
		fmt.Fprintf(stdout, "- %s: %d pages from %d base pages (%d skipped: body not found in the DOM), %d failed; injections: %s\n",
			r.Half, len(r.Docs), base, len(r.Skipped), len(r.Errs), kindList(kinds))
	}
	fmt.Fprintln(stdout)
	printFigures(stdout, runs[half.Tuning].Sum, runs[half.HeldOut].Sum)
	fmt.Fprintln(stdout)
	printKinds(stdout, runs[half.Tuning].Sum, runs[half.HeldOut].Sum)
	return nil
}

// printKinds prints what is left per category and noise kind, both halves.
func printKinds(w io.Writer, tu, ho leftover.Figures) {
	seen := map[leftover.KindKey]bool{}
	var keys []leftover.KindKey
	for _, f := range []leftover.Figures{tu, ho} {
		for k := range f.ByKind {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Category != keys[j].Category {
			return keys[i].Category < keys[j].Category
		}
		return keys[i].Kind < keys[j].Kind
	})
	fmt.Fprintln(w, "| category | kind | tuning left | tuning share | held-out left | held-out share |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	cell := func(t leftover.Tally) (string, string) {
		share := 0.0
		if t.Injected > 0 {
			share = float64(t.Left) / float64(t.Injected)
		}
		return fmt.Sprintf("%d / %d", t.Left, t.Injected), fmt.Sprintf("%.2f%%", 100*share)
	}
	for _, k := range keys {
		a, b := cell(tu.ByKind[k])
		c, d := cell(ho.ByKind[k])
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", k.Category, k.Kind, a, b, c, d)
	}
}

func kindList(kinds map[string]int) string {
	var ks []string
	for k := range kinds {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	s := ""
	for i, k := range ks {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s %d", k, kinds[k])
	}
	return s
}

func printFigures(w io.Writer, tu, ho leftover.Figures) {
	fmt.Fprintln(w, "| measure | tuning | held-out | target (held-out) |")
	fmt.Fprintln(w, "|---|---|---|---|")
	pct := func(share float64, n int, unit string) string {
		return fmt.Sprintf("%.2f%% of %d %s", 100*share, n, unit)
	}
	fmt.Fprintf(w, "| spam left | %s | %s | ≤ 1%% |\n", pct(tu.SpamLeft, tu.Spam, "items"), pct(ho.SpamLeft, ho.Spam, "items"))
	fmt.Fprintf(w, "| boilerplate left | %s | %s | ≤ 2%% |\n", pct(tu.BoilerplateLeft, tu.Boilerplate, "items"), pct(ho.BoilerplateLeft, ho.Boilerplate, "items"))
	fmt.Fprintf(w, "| duplicates left | %s | %s | ≤ 0.5%% |\n", pct(tu.DupsLeft, tu.Dups, "extra copies"), pct(ho.DupsLeft, ho.Dups, "extra copies"))
	fmt.Fprintf(w, "| glyphs left | %s | %s | ≤ 0.5%% |\n", pct(tu.GlyphsLeft, tu.Glyphs, "glyphs"), pct(ho.GlyphsLeft, ho.Glyphs, "glyphs"))
	ratio := func(f leftover.Figures) string {
		return fmt.Sprintf("%.3f / %.3f = %.3f", f.Noisy.R, f.Clean.R, f.RecallRatio)
	}
	fmt.Fprintf(w, "| body recall, noisy / clean = ratio | %s | %s | ratio ≥ 0.98 |\n", ratio(tu), ratio(ho))
	fmt.Fprintf(w, "| body precision, noisy / clean | %.3f / %.3f | %.3f / %.3f | noisy ≥ 0.95 |\n", tu.Noisy.P, tu.Clean.P, ho.Noisy.P, ho.Clean.P)
	fmt.Fprintf(w, "| body F1, noisy / clean | %.3f / %.3f | %.3f / %.3f | |\n", tu.Noisy.F1, tu.Clean.F1, ho.Noisy.F1, ho.Clean.F1)
}

// write stores each document as DIR/<id>/{noisy.html, clean.html, body.txt, items.json}.
func write(dir string, docs []noise.Doc) error {
	for _, d := range docs {
		p := filepath.Join(dir, d.ID)
		if err := os.MkdirAll(p, 0o755); err != nil {
			return err
		}
		items, err := json.MarshalIndent(d.Items, "", "  ")
		if err != nil {
			return fmt.Errorf("page %s: %w", d.ID, err)
		}
		for name, data := range map[string][]byte{
			"noisy.html": d.Noisy, "clean.html": d.Clean, "body.txt": []byte(d.Body), "items.json": items,
		} {
			if err := os.WriteFile(filepath.Join(p, name), data, 0o644); err != nil {
				return fmt.Errorf("page %s: %w", d.ID, err)
			}
		}
	}
	return nil
}
