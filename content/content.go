// Package content decides which part of a page is its main content. The
// readability pass proposes one element; on pages that are not articles
// (forums, listings, products, service pages) it often proposes too little:
// one post of a thread, one card of a listing, a cookie banner, a table. This
// package gathers other candidates from the page's structure before the
// readability pass changes it (the <main> element, the smallest element
// holding every <article>, every schema.org articleBody or post text, the
// element holding most of the page's prose, the whole body without its
// furniture), measures each, and chooses by evidence: how much prose each
// holds, how much of it sits in links, and how much of the other candidates'
// prose it covers.
//
// Hand-written: the maintained extractors (go-readability, go-trafilatura)
// each make one fixed choice and expose no candidates to compare.
package content

import (
	"strings"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/content/classname"
	"github.com/winnowhq/winnow/content/facets"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/pagetype"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Candidate is one possible main content of a page.
type Candidate struct {
	// Name says where it comes from: readability, main, article, schema,
	// prose, table (on a product page, the table one of whose cells is
	// the prose) or body.
	Name string
	// Node is the candidate's element (for readability, the article it
	// built).
	Node *html.Node
	// Stats measure the candidate without its furniture.
	Stats Stats
	// Blocks are its text, rendered without its furniture.
	Blocks []block.Block
}

// Stats measure the text of a subtree, furniture left out.
type Stats struct {
	// Text is the bytes of text outside links, Link inside links.
	Text, Link int
	// Paras counts the elements holding a run of prose (a paragraph, list
	// item, cell or div with at least proseBytes of text of its own).
	Paras int
}

// LinkDensity is the share of the text that sits in links.
func (s Stats) LinkDensity() float64 {
	if s.Text+s.Link == 0 {
		return 1
	}
	return float64(s.Link) / float64(s.Text+s.Link)
}

// proseBytes is the text an element needs, outside links, to count as a
// paragraph of prose.
const proseBytes = 80

// Furniture tells page furniture apart, on a page of one type (package
// pagetype).
type Furniture struct {
	kinds Kinds
	// facets are the option elements found (see facets.Find).
	facets map[*html.Node]bool
	// filters are the filter panels found (see facets.Find): left out of
	// a candidate's blocks, not of its measure, so that the choice among
	// the candidates stays what it was without them (a grid whose items
	// are all links weighs little against a footer once the prose of its
	// filter beside it is gone).
	filters map[*html.Node]bool
	// Panels are the ids of the elements a control on the page opens
	// (aria-controls): collapsed accordion and tab panels, hidden until a
	// reader opens them but part of the content (a product's description
	// and specifications, a service's questions and answers).
	Panels map[string]bool
}

// Kinds is a set of the kinds of element a page type counts as furniture
// beside those every type does (consent banners, screen-reader text): a
// new kind is one more constant, not one more field.
type Kinds uint16

const (
	// Comments are comment threads: under an article they are furniture,
	// on a forum they are the content.
	Comments Kinds = 1 << iota
	// Reviews are customer reviews: on a product page the product is the
	// content, not what buyers wrote of it.
	Reviews
	// Legal are legal notices and disclaimers (elements classed or named
	// so: a game's licence terms, footnotes to a phone's claims, a shop's
	// accuracy and copyright lines): on a product page they are the
	// shop's, the same under every product. Of the 33 such elements of 8
	// words or more on WCXB dev's product pages, none is in its page's
	// reference text. WCXB dev product 0.715 -> 0.719.
	Legal
	// Carousels are groups of priced cards (other products): on a
	// collection or a listing they are the content.
	Carousels
	// Signatures are posts' signatures: on a forum they are what a poster
	// shows under every post.
	Signatures
	// Utility are elements carrying a stylesheet's utility class for
	// hiding ("hide", "hidden", "d-none"), read as hidden: on a product
	// page they hold the shop's data for its scripts (every colour's
	// thumbnail, price tiers, seller ratings), not what a reader sees.
	// Panels a control opens are kept. WCXB dev product 0.647 -> 0.653,
	// other types unchanged. On a forum they hold what each post carries
	// for scripts and screen readers (a Q&A post's markers for its maths
	// renderer, its poster's name again, a vote's state): forum 0.823 ->
	// 0.825, 9 pages better, none worse by more than 0.001.
	Utility
	// CarouselHeadings are the headings over carousels (see
	// carouselHeading): on a product page the carousel sells other
	// products and its heading goes with it; in an article reviewing
	// products the heading over each one's price cards is the product's
	// name.
	CarouselHeadings
	// Comparisons are grids comparing products side by side, a row of
	// prices across them (see pagetype.Comparison): on a product page the others
	// are the range's other models, not the product.
	Comparisons
	// Facets are the options of a filter (groups of checkboxes and radio
	// buttons with their labels: sizes, colours, brands, sort orders): on
	// a listing or a collection they sit beside the items and narrow
	// them, and are none of them.
	Facets
)

// Has reports whether f counts elements of kind k as furniture.
func (f Furniture) Has(k Kinds) bool { return f.kinds&k != 0 }

// minCarousel is how many priced sibling cards make a carousel of other
// products.
const minCarousel = 3

// ForType returns the furniture of a page of type typ.
func ForType(typ string) Furniture {
	var k Kinds
	set := func(kind Kinds, on bool) {
		if on {
			k |= kind
		}
	}
	set(Comments, typ != pagetype.Forum)
	set(Reviews, typ == pagetype.Product)
	set(Legal, typ == pagetype.Product)
	set(Carousels, typ != pagetype.Listing && typ != pagetype.Collection)
	set(CarouselHeadings, typ == pagetype.Product)
	set(Signatures, typ == pagetype.Forum)
	set(Utility, typ == pagetype.Product || typ == pagetype.Forum)
	set(Comparisons, typ == pagetype.Product)
	set(Facets, typ == pagetype.Listing || typ == pagetype.Collection)
	return Furniture{kinds: k}
}

// Is reports whether n is page furniture that no main content holds:
// navigation, site headers and footers, sidebars, dialogs, hidden elements,
// cookie and consent banners, and comment threads where f says so. It is the
// skip function for block.FromHTMLSkip.
func (f Furniture) Is(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Nav, atom.Aside, atom.Dialog, atom.Menu:
		return true
	case atom.Header, atom.Footer:
		return !inSection(n)
	case atom.Body, atom.Html:
		// Their classes name the page and its state, not a box in it
		// ("single-product-reviews-01", "cookies-not-set", "has-comments"):
		// read as furniture they emptied every candidate but readability's.
		return false
	}
	if f.facets[n] {
		return true
	}
	if n.DataAtom == atom.A && otherLanguage(n) {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			switch strings.ToLower(a.Val) {
			case "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar":
				return true
			}
		case "hidden", "popover":
			// A popover (the HTML attribute) shows only when a control
			// opens it: an app's install prompt, a menu, a card of help.
			if !f.panel(n) {
				return true
			}
		case "class", "id":
			if a.Key == "class" && f.Has(Utility) && classname.UtilityHidden(a.Val) && !f.panel(n) {
				return true
			}
			if a.Key == "class" && classname.Overlay(a.Val) {
				return true
			}
			// Lower-cased once for the four tests, not once each.
			if v := strings.ToLower(a.Val); classname.Consent(v) || f.Has(Comments) && classname.Comments(v) || f.Has(Reviews) && classname.Reviews(v) && !describes(n) || f.Has(Legal) && classname.Legal(v) || f.Has(Signatures) && signature(v) && signatureBox(n) || a.Key == "class" && classname.ScreenReader(v) && !facets.InCell(n) {
				return true
			}
		case "itemprop":
			if f.Has(Reviews) && (a.Val == "review" || a.Val == "reviews") || a.Val == "comment" && onAnswer(n) {
				return true
			}
		}
	}
	return domtext.IsHidden(n) && !f.panel(n)
}

