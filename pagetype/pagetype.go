// Package pagetype tells what kind of page a document is (an article, a
// forum thread, a product, a collection of products, a listing, a piece of
// documentation, a service page) from its schema.org data (JSON-LD and
// microdata), its Open Graph type and its structure. Extraction needs it:
// comments are boilerplate under an article and the content of a thread; a
// list of linked titles is a sidebar next to a story and the content of a
// listing.
//
// Hand-written: no maintained Go library classifies pages; the signals are
// the vocabulary schema.org and Open Graph define, and counts of elements.
package pagetype

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/htmltable"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The page types, as WCXB names them.
const (
	Article       = "article"
	Forum         = "forum"
	Product       = "product"
	Collection    = "collection"
	Listing       = "listing"
	Documentation = "documentation"
	Service       = "service"
)

// All returns every page type, in WCXB's order.
func All() []string {
	return []string{Article, Forum, Product, Collection, Listing, Documentation, Service}
}

// Valid reports whether t names a page type.
func Valid(t string) bool {
	switch t {
	case Article, Forum, Product, Collection, Listing, Documentation, Service:
		return true
	}
	return false
}

// evidence is what Detect reads from a page.
type evidence struct {
	types  map[string]int // schema.org types, JSON-LD and microdata, by local name
	top    map[string]int // JSON-LD types of top-level entities (not items of a list)
	og     string         // og:type, lower case
	pres   int            // <pre> blocks
	times  int            // <time> elements
	prices int            // elements marked itemprop=price
	buys   int            // buy controls (see buyControl)
	art    articleCounts
	prose  proseRun
	group  itemGroupSize
	card   cardGroupSize
	table  tableSize
	// priced is the largest group of sibling cards of which half or more
	// show a price: a shop's grid, which a larger group of unpriced
	// cards (a menu of categories, a row of swatches) may outnumber.
	priced cardGroupSize
	// comments and text: the page's text in bytes held by elements
	// marked up as schema.org Comments, and all of it (read only on a
	// page with minComments of them).
	comments, text int
}

// minComments is how many schema.org Comments a thread shows at least.
const minComments = 3

