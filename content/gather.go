package content

import (
	"strings"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/pagetype"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minPartText is the text, outside links, an <article> or schema.org body
// needs to count as a part of the content (a post, an article) rather than
// a teaser card or a widget.
const minPartText = 200

// proseShare is the share of its parent's prose an element must hold for
// the prose candidate to descend into it.
const proseShare = 0.8

// Gather returns the structural candidates of the page doc, of type typ,
// measured now, before the readability pass changes the page: main (the
// <main> element or role=main), article (the smallest element holding every
// <article> of some length: the posts of a thread, the parts of a story;
// on a forum the elements a post's id names too, see postID),
// schema (the same for schema.org articleBody and post text), prose (the
// smallest element holding most of the page's prose), on a product page
// table (the table whose cell the prose candidate is, see cellTable) and
// body (the whole page without its furniture). A candidate naming the same element as an
// earlier one is left out.
//
// Only the candidate with the best Score is rendered into blocks (the body
// too when no candidate scores), as only it can win against readability's
// article; all are rendered when all is set (to explain what was dropped).
func Gather(doc *html.Node, typ string, all bool) []Candidate {
	body := domtext.First(doc, atom.Body)
	if body == nil {
		return nil
	}
	f := ForType(typ)
	var mains, articles, schema []*html.Node
	for n := range body.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if c := domtext.Attr(n, "aria-controls"); c != "" && opens(n) {
			if f.Panels == nil {
				f.Panels = map[string]bool{}
			}
			for id := range strings.FieldsSeq(c) {
				f.Panels[id] = true
			}
		}
		switch {
		case n.DataAtom == atom.Main || strings.EqualFold(domtext.Attr(n, "role"), "main"):
			mains = append(mains, n)
		case n.DataAtom == atom.Article, typ == pagetype.Forum && postID(domtext.Attr(n, "id")):
			articles = append(articles, n)
		}
		switch domtext.Attr(n, "itemprop") {
		case "articleBody", "text", "mainContentOfPage":
			schema = append(schema, n)
		}
	}
	f = f.withFacets(body)
	t := f.measureTree(body)
	var out []Candidate
	add := func(name string, n *html.Node) {
		if n == nil {
			return
		}
		for _, c := range out {
			if c.Node == n {
				return
			}
		}
		out = append(out, Candidate{Name: name, Node: n, Stats: t.stats[n]})
	}
	for _, m := range mains {
		if t.shown(m) {
			add("main", m)
			break
		}
	}
	add("article", common(t.parts(articles)))
	add("schema", common(t.parts(schema)))
	pr := t.prose(body)
	add("prose", pr)
	if typ == pagetype.Product {
		add("table", cellTable(pr))
	}
	add("body", body)
	best, bestScore := -1, 0.0
	for i, c := range out {
		if s := Score(c, typ); s > bestScore {
			best, bestScore = i, s
		}
	}
	skip := f.skip(t)
	for i := range out {
		if all || i == best || typ == pagetype.Listing && out[i].Name != "body" || best < 0 && out[i].Name == "body" || best >= 0 && (domtext.Contains(out[best].Node, out[i].Node) || out[i].Name != "body" && domtext.Contains(out[i].Node, out[best].Node)) {
			out[i].Blocks = block.FromHTMLSkip(out[i].Node, skip)
			if typ == pagetype.Listing || typ == pagetype.Collection {
				out[i].Blocks = t.withIntro(body, out[i], skip)
			}
		}
	}
	return out
}

// opens reports whether a control opens a panel in place (a disclosure
// button, a tab), rather than a menu, a list box or a dialog.
func opens(n *html.Node) bool {
	switch strings.ToLower(domtext.Attr(n, "aria-haspopup")) {
	case "", "false":
	default:
		return false
	}
	return strings.EqualFold(domtext.Attr(n, "role"), "tab") || domtext.HasAttr(n, "aria-expanded")
}

// parts keeps the nodes that are shown, not inside another of them, and
// hold at least minPartText of text outside links.
func (t tree) parts(ns []*html.Node) []*html.Node {
	var out []*html.Node
	for _, n := range ns {
		if !t.shown(n) || len(out) > 0 && domtext.Contains(out[len(out)-1], n) {
			continue
		}
		if t.stats[n].Text >= minPartText {
			out = append(out, n)
		}
	}
	return out
}

// shown reports whether n was measured: neither furniture nor inside any.
func (t tree) shown(n *html.Node) bool {
	_, ok := t.stats[n]
	return ok
}

// common returns the deepest element holding every node of ns, nil for none.
func common(ns []*html.Node) *html.Node {
	if len(ns) == 0 {
		return nil
	}
	c := ns[0]
	for _, n := range ns[1:] {
		for c != nil && !domtext.Contains(c, n) {
			c = c.Parent
		}
	}
	return c
}

// prose descends from body into the child holding the most prose while that
// child holds at least proseShare of it: the tightest wrapper around the
// bulk of the page's text, as trafilatura's scored container.
func (t tree) prose(body *html.Node) *html.Node {
	n, text := body, t.stats[body].Text
	for text > 0 {
		var best *html.Node
		bestText := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if tc := t.stats[c].Text; c.Type == html.ElementNode && tc > bestText {
				best, bestText = c, tc
			}
		}
		if best == nil || float64(bestText) < proseShare*float64(text) {
			return n
		}
		n, text = best, bestText
	}
	return n
}

// cellTable returns the table whose cell n is (n a <td> or <th>), nil
// when n is none: on a product page the prose candidate ends in one cell
// of a specification table when one of its values is a paragraph (the
// product's features), and the table of the product's specifications,
// that cell among them, is the product's text.
func cellTable(n *html.Node) *html.Node {
	if n == nil || n.DataAtom != atom.Td && n.DataAtom != atom.Th {
		return nil
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Table {
			return p
		}
	}
	return nil
}
