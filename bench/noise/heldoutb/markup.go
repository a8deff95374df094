package heldoutb

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/bench/noise"
	"github.com/winnowhq/winnow/bench/noise/dom"
)

// The markup pools of held-out B. Each template is one the web's hacked
// and templated pages use that neither half of package noise draws
// (TestHeldOutBDisjoint compares their shapes and what they write).

// --- DOM helpers

type attr = html.Attribute

func el(tag string, attrs []attr, kids ...*html.Node) *html.Node { return dom.El(tag, attrs, kids...) }

func txt(s string) *html.Node { return dom.Text(s) }

func at(k, v string) attr { return attr{Key: k, Val: v} }

func class(v string) []attr { return []attr{at("class", v)} }

func insertAfter(ref, n *html.Node) { dom.InsertAfter(ref, n) }

// describe names n's tag, class and style, and its first child element's.
func describe(n *html.Node) string {
	s := ""
	for i := 0; n != nil && i < 2; i++ {
		s += "<" + n.Data
		for _, a := range n.Attr {
			if a.Key == "class" || a.Key == "style" || a.Key == "id" {
				s += fmt.Sprintf(" %s=%q", a.Key, a.Val)
			}
		}
		s += ">"
		for n = n.FirstChild; n != nil && n.Type != html.ElementNode; n = n.NextSibling {
		}
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// firstText is p's first text node holding sep, or nil.
func firstText(p *html.Node, sep string) *html.Node {
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.Contains(c.Data, sep) {
			return c
		}
	}
	return nil
}

// splitAfter splits text node c after the first sep and puts ns between.
func splitAfter(c *html.Node, sep string, ns ...*html.Node) {
	i := strings.Index(c.Data, sep) + len(sep)
	rest := txt(c.Data[i:])
	c.Data = c.Data[:i]
	insertAfter(c, rest)
	for _, n := range ns {
		c.Parent.InsertBefore(n, rest)
	}
}

// --- body glyphs: decorate a real paragraph

var glyphDecorations = []func(in *injector, p *html.Node){
	func(in *injector, p *html.Node) { // on both sides
		p.InsertBefore(txt(in.glyph(noise.KindBodyGlyph)+" "), p.FirstChild)
		p.AppendChild(txt(" " + in.glyph(noise.KindBodyGlyph)))
	},
	func(in *injector, p *html.Node) { // an emoji span before the text
		p.InsertBefore(txt(" "), p.FirstChild)
		p.InsertBefore(el("span", []attr{at("class", "emoji"), at("aria-hidden", "true")}, txt(in.glyph(noise.KindBodyGlyph))), p.FirstChild)
	},
	func(in *injector, p *html.Node) { // a divider of one glyph thrice after it
		g := in.glyph(noise.KindBodyGlyph)
		in.items.Glyphs = append(in.items.Glyphs, in.items.Glyphs[len(in.items.Glyphs)-1], in.items.Glyphs[len(in.items.Glyphs)-1])
		insertAfter(p, el("p", []attr{at("style", "text-align:center")}, txt(g+" "+g+" "+g)))
	},
	func(in *injector, p *html.Node) { // after the first sentence
		if c := firstText(p, ". "); c != nil {
			splitAfter(c, ". ", txt(in.glyph(noise.KindBodyGlyph)+" "))
			return
		}
		p.AppendChild(txt("\u00a0" + in.glyph(noise.KindBodyGlyph)))
	},
}

// --- spam anchors: a link glued into a real paragraph

var anchorGlues = []func(in *injector, p, link *html.Node){
	func(in *injector, p, link *html.Node) { p.AppendChild(el("sup", nil, link)) },
	func(in *injector, p, link *html.Node) {
		p.AppendChild(txt(" — "))
		p.AppendChild(link)
		p.AppendChild(txt("."))
	},
	func(in *injector, p, link *html.Node) {
		if c := firstText(p, ", "); c != nil {
			splitAfter(c, ", ", link, txt(", "))
			return
		}
		p.InsertBefore(txt(", "), p.FirstChild)
		p.InsertBefore(link, p.FirstChild)
	},
	func(in *injector, p, link *html.Node) {
		p.AppendChild(el("span", class("kw-link"), txt(" » "), link))
	},
}

// --- spam sentences: text without a link inside a real paragraph

var sentenceSites = []func(in *injector, p *html.Node, text string) string{
	func(in *injector, p *html.Node, text string) string {
		if c := firstText(p, ", "); c != nil {
			splitAfter(c, ", ", txt(text+", "))
			return "after the first comma of a paragraph"
		}
		p.AppendChild(txt(" " + text + "!"))
		return "at the end of a paragraph, with an exclamation mark"
	},
	func(in *injector, p *html.Node, text string) string {
		p.AppendChild(txt(" "))
		p.AppendChild(el("span", nil, txt(text+".")))
		return "in a <span> at the end of a paragraph"
	},
	func(in *injector, p *html.Node, text string) string {
		p.AppendChild(el("br", nil))
		p.AppendChild(txt(text))
		return "after a <br> at the end of a paragraph"
	},
	func(in *injector, p *html.Node, text string) string {
		p.InsertBefore(txt(" "), p.FirstChild)
		p.InsertBefore(el("em", nil, txt(text+".")), p.FirstChild)
		return "in an <em> at the start of a paragraph"
	},
}

// --- duplicated lead: returns the number of extra copies

var leadCopies = []func(in *injector, lead *html.Node, text string) int{
	func(in *injector, lead *html.Node, text string) int { // a pull quote
		insertAfter(in.para(1), el("aside", class(pick(in.r, in.w.Article.PullquoteClasses)), el("blockquote", nil, el("p", nil, txt(text)))))
		return 1
	},
	func(in *injector, lead *html.Node, text string) int { // a summary box
		lead.Parent.InsertBefore(el("div", class("summary-box"), el("h4", nil, txt(pick(in.r, in.w.Article.SummaryHeadings))),
			el("ul", nil, el("li", nil, txt(text)))), lead)
		return 1
	},
	func(in *injector, lead *html.Node, text string) int { // a standfirst header
		lead.Parent.InsertBefore(el("header", nil, el("p", class(pick(in.r, in.w.Article.LeadClasses)), txt(text))), lead)
		return 1
	},
	func(in *injector, lead *html.Node, text string) int { // an excerpt after the body
		insertAfter(in.paras[len(in.paras)-1], el("div", class("excerpt"), el("p", nil, el("i", nil, txt(text)))))
		return 1
	},
	func(in *injector, lead *html.Node, text string) int { // the lead twice in a row, in a span
		insertAfter(lead, el("p", nil, el("span", nil, txt(text))))
		insertAfter(lead, el("p", nil, el("span", nil, txt(text))))
		return 2
	},
}

// --- doubled captions: returns the node and the copies of the caption

var captionShapes = []func(in *injector, c, src string) (*html.Node, int){
	func(in *injector, c, src string) (*html.Node, int) {
		return el("figure", class("wp-block-image size-large"), el("picture", nil, el("source", []attr{at("srcset", src+".avif")}),
			el("img", []attr{at("src", src), at("alt", c)})), el("figcaption", class("wp-element-caption"), txt(c))), 2
	},
	func(in *injector, c, src string) (*html.Node, int) {
		return el("div", class("gallery"), el("dl", class("gallery-item"), el("dt", nil, el("img", []attr{at("src", src), at("alt", c)})),
			el("dd", class("gallery-caption"), txt(c))), el("p", class("credit-line"), el("small", nil, txt(c)))), 3
	},
	func(in *injector, c, src string) (*html.Node, int) {
		return el("div", class("media"), el("p", class("caption-top"), txt(c)), el("img", []attr{at("src", src), at("alt", "")}),
			el("p", class("caption-bottom"), txt(c))), 2
	},
	func(in *injector, c, src string) (*html.Node, int) {
		return el("div", class("lightbox"), el("a", []attr{at("href", src), at("data-caption", c), at("title", c)},
			el("img", []attr{at("src", src), at("alt", c)})), el("span", class("caption"), txt(c))), 2
	},
	func(in *injector, c, src string) (*html.Node, int) {
		return el("table", class("image"), el("caption", nil, txt(c)), el("tbody", nil,
			el("tr", nil, el("td", nil, el("img", []attr{at("src", src), at("alt", c)}))), el("tr", nil, el("td", nil, txt(c))))), 3
	},
}

// --- leaked file names

var fileNameShapes = []func(in *injector, f string) *html.Node{
	func(in *injector, f string) *html.Node {
		return el("p", nil, el("a", []attr{at("href", "/wp-content/uploads/"+f), at("rel", "attachment")}, txt(f)))
	},
	func(in *injector, f string) *html.Node { return el("p", nil, el("small", nil, txt(f))) },
	func(in *injector, f string) *html.Node { return el("p", class("wp-caption-text"), txt(f)) },
	func(in *injector, f string) *html.Node {
		return el("div", class("attachment"), el("img", []attr{at("src", "/media/"+f)}), el("span", class("file-label"), txt(f)))
	},
}

// --- visible spam lines

func link(href string, kids ...*html.Node) *html.Node {
	return el("a", []attr{at("href", href)}, kids...)
}

var spamLines = []func(in *injector, text, href string) *html.Node{
	func(in *injector, text, href string) *html.Node {
		return el("dl", nil, el("dt", nil, link(href, txt(text))))
	},
	func(in *injector, text, href string) *html.Node { return el("address", nil, link(href, txt(text))) },
	func(in *injector, text, _ string) *html.Node { return el("p", nil, el("mark", nil, txt(text))) },
	func(in *injector, text, href string) *html.Node {
		return el("details", []attr{at("open", "")}, el("summary", nil, link(href, txt(text))))
	},
	func(in *injector, text, href string) *html.Node {
		return el("aside", nil, el("cite", nil, link(href, txt(text))))
	},
	func(in *injector, text, _ string) *html.Node { return el("pre", nil, txt(text)) },
	func(in *injector, text, href string) *html.Node {
		return el("button", []attr{at("type", "button"), at("onclick", "location.href='"+href+"'")}, txt(text))
	},
	func(in *injector, text, href string) *html.Node {
		return el("p", []attr{at("dir", "auto")}, el("small", nil, el("a", []attr{at("href", href), at("rel", "sponsored")}, txt(text))))
	},
	func(in *injector, text, _ string) *html.Node { return el("h5", nil, el("u", nil, txt(text))) },
}

// --- hiding techniques: hide a box already in the page

type hideTechnique struct {
	name  string
	apply func(in *injector, box *html.Node)
}

func styled(style string) func(in *injector, box *html.Node) {
	return func(in *injector, box *html.Node) { box.Attr = append(box.Attr, at("style", style)) }
}

// sheetBefore hides the box by a rule of a <style> element in the body,
// just before it, selecting it by sel (which set on the box).
func sheetBefore(sel func(in *injector, box *html.Node) string, rule string) func(in *injector, box *html.Node) {
	return func(in *injector, box *html.Node) {
		box.Parent.InsertBefore(el("style", nil, txt(strings.ReplaceAll(rule, "SEL", sel(in, box)))), box)
	}
}

func byID(in *injector, box *html.Node) string {
	id := fmt.Sprintf("q%x", in.r.Uint32())
	box.Attr = append(box.Attr, at("id", id))
	return "#" + id
}

func byData(in *injector, box *html.Node) string {
	v := strconv.Itoa(in.r.IntN(1e5))
	box.Attr = append(box.Attr, at("data-k", v))
	return `[data-k="` + v + `"]`
}

func byClass(in *injector, box *html.Node) string {
	c := fmt.Sprintf("w%x", in.r.Uint32()&0xffff)
	box.Attr = append(box.Attr, at("class", c))
	return "." + c
}

var hides = []hideTechnique{
	{"zoom", styled("zoom:0.01")},
	{"mask", styled("mask-image:linear-gradient(transparent,transparent)")},
	{"rotated edge-on", styled("transform:rotateX(90deg)")},
	{"content-visibility", styled("content-visibility:hidden;contain-intrinsic-size:0")},
	{"zero max width", styled("max-width:0;overflow:clip")},
	{"inline script", func(in *injector, box *html.Node) {
		id := byID(in, box)[1:]
		insertAfter(box, el("script", nil, txt("document.getElementById('"+id+"').style.display='none';")))
	}},
	{"id rule in a body style sheet", sheetBefore(byID, "SEL{mask:linear-gradient(#0000,#0000)}")},
	{"attribute selector", sheetBefore(byData, "SEL{filter:opacity(0)}")},
	{"media rule", sheetBefore(byClass, "@media screen{SEL{block-size:0;inline-size:0;contain:strict}}")},
	{"utility class", func(in *injector, box *html.Node) {
		box.Attr = append(box.Attr, at("class", pick(in.r, []string{"d-none", "hidden-xs-up", "u-hide", "is-hidden", "invisible"})))
	}},
	{"popover", func(in *injector, box *html.Node) { box.Attr = append(box.Attr, at("popover", "manual")) }},
	{"closed dialog", func(in *injector, box *html.Node) {
		d := el("dialog", nil)
		for c := box.FirstChild; c != nil; c = box.FirstChild {
			box.RemoveChild(c)
			d.AppendChild(c)
		}
		box.AppendChild(d)
	}},
}

// --- inline related lines

var inlineRelated = []func(in *injector, h string, link *html.Node) *html.Node{
	func(in *injector, h string, link *html.Node) *html.Node {
		return el("div", nil, el("hr", nil), el("p", nil, el("b", nil, txt(h)), txt(" → "), link), el("hr", nil))
	},
	func(in *injector, h string, link *html.Node) *html.Node {
		return el("section", nil, el("h6", nil, txt(h)), el("p", nil, link))
	},
	func(in *injector, h string, link *html.Node) *html.Node {
		return el("p", nil, el("mark", nil, txt(h)), txt(" "), link)
	},
	func(in *injector, h string, link *html.Node) *html.Node {
		return el("table", nil, el("tbody", nil, el("tr", nil, el("th", nil, txt(h)), el("td", nil, link))))
	},
	func(in *injector, h string, link *html.Node) *html.Node {
		return el("aside", []attr{at("role", "note")}, el("small", nil, txt(h)), el("br", nil), link)
	},
}

// --- sidebar headings and shapes

var headingMarkups = []func(in *injector, h string) *html.Node{
	func(in *injector, h string) *html.Node { return el("h5", class("rail-title"), txt(h)) },
	func(in *injector, h string) *html.Node {
		return el("p", class("widget-title"), el("span", nil, el("i", nil, txt(h))))
	},
	func(in *injector, h string) *html.Node { return el("header", nil, el("h6", nil, txt(h))) },
	func(in *injector, h string) *html.Node {
		return el("div", []attr{at("role", "heading"), at("aria-level", "2")}, txt(h))
	},
}

// item is one headline of a sidebar: as shown (with a glyph) and linked.
type item struct{ hl, shown, href string }

type sidebarShape struct {
	name  string
	build func(in *injector, items []item, where string) []*html.Node
}

var sidebarShapes = []sidebarShape{
	{"ranking", func(in *injector, items []item, _ string) []*html.Node {
		ol := el("ol", class("ranking"))
		for i, it := range items {
			ol.AppendChild(el("li", nil, el("span", class("rank"), txt(strconv.Itoa(i+1))), link(it.href, txt(it.shown))))
		}
		return []*html.Node{ol}
	}},
	{"slides", func(in *injector, items []item, _ string) []*html.Node {
		w := el("div", class("swiper-wrapper"))
		for _, it := range items {
			w.AppendChild(el("div", class("swiper-slide"), link(it.href, el("img", []attr{at("src", "/s/"+in.fileName())}),
				el("span", class("slide-title"), txt(it.shown)))))
		}
		return []*html.Node{w}
	}},
	{"definition list", func(in *injector, items []item, where string) []*html.Node {
		dl := el("dl", nil)
		for _, it := range items {
			d := in.fill(pick(in.r, in.w.Boilerplate.Dates))
			in.boiler(noise.KindSidebar, where, d)
			dl.AppendChild(el("dt", nil, link(it.href, txt(it.shown))))
			dl.AppendChild(el("dd", nil, txt(d)))
		}
		return []*html.Node{dl}
	}},
	{"tabs", func(in *injector, items []item, where string) []*html.Node {
		nav, panel := el("ul", class("tab-nav")), el("div", class("tab-panel"))
		for range 2 {
			l := pick(in.r, in.w.Boilerplate.SectionLabels)
			in.boiler(noise.KindSidebar, where, l)
			nav.AppendChild(el("li", nil, el("button", nil, txt(l))))
		}
		for i, it := range items {
			if i > 0 {
				panel.AppendChild(el("br", nil))
			}
			panel.AppendChild(link(it.href, txt(it.shown)))
		}
		return []*html.Node{el("div", class("tabs"), nav, panel)}
	}},
	{"two columns", func(in *injector, items []item, _ string) []*html.Node {
		cols := [2]*html.Node{el("div", class("col-6")), el("div", class("col-6"))}
		for i, it := range items {
			cols[i%2].AppendChild(el("p", nil, link(it.href, txt(it.shown))))
		}
		return []*html.Node{el("div", class("row"), cols[0], cols[1])}
	}},
	{"picture cards", func(in *injector, items []item, where string) []*html.Node {
		var kids []*html.Node
		for _, it := range items {
			tz := in.fill(pick(in.r, in.w.Boilerplate.Teasers))
			in.boiler(noise.KindSidebar, where, tz)
			kids = append(kids, el("div", class("card"), el("picture", nil, el("img", []attr{at("src", "/c/"+in.fileName()), at("alt", it.hl)})),
				el("h5", nil, link(it.href, txt(it.shown))), el("p", class("card-text"), txt(tz))))
		}
		return kids
	}},
}

// --- link farms

func (in *injector) farmLink(b string) *html.Node { return link(in.hostURL(b), txt(b)) }

var farms = []func(in *injector, brands []string, sep string) []*html.Node{
	func(in *injector, brands []string, _ string) []*html.Node { // a definition list under a label
		dl := el("dl", nil, el("dt", nil, txt(pick(in.r, in.w.Spam.FarmLabels))))
		for _, b := range brands {
			dl.AppendChild(el("dd", nil, in.farmLink(b)))
		}
		return []*html.Node{dl}
	},
	func(in *injector, brands []string, _ string) []*html.Node { // a jump menu
		s := el("select", []attr{at("onchange", "location=this.value")})
		for _, b := range brands {
			s.AppendChild(el("option", []attr{at("value", in.hostURL(b))}, txt(b)))
		}
		return []*html.Node{s}
	},
	func(in *injector, brands []string, _ string) []*html.Node { // a grid
		row := el("div", class("row"))
		for _, b := range brands {
			row.AppendChild(el("div", class("col"), in.farmLink(b)))
		}
		return []*html.Node{row}
	},
	func(in *injector, brands []string, sep string) []*html.Node { // a labelled nav line
		nav := el("nav", nil, el("b", nil, txt(pick(in.r, in.w.Spam.FarmLabels))), txt(" "))
		for i, b := range brands {
			if i > 0 {
				nav.AppendChild(txt(sep))
			}
			nav.AppendChild(in.farmLink(b))
		}
		return []*html.Node{nav}
	},
	func(in *injector, brands []string, sep string) []*html.Node { // superscript links
		p := el("p", nil)
		for i, b := range brands {
			if i > 0 {
				p.AppendChild(txt(sep))
			}
			p.AppendChild(el("sup", nil, in.farmLink(b)))
		}
		return []*html.Node{p}
	},
	func(in *injector, brands []string, sep string) []*html.Node { // a heading and spans
		kids := []*html.Node{el("h6", nil, txt(pick(in.r, in.w.Spam.FarmLabels)))}
		for _, b := range brands {
			kids = append(kids, el("span", nil, in.farmLink(b), txt(sep)))
		}
		return kids
	},
}

// --- widgets, by the markup name pools.yaml gives them

var widgetMarkups = map[string]func(in *injector, cls string, texts []string) *html.Node{
	"dialog": func(in *injector, cls string, texts []string) *html.Node {
		d := el("dialog", []attr{at("open", ""), at("class", cls)}, el("p", nil, txt(texts[0])))
		for _, t := range texts[1:] {
			d.AppendChild(el("button", []attr{at("type", "button")}, txt(t)))
		}
		return d
	},
	"banner": func(in *injector, cls string, texts []string) *html.Node {
		b := el("div", []attr{at("class", cls), at("role", "region")}, el("p", nil, txt(texts[0])))
		for _, t := range texts[1:] {
			b.AppendChild(el("button", nil, txt(t)))
		}
		return b
	},
	"toolbar": func(in *injector, cls string, texts []string) *html.Node {
		b := el("div", []attr{at("class", cls), at("role", "toolbar")}, el("strong", nil, txt(texts[0])))
		for _, t := range texts[1:] {
			b.AppendChild(el("button", []attr{at("data-network", strings.ToLower(t))}, txt(t)))
		}
		return b
	},
	"card": func(in *injector, cls string, texts []string) *html.Node {
		c := el("div", class(cls), el("p", class("card-title"), el("b", nil, txt(texts[0]))))
		for _, t := range texts[1 : len(texts)-1] {
			c.AppendChild(el("p", nil, txt(t)))
		}
		return appendKid(c, el("a", []attr{at("href", "#"), at("class", "btn")}, txt(texts[len(texts)-1])))
	},
	"rating": func(in *injector, cls string, texts []string) *html.Node {
		f := el("fieldset", class(cls), el("legend", nil, txt(texts[0])))
		for _, t := range texts[1:] {
			f.AppendChild(el("label", nil, el("input", []attr{at("type", "radio"), at("name", "vote")}), txt(" "+t)))
		}
		return f
	},
	"paywall": func(in *injector, cls string, texts []string) *html.Node {
		p := el("div", class(cls), el("div", class("meter"), txt(texts[0])))
		for _, t := range texts[1:] {
			p.AppendChild(el("div", nil, txt(t)))
		}
		return p
	},
}

func appendKid(n, kid *html.Node) *html.Node { n.AppendChild(kid); return n }