// commentText returns the text, in bytes, of n's subtree that elements
// marked up (microdata) as schema.org Comments hold, and all of its
// text, scripts and styles left out; in says n is inside a Comment.
func commentText(n *html.Node, in bool) (comments, all int) {
	if n.Type == html.TextNode {
		t := len(strings.TrimSpace(n.Data))
		if in {
			return t, t
		}
		return 0, t
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template:
		return 0, 0
	}
	if !in && n.Type == html.ElementNode {
		for f := range strings.FieldsSeq(domtext.Attr(n, "itemtype")) {
			in = in || local(f) == "Comment"
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cm, a := commentText(c, in)
		comments += cm
		all += a
	}
	return comments, all
}

// articleCounts count a page's <article> elements.
type articleCounts struct {
	all   int // every one
	short int // with little text: teaser cards
	long  int // holding an article's text
}

// proseRun is what the page holds of paragraphs of prose.
type proseRun struct {
	long int // paragraphs of at least longPara bytes
	run  int // the most such paragraphs under one parent: a story's body
	text int // the text of the paragraphs under that parent
}

// itemGroupSize is the largest group of sibling items (see itemGroup).
type itemGroupSize struct {
	items  int
	text   int // their text
	priced int // how many of the items show a price
}

// tableSize is the page's longest data table (see dataRows) outside the
// page's furniture: its rows and its text.
type tableSize struct {
	rows, text int
}

// cardGroupSize is the largest group of sibling cards (see cardGroup).
type cardGroupSize struct {
	cards  int
	priced int // how many of those cards show a price
}

// Sizes, in bytes of text, that tell cards, paragraphs and articles apart.
const (
	cardText = 400  // a card (teaser, product tile) holds less
	longPara = 200  // a paragraph of prose holds more
	longArt  = 1500 // an <article> holding a story holds more
	maxPara  = 4000 // a paragraph's text is counted no further
	maxItem  = 1500 // an item of a listing holds less
	minTitle = 15   // an item's title link holds more
)

// Detect returns the page type of doc, whose URL is u (may be nil). A page
// no markup claims (read as an article, a listing or a service page) whose
// address is a forum thread's is a forum (see thread).
func Detect(doc *html.Node, u *url.URL) string {
	ev := read(doc)
	if ev.types["Comment"] >= minComments {
		ev.comments, ev.text = commentText(doc, false)
	}
	return thread(ev.decide(u), u)
}

// read gathers the evidence of doc in one walk.
func read(doc *html.Node) evidence {
	ev := evidence{types: map[string]int{}, top: map[string]int{}}
	ev.walk(doc, map[*html.Node]int{}, map[*html.Node]int{}, true)
	return ev
}

// walk reads the elements under root into ev; runs and runText count the
// long paragraphs under each parent and their text. When noscript is set,
// the markup a <noscript> holds (the page as served to crawlers: whole
// forum threads, product grids) is parsed and read too.
func (ev *evidence) walk(root *html.Node, runs, runText map[*html.Node]int, noscript bool) {
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Noscript:
			if noscript {
				if frag := parseNoscript(n); frag != nil {
					ev.walk(frag, runs, runText, false)
				}
			}
		case atom.Script:
			if raw := domtext.JSONLD(n); raw != "" {
				var v any
				if json.Unmarshal([]byte(raw), &v) == nil || json.Unmarshal(escapeControls(raw), &v) == nil {
					ev.readLD(v, true)
				}
			}
		case atom.Meta:
			if domtext.Attr(n, "property") == "og:type" || domtext.Attr(n, "name") == "og:type" {
				ev.og = strings.ToLower(strings.TrimSpace(domtext.Attr(n, "content")))
			}
		case atom.Article:
			ev.art.all++
			switch t := textLen(n, longArt); {
			case t < cardText:
				ev.art.short++
			case t >= longArt:
				ev.art.long++
			}
		case atom.P:
			if t := textLen(n, maxPara); t >= longPara {
				ev.prose.long++
				runs[n.Parent]++
				runText[n.Parent] += t
				if runText[n.Parent] > ev.prose.text {
					ev.prose.run, ev.prose.text = runs[n.Parent], runText[n.Parent]
				}
			}
		case atom.Pre:
			ev.pres++
		case atom.Table:
			if r := dataRows(n); r > ev.table.rows && !furnished(n) {
				ev.table = tableSize{rows: r, text: textLen(n, 1<<30)}
			}
		case atom.Time:
			ev.times++
		}
		if t := domtext.Attr(n, "itemtype"); t != "" {
			for f := range strings.FieldsSeq(t) {
				ev.types[local(f)]++
			}
		}
		if domtext.Attr(n, "itemprop") == "price" {
			ev.prices++
		}
		if buyControl(n) {
			ev.buys++
		}
		if cards, priced := cardGroup(n); cards > 0 {
			if cards > ev.card.cards {
				ev.card.cards, ev.card.priced = cards, priced
			}
			if 2*priced >= cards && cards > ev.priced.cards {
				ev.priced.cards, ev.priced.priced = cards, priced
			}
		}
		if items, text, priced := itemGroup(n); text > ev.group.text {
			ev.group = itemGroupSize{items: items, text: text, priced: priced}
		}
	}
}

// minNoscript is the markup a <noscript> must hold to be read: less is a
// tracking pixel or a "please enable JavaScript" line.
const minNoscript = 1000

// parseNoscript returns the markup n holds, parsed under a new element that
// belongs to no document, or nil when it holds little or no markup.
func parseNoscript(n *html.Node) *html.Node {
	t := n.FirstChild
	if t == nil || t.Type != html.TextNode || t.NextSibling != nil || len(t.Data) < minNoscript || !strings.Contains(t.Data, "<") {
		return nil
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(t.Data), body)
	if err != nil {
		return nil
	}
	for _, c := range nodes {
		body.AppendChild(c)
	}
	return body
}

