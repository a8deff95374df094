// Command noise generates the noise corpus from the benchmark pages, runs
// winnow on it and prints what share of each injected noise kind winnow
// leaves, with its body recall and precision on the noisy pages and on the
// same pages without noise.
//
// Usage, from the bench directory:
//
//	go run ./cmd/noise -seed 2             # the reported figures (held-out seed)
//	go run ./cmd/noise -seed 1 -left       # tuning: every item left, per page
//	go run ./cmd/noise -seed 1 -out DIR    # write the corpus (noisy.html, clean.html, body.txt, items.json)
//	go run ./cmd/noise -seed 2 -builtin -variants 40   # from the pages bundled with package noise
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
	"github.com/winnowhq/winnow/bench/noise"
)

func main() { bench.Main("noise", run) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("noise", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", bench.AEBDir(), "benchmark folder: the clean pages and their bodies")
	seed := fs.Uint64("seed", noise.TuneSeed, "generator seed: tune on 1, report on the held-out 2")
	variants := fs.Int("variants", 2, "noisy pages per benchmark page")
	out := fs.String("out", "", "write the corpus to this directory instead of measuring")
	left := fs.Bool("left", false, "list, per page, every injected item winnow left")
	builtin := fs.Bool("builtin", false, "start from the clean pages bundled with package noise instead of the benchmark pages")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var srcs []noise.Source
	if *builtin {
		var err error
		if srcs, err = noise.Builtin(); err != nil {
			return err
		}
	} else {
		pages, err := bench.LoadAEB(*dir)
		if errors.Is(err, bench.ErrNoAEB) {
			fmt.Fprintf(stderr, "noise: skipped: benchmark folder %s not found (set -dir, or use -builtin)\n", *dir)
			return nil
		}
		if err != nil {
			return err
		}
		srcs = bench.NoiseSources(pages)
	}
	docs, skipped, err := noise.Generate(srcs, noise.Options{Seed: *seed, Variants: *variants})
	if err != nil {
		return err
	}
	if *out != "" {
		return write(*out, docs)
	}
	c, err := bench.NewWinnow()
	if err != nil {
		return err
	}
	figs, errs := bench.MeasureNoise(ctx, c, docs)
	for _, e := range errs {
		fmt.Fprintf(stderr, "noise: %v\n", e)
	}
	if *left {
		for _, f := range figs {
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
	kinds := map[string]int{}
	for _, d := range docs {
		for k, n := range d.Items.Kinds {
			kinds[k] += n
		}
	}
	from := "benchmark"
	if *builtin {
		from = "bundled"
	}
	fmt.Fprintf(stdout, "noise corpus: seed %d, %d pages from %d %s pages (%d skipped: body not found in the DOM), %d failed\n",
		*seed, len(docs), len(srcs)-len(skipped), from, len(skipped), len(errs))
	fmt.Fprintf(stdout, "injections: %s\n\n", kindList(kinds))
	f := noise.Summarise(figs)
	printFigures(stdout, f)
	fmt.Fprintln(stdout)
	printKinds(stdout, f)
	return nil
}

// printKinds prints what is left per category and noise kind, for tuning.
func printKinds(w io.Writer, f noise.Figures) {
	keys := make([]noise.KindKey, 0, len(f.ByKind))
	for k := range f.ByKind {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Category != keys[j].Category {
			return keys[i].Category < keys[j].Category
		}
		return keys[i].Kind < keys[j].Kind
	})
	fmt.Fprintln(w, "| category | kind | left | injected | share left |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, k := range keys {
		t := f.ByKind[k]
		share := 0.0
		if t.Injected > 0 {
			share = float64(t.Left) / float64(t.Injected)
		}
		fmt.Fprintf(w, "| %s | %s | %d | %d | %.2f%% |\n", k.Category, k.Kind, t.Left, t.Injected, 100*share)
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

func printFigures(w io.Writer, f noise.Figures) {
	fmt.Fprintln(w, "| measure | winnow | injected | target |")
	fmt.Fprintln(w, "|---|---|---|---|")
	fmt.Fprintf(w, "| spam left | %.2f%% | %d items | ≤ 1%% |\n", 100*f.SpamLeft, f.Spam)
	fmt.Fprintf(w, "| boilerplate left | %.2f%% | %d items | ≤ 3%% |\n", 100*f.BoilerplateLeft, f.Boilerplate)
	fmt.Fprintf(w, "| duplicates left | %.2f%% | %d extra copies | ≤ 1%% |\n", 100*f.DupsLeft, f.Dups)
	fmt.Fprintf(w, "| glyphs left | %.2f%% | %d glyphs | ≤ 1%% |\n", 100*f.GlyphsLeft, f.Glyphs)
	fmt.Fprintf(w, "| body recall, noisy / clean | %.3f / %.3f = %.3f | | ≥ 0.97 |\n", f.Noisy.R, f.Clean.R, f.RecallRatio)
	fmt.Fprintf(w, "| body precision, noisy / clean | %.3f / %.3f | | |\n", f.Noisy.P, f.Clean.P)
	fmt.Fprintf(w, "| body F1, noisy / clean | %.3f / %.3f | | |\n", f.Noisy.F1, f.Clean.F1)
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