// panel reports whether n is a collapsed panel: a tab panel, or an element
// that a control opens (itself or its only element child, the wrapper that
// collapses it).
func (f Furniture) panel(n *html.Node) bool {
	if strings.EqualFold(domtext.Attr(n, "role"), "tabpanel") {
		return true
	}
	if len(f.Panels) == 0 {
		return false
	}
	if id := domtext.Attr(n, "id"); id != "" && f.Panels[id] {
		return true
	}
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if only != nil {
				return false
			}
			only = c
		}
	}
	return only != nil && f.Panels[domtext.Attr(only, "id")] && domtext.Attr(only, "id") != ""
}

// onAnswer reports whether n, marked as a schema.org comment, is a comment
// on a question or an answer (a Q&A site's remark under a post): the item
// it belongs to is a Question or an Answer. The posts are the content, the
// remarks under them are not; on a discussion thread, whose replies are
// marked as comments of the opening post, they stay.
func onAnswer(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode || !domtext.HasAttr(p, "itemscope") {
			continue
		}
		for t := range strings.FieldsSeq(domtext.Attr(p, "itemtype")) {
			if strings.HasSuffix(t, "/Question") || strings.HasSuffix(t, "/Answer") {
				return true
			}
		}
		return false
	}
	return false
}

// inSection reports whether a header or footer belongs to an article, a
// section or the main content rather than to the page.
func inSection(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Article, atom.Section, atom.Main:
			return true
		}
	}
	return false
}

