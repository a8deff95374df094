// Package boilerplate finds page furniture inside an extracted article by
// its shape, in any language: blocks of teaser cards (headline links with a
// date, a thumbnail or a one-line teaser), link-dense boxes, "read also"
// lines (a short label and one link to another story of the site), widgets
// (newsletter and comment forms, share bars, cookie notices, author boxes
// after the body), and kickers (a section label or a one-item breadcrumb
// alone on its line above the body, kicker.go).
//
// Shape comes first: link density, repeated sibling cards, word counts,
// form controls, position after the last paragraph of running text. Heading
// and widget vocabulary in many languages (lexicon.txt) and class names are
// one signal among several, never enough alone. Every removal is recorded
// in the trace under a boilerplate.* id. A block is removed only when the
// article keeps more running text outside it than inside it, so that a
// listing page, whose items are its content, keeps them.
//
// Hand-written: the readability library scores whole candidates for the
// article and leaves what sits inside the winner; no maintained Go library
// detects furniture inside an article (go-trafilatura's does not run on a
// DOM it did not parse, and ships as a whole extractor).
package boilerplate

import (
	"cmp"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/pagetype"
	"github.com/winnowhq/winnow/rules"
)

// Rule ids recorded in the trace.
const (
	IDTeaserCards = "boilerplate.teaser-cards"
	IDLinkBlock   = "boilerplate.link-block"
	IDRelatedLine = "boilerplate.related-line"
	IDWidget      = "boilerplate.widget"
	IDHeading     = "boilerplate.heading"
	IDKicker      = "boilerplate.kicker"
)

// Thresholds of the shapes.
const (
	proseWords      = 20  // a paragraph with this many words outside links is running text
	maxCardWords    = 60  // words of one teaser card at most
	maxCardProse    = 30  // words outside links of one teaser card at most
	minCards        = 3   // sibling cards that make a teaser block
	minBlockLinks   = 3   // links of a link-dense block
	blockLinkShare  = 0.7 // share of a link block's letters inside links
	maxBlockWords   = 250 // words of a link block at most
	maxLineWords    = 30  // words of a related line at most
	maxLabelWords   = 6   // words of a related line's label at most
	minHeadline     = 3   // words of a headline link at least
	maxHeadingWords = 8   // words of a heading at most
	maxWidgetWords  = 80  // words of a widget at most
	minProseShare   = 0.5 // share of the article's words outside links in running text, for the article to be judged
	minProseAll     = 0.3 // and share of all its words
	maxBlockShare   = 0.4 // share of the article's words one removal may take at most
	maxKickerWords  = 4   // words of a section label or short breadcrumb above the body at most
	maxKickers      = 2   // such labels above the body at most: more are a menu
)

// stat is what one element holds. Its counts are int32, which halves the
// slab made for every element, twice per page: they count elements and
// letters of one page, far fewer than 2^31 (a page of 2 GiB would need
// tens of GiB to parse; clean reads 16 MiB by default).
type stat struct {
	chars, linkChars int32 // letters and digits, and those inside links
	words, linkWords int32
	links, headlines int32 // links with text; links with a headline's words
	internal         int32 // headline links to the page's own site
	controls         int32 // form controls
	imgs             int32
	shortLinks       int32 // links of one or two words
	prose            int32 // words outside links of the paragraphs of running text
	order, end       int32 // pre-order index of the element and of its last descendant
	node             *html.Node
}

