package bench

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/legit"
	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/fixture"
	"github.com/winnowhq/winnow/internal/score"
)

// LegitFigures is what winnow keeps of legitimate pages about gambling:
// every block of them is content.
type LegitFigures struct {
	Pages, Failed int
	// Recall is the mean over pages of the word recall of the page's
	// blocks (the benchmark's bag-of-words metric) in the clean text,
	// title included.
	Recall float64
	// Losing counts the pages that lose a block: one whose words do not
	// come out as one run of the clean text.
	Losing       int
	Blocks, Lost int
	// SpamCut counts the pages where a spam rule removed text of a block;
	// Verdicts those judged spam from top to bottom.
	SpamCut, Verdicts int
	// Lines describe each page that loses text, for -v: the tuning half
	// and the fixtures only (never held-out pages).
	Lines []string
}

// LosingShare is the share of pages that lose a block.
func (f *LegitFigures) LosingShare() float64 { return float64(f.Losing) / float64(max(f.Pages, 1)) }

// legitPage is one page to measure: its input and its legitimate blocks.
type legitPage struct {
	id, url string
	html    []byte
	blocks  []string
}

// MeasureLegit cleans n generated legitimate pages of half h (package
// legit) and measures what they lose.
func MeasureLegit(ctx context.Context, h half.Half, n int, seed uint64) (*LegitFigures, error) {
	pages, err := legit.Generate(h, n, seed)
	if err != nil {
		return nil, err
	}
	lp := make([]legitPage, len(pages))
	for i, p := range pages {
		lp[i] = legitPage{id: p.ID + " (" + p.Lang + ", " + p.Topic + ", " + p.Shape + ")", url: p.URL, html: []byte(p.HTML), blocks: p.Blocks}
	}
	return measureLegit(ctx, lp, h == half.Tuning)
}

// MeasureLegitFixtures is MeasureLegit over the HTML cases of the fixtures
// folder dir whose name has "legit": every line of expected.txt is a block.
func MeasureLegitFixtures(ctx context.Context, dir string) (*LegitFigures, error) {
	cases, err := fixture.Load(dir)
	if err != nil {
		return nil, err
	}
	var lp []legitPage
	for _, tc := range cases {
		if !strings.Contains(tc.Name, "legit") || strings.HasSuffix(tc.Input, ".txt") {
			continue
		}
		html, err := os.ReadFile(tc.Input)
		if err != nil {
			return nil, err
		}
		want, err := tc.Want()
		if err != nil {
			return nil, err
		}
		var blocks []string
		for _, l := range strings.Split(want, "\n") {
			if strings.TrimSpace(l) != "" {
				blocks = append(blocks, l)
			}
		}
		lp = append(lp, legitPage{id: tc.Name, url: tc.URL, html: html, blocks: blocks})
	}
	return measureLegit(ctx, lp, true)
}

func measureLegit(ctx context.Context, pages []legitPage, describe bool) (*LegitFigures, error) {
	c, err := clean.New(clean.Options{Trace: true})
	if err != nil {
		return nil, err
	}
	out := &LegitFigures{}
	var recall float64
	for _, p := range pages {
		out.Pages++
		out.Blocks += len(p.blocks)
		res, err := c.Clean(ctx, clean.Input{Source: p.id, URL: p.url, Data: p.html, Kind: clean.InputHTML})
		if err != nil {
			out.Failed++
			out.Losing++
			out.Lost += len(p.blocks)
			if describe {
				out.Lines = append(out.Lines, fmt.Sprintf("%s  %s  failed: %v", p.id, p.url, err))
			}
			continue
		}
		text := clean.PlainText(res)
		recall += score.PageWords(text, strings.Join(p.blocks, "\n")).Recall()
		got := " " + strings.Join(score.Tokens(strings.ToLower(text)), " ") + " "
		var lost []string
		for _, b := range p.blocks {
			if !strings.Contains(got, " "+strings.Join(score.Tokens(strings.ToLower(b)), " ")+" ") {
				lost = append(lost, b)
			}
		}
		cuts := spamCuts(res, p.blocks)
		if res.Spam {
			out.Verdicts++
		}
		if len(cuts) > 0 {
			out.SpamCut++
		}
		if len(lost) > 0 {
			out.Losing++
			out.Lost += len(lost)
		}
		if describe && (len(lost) > 0 || len(cuts) > 0 || res.Spam) {
			out.Lines = append(out.Lines, describeLoss(p, res, lost, cuts))
		}
	}
	out.Recall = recall / float64(max(out.Pages, 1))
	return out, nil
}

// spamCuts lists the spam rules' removals whose excerpt is text of the
// page's blocks, as "[rule] excerpt (evidence)".
func spamCuts(res *clean.Result, blocks []string) []string {
	all := " " + lowerWords(strings.Join(blocks, "\n")) + " "
	var out []string
	for _, h := range res.Trace {
		if !strings.HasPrefix(h.Rule, "spam.") {
			continue
		}
		cut := strings.HasSuffix(h.Excerpt, "…")
		ex := lowerWords(strings.TrimSuffix(h.Excerpt, "…"))
		if letters(ex) < 3 || !strings.Contains(all, " "+ex+" ") && !(cut && strings.Contains(all, " "+ex)) {
			continue
		}
		out = append(out, "["+h.Rule+"] "+h.Excerpt+" ("+h.Evidence+")")
	}
	return out
}

func describeLoss(p legitPage, res *clean.Result, lost, cuts []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s", p.id, p.url)
	if res.Spam {
		fmt.Fprintf(&b, "  SPAM VERDICT %.2f", res.Verdict.Score)
	}
	for _, l := range lost {
		fmt.Fprintf(&b, "\n    lost: %s", l)
	}
	for _, c := range cuts {
		fmt.Fprintf(&b, "\n    cut:  %s", c)
	}
	return b.String()
}
