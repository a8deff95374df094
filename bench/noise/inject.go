package noise

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Noise kinds, as counted in Items.Kinds.
const (
	KindSpamLine     = "spam-line"
	KindLinkFarm     = "link-farm"
	KindHiddenSpam   = "hidden-spam"
	KindSpamAnchor   = "spam-anchor"
	KindSidebar      = "sidebar"
	KindInlineRelate = "inline-related"
	KindBodyGlyph    = "body-glyph"
	KindCaption      = "double-caption"
	KindFileName     = "file-name"
	KindLeadRepeat   = "lead-repeat"
)

// inject adds a random selection of every noise kind; each kind appears on
// most pages, so that a few hundred pages hold many hundred instances.
func (in *injector) inject() {
	// Order matters: paragraph-level edits first, while in.paras still lists
	// only real paragraphs, then insertions.
	if in.chance(0.7) {
		in.bodyGlyphs()
	}
	if in.chance(0.6) {
		in.spamAnchors()
	}
	if in.chance(0.7) {
		in.leadRepeat()
	}
	if in.chance(0.7) {
		in.captions()
	}
	if in.chance(0.5) {
		in.fileNames()
	}
	if in.chance(0.7) {
		in.spamLines()
	}
	if in.chance(0.7) {
		in.hiddenSpam()
	}
	if in.chance(0.5) {
		in.inlineRelated()
	}
	for range 1 + in.r.IntN(2) {
		in.sidebar()
	}
	if in.chance(0.7) {
		in.linkFarm()
	}
}

func (in *injector) chance(p float64) bool { return in.r.Float64() < p }

// --- DOM helpers

type attr = html.Attribute

func el(tag string, attrs []attr, kids ...*html.Node) *html.Node {
	n := &html.Node{Type: html.ElementNode, Data: tag, DataAtom: atom.Lookup([]byte(tag)), Attr: attrs}
	for _, k := range kids {
		if k != nil {
			n.AppendChild(k)
		}
	}
	return n
}

func txt(s string) *html.Node { return &html.Node{Type: html.TextNode, Data: s} }

func a(k, v string) attr { return attr{Key: k, Val: v} }

func class(v string) []attr {
	if v == "" {
		return nil
	}
	return []attr{a("class", v)}
}

func insertAfter(ref, n *html.Node) {
	if ref.NextSibling != nil {
		ref.Parent.InsertBefore(n, ref.NextSibling)
	} else {
		ref.Parent.AppendChild(n)
	}
}

// para returns a random body paragraph, from index lo on.
func (in *injector) para(lo int) *html.Node {
	lo = min(lo, len(in.paras)-1)
	return in.paras[lo+in.r.IntN(len(in.paras)-lo)]
}

// foreignGlyph returns a glyph that does not occur in the source page.
func (in *injector) foreignGlyph() string {
	for {
		if g := glyph(in.r); !strings.Contains(in.page, g) {
			return g
		}
	}
}

// glyphPrefix returns a glyph prefix ("💮 ", "🌄🌄 ", "ꦐ\u00a0") and records it
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

// --- kinds

// bodyGlyphs prefixes a few real paragraphs with a decorative glyph: the
// paragraph must be kept, the glyph dropped.
func (in *injector) bodyGlyphs() {
	for range 1 + in.r.IntN(3) {
		p := in.para(0)
		prefix := in.glyphPrefix(KindBodyGlyph)
		if p.FirstChild != nil && p.FirstChild.Type == html.TextNode {
			p.FirstChild.Data = prefix + strings.TrimLeft(p.FirstChild.Data, " \t\n")
		} else {
			p.InsertBefore(txt(prefix), p.FirstChild)
		}
		in.items.Kinds[KindBodyGlyph]++
	}
}

// spamAnchors appends a gambling link to the end of real paragraphs.
func (in *injector) spamAnchors() {
	for range 1 + in.r.IntN(2) {
		p := in.para(1)
		b := brand(in.r)
		link := el("a", []attr{a("href", "https://"+hostOf(in.r, b)+"/"), a("rel", pick(in.r, []string{"dofollow", "nofollow", ""}))}, txt(b))
		if in.chance(0.3) {
			link = el(pick(in.r, []string{"strong", "b", "em"}), nil, link)
		}
		p.AppendChild(txt(pick(in.r, []string{" ", " - ", " | ", " (", " → "})))
		p.AppendChild(link)
		in.items.Spam = append(in.items.Spam, Item{Text: b, Kind: KindSpamAnchor})
		in.items.Kinds[KindSpamAnchor]++
	}
}

