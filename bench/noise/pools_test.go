package noise

import (
	"fmt"
	"maps"
	"slices"
	"testing"
	"unicode"
)

// TestPoolsDisjoint checks that no string, glyph range, hiding technique or
// markup shape of the held-out half is in the tuning half, and that the
// held-out half adds languages and hiding techniques.
func TestPoolsDisjoint(t *testing.T) {
	tu, ho := poolsFor(Tuning), poolsFor(HeldOut)
	strs := func(p *pools) map[string][]string {
		m := map[string][]string{
			"brand stems": p.brandStems, "brand digits": p.brandDigits, "brand endings": nonEmpty(p.brandEnds),
			"TLDs": p.tlds, "spam classes": nonEmpty(p.spamClasses), "link-farm separators": p.farmSeps,
			"sidebar headings": p.sidebarHeadings, "sidebar classes": p.sideClasses, "misleading classes": p.misleadClasses,
			"section labels": p.sectionLabels, "teasers": p.teasers, "days": p.days, "dates": p.dates,
			"caption subjects": p.captionWho, "caption actions": p.captionWhat, "caption credits": p.captionCred,
			"caption places": p.captionPlaces, "file stems": p.fileStems, "file extensions": p.fileExts, "lead classes": p.leadClasses,
		}
		var phrases, hide, shapes, widgets, heads []string
		for _, ps := range p.spamPhrases {
			phrases = append(phrases, ps...)
		}
		for _, h := range p.hide {
			hide = append(hide, h.name)
		}
		for _, s := range p.sidebarShapes {
			shapes = append(shapes, s.name)
		}
		for _, ws := range p.widgets {
			for _, w := range ws {
				widgets = append(widgets, w.texts...)
			}
		}
		hp := p.headlines
		for _, m := range []map[string][]string{hp.subjects, hp.verbs, hp.objects, hp.places, hp.whole} {
			for _, ws := range m {
				heads = append(heads, ws...)
			}
		}
		m["spam phrases"], m["hiding techniques"], m["sidebar shapes"], m["widget texts"], m["headline words"] = phrases, hide, shapes, widgets, heads
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
	for _, g := range tu.glyphBlocks {
		for _, h := range ho.glyphBlocks {
			if g.lo <= h.hi && h.lo <= g.hi {
				t.Errorf("glyph blocks %s and %s overlap", g.name, h.name)
			}
		}
	}
	tuLangs := slices.Collect(maps.Keys(tu.spamPhrases))
	added := 0
	for l := range ho.spamPhrases {
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

func nonEmpty(xs []string) []string {
	return slices.DeleteFunc(slices.Clone(xs), func(s string) bool { return s == "" })
}

// TestGlyphsAreNotLetters: the generator's glyphs must be decoration a
// cleaner may remove, never a letter, number or mark of any script.
func TestGlyphsAreNotLetters(t *testing.T) {
	for _, h := range Halves {
		r := rngFor(h, 1, "glyphs", 0)
		for range 5000 {
			g := []rune(glyph(r, poolsFor(h).glyphBlocks))[0]
			if unicode.IsLetter(g) || unicode.IsNumber(g) || unicode.IsMark(g) {
				t.Fatalf("%s: glyph %q (%U) is a letter, number or mark", h, g, g)
			}
		}
	}
}

func TestHalfOfSplitsPages(t *testing.T) {
	n := [2]int{}
	for i := range 200 {
		n[HalfOf(fmt.Sprintf("%08x", i*7919))]++
	}
	if n[0] < 70 || n[1] < 70 {
		t.Errorf("HalfOf split 200 ids %d / %d, want about half each", n[0], n[1])
	}
}
