package noise

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/winnowhq/winnow/bench/noise/dom"
	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Noise kinds, as counted in Items.Kinds.
const (
	KindSpamLine     = "spam-line"
	KindLinkFarm     = "link-farm"
	KindHiddenSpam   = "hidden-spam"
	KindSpamAnchor   = "spam-anchor"
	KindSpamSentence = "spam-sentence"
	KindSidebar      = "sidebar"
	KindInlineRelate = "inline-related"
	KindBodyGlyph    = "body-glyph"
	KindCaption      = "double-caption"
	KindFileName     = "file-name"
	KindLeadRepeat   = "lead-repeat"
	KindWidget       = "widget"
)

// inject adds a random selection of every noise kind; each kind appears on
// most pages, so that a few hundred pages hold many hundred instances.
func (in *injector) inject() {
	// Each kind with the chance that a page gets it; a kind every page gets
	// (chance 1) draws no random number. Order matters: paragraph-level
	// edits first, while in.paras still lists only real paragraphs, then
	// insertions.
	for _, k := range []struct {
		chance float64
		add    func(*injector)
	}{
		{0.7, (*injector).bodyGlyphs},
		{0.6, (*injector).spamAnchors},
		{0.7, (*injector).leadRepeat},
		{0.7, (*injector).captions},
		{0.5, (*injector).fileNames},
		{0.7, (*injector).spamLines},
		{0.7, (*injector).hiddenSpam},
		{0.5, (*injector).inlineRelated},
		{1, (*injector).sidebars},
		{0.6, (*injector).widgets},
		{0.7, (*injector).linkFarm},
		// Last, so that the kinds above draw what they drew before it.
		{0.5, (*injector).spamSentence},
	} {
		if k.chance >= 1 || in.chance(k.chance) {
			k.add(in)
		}
	}
}

func (in *injector) chance(p float64) bool { return in.r.Float64() < p }

// --- DOM helpers

type attr = html.Attribute

func el(tag string, attrs []attr, kids ...*html.Node) *html.Node { return dom.El(tag, attrs, kids...) }

func txt(s string) *html.Node { return dom.Text(s) }

func a(k, v string) attr { return attr{Key: k, Val: v} }

func class(v string) []attr {
	if v == "" {
		return nil
	}
	return []attr{a("class", v)}
}

func insertAfter(ref, n *html.Node) { dom.InsertAfter(ref, n) }

// para returns a random body paragraph, from index lo on.
func (in *injector) para(lo int) *html.Node {
	lo = min(lo, len(in.paras)-1)
	return in.paras[lo+in.r.IntN(len(in.paras)-lo)]
}

// foreignGlyph returns a glyph that does not occur in the source page.
func (in *injector) foreignGlyph() string {
	for {
		if g := glyph(in.r, in.p.words.Glyphs.Blocks); !strings.Contains(in.page, g) {
			return g
		}
	}
}

// glyphPrefix returns a glyph prefix ("💮 ", "🌄🌄 ", "⛄\u00a0") and records it
// under kind.
func (in *injector) glyphPrefix(kind string) string {
	g := in.foreignGlyph()
	in.items.Glyphs = append(in.items.Glyphs, Item{Text: g, Kind: kind})
	s := g
	if in.chance(0.15) {
		g2 := in.foreignGlyph()
		in.items.Glyphs = append(in.items.Glyphs, Item{Text: g2, Kind: kind})
		s += g2
	}
	return s + pick(in.r, []string{" ", " ", " ", "\u00a0", "  "})
}

// boiler records boilerplate items of kind.
func (in *injector) boiler(kind, where string, texts ...string) {
	for _, t := range texts {
		in.items.Boilerplate = append(in.items.Boilerplate, Item{Text: t, Kind: kind, Where: where})
	}
}

// --- kinds

// bodyGlyphs prefixes a few real paragraphs with a decorative glyph (and,
// in the held-out half, also suffixes some): the paragraph must be kept,
// the glyph dropped.
func (in *injector) bodyGlyphs() {
	for range 1 + in.r.IntN(3) {
		p := in.para(0)
		if in.p.words.Glyphs.Trailing && in.chance(0.4) {
			g := in.glyphPrefix(KindBodyGlyph)
			p.AppendChild(txt(" " + g))
			in.items.Kinds[KindBodyGlyph]++
			continue
		}
		prefix := in.glyphPrefix(KindBodyGlyph)
		if p.FirstChild != nil && p.FirstChild.Type == html.TextNode {
			p.FirstChild.Data = prefix + strings.TrimLeft(p.FirstChild.Data, " \t\n")
		} else {
			p.InsertBefore(txt(prefix), p.FirstChild)
		}
		in.items.Kinds[KindBodyGlyph]++
	}
}

