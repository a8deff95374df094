package noise

import (
	"maps"
	"slices"
	"testing"
	"unicode"

	"github.com/winnowhq/winnow/bench/half"
)

// TestPoolsDisjoint checks that no string, glyph range, hiding technique or
// markup shape of the held-out half is in the tuning half, and that the
// held-out half adds languages and hiding techniques.
func TestPoolsDisjoint(t *testing.T) {
	tu, ho := mustPools(t, half.Tuning), mustPools(t, half.HeldOut)
	strs := func(p *pools) map[string][]string {
		sp, sb, ar := p.words.Spam, p.words.Sidebar, p.words.Article
		m := map[string][]string{
			"brand stems": sp.BrandStems, "brand digits": sp.BrandDigits, "brand endings": nonEmpty(sp.BrandEnds),
			"TLDs": sp.TLDs, "spam classes": nonEmpty(sp.Classes), "link-farm separators": sp.FarmSeparators,
			"sidebar headings": sb.Headings, "sidebar classes": sb.Classes, "misleading classes": sb.MisleadingClasses,
			"section labels": sb.SectionLabels, "teasers": sb.Teasers, "days": sb.Days, "dates": sb.Dates,
			"caption subjects": ar.CaptionWho, "caption actions": ar.CaptionWhat, "caption credits": ar.CaptionCredits,
			"caption places": ar.CaptionPlaces, "file stems": ar.FileStems, "file extensions": ar.FileExts, "lead classes": ar.LeadClasses,
		}
		var phrases, hide, shapes, widgets, widgetClasses, heads []string
		for _, ps := range sp.Phrases {
			phrases = append(phrases, ps...)
		}
		for _, h := range p.hide {
			hide = append(hide, h.name)
		}
		for _, s := range p.sidebarShapes {
			shapes = append(shapes, s.name)
		}
		for _, ws := range p.words.Widgets.ByLang {
			for _, w := range ws {
				widgets = append(widgets, w.Texts...)
				widgetClasses = append(widgetClasses, w.Classes...)
			}
		}
		hp := p.words.Sidebar.Headlines
		for _, m := range []map[string][]string{hp.Subjects, hp.Verbs, hp.Objects, hp.Places, hp.Whole} {
			for _, ws := range m {
				heads = append(heads, ws...)
			}
		}
		m["spam phrases"], m["hiding techniques"], m["sidebar shapes"], m["widget texts"], m["widget classes"], m["headline words"] = phrases, hide, shapes, widgets, widgetClasses, heads
		return m
	}
	a, b := strs(tu), strs(ho)
	for name, xs := range a {
		if len(xs) == 0 || len(b[name]) == 0 {
			t.Errorf("%s: empty pool (tuning %d, held-out %d)", name, len(xs), len(b[name]))
		}
		for _, x := range xs {
			if slices.Contains(b[name], x) {
				t.Errorf("%s: %q in both halves", name, x)
			}
		}
	}
	for _, g := range tu.words.Glyphs.Blocks {
		for _, h := range ho.words.Glyphs.Blocks {
			if g.Lo <= h.Hi && h.Lo <= g.Hi {
				t.Errorf("glyph blocks %s and %s overlap", g.Name, h.Name)
			}
		}
	}
	tuLangs := slices.Collect(maps.Keys(tu.words.Spam.Phrases))
	added := 0
	for l := range ho.words.Spam.Phrases {
		if !slices.Contains(tuLangs, l) {
			added++
		}
	}
	if added < 8 {
		t.Errorf("held-out half adds %d spam languages, want at least 8", added)
	}
	for _, f := range []func(*pools) int{
		func(p *pools) int { return len(p.spamLine) }, func(p *pools) int { return len(p.anchorGlue) },
		func(p *pools) int { return len(p.farm) }, func(p *pools) int { return len(p.headingMarkup) },
		func(p *pools) int { return len(p.inlineRelated) }, func(p *pools) int { return len(p.hostShapes) },
	} {
		if f(tu) == 0 || f(ho) == 0 {
			t.Error("a markup pool is empty in one half")
		}
	}
}

func mustPools(t *testing.T, h half.Half) *pools {
	t.Helper()
	p, err := poolsFor(h)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func nonEmpty(xs []string) []string {
	return slices.DeleteFunc(slices.Clone(xs), func(s string) bool { return s == "" })
}

// TestGlyphsAreNotLetters: the generator's glyphs must be decoration a
// cleaner may remove, never a letter, number or mark of any script.
func TestGlyphsAreNotLetters(t *testing.T) {
	for _, h := range half.All {
		r := rngFor(h, 1, "glyphs", 0)
		for range 5000 {
			g := []rune(glyph(r, mustPools(t, h).words.Glyphs.Blocks))[0]
			if unicode.IsLetter(g) || unicode.IsNumber(g) || unicode.IsMark(g) {
				t.Fatalf("%s: glyph %q (%U) is a letter, number or mark", h, g, g)
			}
		}
	}
}
