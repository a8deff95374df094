package noise

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestPoolsDisjoint checks that no string, glyph range, hiding technique or
// markup shape of the held-out half is in the tuning half, and that the
// held-out half adds languages and hiding techniques.
func TestPoolsDisjoint(t *testing.T) {
	tu, ho := mustPools(t, Tuning), mustPools(t, HeldOut)
	strs := func(p *pools) map[string][]string {
		m := map[string][]string{
			"brand stems": p.spam.brandStems, "brand digits": p.spam.brandDigits, "brand endings": nonEmpty(p.spam.brandEnds),
			"TLDs": p.spam.tlds, "spam classes": nonEmpty(p.spam.spamClasses), "link-farm separators": p.spam.farmSeps,
			"sidebar headings": p.sidebar.sidebarHeadings, "sidebar classes": p.sidebar.sideClasses, "misleading classes": p.sidebar.misleadClasses,
			"section labels": p.sidebar.sectionLabels, "teasers": p.sidebar.teasers, "days": p.sidebar.days, "dates": p.sidebar.dates,
			"caption subjects": p.article.captionWho, "caption actions": p.article.captionWhat, "caption credits": p.article.captionCred,
			"caption places": p.article.captionPlaces, "file stems": p.article.fileStems, "file extensions": p.article.fileExts, "lead classes": p.article.leadClasses,
		}
		var phrases, hide, shapes, widgets, widgetClasses, heads []string
		for _, ps := range p.spam.spamPhrases {
			phrases = append(phrases, ps...)
		}
		for _, h := range p.spam.hide {
			hide = append(hide, h.name)
		}
		for _, s := range p.sidebar.sidebarShapes {
			shapes = append(shapes, s.name)
		}
		for _, ws := range p.widget.widgets {
			for _, w := range ws {
				widgets = append(widgets, w.texts...)
				widgetClasses = append(widgetClasses, w.classes...)
			}
		}
		hp := p.sidebar.headlines
		for _, m := range []map[string][]string{hp.subjects, hp.verbs, hp.objects, hp.places, hp.whole} {
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
	for _, g := range tu.glyphs.glyphBlocks {
		for _, h := range ho.glyphs.glyphBlocks {
			if g.lo <= h.hi && h.lo <= g.hi {
				t.Errorf("glyph blocks %s and %s overlap", g.name, h.name)
			}
		}
	}
	tuLangs := slices.Collect(maps.Keys(tu.spam.spamPhrases))
	added := 0
	for l := range ho.spam.spamPhrases {
		if !slices.Contains(tuLangs, l) {
			added++
		}
	}
	if added < 8 {
		t.Errorf("held-out half adds %d spam languages, want at least 8", added)
	}
	for _, f := range []func(*pools) int{
		func(p *pools) int { return len(p.spam.spamLine) }, func(p *pools) int { return len(p.spam.anchorGlue) },
		func(p *pools) int { return len(p.spam.farm) }, func(p *pools) int { return len(p.sidebar.headingMarkup) },
		func(p *pools) int { return len(p.sidebar.inlineRelated) }, func(p *pools) int { return len(p.spam.hostShapes) },
	} {
		if f(tu) == 0 || f(ho) == 0 {
			t.Error("a markup pool is empty in one half")
		}
	}
}

func mustPools(t *testing.T, h Half) *pools {
	t.Helper()
	p, err := poolsFor(h)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestVocabErrors: a vocabulary file is read strictly, every problem at its
// file:line.
func TestVocabErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"spam:\n  brand-stem: [tk]\n", `v.yaml:2:3: unknown key "brand-stem" in spam`},
		{"spam:\n  tlds: [.com]\n  tlds: [.net]\n", `v.yaml:3:3: duplicate key "tlds" in spam`},
		{"spam:\n  tlds: .com\n", "v.yaml:2:9: spam tlds: expected a list"},
		{"spam:\n  random-digits: [500, 10]\n", "v.yaml:2:18: random-digits: want lo < hi"},
		{"widgets:\n  by-lang:\n    en:\n      - {name: x, markup: popup, classes: [a], texts: [b]}\n", `v.yaml:4:27: unknown widget markup "popup"`},
		{"glyphs:\n  blocks:\n    - {name: x, from: 0x2700, to: zz}\n", "v.yaml:3:35: code point"},
		{"sidebar:\n  headlines:\n    langs: [en]\n", `v.yaml:2:3: sidebar: missing key "classes"`},
		{"article: [\n", "v.yaml:1: bad YAML"},
	} {
		err := parseVocab("v.yaml", []byte(c.src), &pools{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("parseVocab(%q) = %v, want an error with %q", c.src, err, c.want)
		}
	}
	// A whole file whose headline languages include one without words.
	data, err := vocabFiles.ReadFile(vocabFile(Tuning))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "langs: [en, en, vi, id, th, es]", "langs: [en, xx]", 1)
	want := `v.yaml:6:1: sidebar headlines: language "xx" has neither`
	if err := parseVocab("v.yaml", []byte(src), &pools{}); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("parseVocab: %v, want an error with %q", err, want)
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
			g := []rune(glyph(r, mustPools(t, h).glyphs.glyphBlocks))[0]
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
