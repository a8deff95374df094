// Command noise generates the noise corpus from the benchmark pages, runs
// winnow on both of its halves and on held-out B (package noise/heldoutb,
// from WCXB pages, when that folder is there) and prints, side by side,
// what share of each injected noise kind winnow leaves, with its body
// recall and precision on the noisy pages and on the same pages without
// noise.
//
// Usage, from the bench directory:
//
//	go run ./cmd/noise                     # both halves and held-out B; tune on none but the first
//	go run ./cmd/noise -left               # tuning: every item left on the tuning half, per page
//	go run ./cmd/noise -out DIR            # write the tuning corpus (noisy.html, clean.html, body.txt, items.json)
//	go run ./cmd/noise -builtin -variants 40   # from the pages bundled with package noise
//	go run ./cmd/noise -control            # and the tuning half on held-out B's pages: what the pages cost, not the pools
package main

import (
	"context"
	"encoding/json"
	"errors"
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
	"github.com/winnowhq/winnow/bench/noise/heldoutb"
	"github.com/winnowhq/winnow/bench/noise/leftover"
	"github.com/winnowhq/winnow/clean"
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
	wcxb     string
	control  bool
}

// column is one measured corpus and its name in the tables.
type column struct {
	name string
	bench.NoiseRun
}

func (c *noiseCommand) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.dir, "dir", bench.AEBDir(), "benchmark folder: the clean pages and their bodies")
	fs.Uint64Var(&c.seed, "seed", 1, "generator seed (random choices within each half)")
	fs.IntVar(&c.variants, "variants", 2, "noisy pages per base page")
	fs.StringVar(&c.out, "out", "", "write the tuning corpus to this directory instead of measuring")
	fs.BoolVar(&c.left, "left", false, "list, per page, every injected item winnow left on the tuning half")
	fs.BoolVar(&c.builtin, "builtin", false, "start from the clean pages bundled with package noise instead of the benchmark pages")
	fs.StringVar(&c.wcxb, "wcxb", bench.WCXBDir(), "WCXB folder: held-out B's base pages (skipped when absent)")
	fs.BoolVar(&c.control, "control", false, "add a column: the tuning half's pools on held-out B's base pages, to tell what the pages cost from what the unseen pools cost")
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
	var runs []column
	for _, h := range half.All {
		r, err := bench.RunNoise(ctx, w, srcs, noise.Options{Half: h, Seed: c.seed, Variants: c.variants})
		if err != nil {
			return err
		}
		for _, e := range r.Errs {
			fmt.Fprintf(stderr, "noise: %s: %v\n", h, e)
		}
		runs = append(runs, column{h.String(), r})
	}
	b, err := c.runB(ctx, w, stderr)
	if err != nil {
		return err
	}
	runs = append(runs, b...)
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
	c.printCorpus(stdout, runs)
	fmt.Fprintln(stdout)
	printFigures(stdout, runs)
	fmt.Fprintln(stdout)
	printKinds(stdout, runs)
	return nil
}

// printCorpus says what each run's corpus was made of.
func (c *noiseCommand) printCorpus(stdout io.Writer, runs []column) {
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
		of := ""
		if r.name != half.Tuning.String() && r.name != half.HeldOut.String() {
			of = " WCXB dev"
		}
		fmt.Fprintf(stdout, "- %s: %d pages from %d%s base pages (%d skipped: body not found in the DOM), %d failed; injections: %s\n",
			r.name, len(r.Docs), base, of, len(r.Skipped), len(r.Errs), kindList(kinds))
	}
}