// escapeControls returns raw with the control characters that stand
// unescaped inside its JSON strings (a description's line breaks and tabs,
// pasted as they were typed) escaped: JSON forbids them, but the block
// says what it says. Outside strings they are whitespace and stay.
func escapeControls(raw string) []byte {
	b := make([]byte, 0, len(raw)+16)
	in, esc := false, false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case esc:
			esc = false
		case in && c == '\\':
			esc = true
		case c == '"':
			in = !in
		case in && c < 0x20:
			b = append(b, fmt.Sprintf("\\u%04x", c)...)
			continue
		}
		b = append(b, c)
	}
	return b
}

// readLD collects the @type of every entity of a JSON-LD value; top says
// whether v is a top-level entity (the document, or an item of @graph).
func (ev *evidence) readLD(v any, top bool) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			ev.readLD(e, top)
		}
	case map[string]any:
		for _, t := range typeNames(x["@type"]) {
			ev.types[t]++
			if top {
				ev.top[t]++
			}
		}
		for k, e := range x {
			switch k {
			case "@graph":
				ev.readLD(e, true)
			case "mainEntity":
				ev.readLD(e, top)
			case "@type":
			default:
				if _, ok := e.(map[string]any); ok {
					ev.readLD(e, false)
				} else if _, ok := e.([]any); ok {
					ev.readLD(e, false)
				}
			}
		}
	}
}

func typeNames(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{local(x)}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, local(s))
			}
		}
		return out
	}
	return nil
}

// local is a schema.org type's local name: "http://schema.org/Product" and
// "schema:Product" are "Product".
func local(t string) string {
	t = strings.TrimRight(strings.TrimSpace(t), "/")
	if i := strings.LastIndexAny(t, "/:#"); i >= 0 {
		t = t[i+1:]
	}
	return t
}

func (ev *evidence) has(names ...string) int {
	n := 0
	for _, name := range names {
		n += ev.types[name]
	}
	return n
}

