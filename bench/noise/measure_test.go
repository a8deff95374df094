package noise_test

import (
	"testing"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/noise"
	"github.com/winnowhq/winnow/bench/noise/leftover"
)

// TestMeasure checks package leftover on pages generated here, with the
// generator's test page (export_test.go).
func TestMeasure(t *testing.T) {
	src := noise.TestSource()
	src.Half = half.HeldOut
	docs, _, err := noise.Generate([]noise.Source{src}, noise.Options{Half: half.HeldOut, Seed: 1, Variants: 10})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("perfect cleaner", func(t *testing.T) {
		var figs []leftover.DocFigures
		for _, d := range docs {
			figs = append(figs, leftover.Measure(d, d.Body, d.Body))
		}
		f := leftover.Summarise(figs)
		if f.SpamLeft != 0 || f.BoilerplateLeft != 0 || f.DupsLeft != 0 || f.GlyphsLeft != 0 {
			t.Errorf("perfect output: left spam %v boilerplate %v dups %v glyphs %v, want 0", f.SpamLeft, f.BoilerplateLeft, f.DupsLeft, f.GlyphsLeft)
		}
		if f.Noisy.R != 1 || f.Noisy.P != 1 || f.RecallRatio != 1 {
			t.Errorf("perfect output: recall %v precision %v ratio %v, want 1", f.Noisy.R, f.Noisy.P, f.RecallRatio)
		}
	})
	t.Run("no cleaning", func(t *testing.T) {
		var figs []leftover.DocFigures
		for _, d := range docs {
			figs = append(figs, leftover.Measure(d, noise.VisibleText(t, d.Noisy), d.Body))
		}
		f := leftover.Summarise(figs)
		if f.SpamLeft != 1 || f.BoilerplateLeft != 1 {
			t.Errorf("raw text: left spam %v boilerplate %v, want 1", f.SpamLeft, f.BoilerplateLeft)
		}
		if f.Dups == 0 || f.DupsLeft != 1 || f.Glyphs == 0 || f.GlyphsLeft != 1 {
			t.Errorf("raw text: dups %d left %v, glyphs %d left %v; want nearly all left", f.Dups, f.DupsLeft, f.Glyphs, f.GlyphsLeft)
		}
		if f.Noisy.P > 0.5 {
			t.Errorf("raw text: precision %v, want it low", f.Noisy.P)
		}
		for k, tally := range f.ByKind {
			if k.Category != "duplicates" && tally.Left != tally.Injected {
				t.Errorf("raw text: %s %s: left %d of %d, want all", k.Category, k.Kind, tally.Left, tally.Injected)
			}
		}
		if n := len(f.ByKind); n < 10 {
			t.Errorf("raw text: %d kind tallies, want one per category and kind (at least 10)", n)
		}
	})
	t.Run("one caption copy is allowed", func(t *testing.T) {
		d := noise.Doc{Body: noise.TestBody, Items: noise.Items{Allowed: []string{"Workers plant mangroves in Hue 2001"}, Dups: []noise.Dup{{"Workers plant mangroves in Hue 2001", 2, noise.KindCaption}}}}
		f := leftover.Measure(d, noise.TestBody+"\nWorkers plant mangroves in Hue 2001.", noise.TestBody)
		if f.DupsLeft != 0 || f.Noisy.Precision() != 1 {
			t.Errorf("one caption: dups left %d, precision %v; want 0 and 1", f.DupsLeft, f.Noisy.Precision())
		}
		f = leftover.Measure(d, noise.TestBody+"\nWorkers plant mangroves in Hue 2001.\nWorkers plant mangroves in Hue 2001.", noise.TestBody)
		if f.DupsLeft != 1 || f.Noisy.Precision() == 1 {
			t.Errorf("two captions: dups left %d, precision %v; want 1 and below 1", f.DupsLeft, f.Noisy.Precision())
		}
	})
}
