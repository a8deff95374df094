package bench_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/noise"
	"github.com/winnowhq/winnow/bench/noise/heldoutb"
	"github.com/winnowhq/winnow/bench/noise/leftover"
	"github.com/winnowhq/winnow/internal/score"
	"github.com/winnowhq/winnow/pagetype"
)

// gate is the content of gate.json: the figures winnow must not fall below
// (or, for shares of noise left, rise above). They are the values measured
// when last raised, less a small tolerance.
type gate struct {
	AEB struct {
		MinF1        float64 `json:"min_f1"`
		MinPrecision float64 `json:"min_precision"`
		MinRecall    float64 `json:"min_recall"`
	} `json:"aeb"`
	// Noise is the held-out half of the corpus generated from the benchmark
	// pages.
	Noise noisePins `json:"noise"`
	// NoiseBuiltin is the held-out half of the corpus generated from the
	// pages bundled with package noise: it runs even without the benchmark
	// folder.
	NoiseBuiltin noisePins `json:"noise_builtin"`
	// WCXB is the development split of the Web Content Extraction
	// Benchmark: mean word F1 overall and per page type, the share of
	// pages with an empty output where the reference has text (MaxEmpty),
	// and the share of pages whose detected page type is their labelled one.
	WCXB struct {
		MinF1           float64            `json:"min_f1"`
		MinTypeF1       map[string]float64 `json:"min_type_f1"`
		MaxEmpty        float64            `json:"max_empty"`
		MinTypeAccuracy float64            `json:"min_type_accuracy"`
	} `json:"wcxb"`
	// Legit is the corpus of legitimate pages about gambling (package
	// legit), both halves, and the legitimate gambling-topic fixtures:
	// the word recall of their text and the share of pages losing a block.
	Legit struct {
		Seed     uint64    `json:"seed"`
		Pages    int       `json:"pages"`
		Tuning   legitPins `json:"tuning"`
		HeldOut  legitPins `json:"held_out"`
		Fixtures legitPins `json:"fixtures"`
	} `json:"legit"`
}

// legitPins bound what legitimate pages about gambling lose.
type legitPins struct {
	MinRecall   float64 `json:"min_recall"`
	MaxLosing   float64 `json:"max_losing"` // share of pages losing a block
	MaxVerdicts int     `json:"max_verdicts"`
	MinPages    int     `json:"min_pages"`
}

type noisePins struct {
	// Half must be "held-out": the tuning half's figures are not pinned.
	Half               string  `json:"half"`
	Seed               uint64  `json:"seed"`
	Variants           int     `json:"variants"`
	MaxSpamLeft        float64 `json:"max_spam_left"`
	MaxBoilerplateLeft float64 `json:"max_boilerplate_left"`
	MaxDupsLeft        float64 `json:"max_dups_left"`
	MaxGlyphsLeft      float64 `json:"max_glyphs_left"`
	MinRecallRatio     float64 `json:"min_recall_ratio"`
	MinPrecision       float64 `json:"min_precision"`
}

func readGate(t *testing.T) gate { return readPins[gate](t, "gate.json") }

func loadAEB(t *testing.T) []bench.Page {
	t.Helper()
	dir := bench.AEBDir()
	pages, err := bench.LoadAEB(dir)
	needCorpus(t, err, dir, bench.AEBDirEnv, "quality gate")
	return pages
}

// TestGateAEB fails when winnow's score on the benchmark pages falls below
// the pins in gate.json.
func TestGateAEB(t *testing.T) {
	g := readGate(t)
	pages := loadAEB(t)
	c, err := bench.NewWinnow()
	if err != nil {
		t.Fatal(err)
	}
	scores, errs := bench.ScoreAEB(t.Context(), c, pages)
	for _, err := range errs {
		t.Errorf("%v", err)
	}
	s := score.Aggregate(scores)
	t.Logf("benchmark: F1 %.4f  precision %.4f  recall %.4f  accuracy %.4f  (%d pages)", s.F1, s.P, s.R, s.Accuracy, s.N)
	if s.F1 < g.AEB.MinF1 {
		t.Errorf("benchmark F1 %.4f, below the pinned %.4f", s.F1, g.AEB.MinF1)
	}
	if s.P < g.AEB.MinPrecision {
		t.Errorf("benchmark precision %.4f, below the pinned %.4f", s.P, g.AEB.MinPrecision)
	}
	if s.R < g.AEB.MinRecall {
		t.Errorf("benchmark recall %.4f, below the pinned %.4f", s.R, g.AEB.MinRecall)
	}
}

