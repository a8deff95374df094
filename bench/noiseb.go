package bench

import (
	"context"
	"fmt"
	"hash/fnv"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/noise"
	"github.com/winnowhq/winnow/bench/noise/heldoutb"
	"github.com/winnowhq/winnow/bench/noise/leftover"
	"github.com/winnowhq/winnow/clean"
)

// NoiseBShare is one in how many WCXB development pages serve as held-out
// B's base pages (package noise/heldoutb): a sample of every page type,
// drawn by a hash of the page id, none of them an article benchmark page
// (the base pages of the tuning and held-out halves).
const NoiseBShare = 6

// NoiseSourcesB reads held-out B's base pages from the WCXB development
// pages: those whose id hashes to 0 modulo NoiseBShare, with their labelled
// main text, in half.HeldOutB.
func NoiseSourcesB(pages []WCXBPage) ([]noise.Source, error) {
	var srcs []noise.Source
	for _, p := range pages {
		h := fnv.New32a()
		fmt.Fprintf(h, "held-out-b/%s", p.ID)
		if h.Sum32()%NoiseBShare != 0 || p.Truth == "" {
			continue
		}
		page, err := p.Read()
		if err != nil {
			return nil, fmt.Errorf("wcxb page %s: %w", p.ID, err)
		}
		srcs = append(srcs, noise.Source{ID: "wcxb-" + p.ID, URL: p.URL, HTML: page, Body: p.Truth, Half: half.HeldOutB})
	}
	return srcs, nil
}

// RunNoiseB generates held-out B's corpus from srcs and measures c on it.
func RunNoiseB(ctx context.Context, c *clean.Cleaner, srcs []noise.Source, opts heldoutb.Options) (NoiseRun, error) {
	docs, skipped, err := heldoutb.Generate(srcs, opts)
	if err != nil {
		return NoiseRun{}, err
	}
	figs, errs := MeasureNoise(ctx, c, docs)
	return NoiseRun{Half: half.HeldOutB, Docs: docs, Skipped: skipped, Figs: figs, Sum: leftover.Summarise(figs), Errs: errs}, nil
}