// decide reads the evidence as one ordered list of tests, the first that
// holds naming the type (what the markup claims, then the thread shape of
// the address, then structure). It runs past 80 lines because the order is
// the decision: split into parts, a reader would have to put it together.
func (ev *evidence) decide(u *url.URL) string {
	articleLD := ev.has("Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "LiveBlogPosting", "OpinionNewsArticle", "AnalysisNewsArticle", "ReportageNewsArticle")
	// A page that says it is an article is one: the cards around a story
	// are its sidebar, not a listing.
	// og:type article alone is what many publishing systems say of every
	// page, their archives of teaser <article>s included.
	teasers := ev.art.short >= 5 && ev.art.short*4 >= ev.art.all*3
	// Long paragraphs make a story when some of them run together: a
	// service page's sections (a feature, a benefit, a step each under
	// its heading) hold as many, one or two under each parent.
	story := articleLD > 0 || ev.og == "article" && !teasers || ev.art.long > 0 || ev.prose.long >= 8 && ev.prose.run >= storyRun
	// Items that hold more text than the page's longest run of
	// paragraphs, on a page no article markup claims: its paragraphs
	// (a category's blurb, its FAQ) sit beside the grid, not around it.
	tiles := articleLD == 0 && ev.group.text > ev.prose.text
	switch {
	// Comments under a story hold a part of its page's text (an eighth
	// or a sixth on AEB's news pages that mark them up); the replies of a
	// thread whose opening post is marked up as an Article hold most of
	// it (three fifths or more on WCXB dev).
	case ev.has("DiscussionForumPosting", "QAPage") > 0 || ev.types["Comment"] >= minComments && (articleLD == 0 || 2*ev.comments >= ev.text):
		return Forum
	case ev.has("TechArticle", "APIReference", "SoftwareSourceCode") > 0 && ev.has("NewsArticle", "BlogPosting") == 0:
		return Documentation
	case ev.top["Product"]+ev.top["ProductGroup"] > 0 && ev.types["Product"] <= 2 && articleLD == 0,
		// One ProductGroup on top: one product offered in its variants
		// (sizes, colours), each marked up as a Product of the group.
		ev.top["ProductGroup"] == 1 && articleLD == 0,
		// One product offered in microdata: a product page whose grid
		// of other items (recommendations, bundles) would read as a
		// listing; a collection marks up every item it offers.
		ev.types["Product"] == 1 && ev.types["Offer"] > 0 && articleLD == 0:
		return Product
	// Open Graph's product.group is a group of products: a collection.
	case ev.og == "product.group" || ev.og == "product:group":
		return Collection
	// og:type product alone, on a page that marks up no product or
	// offer and shows no buy control, over a grid of priced cards: a
	// shop's category page whose system names every page a product.
	case strings.Contains(ev.og, "product") && !ev.unclaimedGrid():
		return Product
	case ev.has("CollectionPage", "OfferCatalog", "SearchResultsPage") > 0 && ev.types["Product"]+ev.prices >= 2,
		ev.types["Product"]+ev.prices >= 4 && articleLD == 0,
		// A grid of priced cards is the content of a page that tells no
		// story, or whose only claim to one is og:type article (no
		// article markup, no long <article>, no two long paragraphs
		// under one parent): a shop's category page whose system calls
		// every page an article, its blurb one paragraph.
		ev.priced.cards >= minCards && (!story || tiles || articleLD == 0 && ev.art.long == 0 && ev.prose.run < 2),
		// Product tiles too long to read as cards (swatches, ratings,
		// attributes), most of them priced.
		ev.group.items >= minCards && 2*ev.group.priced >= ev.group.items && (!story || tiles):
		return Collection
	// A page that no schema.org markup claims and that tells no story,
	// with one buy box (a few controls named for adding to the cart):
	// one product, whatever its groups of items (recommendations,
	// reviews, bundles) say. A shop's grid has a control on every tile.
	// WCXB dev: two product pages more read right, product 0.653 ->
	// 0.656, other types unchanged.
	case ev.buys > 0 && ev.buys <= maxBuys && len(ev.types) == 0 && !story && !teasers:
		return Product
	case ev.grid() && articleLD == 0,
		// Teaser <article>s, none holding a story, no run of
		// paragraphs, and article markup for many of them (one
		// BlogPosting per teaser): an archive or a blog's front page.
		// A page marking up fewer articles keeps them as its story's
		// furniture (the noise gate's boilerplate rose to 0.0066
		// without the count).
		teasers && ev.art.long == 0 && ev.prose.run < storyRun && articleLD >= minItems,
		// A page whose schema.org type is CollectionPage and that no
		// article markup claims lists what it collects, whatever its
		// paragraphs (descriptions, FAQs) or og:type say.
		ev.types["CollectionPage"] > 0 && articleLD == 0:
		return Listing
	case articleLD > 0 && ev.art.long == 0 && ev.tableList():
		return Listing
	// og:type article over a group of cards, on a page that holds not
	// one long paragraph, no article markup and no long <article>:
	// what a publishing system says of every page, its indexes too. A
	// manual's page (under a documentation host or path) keeps its
	// menus of links as furniture.
	case story && articleLD == 0 && ev.art.long == 0 && ev.prose.long == 0 && ev.card.cards >= minCards && !docPath(u):
		return Listing
	case story:
	case teasers, ev.has("ItemList", "CollectionPage", "Blog") > 0,
		ev.card.cards >= minCards && ev.prose.long < 3:
		return Listing
	}
	switch {
	case docPath(u) && (ev.pres > 0 || !story):
		// A page under a documentation host or path that shows code, or
		// that no article markup claims: a manual's page reads as prose.
		return Documentation
	case story || ev.art.all > 0 || ev.times > 0:
		return Article
	case ev.pres >= 3:
		return Documentation
	}
	return Service
}

// unclaimedGrid reports whether the page shows a group of priced cards
// (minCards or more, half of them priced) and nothing of one product's
// buy box: no schema.org Product or Offer, no itemprop=price, no buy
// control. A product page's own offer is marked up or bought by a control;
// its recommendations alone make no such page.
func (ev *evidence) unclaimedGrid() bool {
	return ev.priced.cards >= minCards && ev.types["Product"]+ev.types["Offer"]+ev.prices+ev.buys == 0
}

// dataRows counts the rows of table n (not of the tables inside it) that
// hold two cells or more: a data table's records, not a layout's slots.
func dataRows(n *html.Node) int {
	rows := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Thead, atom.Tbody, atom.Tfoot:
			rows += dataRows(c)
		case atom.Tr:
			if len(htmltable.Cells(c)) >= 2 {
				rows++
			}
		}
	}
	return rows
}