// detector holds one run over one article.
type detector struct {
	host  string
	stats map[*html.Node]*stat // into slab, made once the article is to be judged
	slab  []stat               // every element's stats in pre-order, allocated at once
	// firstProse and lastProse are the orders of the first and the last
	// paragraph of running text.
	firstProse, lastProse int32
	tr                    *rules.Trace
	root                  *html.Node
	// typ is the page type (package pagetype): on a listing, blocks of
	// cards and of headline links are its items, not furniture; on a
	// listing or a collection, a block that each of its items repeats (an
	// item's authors, its tags) is part of the item; on a collection, a
	// block holding a grid of priced cards holds its items.
	typ string
	// parts counts, per kind of block (see partKind), the parents holding
	// one; made on first use.
	parts   map[partKind]int
	kinds   []partKind                         // countParts' list of a parent's kinds, reused
	labels  map[string]int                     // label texts of short linked lines, counted on first use
	kickers map[*html.Node]bool                // the article's kickers, found on first use
	tiles   map[*html.Node]map[*html.Node]bool // a parent's priced cards, read on first use (see productTile)
	inline  int                                // lines of inlineLink's shape, -1 until counted (see inlineLines)
}

// Strip removes the page furniture of root, the article subtree of the page
// at pageURL (which may be nil), of page type typ (package pagetype; "" when
// not known), and records each removal in tr. On a listing, blocks of cards
// and of headline links above its last paragraph are its items, and stay;
// on a listing or a collection, so do blocks that each of its items
// repeats (see items).
func Strip(root *html.Node, pageURL *url.URL, typ string, tr *rules.Trace) {
	if root == nil {
		return
	}
	d := &detector{tr: tr, root: root, firstProse: -1, lastProse: -1, inline: -1}
	if pageURL != nil {
		d.host = strings.ToLower(strings.TrimPrefix(pageURL.Hostname(), "www."))
	}
	d.slab = make([]stat, 0, domtext.CountElements(root))
	order := int32(0)
	d.measure(root, &order)
	rs := &d.slab[0]
	if rs.prose < 2*proseWords || float64(rs.prose) < minProseShare*float64(rs.words-rs.linkWords) ||
		float64(rs.prose) < minProseAll*float64(rs.words) {
		// Too little running text to tell furniture from content: an
		// index, a listing, a landing page, whose links are its content.
		return
	}
	// The map is made at its size, once the slab is complete: grown
	// element by element it was a third of winnow's allocations outside
	// the parser and the readability pass, on every page, judged or not.
	d.stats = make(map[*html.Node]*stat, len(d.slab))
	for i := range d.slab {
		d.stats[d.slab[i].node] = &d.slab[i]
	}
	d.typ = typ
	d.walk(root, root)
}

// measure appends the stats of n and its descendants to d.slab, in
// pre-order, and returns the index of n's. It reads them by index: a slab
// grown while it runs stays right.
func (d *detector) measure(n *html.Node, order *int32) int {
	i := len(d.slab)
	d.slab = append(d.slab, stat{order: *order, node: n})
	*order++
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			l, w := counts(c.Data)
			d.slab[i].chars += int32(l)
			d.slab[i].words += int32(w)
		case html.ElementNode:
			ci := d.measure(c, order)
			st, cs := &d.slab[i], &d.slab[ci]
			st.chars += cs.chars
			st.linkChars += cs.linkChars
			st.words += cs.words
			st.linkWords += cs.linkWords
			st.links += cs.links
			st.headlines += cs.headlines
			st.internal += cs.internal
			st.controls += cs.controls
			st.imgs += cs.imgs
			st.shortLinks += cs.shortLinks
			st.prose += cs.prose
		}
	}
	st := &d.slab[i]
	st.end = *order - 1
	if n.Type != html.ElementNode {
		return i
	}
	switch n.DataAtom {
	case atom.A:
		if domtext.Attr(n, "href") != "" && st.words > 0 {
			st.linkChars, st.linkWords = st.chars, st.words
			st.links, st.headlines, st.internal, st.shortLinks = 1, 0, 0, 0
			if st.words >= minHeadline {
				st.headlines = 1
				if d.internalLink(domtext.Attr(n, "href")) {
					st.internal = 1
				}
			} else if st.words <= 2 {
				st.shortLinks = 1
			}
		}
	case atom.Input, atom.Textarea, atom.Button, atom.Select, atom.Form:
		st.controls++
	case atom.Img, atom.Picture, atom.Svg:
		st.imgs++
	case atom.P, atom.Li, atom.Dd, atom.Blockquote, atom.Td:
		if out := st.words - st.linkWords; out >= proseWords && st.prose == 0 {
			d.proseAt(st, out)
		}
	case atom.Div, atom.Section:
		if out := st.words - st.linkWords; out >= proseWords && st.prose == 0 && !hasBlockChild(n) {
			d.proseAt(st, out)
		}
	}
	return i
}

