package bench

import (
	"context"
	"fmt"
	"sync"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/noise"
	"github.com/winnowhq/winnow/bench/noise/leftover"
	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/score"
)

// NewWinnow returns the cleaner the benchmarks measure: the built-in rules
// and default options.
func NewWinnow() (*clean.Cleaner, error) {
	return clean.New(clean.Options{})
}

// WinnowText cleans one UTF-8 page and returns its body text: Result.Body,
// without the title (see the scoring policy in the package comment).
func WinnowText(ctx context.Context, c *clean.Cleaner, id, pageURL string, page []byte) (string, error) {
	res, err := cleanPage(ctx, c, id, pageURL, page)
	if err != nil {
		return "", err
	}
	return res.Body, nil
}

// cleanPage cleans one UTF-8 page as the benchmarks do.
func cleanPage(ctx context.Context, c *clean.Cleaner, id, pageURL string, page []byte) (*clean.Result, error) {
	res, err := c.Clean(ctx, clean.Input{
		Source:      id,
		URL:         pageURL,
		ContentType: "text/html; charset=utf-8",
		Kind:        clean.InputHTML,
		Data:        page,
	})
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", id, err)
	}
	return res, nil
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
// each in the half that half.Of gives it.
func NoiseSources(pages []Page) []noise.Source {
	srcs := make([]noise.Source, len(pages))
	for i, p := range pages {
		srcs[i] = noise.Source{ID: p.ID, URL: p.URL, HTML: p.HTML, Body: p.Truth, Half: half.Of(p.ID)}
	}
	return srcs
}

// MeasureNoise cleans every noisy document and its clean counterpart with c
// and measures what is left. A page that fails counts as an empty text.
func MeasureNoise(ctx context.Context, c *clean.Cleaner, docs []noise.Doc) ([]leftover.DocFigures, []error) {
	var errs []error
	cleanText := map[string]string{} // by source: variants share the clean page
	figs := make([]leftover.DocFigures, len(docs))
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
		figs[i] = leftover.Measure(d, nt, ct)
	}
	return figs, errs
}

// NoiseRun is one half's noise corpus measured: the generated documents,
// the figures per document and their sum.
type NoiseRun struct {
	Half    half.Half
	Docs    []noise.Doc
	Skipped []string
	Figs    []leftover.DocFigures
	Sum     leftover.Figures
	Errs    []error
}

// RunNoise generates opts.Half's corpus from srcs and measures c on it.
func RunNoise(ctx context.Context, c *clean.Cleaner, srcs []noise.Source, opts noise.Options) (NoiseRun, error) {
	docs, skipped, err := noise.Generate(srcs, opts)
	if err != nil {
		return NoiseRun{}, err
	}
	figs, errs := MeasureNoise(ctx, c, docs)
	return NoiseRun{Half: opts.Half, Docs: docs, Skipped: skipped, Figs: figs, Sum: leftover.Summarise(figs), Errs: errs}, nil
}

// WCXBScore is winnow's outcome on one WCXB page: its word score, the page
// type it detected ("" when the page failed), and whether the page failed.
type WCXBScore struct {
	Words score.Words
	Type  string
	Err   error
}

// ScoreWCXB runs c over the WCXB pages in this process, workers pages at a
// time, and returns the word scores in page order. A page that fails scores
// as an empty text.
func ScoreWCXB(ctx context.Context, c *clean.Cleaner, pages []WCXBPage, workers int) []WCXBScore {
	out := make([]WCXBScore, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := pages[i]
				page, err := p.Read()
				var text, typ string
				if err == nil {
					var res *clean.Result
					if res, err = cleanPage(ctx, c, p.ID, p.URL, page); err == nil {
						text, typ = res.Body, res.PageType
					}
				}
				out[i] = WCXBScore{Words: score.PageWords(text, p.Truth), Type: typ, Err: err}
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
