package bench

import (
	"context"
	"fmt"

	"github.com/winnowhq/winnow/bench/noise"
	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/score"
	"github.com/winnowhq/winnow/rules"
)

// NewWinnow returns the cleaner the benchmarks measure: the built-in rules
// and default options.
func NewWinnow() (*clean.Cleaner, error) {
	rs, err := rules.Builtin()
	if err != nil {
		return nil, fmt.Errorf("built-in rules: %w", err)
	}
	return clean.New(rs, clean.Options{}), nil
}

// WinnowText cleans one UTF-8 page and returns its body text: clean.Body,
// without the title that Result.Text starts with (see the scoring policy in
// the package comment).
func WinnowText(ctx context.Context, c *clean.Cleaner, id, pageURL string, page []byte) (string, error) {
	res, err := c.Clean(ctx, clean.Input{
		Source:      id,
		URL:         pageURL,
		ContentType: "text/html; charset=utf-8",
		Kind:        clean.InputHTML,
		Data:        page,
	})
	if err != nil {
		return "", fmt.Errorf("page %s: %w", id, err)
	}
	return clean.Body(res), nil
}

// ScoreAEB runs c over the benchmark pages in this process and returns the
// page scores in page order. A page that fails scores as an empty text.
func ScoreAEB(ctx context.Context, c *clean.Cleaner, pages []Page) ([]score.PageScore, []error) {
	scores := make([]score.PageScore, len(pages))
	var errs []error
	for i, p := range pages {
		text, err := WinnowText(ctx, c, p.ID, p.URL, p.HTML)
		if err != nil {
			errs = append(errs, err)
		}
		scores[i] = score.Page(text, p.Truth)
	}
	return scores, errs
}

// NoiseSources turns benchmark pages into sources for the noise generator,
// each in the half noise.HalfOf gives it.
func NoiseSources(pages []Page) []noise.Source {
	srcs := make([]noise.Source, len(pages))
	for i, p := range pages {
		srcs[i] = noise.Source{ID: p.ID, URL: p.URL, HTML: p.HTML, Body: p.Truth, Half: noise.HalfOf(p.ID)}
	}
	return srcs
}

// MeasureNoise cleans every noisy document and its clean counterpart with c
// and measures what is left. A page that fails counts as an empty text.
func MeasureNoise(ctx context.Context, c *clean.Cleaner, docs []noise.Doc) ([]noise.DocFigures, []error) {
	var errs []error
	cleanText := map[string]string{} // by source: variants share the clean page
	figs := make([]noise.DocFigures, len(docs))
	for i, d := range docs {
		ct, ok := cleanText[d.Source]
		if !ok {
			var err error
			ct, err = WinnowText(ctx, c, d.Source, d.URL, d.Clean)
			if err != nil {
				errs = append(errs, fmt.Errorf("clean variant: %w", err))
			}
			cleanText[d.Source] = ct
		}
		nt, err := WinnowText(ctx, c, d.ID, d.URL, d.Noisy)
		if err != nil {
			errs = append(errs, err)
		}
		figs[i] = noise.Measure(d, nt, ct)
	}
	return figs, errs
}

// NoiseRun is one half's noise corpus measured: the generated documents,
// the figures per document and their sum.
type NoiseRun struct {
	Half    noise.Half
	Docs    []noise.Doc
	Skipped []string
	Figs    []noise.DocFigures
	Sum     noise.Figures
	Errs    []error
}

// RunNoise generates opts.Half's corpus from srcs and measures c on it.
func RunNoise(ctx context.Context, c *clean.Cleaner, srcs []noise.Source, opts noise.Options) (NoiseRun, error) {
	docs, skipped, err := noise.Generate(srcs, opts)
	if err != nil {
		return NoiseRun{}, err
	}
	figs, errs := MeasureNoise(ctx, c, docs)
	return NoiseRun{Half: opts.Half, Docs: docs, Skipped: skipped, Figs: figs, Sum: noise.Summarise(figs), Errs: errs}, nil
}