// proseAt marks st, an element's stats, as a paragraph of running text of
// words words outside links.
func (d *detector) proseAt(st *stat, words int32) {
	st.prose = words
	d.lastProse = max(d.lastProse, st.order)
	if d.firstProse < 0 || st.order < d.firstProse {
		d.firstProse = st.order
	}
}

// internalLink reports whether href points to the page's own site.
func (d *detector) internalLink(href string) bool {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return false
	}
	if u.Host == "" {
		return u.Scheme == "" && !strings.HasPrefix(href, "#")
	}
	return d.host != "" && strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") == d.host
}

// walk visits the elements under n top-down and removes those that are
// furniture; a removed element's descendants are not visited.
func (d *detector) walk(root, n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if id, why := d.judge(root, c); id != "" {
				d.remove(c, id, why)
			} else {
				d.walk(root, c)
			}
		}
		c = next
	}
}

// judge returns the rule id and reason when n is furniture.
func (d *detector) judge(root, n *html.Node) (id, why string) {
	st := d.stats[n]
	if st.words == 0 || !d.keepsEnoughProse(root, n) {
		return "", ""
	}
	after := st.order > d.lastProse
	switch {
	case !d.items(n, !after) && d.teaserCards(n, minCards) && d.announced(n, after) && !d.grid(n):
		return IDTeaserCards, "three or more sibling cards of headline links"
	case !d.items(n, !after) && d.teaserCards(n, 2) && d.lexiconHeading(n) && !d.grid(n):
		return IDTeaserCards, "sibling cards of headline links under a heading of the lexicon"
	case !d.items(n, !after && 2*st.headlines >= st.links) && st.links >= minBlockLinks && st.prose == 0 && st.words <= maxBlockWords &&
		float64(st.linkChars) >= blockLinkShare*float64(st.chars) && isContainer(n.DataAtom) && d.announced(n, after) && !d.grid(n):
		return IDLinkBlock, "a block of links with little text outside them"
	case d.relatedLine(n):
		return IDRelatedLine, "a short label and a link to another story of the site"
	case d.inlineLink(n):
		return IDRelatedLine, "a line of one link to another story of the site between two paragraphs of the story"
	case d.isKicker(n):
		return IDKicker, "a section label or breadcrumb above the body: links to the site's own pages and nothing else"
	case after && d.headingLike(n) && st.links == 0 && d.lastText(root, n) && matches(textOf(n), "related"):
		return IDHeading, "a heading of the lexicon that ends the article"
	}
	if st.words <= maxWidgetWords && st.prose == 0 && isContainer(n.DataAtom) {
		// productTile is asked last: it reads the cards around n.
		switch {
		case st.controls > 0 && (hasWord(textOf(n), "widget") || classSays(n)) && !d.productTile(n):
			return IDWidget, "a form of widget words or named for furniture"
		case st.shortLinks >= 3 && st.words <= 20 && float64(st.linkChars) >= 0.6*float64(st.chars) && !d.productTile(n) && !d.items(n, false):
			return IDWidget, "a bar of one-word links"
		case after && d.shortBlocks(n) && hasWord(textOf(n), "widget") && !d.productTile(n):
			return IDWidget, "a box of widget words after the body"
		case after && classSays(n) && d.shortBlocks(n) && !d.productTile(n):
			return IDWidget, "a box named for furniture after the body"
		}
	}
	return "", ""
}