// runB measures held-out B on the WCXB pages it draws and, with
// -control, the tuning half on the same pages; it returns no column when
// the WCXB folder is absent.
func (c *noiseCommand) runB(ctx context.Context, w *clean.Cleaner, stderr io.Writer) ([]column, error) {
	pages, err := bench.LoadWCXB(c.wcxb)
	if errors.Is(err, bench.ErrAbsent) {
		fmt.Fprintf(stderr, "noise: held-out B skipped: %v (set -wcxb)\n", err)
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	srcs, err := bench.NoiseSourcesB(pages)
	if err != nil {
		return nil, err
	}
	r, err := bench.RunNoiseB(ctx, w, srcs, heldoutb.Options{Seed: c.seed, Variants: c.variants})
	if err != nil {
		return nil, err
	}
	cols := []column{{half.HeldOutB.String(), r}}
	if c.control {
		for i := range srcs {
			srcs[i].Half = half.Tuning
		}
		r, err := bench.RunNoise(ctx, w, srcs, noise.Options{Half: half.Tuning, Seed: c.seed, Variants: c.variants})
		if err != nil {
			return nil, err
		}
		cols = append(cols, column{"tuning-on-b-pages", r})
	}
	for _, col := range cols {
		for _, e := range col.Errs {
			fmt.Fprintf(stderr, "noise: %s: %v\n", col.name, e)
		}
	}
	return cols, nil
}

// printKinds prints what is left per category and noise kind, one column
// pair per run.
func printKinds(w io.Writer, runs []column) {
	seen := map[leftover.KindKey]bool{}
	var keys []leftover.KindKey
	for _, r := range runs {
		f := r.Sum
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
	head, rule := "| category | kind |", "|---|---|"
	for _, r := range runs {
		head += fmt.Sprintf(" %s left | %s share |", r.name, r.name)
		rule += "---|---|"
	}
	fmt.Fprintln(w, head)
	fmt.Fprintln(w, rule)
	for _, k := range keys {
		line := fmt.Sprintf("| %s | %s |", k.Category, k.Kind)
		for _, r := range runs {
			t, ok := r.Sum.ByKind[k]
			switch {
			case !ok || t.Injected == 0:
				line += " - | - |"
			default:
				line += fmt.Sprintf(" %d / %d | %.2f%% |", t.Left, t.Injected, 100*float64(t.Left)/float64(t.Injected))
			}
		}
		fmt.Fprintln(w, line)
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

// printFigures prints the summary figures, one column per run; the
// targets are the held-out half's.
func printFigures(w io.Writer, runs []column) {
	head, rule := "| measure |", "|---|"
	for _, r := range runs {
		head += " " + r.name + " |"
		rule += "---|"
	}
	fmt.Fprintln(w, head+" target (held-out) |")
	fmt.Fprintln(w, rule+"---|")
	row := func(what, target string, cell func(f leftover.Figures) string) {
		line := "| " + what + " |"
		for _, r := range runs {
			line += " " + cell(r.Sum) + " |"
		}
		fmt.Fprintln(w, line+" "+target+" |")
	}
	pct := func(share float64, n int, unit string) string {
		return fmt.Sprintf("%.2f%% of %d %s", 100*share, n, unit)
	}
	row("spam left", "≤ 1%", func(f leftover.Figures) string { return pct(f.SpamLeft, f.Spam, "items") })
	row("boilerplate left", "≤ 2%", func(f leftover.Figures) string { return pct(f.BoilerplateLeft, f.Boilerplate, "items") })
	row("duplicates left", "≤ 0.5%", func(f leftover.Figures) string { return pct(f.DupsLeft, f.Dups, "extra copies") })
	row("glyphs left", "≤ 0.5%", func(f leftover.Figures) string { return pct(f.GlyphsLeft, f.Glyphs, "glyphs") })
	row("body recall, noisy / clean = ratio", "ratio ≥ 0.98", func(f leftover.Figures) string {
		return fmt.Sprintf("%.3f / %.3f = %.3f", f.Noisy.R, f.Clean.R, f.RecallRatio)
	})
	row("body precision, noisy / clean", "noisy ≥ 0.95", func(f leftover.Figures) string { return fmt.Sprintf("%.3f / %.3f", f.Noisy.P, f.Clean.P) })
	row("body F1, noisy / clean", "", func(f leftover.Figures) string { return fmt.Sprintf("%.3f / %.3f", f.Noisy.F1, f.Clean.F1) })
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