// tableList reports whether the page's main text is one long data table
// (minRows records or more, holding gridText of text and gridRatio times
// the text of the longest run of paragraphs): a list set out as a table,
// which the article markup an encyclopedia or a publishing system puts on
// every page does not make a story.
func (ev *evidence) tableList() bool {
	return ev.table.rows >= minRows && ev.table.text >= gridText && ev.table.text > gridRatio*ev.prose.text
}

// minRows is how many records make a table a list.
const minRows = 50

// storyRun is how many long paragraphs under one parent make a page of
// long paragraphs a story. Measured on WCXB dev (page types through
// clean): 26 service pages more and 12 articles fewer read right, page
// type accuracy 0.732 -> 0.744, word F1 on service pages 0.835 -> 0.840,
// on articles unchanged.
const storyRun = 4

// grid reports whether the page's main text is a group of items (teasers,
// search results, tiles) rather than a run of paragraphs: the items hold
// at least gridText and gridRatio times the text of the longest run.
func (ev *evidence) grid() bool {
	return ev.group.items >= minItems && ev.group.text >= gridText && ev.group.text > gridRatio*ev.prose.text
}

// The least text of a listing's items, and how much more text than the
// page's longest run of paragraphs they must hold. A ratio of 3, not 4:
// WCXB dev word F1 forum 0.812 -> 0.814, listing 0.715 -> 0.716,
// documentation 0.927 -> 0.929, other types unchanged (page type accuracy
// 0.761 -> 0.757: pages read as listings whose text came out the same).
const (
	gridText  = 1000
	gridRatio = 3
)

// docPath reports whether the URL's path or host names documentation.
func docPath(u *url.URL) bool {
	if u == nil {
		return false
	}
	if strings.HasPrefix(u.Host, "docs.") || strings.HasPrefix(u.Host, "developer.") {
		return true
	}
	for seg := range strings.SplitSeq(strings.ToLower(u.Path), "/") {
		switch seg {
		case "docs", "doc", "documentation", "reference", "api", "manual", "guide", "guides", "tutorial", "tutorials":
			return true
		}
	}
	return false
}

// textLen returns the length of n's text, counting no further than limit.
func textLen(n *html.Node, limit int) int {
	t := 0
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			t += len(strings.TrimSpace(d.Data))
			if t >= limit {
				return t
			}
		}
	}
	return t
}

// minCards is how many sibling cards make a listing.
const minCards = 6

// cardGroup returns how many children of n are cards, when they form a
// group of at least minCards, and how many of them show a price.
func cardGroup(n *html.Node) (cards, priced int) {
	cs, priced := Cards(n, minCards)
	return len(cs), priced
}

// Cards returns the children of n that are cards, when they form a group:
// at least min element children of one tag and class, each a tile (not a
// paragraph, a third or more of its text in a link) with less than cardText
// of text (a teaser, a product tile); and how many of
// them show a price (a currency sign next to a digit). nil when n holds no
// such group.
func Cards(n *html.Node, min int) (cards []*html.Node, priced int) {
	kind := groupKind(n, min)
	if kind == nil {
		return nil, 0
	}
	for c := kind; c != nil; c = c.NextSibling {
		if !sameKind(kind, c) {
			continue
		}
		text, tile, price := cardInfo(c)
		if !tile || text >= cardText || c.DataAtom == atom.P {
			continue
		}
		cards = append(cards, c)
		if price {
			priced++
		}
	}
	if len(cards) < min {
		return nil, 0
	}
	return cards, priced
}

// groupKind returns the first child of n of the most common kind (tag and
// class) among its children, when at least min children are of it; nil
// otherwise.
func groupKind(n *html.Node, min int) *html.Node {
	elems := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			elems++
		}
	}
	if elems < min {
		return nil
	}
	if kind, most := commonKind(n, elems); most >= min {
		return kind
	}
	return nil
}