// leadRepeat repeats the first long paragraph once or twice, next to it, a
// few paragraphs later, or as a "sapo" block before it.
func (in *injector) leadRepeat() {
	var lead *html.Node
	for _, p := range in.paras {
		if len(strings.Fields(textOf(p))) >= 8 {
			lead = p
			break
		}
	}
	if lead == nil {
		return
	}
	text := strings.Join(strings.Fields(textOf(lead)), " ")
	copies := 1 + in.r.IntN(2)
	for range copies {
		var n *html.Node
		switch in.r.IntN(3) {
		case 0:
			n = el("p", nil, txt(text))
		case 1:
			n = el("div", class(pick(in.r, []string{"sapo", "lead", "summary", "description", "chapeau"})), el("strong", nil, txt(text)))
		default:
			n = el("h2", class("sapo"), txt(text))
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
		c := caption(in.r)
		src := "/images/" + fileName(in.r)
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
		f := fileName(in.r)
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
		b := brand(in.r)
		text := b
		if in.chance(0.6) {
			text = spamPhrase(in.r, b)
		}
		var n *html.Node
		switch in.r.IntN(4) {
		case 0:
			n = el("p", nil, txt(text))
		case 1:
			n = el("div", class(pick(in.r, spamClasses)), el("a", []attr{a("href", "https://"+hostOf(in.r, b))}, txt(text)))
		case 2:
			n = el("p", nil, el("strong", nil, txt(text)))
		default:
			n = el("h3", nil, txt(text))
		}
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

// hiddenSpam inserts gambling text in elements hidden by style or by the
// hidden attribute, among the body paragraphs.
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
			b := brand(in.r)
			text := spamPhrase(in.r, b)
			tag := pick(in.r, inner)
			var attrs []attr
			if tag == "a" {
				attrs = []attr{a("href", "https://"+hostOf(in.r, b))}
			}
			kids = append(kids, el(tag, attrs, txt(text)), txt(" "))
			texts = append(texts, text)
		}
		var attrs []attr
		if in.chance(0.2) {
			attrs = []attr{a("hidden", "")}
		} else {
			attrs = []attr{a("style", pick(in.r, hideStyles))}
		}
		if c := pick(in.r, spamClasses); c != "" {
			attrs = append(attrs, a("class", c))
		}
		box := el(wrap, attrs, kids...)
		insertAfter(in.para(0), box)
		for _, text := range texts {
			in.items.Spam = append(in.items.Spam, Item{Text: text, Kind: KindHiddenSpam, Where: describe(box)})
		}
		in.items.Kinds[KindHiddenSpam]++
	}
}

// inlineRelated inserts a "Baca juga: headline" line among the paragraphs.
func (in *injector) inlineRelated() {
	h := pick(in.r, sidebarHeadings)
	hl := headline(in.r)
	link := el("a", []attr{a("href", "/news/"+fmt.Sprint(in.r.IntN(1e6))+".html")}, txt(hl))
	var n *html.Node
	switch in.r.IntN(3) {
	case 0:
		n = el("p", nil, el("strong", nil, txt(h+":")), txt(" "), link)
	case 1:
		n = el("div", class(pick(in.r, sideClasses)), el("span", nil, txt(h)), link)
	default:
		n = el("p", nil, txt(h+" "), el("em", nil, link))
	}
	insertAfter(in.para(1), n)
	in.items.Boilerplate = append(in.items.Boilerplate,
		Item{Text: h, Kind: KindInlineRelate, Where: describe(n)}, Item{Text: hl, Kind: KindInlineRelate, Where: describe(n)})
	in.items.Kinds[KindInlineRelate]++
}