// Measure returns the stats of n, furniture left out.
func (f Furniture) Measure(n *html.Node) Stats {
	s, _ := f.measureRoot(n)
	return s
}

// Candidate returns n as the candidate name: measured, and rendered without
// its furniture.
func (f Furniture) Candidate(name string, n *html.Node) Candidate {
	f = f.withFacets(n)
	st, t := f.measureRoot(n)
	return Candidate{Name: name, Node: n, Stats: st, Blocks: block.FromHTMLSkip(n, f.skip(t))}
}

// skip returns the skip function rendering a candidate of the measured
// tree t: its furniture and f's filter panels are left out.
func (f Furniture) skip(t tree) func(*html.Node) bool {
	return func(n *html.Node) bool { return t.furniture[n] || f.filters[n] }
}

// tree is a measured subtree: the stats of each of its elements (furniture
// and what it holds left out, and not listed; nil when not asked for) and
// its furniture.
type tree struct {
	stats     map[*html.Node]Stats
	furniture map[*html.Node]bool
}

// measureTree measures n and every element under it in one walk.
func (f Furniture) measureTree(n *html.Node) tree {
	// Made at its size: grown entry by entry, the map was most of what
	// measuring allocated.
	t := tree{stats: make(map[*html.Node]Stats, domtext.CountElements(n)), furniture: map[*html.Node]bool{}}
	f.measure(n, false, &t)
	return t
}

// measureRoot measures n like measureTree, but records the stats of no
// element: it returns n's, and the tree with its furniture alone.
func (f Furniture) measureRoot(n *html.Node) (Stats, tree) {
	t := tree{furniture: map[*html.Node]bool{}}
	s, _ := f.measure(n, false, &t)
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		s = Stats{} // measureTree records no text node
	}
	return s, t
}

// measure returns the stats of n and the bytes of text n holds outside
// links that are its own prose (not in child elements counted as
// paragraphs), recording every element's stats in t.
func (f Furniture) measure(n *html.Node, inLink bool, t *tree) (Stats, int) {
	switch n.Type {
	case html.TextNode:
		l := textLen(n.Data)
		if inLink {
			return Stats{Link: l}, 0
		}
		return Stats{Text: l}, l
	case html.ElementNode, html.DocumentNode:
	default:
		return Stats{}, 0
	}
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Svg, atom.Math,
			atom.Button, atom.Select, atom.Textarea, atom.Input, atom.Iframe, atom.Object, atom.Canvas:
			return Stats{}, 0
		}
		if f.Is(n) || f.Has(Comparisons) && pagetype.Comparison(n, minCarousel) {
			t.furniture[n] = true
			return Stats{}, 0
		}
		if n.DataAtom == atom.A {
			inLink = true
		}
	}
	if f.Has(Carousels) {
		if cards, priced := pagetype.Cards(n, minCarousel); len(cards) > 0 && 2*priced >= len(cards) {
			for _, c := range cards {
				t.furniture[c] = true
			}
			// The carousel's cards of another class (the one in view,
			// every third) go with them when they are priced tiles too.
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == cards[0].Data && !t.furniture[c] && pagetype.PricedTile(c) {
					t.furniture[c] = true
				}
			}
			if h := carouselHeading(n); h != nil && f.Has(CarouselHeadings) {
				t.furniture[h] = true
			}
		}
	}
	var s Stats
	own := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t.furniture[c] {
			continue
		}
		cs, co := f.measure(c, inLink, t)
		s.Text += cs.Text
		s.Link += cs.Link
		s.Paras += cs.Paras
		own += co
	}
	if own >= proseBytes && n.Type == html.ElementNode && paraAtom(n.DataAtom) {
		s.Paras++
		own = 0
	}
	if t.stats != nil {
		t.stats[n] = s
	}
	return s, own
}