// TestGateNoise fails when winnow leaves more of the injected noise, or
// loses more of the body, than the pins in gate.json allow, on the held-out
// half of the noise corpus, over the benchmark pages.
func TestGateNoise(t *testing.T) {
	g := readGate(t)
	pages := loadAEB(t)
	checkNoise(t, "noise", bench.NoiseSources(pages), g.Noise)
}

// TestGateNoiseBuiltin is TestGateNoise over the pages bundled with package
// noise, so that it runs without the benchmark folder.
func TestGateNoiseBuiltin(t *testing.T) {
	g := readGate(t)
	srcs, err := noise.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	checkNoise(t, "noise_builtin", srcs, g.NoiseBuiltin)
}

// TestGateNoiseHeldOutB reports, without pinning them yet, winnow's
// figures on held-out B (package noise/heldoutb: pools disjoint from both
// halves, on WCXB base pages), at the held-out half's seed and variants.
// It fails only when the corpus cannot be built or a page fails to clean;
// its figures become pins once they have been read over a few merges.
func TestGateNoiseHeldOutB(t *testing.T) {
	g := readGate(t)
	dir := bench.WCXBDir()
	pages, err := bench.LoadWCXB(dir)
	needCorpus(t, err, dir, bench.WCXBDirEnv, "held-out B report")
	srcs, err := bench.NoiseSourcesB(pages)
	if err != nil {
		t.Fatal(err)
	}
	c, err := bench.NewWinnow()
	if err != nil {
		t.Fatal(err)
	}
	r, err := bench.RunNoiseB(t.Context(), c, srcs, heldoutb.Options{Seed: g.Noise.Seed, Variants: g.Noise.Variants})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range r.Errs {
		t.Errorf("%v", err)
	}
	if len(r.Docs) < 100 {
		t.Errorf("held-out B: %d pages, want at least 100", len(r.Docs))
	}
	f := r.Sum
	t.Logf("held-out B (reported, not pinned; seed %d, %d pages): spam left %.4f, boilerplate left %.4f, duplicates left %.4f, glyphs left %.4f, recall %.4f / clean %.4f = %.4f, precision %.4f",
		g.Noise.Seed, f.Docs, f.SpamLeft, f.BoilerplateLeft, f.DupsLeft, f.GlyphsLeft, f.Noisy.R, f.Clean.R, f.RecallRatio, f.Noisy.P)
}

func checkNoise(t *testing.T, name string, srcs []noise.Source, pins noisePins) {
	t.Helper()
	h, err := half.Parse(pins.Half)
	if err != nil || h != half.HeldOut {
		t.Errorf("gate.json: %s: half %q, want the held-out half", name, pins.Half)
	}
	c, err := bench.NewWinnow()
	if err != nil {
		t.Fatal(err)
	}
	r, err := bench.RunNoise(t.Context(), c, srcs, noise.Options{Half: half.HeldOut, Seed: pins.Seed, Variants: pins.Variants})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range r.Errs {
		t.Errorf("%v", err)
	}
	f := r.Sum
	t.Logf("%s (held-out half, seed %d, %d pages): spam left %.4f, boilerplate left %.4f, duplicates left %.4f, glyphs left %.4f, recall %.4f / clean %.4f = %.4f, precision %.4f",
		name, pins.Seed, f.Docs, f.SpamLeft, f.BoilerplateLeft, f.DupsLeft, f.GlyphsLeft, f.Noisy.R, f.Clean.R, f.RecallRatio, f.Noisy.P)
	for _, v := range violations(f, pins) {
		t.Errorf("%s: %s", name, v)
	}
}