// spamAnchors glues gambling links into real paragraphs.
func (in *injector) spamAnchors() {
	for range 1 + in.r.IntN(2) {
		p := in.para(1)
		b := in.brand()
		link := el("a", []attr{a("href", in.hostURL(b)), a("rel", pick(in.r, []string{"dofollow", "nofollow", ""}))}, txt(b))
		pick(in.r, in.p.anchorGlue)(in, p, link)
		in.items.Spam = append(in.items.Spam, Item{Text: b, Kind: KindSpamAnchor})
		in.items.Kinds[KindSpamAnchor]++
	}
}

// leadRepeat repeats the first long paragraph once or twice, next to it, a
// few paragraphs later, or as a "sapo" block before it.
func (in *injector) leadRepeat() {
	var lead *html.Node
	for _, p := range in.paras {
		if len(strings.Fields(domtext.AllText(p))) >= 8 {
			lead = p
			break
		}
	}
	if lead == nil {
		return
	}
	text := strings.Join(strings.Fields(domtext.AllText(lead)), " ")
	copies := 1 + in.r.IntN(2)
	for range copies {
		var n *html.Node
		switch in.r.IntN(3) {
		case 0:
			n = el("p", nil, txt(text))
		case 1:
			n = el("div", class(pick(in.r, in.p.words.Article.LeadClasses)), el("strong", nil, txt(text)))
		default:
			n = el("h2", class(pick(in.r, in.p.words.Article.LeadClasses)), txt(text))
		}
		switch in.r.IntN(3) {
		case 0:
			in.container.InsertBefore(n, lead)
		case 1:
			insertAfter(lead, n)
		default:
			insertAfter(in.para(1), n)
		}
	}
	in.items.Dups = append(in.items.Dups, Dup{Text: text, Copies: copies + 1, Kind: KindLeadRepeat})
	in.items.Kinds[KindLeadRepeat]++
}

// captions inserts photos whose caption is doubled: img alt plus
// figcaption, or a caption printed twice.
func (in *injector) captions() {
	for range 1 + in.r.IntN(2) {
		c := in.caption()
		src := "/images/" + in.fileName()
		img := el("img", []attr{a("src", src), a("alt", c)})
		var n *html.Node
		copies := 2
		switch in.r.IntN(4) {
		case 0: // alt plus figcaption
			n = el("figure", class(pick(in.r, []string{"image", "wp-caption", "photo", ""})), img, el("figcaption", nil, txt(c)))
		case 1: // figcaption, then the caption again as a paragraph
			n = el("div", class("figure-wrap"),
				el("figure", nil, img, el("figcaption", nil, txt(c))),
				el("p", class(pick(in.r, []string{"caption", "img-caption", "photo-desc", ""})), el("em", nil, txt(c))))
			copies = 3
		case 2: // the caption printed twice in a row (seed 002)
			n = el("div", class(pick(in.r, []string{"image", "pic", "media"})), img,
				el("p", class("img-caption"), txt(c)), el("p", class("img-caption"), txt(c)))
			copies = 3
		default: // table layout, caption repeated as the next paragraph
			n = el("table", class("tplCaption"), el("tbody", nil,
				el("tr", nil, el("td", nil, img)),
				el("tr", nil, el("td", nil, el("p", class("Image"), txt(c))))))
			insertAfter(in.para(1), el("p", nil, txt(c)))
		}
		insertAfter(in.para(1), n)
		in.items.Dups = append(in.items.Dups, Dup{Text: c, Copies: copies, Kind: KindCaption})
		in.items.Allowed = append(in.items.Allowed, c)
		in.items.Kinds[KindCaption]++
	}
}

// fileNames leaks image file names as their own blocks, next to photos.
func (in *injector) fileNames() {
	for range 1 + in.r.IntN(2) {
		f := in.fileName()
		var n *html.Node
		switch in.r.IntN(4) {
		case 0:
			n = el("p", nil, txt(f))
		case 1:
			n = el("div", class(pick(in.r, []string{"img-name", "filename", "caption", ""})), txt(f))
		case 2:
			n = el("figure", nil, el("img", []attr{a("src", "/up/"+f)}), el("figcaption", nil, txt(f)))
		default:
			n = el("p", []attr{a("style", "text-align:center")}, el("span", nil, txt(f)))
		}
		insertAfter(in.para(0), n)
		in.items.Boilerplate = append(in.items.Boilerplate, Item{Text: f, Kind: KindFileName})
		in.items.Kinds[KindFileName]++
	}
}