// productTile reports whether n is, or sits in, one of a group of priced
// sibling cards (package pagetype): a product tile of a shop's grid, whose add-to-cart
// form, variant picker and "subscribe and save" option make it look like a
// widget. The cards of a parent are read once, when first asked (the walk
// asks for every child of a grid), and kept in d.tiles.
func (d *detector) productTile(n *html.Node) bool {
	// The tile, or an element inside it (its wrapper, its form), up to
	// tileDepth levels down.
	for a, i := n, 0; a != nil && a.Parent != nil && i < tileDepth; a, i = a.Parent, i+1 {
		if d.pricedCards(a.Parent)[a] {
			return true
		}
	}
	return false
}

// pricedCards returns the children of p that are cards of a group of
// which half or more show a price, nil when p holds no such group.
func (d *detector) pricedCards(p *html.Node) map[*html.Node]bool {
	if set, ok := d.tiles[p]; ok {
		return set
	}
	var set map[*html.Node]bool
	if cards, priced := pagetype.Cards(p, minCards); len(cards) > 0 && 2*priced >= len(cards) {
		set = make(map[*html.Node]bool, len(cards))
		for _, c := range cards {
			set[c] = true
		}
	}
	if d.tiles == nil {
		d.tiles = map[*html.Node]map[*html.Node]bool{}
	}
	d.tiles[p] = set
	return set
}

// grid reports whether n, on a collection, holds the shop's grid: a
// group of priced sibling cards (package pagetype) in n or in an element
// up to gridDepth levels under it. Its linked product names and pictures
// make it look like a block of links; it is what the page offers.
func (d *detector) grid(n *html.Node) bool {
	if d.typ != pagetype.Collection {
		return false
	}
	var in func(n *html.Node, depth int) bool
	in = func(n *html.Node, depth int) bool {
		if d.pricedCards(n) != nil {
			return true
		}
		if depth == gridDepth {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && in(c, depth+1) {
				return true
			}
		}
		return false
	}
	return in(n, 0)
}

// gridDepth: see grid.
const gridDepth = 3

// tileDepth: see productTile.
const tileDepth = 3

// announced reports whether a block of links or cards has a second sign
// of furniture beside its shape (lists of links are content too: references,
// a documentation page's next steps, a table of companies): a heading of the
// lexicon before it or at its top, a class naming furniture on it or an
// ancestor, cards with pictures or dates, or headline links to the site's own
// pages after the body.
func (d *detector) announced(n *html.Node, after bool) bool {
	st := d.stats[n]
	if st.imgs >= minCards || countTag(n, atom.Time) >= minCards {
		return true
	}
	if after && st.headlines >= minCards && st.internal*5 >= st.headlines*4 {
		return true
	}
	if d.lexiconHeading(n) {
		return true
	}
	return d.named(n)
}

// named reports whether n or an ancestor has a class naming furniture.
func (d *detector) named(n *html.Node) bool {
	for a := n; a != nil && a.Type == html.ElementNode; a = a.Parent {
		if classSays(a) {
			return true
		}
	}
	return false
}

// items reports whether n, a block of cards or of links, holds items of
// the page, or is part of one: on a listing, such a block of headline
// links or of cards before the last paragraph of running text (headline is
// set; the judge says which), unless its class or an ancestor's names it
// furniture or a heading of the related lexicon announces it (sidebars
// injected into stories read as listings kept their headlines without
// these two tests: the noise gate's boilerplate left rose to 0.024); on a
// listing or a collection, a block that minParts or more items repeat,
// each in its own parent (an entry's authors, a card's tags), whatever its
// class says, where a footer's columns of links share one parent.
func (d *detector) items(n *html.Node, headline bool) bool {
	if d.typ != pagetype.Listing && d.typ != pagetype.Collection {
		return false
	}
	if d.typ == pagetype.Listing && headline && !d.named(n) && !d.lexiconHeading(n) {
		return true
	}
	if d.parts == nil {
		d.parts = map[partKind]int{}
		d.countParts(d.root)
	}
	return n.Parent != nil && d.parts[kindOf(n)] >= minParts
}