// sidebar inserts a list of related headlines: under a heading phrase or
// none, in a list, in teaser cards or in plain links, with a honest or a
// misleading class, inside the article container or next to it.
func (in *injector) sidebar() {
	shape := in.r.IntN(4)
	cls := pick(in.r, sideClasses)
	if in.chance(0.4) {
		cls = pick(in.r, misleadClass)
	}
	boxTag := pick(in.r, []string{"div", "aside", "section", "div", "nav"})
	place := in.r.IntN(4)
	var kids []*html.Node
	heading := ""
	if in.chance(0.75) {
		heading = pick(in.r, sidebarHeadings)
		var hn *html.Node
		switch in.r.IntN(5) {
		case 0:
			hn = el("h3", nil, txt(heading))
		case 1:
			hn = el("h2", class("title"), txt(heading))
		case 2:
			hn = el("div", class(pick(in.r, []string{"box-title", "title", "heading", "tit"})), txt(heading))
		case 3:
			hn = el("p", nil, el("strong", nil, txt(heading)))
		default:
			hn = el("h4", nil, el("span", nil, txt(heading)))
		}
		kids = append(kids, hn)
	}
	under := "no heading"
	if heading != "" {
		under = strconv.Quote(heading)
	}
	where := fmt.Sprintf("%s under %s in <%s class=%q> %s",
		[]string{"link list", "teaser cards", "link paragraphs", "bare links"}[shape], under, boxTag, cls,
		[]string{"after the body", "after the body", "between paragraphs", "next to the container"}[place])
	if heading != "" {
		in.items.Boilerplate = append(in.items.Boilerplate, Item{Text: heading, Kind: KindSidebar, Where: where})
	}
	n := 3 + in.r.IntN(6)
	glyphs := in.chance(0.5)
	var list *html.Node
	if shape == 0 {
		list = el(pick(in.r, []string{"ul", "ol"}), nil)
		kids = append(kids, list)
	}
	for range n {
		hl := headline(in.r)
		shown := hl
		if glyphs {
			shown = in.glyphPrefix(KindSidebar) + hl
		}
		href := []attr{a("href", fmt.Sprintf("/%s-%d.html", strings.ToLower(strings.Fields(hl)[1]), in.r.IntN(1e7)))}
		in.items.Boilerplate = append(in.items.Boilerplate, Item{Text: hl, Kind: KindSidebar, Where: where})
		switch shape {
		case 0: // list of links
			list.AppendChild(el("li", nil, el("a", href, txt(shown))))
		case 1: // teaser cards: label, headline, headline again, teaser (seed 002)
			label, tz := pick(in.r, sectionLabels), teaser(in.r)
			in.items.Boilerplate = append(in.items.Boilerplate, Item{Text: label, Kind: KindSidebar, Where: where}, Item{Text: tz, Kind: KindSidebar, Where: where})
			kids = append(kids, el("div", class(pick(in.r, []string{"item", "story", "card", "news-item"})),
				el("a", href, el("img", []attr{a("src", "/thumb/"+fileName(in.r)), a("alt", hl)})),
				el("span", class("cat"), txt(label)),
				el("h3", nil, el("a", href, txt(shown))),
				el("p", class("sapo"), txt(tz))))
		case 2: // paragraphs of links
			kids = append(kids, el("p", nil, el("a", href, txt(shown))))
		default: // bare links, each in a div
			kids = append(kids, el("div", nil, el("a", href, txt(shown))))
		}
	}
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

// linkFarm inserts a footer of gambling links: anchors separated by bars, or
// the bare "{brand}|{brand}|..." text of seed 003.
func (in *injector) linkFarm() {
	n := 6 + in.r.IntN(15)
	sep := pick(in.r, farmSeps)
	var kids []*html.Node
	seen := map[string]bool{}
	var brands []string
	for range n {
		b := brand(in.r)
		if in.chance(0.3) && len(brands) > 0 {
			b = brands[in.r.IntN(len(brands))] // farms repeat their brands
		}
		brands = append(brands, b)
	}
	switch in.r.IntN(3) {
	case 0:
		for i, b := range brands {
			if i > 0 {
				kids = append(kids, txt(sep))
			}
			kids = append(kids, el("a", []attr{a("href", "https://"+hostOf(in.r, b)+"/"), a("title", b)}, txt(b)))
		}
	case 1:
		var parts []string
		for _, b := range brands {
			parts = append(parts, "{"+b+"}")
		}
		kids = append(kids, txt(strings.Join(parts, "|")))
	default:
		ul := el("ul", nil)
		for _, b := range brands {
			ul.AppendChild(el("li", nil, el("a", []attr{a("href", "https://"+hostOf(in.r, b))}, txt(b))))
		}
		kids = append(kids, ul)
	}
	wrap := pick(in.r, []string{"div", "p", "footer", "div"})
	if kids[len(kids)-1].DataAtom == atom.Ul {
		wrap = "div" // a list cannot sit in a paragraph
	}
	box := el(wrap, class(pick(in.r, spamClasses)), kids...)
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
		if body := findAtom(in.doc, atom.Body); body != nil {
			body.AppendChild(box)
		} else {
			in.container.AppendChild(box)
		}
	}
	in.items.Kinds[KindLinkFarm]++
}

func findAtom(doc *html.Node, t atom.Atom) *html.Node {
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == t {
			return n
		}
	}
	return nil
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