// carouselDepth is how many wrappers up from a carousel's cards its
// heading is looked for.
const carouselDepth = 3

// carouselHeading returns the heading that titles the carousel n ("You may
// also like"): the nearest element before n, or before one of the
// carouselDepth wrappers n is the first element of, when that element is a
// heading, or holds only one, below the page's own (h1). Nil when the
// element before is not a heading: the carousel is untitled, and what
// stands before it is the page's. Left behind, the heading would sit over
// what follows the carousel.
func carouselHeading(n *html.Node) *html.Node {
	for range carouselDepth {
		p := n.PrevSibling
		for p != nil && (p.Type != html.ElementNode || strings.TrimSpace(domtext.Text(p)) == "") {
			p = p.PrevSibling
		}
		if p != nil {
			h := p
			if !domtext.IsHeading(h.DataAtom) {
				h = onlyHeading(p)
			}
			if h == nil || h.DataAtom == atom.H1 {
				return nil
			}
			return p
		}
		if n = n.Parent; n == nil || n.Type != html.ElementNode {
			return nil
		}
	}
	return nil
}

// onlyHeading returns the one heading under n when n's text is all its, or nil.
func onlyHeading(n *html.Node) *html.Node {
	var h *html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && domtext.IsHeading(d.DataAtom) {
			if h != nil {
				return nil
			}
			h = d
		}
	}
	if h == nil || textnorm.Key(domtext.Text(h)) != textnorm.Key(domtext.Text(n)) {
		return nil
	}
	return h
}

func paraAtom(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.Dd, atom.Td, atom.Blockquote, atom.Pre, atom.Div, atom.Section, atom.Article:
		return true
	}
	return false
}

// textLen is the length of s without its leading and trailing space, runs
// of inner space counted once.
func textLen(s string) int {
	n, space := 0, true
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\n', '\t', '\r', '\f':
			if !space {
				n++
			}
			space = true
		default:
			n++
			space = false
		}
	}
	if space && n > 0 {
		n--
	}
	return n
}

// describes reports whether n's class or id names it a description
// ("item-description", "description-box"): a box of
// reviews so named is part of the product's description (the press
// quotes a publisher shows under its game's blurb), not the customers'.
func describes(n *html.Node) bool {
	for _, k := range []string{"class", "id"} {
		if strings.Contains(strings.ToLower(domtext.Attr(n, k)), "description") {
			return true
		}
	}
	return false
}

// otherLanguage reports whether the link a leads to the page in another
// language than its own (its hreflang names another language than the
// nearest lang attribute above it) and is all of its parent's text: one
// entry of a language switcher, not a link in a sentence. A site that
// marks every link with its own language (hreflang="en" on an English
// page) switches nothing.
func otherLanguage(a *html.Node) bool {
	to := primaryTag(domtext.Attr(a, "hreflang"))
	if to == "" || a.Parent == nil || a.Parent.Type != html.ElementNode {
		return false
	}
	for p := a.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode || !domtext.HasAttr(p, "lang") {
			continue
		}
		if from := primaryTag(domtext.Attr(p, "lang")); from == "" || from == to {
			return false
		}
		return alone(a)
	}
	return false
}

// alone reports whether n is the only node of its parent that shows text
// (its siblings are space or empty elements).
func alone(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && domtext.Chars(c) > 0 {
			return false
		}
	}
	return true
}

// primaryTag is the primary language subtag of a language tag,
// lower-cased: "pt" of "pt-BR".
func primaryTag(tag string) string {
	tag, _, _ = strings.Cut(strings.TrimSpace(tag), "-")
	tag, _, _ = strings.Cut(tag, "_")
	return strings.ToLower(tag)
}