// minParts: see items.
const minParts = 3

// countParts counts in d.parts, for each kind of element under n, the
// parents holding one or more.
func (d *detector) countParts(n *html.Node) {
	// The kinds among n's children, counted once each, in one slice for
	// every parent: n's are counted before its children's are listed.
	kinds := d.kinds[:0]
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			kinds = append(kinds, kindOf(c))
		}
	}
	// Sorted, not searched child by child: a parent of thousands of
	// children of as many classes made that quadratic.
	slices.SortFunc(kinds, partKind.compare)
	for _, k := range slices.Compact(kinds) {
		d.parts[k]++
	}
	d.kinds = kinds
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			d.countParts(c)
		}
	}
}

// partKind is the kind of an element with a parent: its tag and class,
// and its parent's. A struct, not the four joined in a string: that was
// a string built per element of a listing, twice.
type partKind struct{ tag, class, parentTag, parentClass string }

// kindOf returns the kind of n, which has a parent.
func kindOf(n *html.Node) partKind {
	return partKind{n.Data, domtext.Attr(n, "class"), n.Parent.Data, domtext.Attr(n.Parent, "class")}
}

// compare orders kinds field by field.
func (k partKind) compare(o partKind) int {
	return cmp.Or(strings.Compare(k.tag, o.tag), strings.Compare(k.class, o.class),
		strings.Compare(k.parentTag, o.parentTag), strings.Compare(k.parentClass, o.parentClass))
}

// lastText reports whether no text follows n in the article: what it
// announced is gone.
func (d *detector) lastText(root, n *html.Node) bool {
	for a := n; a != nil && a != root; a = a.Parent {
		for c := a.NextSibling; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.ElementNode && d.stats[c].words > 0:
				return false
			case c.Type == html.TextNode && words(c.Data) > 0:
				return false
			}
		}
	}
	return true
}

// lexiconHeading reports whether a heading of the related lexicon stands
// just before n or at its top.
func (d *detector) lexiconHeading(n *html.Node) bool {
	if p := prevElement(n); p != nil && d.headingLike(p) && matches(textOf(p), "related") {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && d.stats[c].words > 0 {
			return d.headingLike(c) && matches(textOf(c), "related")
		}
	}
	return false
}

func countTag(n *html.Node, t atom.Atom) int {
	c := 0
	for d := range n.Descendants() {
		if d.DataAtom == t {
			c++
		}
	}
	return c
}

// keepsEnoughProse reports whether the article keeps at least twice as much
// running text outside n as inside it, and n is not a large part of the
// article: a listing page's items stay.
func (d *detector) keepsEnoughProse(root, n *html.Node) bool {
	in := d.stats[n].prose
	out := d.stats[root].prose - in
	return out >= 2*proseWords && out >= 2*in && float64(d.stats[n].words) <= maxBlockShare*float64(d.stats[root].words)
}

// teaserCards reports whether n's children are mostly cards: at least
// min element children, each with a headline link (or a picture and a
// link), few words and little text outside links; besides them, one
// heading at most.
func (d *detector) teaserCards(n *html.Node, min int) bool {
	if !isContainer(n.DataAtom) && n.DataAtom != atom.Tbody {
		return false
	}
	cards, headings, others := 0, 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && letters(c.Data) > 0 {
			others++
			continue
		}
		if c.Type != html.ElementNode {
			continue
		}
		cs := d.stats[c]
		switch {
		case cs.words == 0:
		case cs.links > 0 && (cs.headlines > 0 || cs.imgs > 0) && cs.words <= maxCardWords &&
			cs.words-cs.linkWords <= maxCardProse && cs.linkChars*5 >= cs.chars && cs.prose == 0:
			cards++
		case headings == 0 && cards == 0 && d.headingLike(c):
			headings++
		default:
			others++
		}
	}
	return cards >= min && others == 0
}