// commonKind returns the most common kind (tag and class) among the
// children of n, of which elems are elements, and how many children are of
// it; counted without allocating. A group's kind is among its first few
// children, so only theirs are counted.
func commonKind(n *html.Node, elems int) (kind *html.Node, most int) {
	tried := 0
	for c := n.FirstChild; c != nil && tried < 8; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		tried++
		k := 0
		for d := c; d != nil; d = d.NextSibling {
			if sameKind(c, d) {
				k++
			}
		}
		if k > most {
			kind, most = c, k
		}
		if 2*most > elems {
			break
		}
	}
	return kind, most
}

// sameKind reports whether two elements have one tag and one class.
func sameKind(a, b *html.Node) bool {
	return b.Type == html.ElementNode && a.Data == b.Data && domtext.Attr(a, "class") == domtext.Attr(b, "class")
}

// cardInfo reads one card: its text length (up to cardText), whether it
// is a tile (a link holds a third of its text or more, or the card is
// priced and its only links hold no text: a product tile whose link
// overlays the picture while its name and price sit beside it) and whether its text shows a
// price. What the card does not show (dialogs, menus, hidden elements,
// buttons) is not its text.
func cardInfo(c *html.Node) (text int, tile, price bool) {
	linked := 0
	prev := ' ' // the last non-space character of the card's text so far
	href := c.DataAtom == atom.A && domtext.Attr(c, "href") != ""
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		for d := n.FirstChild; d != nil && text < cardText; d = d.NextSibling {
			switch d.Type {
			case html.ElementNode:
				if unshown(d) {
					continue
				}
				a := d.DataAtom == atom.A && domtext.Attr(d, "href") != ""
				href = href || a
				walk(d, inLink || a)
			case html.TextNode:
				t := strings.TrimSpace(d.Data)
				text += len(t)
				if inLink {
					linked += len(t)
				}
				if !price {
					price, prev = priceIn(t, prev)
				}
			}
		}
	}
	walk(c, href)
	return text, linked > 0 && 3*linked >= text || price && href && linked == 0, price
}

// unshown reports whether a card's element is not part of what the card
// shows: a dialog or menu it opens, a button, a hidden element.
func unshown(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Dialog, atom.Button, atom.Script, atom.Style, atom.Template:
		return true
	}
	switch strings.ToLower(domtext.Attr(n, "role")) {
	case "dialog", "alertdialog", "menu":
		return true
	}
	return domtext.IsHidden(n)
}

// HasPrice reports whether s shows a price: a currency sign next to a
// digit ("$19.99", "19,99 €").
func HasPrice(s string) bool {
	p, _ := priceIn(s, ' ')
	return p
}

// priceIn reports whether s, after text whose last non-space character is
// prev, shows a currency sign next to a digit, and returns the last
// non-space character of s (prev when s has none): a price whose sign and
// amount sit in separate elements ("<span>$</span><span>79</span>") is
// read across them.
func priceIn(s string, prev rune) (bool, rune) {
	if !isCurrency(prev) {
		// ASCII text without '$' holds no currency sign: no price starts
		// in it. Most card text is such; a byte scan settles it.
		i := 0
		for i < len(s) && s[i] < utf8.RuneSelf && s[i] != '$' {
			i++
		}
		if i == len(s) {
			for j := len(s) - 1; j >= 0; j-- {
				if c := s[j]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
					return false, rune(c)
				}
			}
			return false, prev
		}
	}
	return priceInRunes(s, prev)
}

// priceInRunes is priceIn read rune by rune, without the fast path for
// ASCII text (FuzzPriceIn holds the two to the same answers).
func priceInRunes(s string, prev rune) (bool, rune) {
	for _, r := range s {
		switch {
		case isCurrency(r) && prev >= '0' && prev <= '9',
			r >= '0' && r <= '9' && isCurrency(prev):
			return true, r
		}
		if r != ' ' && r != '\u00a0' && r != '\n' && r != '\t' && r != '\r' {
			prev = r
		}
	}
	return false, prev
}

func isCurrency(r rune) bool {
	switch r {
	case '$', '€', '£', '¥', '₹', '₩', '₽', '₫', '฿', '₺', '₪', '₱', '₦':
		return true
	}
	return false
}

