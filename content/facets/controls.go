package facets

import (
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// controlWords is the words a drop-down's toolbar shows at most beside its
// options: a label and the choice in view ("Sort by: Best selling", "View:
// 36"), a count of the items ("1-24 items of 33").
const controlWords = 8

// control returns the toolbar of a drop-down (a <select>: a sort order,
// the items per page) under root: its widest ancestor below root holding
// at most controlWords words outside drop-downs, no pictures and no link;
// nil when even its parent holds more. The items it orders each show a
// picture or a link, so the climb stops below them.
func control(sel, root *html.Node) *html.Node {
	var box *html.Node
	for p := sel.Parent; p != nil && p != root; p = p.Parent {
		if images(p) > 0 || linked(p) || shownWords(p, controlWords+1) > controlWords {
			break
		}
		box = p
	}
	return box
}

// linked reports whether n holds a link (an <a> with an href).
func linked(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.A && domtext.HasAttr(d, "href") {
			return true
		}
	}
	return false
}

// shownWords counts the words of the text under n outside drop-downs,
// scripts and styles, up to limit.
func shownWords(n *html.Node, limit int) int {
	k := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && k < limit; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				k += textnorm.Words(c.Data)
			case c.Type == html.ElementNode && c.DataAtom != atom.Select && c.DataAtom != atom.Script && c.DataAtom != atom.Style:
				walk(c)
			}
		}
	}
	walk(n)
	return k
}
