package noise

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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
	// A spam language added to the tuning half after its first six must
	// be one the held-out half lacks: the languages the held-out half adds
	// stay unseen in tuning.
	for l := range tu.words.Spam.Phrases {
		if _, ok := ho.words.Spam.Phrases[l]; ok && !slices.Contains(firstTuningLangs, l) {
			t.Errorf("spam language %s: in both halves", l)
		}
	}
	// Hiding techniques must differ in what they write, not only in name.
	hoWrites := map[string]bool{}
	for w := range hideWrites(t, ho, half.HeldOut) {
		hoWrites[w] = true
	}
	for w, name := range hideWrites(t, tu, half.Tuning) {
		if hoWrites[w] {
			t.Errorf("hiding technique %s writes %s, as one of the held-out half does", name, w)
		}
	}
	// So must the shapes of spam lines, glued links and link farms, by
	// their elements, attribute names and the texts they add.
	hoShapes := markupShapes(t, ho, half.HeldOut)
	for s := range markupShapes(t, tu, half.Tuning) {
		if hoShapes[s] && s != sharedGlue {
			t.Errorf("markup shape %s in both halves", s)
		}
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

// firstTuningLangs are the spam languages the tuning half began with,
// which the held-out half may share.
var firstTuningLangs = []string{"de", "en", "es", "id", "th", "vi"}

// hideWrites applies each hiding technique of p to empty boxes, with many
// random streams, and returns what it writes (the box, rendered, and any
// style sheet it adds) by the technique's name.
func hideWrites(t *testing.T, p *pools, h half.Half) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, tech := range p.hide {
		for seed := range uint64(40) {
			doc, err := html.Parse(strings.NewReader("<html><head></head><body><div></div></body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			head := domtext.First(doc, atom.Head)
			in := &injector{r: rngFor(h, seed, "hide", 0), p: p, doc: doc, container: domtext.First(doc, atom.Div)}
			box := el("div", nil)
			tech.apply(in, box)
			var b strings.Builder
			for _, n := range []*html.Node{box, head} {
				if err := html.Render(&b, n); err != nil {
					t.Fatal(err)
				}
			}
			out[b.String()] = tech.name
		}
	}
	return out
}

// sharedGlue is the one shape both halves had before markupShapes was
// compared: a link glued to the end of a paragraph after a space.
const sharedGlue = `glued link <p>"Some text."" "<a href>"b"`

// markupShapes renders the spam-line, glued-link and link-farm templates
// of p with many random streams and returns their shapes: elements,
// attribute names and texts, without attribute values.
func markupShapes(t *testing.T, p *pools, h half.Half) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for seed := range uint64(40) {
		doc, err := html.Parse(strings.NewReader("<html><head></head><body><div><p>Some text.</p></div></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		in := &injector{r: rngFor(h, seed, "shapes", 0), p: p, doc: doc, container: domtext.First(doc, atom.Div)}
		for _, f := range p.spamLine {
			out["spam line "+shapeOf(f(in, "text", "https://example.com/"))] = true
		}
		for _, f := range p.anchorGlue {
			para := el("p", nil, txt("Some text."))
			f(in, para, el("a", []attr{a("href", "https://example.com/")}, txt("b")))
			out["glued link "+shapeOf(para)] = true
		}
		for _, f := range p.farm {
			box := el("div", nil, f(in, []string{"a1", "b2", "c3", "d4"}, " | ")...)
			out["link farm "+shapeOf(box)] = true
		}
	}
	return out
}

// shapeOf writes n's elements, their attribute names and its texts, in
// order.
func shapeOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(strconv.Quote(d.Data))
		}
		if d.Type != html.ElementNode {
			continue
		}
		b.WriteString("<" + d.Data)
		for _, at := range d.Attr {
			b.WriteString(" " + at.Key)
		}
		b.WriteString(">")
	}
	return "<" + n.Data + ">" + b.String()
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