// minItems is how many sibling items make a listing.
const minItems = 5

// itemGroup returns how many children of n are items of a listing, when
// they form a group of at least minItems outside the page's furniture, and
// their text, and how many of them show a price. An item is a child of the
// group's kind (tag and class) with less than maxItem of text, one of its
// links holding a title (minTitle bytes or more): a teaser with its summary, date or price, a search
// result, a product tile. Menus fail by their short link texts, stories by
// their long text.
func itemGroup(n *html.Node) (items, text, priced int) {
	kind := groupKind(n, minItems)
	if kind == nil || kind.DataAtom == atom.P || kind.DataAtom == atom.Tr || kind.DataAtom == atom.Option {
		return 0, 0, 0
	}
	for c := kind; c != nil; c = c.NextSibling {
		if !sameKind(kind, c) {
			continue
		}
		t, title, price := itemInfo(c)
		if title && t < maxItem {
			items++
			text += t
			if price {
				priced++
			}
		}
	}
	if items < minItems || furnished(n) {
		return 0, 0, 0
	}
	return items, text, priced
}

// itemInfo returns the text of one item (up to maxItem), whether one of
// its links holds a title and whether its text shows a price.
func itemInfo(c *html.Node) (text int, title, price bool) {
	prev := ' '
	var walk func(n *html.Node) int
	walk = func(n *html.Node) int {
		own := 0
		for d := n.FirstChild; d != nil && text < maxItem; d = d.NextSibling {
			switch d.Type {
			case html.ElementNode:
				if unshown(d) {
					continue
				}
				t := walk(d)
				if d.DataAtom == atom.A && t >= minTitle {
					title = true
				}
				own += t
			case html.TextNode:
				t := len(strings.TrimSpace(d.Data))
				text += t
				own += t
				if !price {
					price, prev = priceIn(d.Data, prev)
				}
			}
		}
		return own
	}
	t := walk(c)
	if c.DataAtom == atom.A && t >= minTitle {
		title = true
	}
	return text, title, price
}

// furnished reports whether n sits in the page's furniture: navigation, a
// site header or footer, a sidebar.
func furnished(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch p.DataAtom {
		case atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Menu:
			return true
		}
		switch strings.ToLower(domtext.Attr(p, "role")) {
		case "navigation", "banner", "contentinfo", "complementary", "menu", "menubar":
			return true
		}
	}
	return false
}

// maxBuys is the most buy controls one product's buy box shows (its add
// to cart, the same in a sticky bar, a form around them; a marketplace's
// buy now, and again for a new and a used offer). At 3, a marketplace's
// book page (six controls) read as a service page and kept its customer
// reviews: WCXB dev product 0.6685 -> 0.6707, other types and their
// page-type accuracy unchanged.
const maxBuys = 6

// buyControl reports whether n is a control that puts a product in the
// cart: a button, an input or a form whose id, name or class says so
// ("add-to-cart", "addToCart", "add_to_bag"), as shops' code names them
// whatever the page's language. Links are left out: a service page's
// "buy now" links to its plans.
func buyControl(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Button, atom.Input, atom.Form:
	default:
		return false
	}
	for _, a := range n.Attr {
		if a.Key != "id" && a.Key != "name" && a.Key != "class" {
			continue
		}
		v := strings.Map(cartRune, a.Val)
		if strings.Contains(v, "addtocart") || strings.Contains(v, "addtobag") || strings.Contains(v, "addtobasket") {
			return true
		}
	}
	return false
}

// cartRune lower-cases r and drops the separators of names ("add-to-cart",
// "add_to_cart", "AddToCart" read alike).
func cartRune(r rune) rune {
	switch r {
	case '-', '_', ' ':
		return -1
	}
	return unicode.ToLower(r)
}

// PricedTile reports whether c is a card of a group (see Cards) that shows
// a price: a tile of less than cardText of text. A carousel marks some of
// its cards with a class of their own (the one in view, every third), so
// that only its most common kind makes the group Cards returns.
func PricedTile(c *html.Node) bool {
	text, tile, price := cardInfo(c)
	return tile && price && text < cardText && c.DataAtom != atom.P
}