// violations lists the figures of f that are worse than their pins.
func violations(f leftover.Figures, pins noisePins) []string {
	checks := []struct {
		what      string
		got, pin  float64
		higherBad bool
	}{
		{"spam left", f.SpamLeft, pins.MaxSpamLeft, true},
		{"boilerplate left", f.BoilerplateLeft, pins.MaxBoilerplateLeft, true},
		{"duplicates left", f.DupsLeft, pins.MaxDupsLeft, true},
		{"glyphs left", f.GlyphsLeft, pins.MaxGlyphsLeft, true},
		{"noisy/clean recall", f.RecallRatio, pins.MinRecallRatio, false},
		{"noisy precision", f.Noisy.P, pins.MinPrecision, false},
	}
	var out []string
	for _, c := range checks {
		if c.higherBad && c.got > c.pin {
			out = append(out, fmt.Sprintf("%s %.4f, above the pinned %.4f", c.what, c.got, c.pin))
		}
		if !c.higherBad && c.got < c.pin {
			out = append(out, fmt.Sprintf("%s %.4f, below the pinned %.4f", c.what, c.got, c.pin))
		}
	}
	return out
}

// TestGateViolations: each pin set tighter than the measure fails, each
// pin at the measure passes.
func TestGateViolations(t *testing.T) {
	var f leftover.Figures
	f.SpamLeft, f.BoilerplateLeft, f.DupsLeft, f.GlyphsLeft = 0.01, 0.02, 0.005, 0.004
	f.RecallRatio, f.Noisy.P = 0.985, 0.95
	at := noisePins{MaxSpamLeft: 0.01, MaxBoilerplateLeft: 0.02, MaxDupsLeft: 0.005, MaxGlyphsLeft: 0.004, MinRecallRatio: 0.985, MinPrecision: 0.95}
	if v := violations(f, at); len(v) != 0 {
		t.Errorf("pins at the measure: %v, want none", v)
	}
	const e = 1e-4
	for i, tighten := range []func(p *noisePins){
		func(p *noisePins) { p.MaxSpamLeft -= e },
		func(p *noisePins) { p.MaxBoilerplateLeft -= e },
		func(p *noisePins) { p.MaxDupsLeft -= e },
		func(p *noisePins) { p.MaxGlyphsLeft -= e },
		func(p *noisePins) { p.MinRecallRatio += e },
		func(p *noisePins) { p.MinPrecision += e },
	} {
		p := at
		tighten(&p)
		if v := violations(f, p); len(v) != 1 {
			t.Errorf("pin %d tighter than the measure: violations %v, want one", i, v)
		}
	}
}

// TestGateWCXB fails when winnow's mean word F1 on the WCXB development
// split, overall or on one page type, falls below its pin in gate.json,
// when more pages than pinned come out empty, or when fewer pages than
// pinned have their labelled page type detected (the confusion table is in
// the log). The pages are cleaned GOMAXPROCS at a time, to keep the gate's
// wall time down.
func TestGateWCXB(t *testing.T) {
	g := readGate(t)
	dir := bench.WCXBDir()
	pages, err := bench.LoadWCXB(dir)
	needCorpus(t, err, dir, bench.WCXBDirEnv, "WCXB gate")
	c, err := bench.NewWinnow()
	if err != nil {
		t.Fatal(err)
	}
	scores := bench.ScoreWCXB(t.Context(), c, pages, runtime.GOMAXPROCS(0))
	sum, n := map[string]float64{}, map[string]int{}
	empty, emptyRight := 0, 0
	conf := bench.TypeConfusion{}
	for i, s := range scores {
		for _, k := range []string{"", pages[i].Type} {
			sum[k] += s.Words.F1()
			n[k]++
		}
		if s.Words.Pred == 0 {
			empty++
			if s.Words.Truth == 0 {
				emptyRight++
			}
		}
		conf.Add(pages[i].Type, s.Type)
	}
	mean := func(k string) float64 { return sum[k] / float64(max(n[k], 1)) }
	// An empty output is a miss only where the reference has text: on a
	// page whose reference is empty too it is the right answer (WCXB's
	// metric scores it 1).
	emptyShare := float64(empty-emptyRight) / float64(len(pages))
	t.Logf("WCXB dev: mean F1 %.4f, empty %d of %d where the reference has text (%.4f; %d more with an empty reference)", mean(""), empty-emptyRight, len(pages), emptyShare, emptyRight)
	if mean("") < g.WCXB.MinF1 {
		t.Errorf("WCXB mean F1 %.4f, below the pinned %.4f", mean(""), g.WCXB.MinF1)
	}
	for _, typ := range pagetype.All() {
		t.Logf("  %-13s F1 %.4f (%d pages)", typ, mean(typ), n[typ])
		pin, ok := g.WCXB.MinTypeF1[typ]
		if !ok {
			t.Errorf("gate.json: wcxb: no pin for page type %s", typ)
			continue
		}
		if mean(typ) < pin {
			t.Errorf("WCXB %s mean F1 %.4f, below the pinned %.4f", typ, mean(typ), pin)
		}
	}
	if emptyShare > g.WCXB.MaxEmpty {
		t.Errorf("WCXB empty outputs where the reference has text %.4f of pages, above the pinned %.4f", emptyShare, g.WCXB.MaxEmpty)
	}
	right, total := conf.Accuracy("")
	acc := float64(right) / float64(max(total, 1))
	var table strings.Builder
	conf.Write(&table, pagetype.All())
	t.Logf("WCXB page type accuracy %.4f (%d of %d pages)\n%s", acc, right, total, table.String())
	if acc < g.WCXB.MinTypeAccuracy {
		t.Errorf("WCXB page type accuracy %.4f, below the pinned %.4f", acc, g.WCXB.MinTypeAccuracy)
	}
}