// relatedLine reports whether n is a "read also" line: a short block made
// of a label of a few words and one or two links to the site's own stories,
// the label either a phrase of the lexicon or set apart (bold, a colon, an
// arrow).
func (d *detector) relatedLine(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Blockquote, atom.H4, atom.H5, atom.H6, atom.Aside:
	default:
		return false
	}
	st := d.stats[n]
	if st.words > maxLineWords || st.links == 0 || st.links > 2 || st.internal == 0 || st.linkWords*2 < st.words {
		return false
	}
	label := strings.TrimSpace(labelText(n))
	lw := words(label)
	if lw == 0 || lw > maxLabelWords {
		return false
	}
	if matches(label, "related") {
		return true
	}
	// A label set apart but not of the lexicon counts only when the page
	// does not repeat it: "Pictured:" before every product link is a
	// caption pattern, not a pointer to another story.
	return setApart(n, label) && d.labelRepeats(label) < 3
}

// labelRepeats counts the short linked lines of the article with this label.
func (d *detector) labelRepeats(label string) int {
	if d.labels == nil {
		d.labels = map[string]int{}
		for n := range d.root.Descendants() {
			if n.Type == html.ElementNode && (n.DataAtom == atom.P || n.DataAtom == atom.Div) {
				if st := d.stats[n]; st.links > 0 && st.words <= maxLineWords {
					d.labels[strings.TrimSpace(labelText(n))]++
				}
			}
		}
	}
	return d.labels[label]
}

// setApart reports whether a label is marked as one: it ends in a colon,
// an arrow or a bar, or sits in its own bold, italic or span element.
func setApart(n *html.Node, label string) bool {
	label = strings.TrimSpace(label)
	if r := lastRune(label); strings.ContainsRune(":：»›>|→-–—", r) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom == atom.A {
			continue
		}
		switch c.DataAtom {
		case atom.Strong, atom.B, atom.Span, atom.Em, atom.I, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			// The label in its own element, or the link alone in one.
			if t := strings.TrimSpace(textOf(c)); t == label || onlyLink(c) {
				return true
			}
		}
	}
	return false
}

// onlyLink reports whether n holds a link and nothing else that shows.
func onlyLink(n *html.Node) bool {
	var link *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.A && link == nil:
			link = c
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		default:
			return false
		}
	}
	return link != nil
}

// headingLike reports whether n reads as the heading of a box: a heading
// element, or a short text without links.
func (d *detector) headingLike(n *html.Node) bool {
	st := d.stats[n]
	if st.words == 0 || st.words > maxHeadingWords {
		return false
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header:
		return true
	}
	return st.links <= 1 && st.prose == 0
}

// shortBlocks reports whether n has no sentence-long text outside links.
func (d *detector) shortBlocks(n *html.Node) bool {
	st := d.stats[n]
	return st.words <= 40
}

// remove takes n out of the tree, with a heading just before it that
// announced it.
func (d *detector) remove(n *html.Node, id, why string) {
	prev := prevElement(n)
	d.record(n, id, why)
	parent := n.Parent
	parent.RemoveChild(n)
	if prev != nil && id != IDRelatedLine && id != IDKicker && (d.headingLike(prev) && (isHeading(prev.DataAtom) || matches(textOf(prev), "related"))) {
		d.record(prev, IDHeading, "the heading of furniture removed below it")
		prev.Parent.RemoveChild(prev)
	}
}

func (d *detector) record(n *html.Node, id, why string) {
	if d.tr == nil || !d.tr.Detailed {
		d.tr.Record(id, "article", "remove", "", "") // counted; the details are kept only when detailed
		return
	}
	d.tr.Record(id, "article", "remove", n.Data+": "+why, textOf(n))
}