// spamLines inserts visible gambling lines: a bare brand before the body
// (seed 003's "tk88 bet") or a phrase between paragraphs.
func (in *injector) spamLines() {
	for range 1 + in.r.IntN(2) {
		b := in.brand()
		text := b
		if in.chance(0.6) {
			text = in.spamPhrase(b)
		}
		n := pick(in.r, in.p.spamLine)(in, text, in.hostURL(b))
		where := describe(n)
		if in.chance(0.4) {
			in.container.InsertBefore(n, in.paras[0])
			where += " before the body"
		} else {
			insertAfter(in.para(0), n)
			where += " between paragraphs"
		}
		in.items.Spam = append(in.items.Spam, Item{Text: text, Kind: KindSpamLine, Where: where})
		in.items.Kinds[KindSpamLine]++
	}
}

// spamSentence glues a gambling sentence, plain text with no link, to the
// end (or the start) of a real paragraph: what a text injection into a
// hacked site's posts leaves. The paragraph's own text must stay.
func (in *injector) spamSentence() {
	p := in.para(1)
	text := in.spamPhrase(in.brand())
	if len(in.p.sentenceSites) > 0 && in.chance(0.3) {
		if where := pick(in.r, in.p.sentenceSites)(in, text); where != "" {
			in.items.Spam = append(in.items.Spam, Item{Text: text, Kind: KindSpamSentence, Where: where})
			in.items.Kinds[KindSpamSentence]++
			return
		}
	}
	where := "glued to the end of a paragraph"
	if in.chance(0.7) {
		p.AppendChild(txt(" " + text + "."))
	} else {
		p.InsertBefore(txt(text+". "), p.FirstChild)
		where = "glued to the start of a paragraph"
	}
	in.items.Spam = append(in.items.Spam, Item{Text: text, Kind: KindSpamSentence, Where: where})
	in.items.Kinds[KindSpamSentence]++
}

// hiddenSpam inserts gambling text in elements hidden by one of the half's
// hiding techniques, among the body paragraphs.
func (in *injector) hiddenSpam() {
	for range 1 + in.r.IntN(2) {
		// A span may hold only inline children, or the parser would move
		// them out of the hidden element.
		wrap := pick(in.r, []string{"div", "section", "span", "div"})
		inner := []string{"p", "span", "div", "a"}
		if wrap == "span" {
			inner = []string{"span", "a", "b"}
		}
		var kids []*html.Node
		var texts []string
		for range 1 + in.r.IntN(3) {
			b := in.brand()
			text := in.spamPhrase(b)
			tag := pick(in.r, inner)
			var attrs []attr
			if tag == "a" {
				attrs = []attr{a("href", in.hostURL(b))}
			}
			kids = append(kids, el(tag, attrs, txt(text)), txt(" "))
			texts = append(texts, text)
		}
		box := el(wrap, nil, kids...)
		h := pick(in.r, in.p.hide)
		h.apply(in, box)
		if c := pick(in.r, in.p.words.Spam.Classes); c != "" && !domtext.HasAttr(box, "class") {
			box.Attr = append(box.Attr, a("class", c))
		}
		insertAfter(in.para(0), box)
		for _, text := range texts {
			in.items.Spam = append(in.items.Spam, Item{Text: text, Kind: KindHiddenSpam, Where: h.name + " " + describe(box)})
		}
		in.items.Kinds[KindHiddenSpam]++
	}
}

// inlineRelated inserts a "Baca juga: headline" line among the paragraphs.
func (in *injector) inlineRelated() {
	h := pick(in.r, in.p.words.Sidebar.Headings)
	hl := in.headline()
	link := el("a", []attr{a("href", "/news/"+fmt.Sprint(in.r.IntN(1e6))+".html")}, txt(hl))
	n := pick(in.r, in.p.inlineRelated)(in, h, link)
	insertAfter(in.para(1), n)
	in.boiler(KindInlineRelate, describe(n), h, hl)
	in.items.Kinds[KindInlineRelate]++
}

// sidebars adds one or two sidebars.
func (in *injector) sidebars() {
	for range 1 + in.r.IntN(2) {
		in.sidebar()
	}
}

