package noise

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/noise/vocab"
	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The test page and the naive scraper serve measure_test.go, which checks
// package leftover (it imports noise, so its test cannot sit in package noise).
var (
	TestSource  = testSource
	VisibleText = visibleText
)

const TestBody = testBody

// HalfMarkup is a half's markup rendered for heldoutb_test.go, which
// compares it with held-out B's (heldoutb.Samples).
type HalfMarkup struct {
	// Shapes are "pool shape" keys: spam lines, glued links and link farms
	// by ShapeOf (markupShapes); headings, inline related lines, sidebars
	// and widgets by StructOf.
	Shapes map[string]bool
	// HideWrites maps what each hiding technique writes (hideWrites) to
	// its name.
	HideWrites              map[string]string
	HideNames, SidebarNames []string
	// Hosts are the host shapes for label "x", TLD ".t" and number 1.
	Hosts []string
}

// MarkupOf renders the markup of half h with 40 random streams.
func MarkupOf(t *testing.T, h half.Half) HalfMarkup {
	p := mustPools(t, h)
	m := HalfMarkup{Shapes: markupShapes(t, p, h), HideWrites: hideWrites(t, p, h)}
	for _, x := range p.hide {
		m.HideNames = append(m.HideNames, x.name)
	}
	for _, s := range p.sidebarShapes {
		m.SidebarNames = append(m.SidebarNames, s.name)
	}
	for _, f := range p.hostShapes {
		m.Hosts = append(m.Hosts, f("x", ".t", 1))
	}
	items := []sideItem{{"hl", "hl", []attr{a("href", "/n/1.html")}}, {"hl", "hl", []attr{a("href", "/n/2.html")}}, {"hl", "hl", []attr{a("href", "/n/3.html")}}}
	for seed := range uint64(40) {
		doc, err := html.Parse(strings.NewReader("<html><head></head><body><div><p>Some text.</p></div></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		in := &injector{r: rngFor(h, seed, "struct", 0), p: p, doc: doc, container: domtext.First(doc, atom.Div)}
		for _, f := range p.headingMarkup {
			m.Shapes["heading "+StructOf(f(in, "h"))] = true
		}
		for _, f := range p.inlineRelated {
			m.Shapes["inline related "+StructOf(f(in, "h", el("a", []attr{a("href", "/n/1.html")}, txt("hl"))))] = true
		}
		for _, s := range p.sidebarShapes {
			m.Shapes["sidebar "+StructOf(el("div", nil, s.build(in, items, "")...))] = true
		}
		for _, name := range slices.Sorted(maps.Keys(widgetMarkups)) {
			m.Shapes["widget "+StructOf(widgetMarkups[name](in, []string{"c"}, []string{"t1", "t2", "t3"}))] = true
		}
	}
	return m
}

// HalfWords is the word lists of half h.
func HalfWords(t *testing.T, h half.Half) *vocab.Words { return mustPools(t, h).words }

// ShapeOf is shapeOf: elements, attribute names and texts.
var ShapeOf = shapeOf

// StructOf writes n's elements (n's own included) and their attribute
// names, in order, without texts.
func StructOf(n *html.Node) string {
	var b strings.Builder
	write := func(d *html.Node) {
		b.WriteString("<" + d.Data)
		for _, at := range d.Attr {
			b.WriteString(" " + at.Key)
		}
		b.WriteString(">")
	}
	write(n)
	for d := range n.Descendants() {
		if d.Type == html.ElementNode {
			write(d)
		}
	}
	return b.String()
}