// classSays reports whether n's class or id names it as furniture.
func classSays(n *html.Node) bool {
	// The class and the id one at a time: no name holds a space to span
	// them.
	return furniture.In(domtext.Attr(n, "class")) || furniture.In(domtext.Attr(n, "id"))
}

// furniture finds furnitureNames.
var furniture = litscan.NewWords(furnitureNames)

// furnitureNames are parts of class names sites give furniture boxes.
var furnitureNames = []string{"share", "social", "newsletter", "subscri", "signup", "cookie", "consent", "gdpr",
	"comment", "author", "bio", "related", "promo", "recommend", "popular", "trending", "widget", "sidebar", "optin", "disqus"}

func isContainer(a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Section, atom.Aside, atom.Ul, atom.Ol, atom.Table, atom.Tbody, atom.Footer, atom.Header,
		atom.Nav, atom.Form, atom.Dl, atom.Article, atom.Figure, atom.Center:
		return true
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header:
		return true
	}
	return false
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Table, atom.Section, atom.Article, atom.Blockquote,
			atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Figure, atom.Aside:
			return true
		}
	}
	return false
}

// prevElement is the element before n among its siblings, nil when text
// that shows comes first.
func prevElement(n *html.Node) *html.Node {
	return adjacentElement(n, func(p *html.Node) *html.Node { return p.PrevSibling })
}

// adjacentElement is the first element of the siblings step walks to from
// n, nil when text that shows comes first.
func adjacentElement(n *html.Node, step func(*html.Node) *html.Node) *html.Node {
	for p := step(n); p != nil; p = step(p) {
		switch {
		case p.Type == html.ElementNode:
			return p
		case p.Type == html.TextNode && strings.TrimSpace(p.Data) != "":
			return nil
		}
	}
	return nil
}

// labelText is the text of n outside its links.
func labelText(n *html.Node) string {
	return textnorm.Collapse(domtext.Gather(n, func(c *html.Node) domtext.Edge {
		if c.DataAtom == atom.A {
			return domtext.Skip
		}
		return domtext.Inline
	}))
}

// textOf is the text of n, collapsed.
func textOf(n *html.Node) string {
	return textnorm.Collapse(domtext.AllText(n))
}

func letters(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return n + lettersUnicode(s[i:])
		}
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			n++
		}
	}
	return n
}

// counts returns letters(s) and words(s), in one pass over ASCII text (the
// two are measured for every text of the page, twice).
func counts(s string) (nLetters, nWords int) {
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return letters(s), words(s)
		}
		w := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if w {
			nLetters++
			if !in {
				nWords++
			}
		}
		in = w
	}
	return nLetters, nWords
}

// lettersUnicode is letters rune by rune, past an ASCII prefix.
func lettersUnicode(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

// unspaced are the scripts written without spaces between words, whose
// runs of letters hold many words.
var unspaced = []*unicode.RangeTable{unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan}

// words counts the words of s as textnorm.Words does (each ideograph and
// kana a word), and a run of letters of a script written without spaces
// (Thai, Lao, Khmer, Myanmar) as one word per five letters, so that a Thai
// paragraph is not a handful of "words".
func words(s string) int {
	n := textnorm.Words(s)
	if !hasRuneFrom0800(s) {
		return n // no unspaced script: they all lie above U+0E00
	}
	run := 0
	flush := func() {
		if run >= 10 {
			n += run/5 - 1
		}
		run = 0
	}
	for _, r := range s {
		if r >= 0x0E00 && unicode.In(r, unspaced...) {
			run++
			continue
		}
		flush()
	}
	flush()
	return n
}

// hasRuneFrom0800 reports whether s holds a rune at or above U+0800 (a
// three- or four-byte sequence, whose first byte is 0xE0 or more).
func hasRuneFrom0800(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE0 {
			return true
		}
	}
	return false
}