// sidebar inserts a list of related headlines: under a heading phrase or
// none, in one of the half's shapes, with a honest or a misleading class,
// inside the article container or next to it.
func (in *injector) sidebar() {
	shape := pick(in.r, in.p.sidebarShapes)
	cls := pick(in.r, in.p.words.Sidebar.Classes)
	if in.chance(0.4) {
		cls = pick(in.r, in.p.words.Sidebar.MisleadingClasses)
	}
	boxTag := pick(in.r, []string{"div", "aside", "section", "div", "nav"})
	place := in.r.IntN(4)
	var kids []*html.Node
	heading := ""
	if in.chance(0.75) {
		heading = pick(in.r, in.p.words.Sidebar.Headings)
		kids = append(kids, pick(in.r, in.p.headingMarkup)(in, heading))
	}
	under := "no heading"
	if heading != "" {
		under = strconv.Quote(heading)
	}
	where := fmt.Sprintf("%s under %s in <%s class=%q> %s", shape.name, under, boxTag, cls,
		[]string{"after the body", "after the body", "between paragraphs", "next to the container"}[place])
	if heading != "" {
		in.boiler(KindSidebar, where, heading)
	}
	n := 3 + in.r.IntN(6)
	glyphs := in.chance(0.5)
	items := make([]sideItem, n)
	for i := range items {
		hl := in.headline()
		shown := hl
		if glyphs {
			shown = in.glyphPrefix(KindSidebar) + hl
		}
		in.boiler(KindSidebar, where, hl)
		items[i] = sideItem{hl: hl, shown: shown, href: []attr{a("href", fmt.Sprintf("/news/%d-%d.html", i, in.r.IntN(1e7)))}}
	}
	kids = append(kids, shape.build(in, items, where)...)
	box := el(boxTag, class(cls), kids...)
	switch place {
	case 0, 1: // inside the container, after the last paragraph
		insertAfter(in.paras[len(in.paras)-1], box)
	case 2: // inside the container, between paragraphs
		insertAfter(in.para(1), box)
	default: // next to the container
		insertAfter(in.container, box)
	}
	in.items.Kinds[KindSidebar]++
}

// widgets inserts one or two boilerplate boxes (newsletter, cookie notice,
// share bar, author bio, comment widget) after the body, at the end of the
// container or of the page.
func (in *injector) widgets() {
	for range 1 + in.r.IntN(2) {
		lang := pick(in.r, in.p.words.Widgets.Langs)
		w := pick(in.r, in.p.words.Widgets.ByLang[lang])
		box := widgetMarkups[w.Markup](in, w.Classes, w.Texts)
		where := w.Name + " " + describe(box)
		switch in.r.IntN(3) {
		case 0:
			insertAfter(in.paras[len(in.paras)-1], box)
			where += " after the body"
		case 1:
			insertAfter(in.container, box)
			where += " next to the container"
		default:
			if body := domtext.First(in.doc, atom.Body); body != nil {
				body.AppendChild(box)
			} else {
				in.container.AppendChild(box)
			}
			where += " at the end of the page"
		}
		in.boiler(KindWidget, where, w.Texts...)
		in.items.Kinds[KindWidget]++
	}
}

// linkFarm inserts a block of gambling links in one of the half's shapes.
func (in *injector) linkFarm() {
	n := 6 + in.r.IntN(15)
	sep := pick(in.r, in.p.words.Spam.FarmSeparators)
	seen := map[string]bool{}
	var brands []string
	for range n {
		b := in.brand()
		if in.chance(0.3) && len(brands) > 0 {
			b = brands[in.r.IntN(len(brands))] // farms repeat their brands
		}
		brands = append(brands, b)
	}
	kids := pick(in.r, in.p.farm)(in, brands, sep)
	wrap := pick(in.r, []string{"div", "p", "footer", "div"})
	if k := kids[len(kids)-1].DataAtom; k == atom.Ul || k == atom.Table {
		wrap = "div" // a list cannot sit in a paragraph
	}
	box := el(wrap, class(pick(in.r, in.p.words.Spam.Classes)), kids...)
	for _, b := range brands {
		if !seen[b] {
			seen[b] = true
			in.items.Spam = append(in.items.Spam, Item{Text: b, Kind: KindLinkFarm, Where: describe(box)})
		}
	}
	switch in.r.IntN(3) {
	case 0:
		insertAfter(in.paras[len(in.paras)-1], box)
	case 1:
		in.container.AppendChild(box)
	default:
		if body := domtext.First(in.doc, atom.Body); body != nil {
			body.AppendChild(box)
		} else {
			in.container.AppendChild(box)
		}
	}
	in.items.Kinds[KindLinkFarm]++
}

// describe renders the opening tags of n and of its first element children,
// down to the text: `<div class="txt-ads"><a>`.
func describe(n *html.Node) string {
	var b strings.Builder
	for n != nil && n.Type == html.ElementNode {
		b.WriteString("<" + n.Data)
		for _, at := range n.Attr {
			if at.Key == "class" || at.Key == "style" || at.Key == "hidden" {
				fmt.Fprintf(&b, " %s=%q", at.Key, at.Val)
			}
		}
		b.WriteString(">")
		next := n.FirstChild
		for next != nil && next.Type != html.ElementNode {
			next = next.NextSibling
		}
		n = next
	}
	return b.String()
}