// TestGateLegit fails when winnow loses more of legitimate pages about
// gambling than gate.json allows: on each half of the generated corpus
// (package legit; the pins of both halves are reported side by side, and
// rules are tuned on the tuning half only) and on the fixtures whose name
// has "legit".
func TestGateLegit(t *testing.T) {
	g := readGate(t).Legit
	for _, h := range half.All {
		pins := g.Tuning
		if h == half.HeldOut {
			pins = g.HeldOut
		}
		f, err := bench.MeasureLegit(t.Context(), h, g.Pages, g.Seed)
		if err != nil {
			t.Fatal(err)
		}
		checkLegit(t, h.String(), f, pins)
	}
	f, err := bench.MeasureLegitFixtures(t.Context(), "../fixtures")
	if err != nil {
		t.Fatal(err)
	}
	checkLegit(t, "fixtures *legit*", f, g.Fixtures)
}

func checkLegit(t *testing.T, name string, f *bench.LegitFigures, pins legitPins) {
	t.Helper()
	t.Logf("legit %s: %d pages, recall %.4f, losing a block %d (%.4f), spam verdicts %d, failed %d",
		name, f.Pages, f.Recall, f.Losing, f.LosingShare(), f.Verdicts, f.Failed)
	for _, v := range legitViolations(f, pins) {
		t.Errorf("legit %s: %s", name, v)
	}
}

// legitViolations lists the figures of f worse than their pins.
func legitViolations(f *bench.LegitFigures, pins legitPins) []string {
	var out []string
	if f.Pages < pins.MinPages {
		out = append(out, fmt.Sprintf("%d pages, fewer than the pinned %d", f.Pages, pins.MinPages))
	}
	if f.Recall < pins.MinRecall {
		out = append(out, fmt.Sprintf("recall %.4f, below the pinned %.4f", f.Recall, pins.MinRecall))
	}
	if f.LosingShare() > pins.MaxLosing {
		out = append(out, fmt.Sprintf("pages losing a block %.4f, above the pinned %.4f", f.LosingShare(), pins.MaxLosing))
	}
	if f.Verdicts > pins.MaxVerdicts {
		out = append(out, fmt.Sprintf("%d spam verdicts, above the pinned %d", f.Verdicts, pins.MaxVerdicts))
	}
	return out
}

// TestGateLegitViolations: each legit pin set tighter than the measure
// fails, each pin at the measure passes.
func TestGateLegitViolations(t *testing.T) {
	f := &bench.LegitFigures{Pages: 100, Recall: 0.98, Losing: 5, Verdicts: 1}
	at := legitPins{MinRecall: 0.98, MaxLosing: 0.05, MaxVerdicts: 1, MinPages: 100}
	if v := legitViolations(f, at); len(v) != 0 {
		t.Errorf("pins at the measure: %v, want none", v)
	}
	for i, tighten := range []func(p *legitPins){
		func(p *legitPins) { p.MinRecall += 1e-4 },
		func(p *legitPins) { p.MaxLosing -= 1e-4 },
		func(p *legitPins) { p.MaxVerdicts-- },
		func(p *legitPins) { p.MinPages++ },
	} {
		p := at
		tighten(&p)
		if v := legitViolations(f, p); len(v) != 1 {
			t.Errorf("pin %d tighter than the measure: violations %v, want one", i, v)
		}
	}
}
