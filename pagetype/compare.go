package pagetype

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/htmltable"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// priceCell is the most text a cell of a comparison's price row holds: a
// price and its sign, a "from" or a unit at most.
const priceCell = 24

// Comparison reports whether n is a grid comparing products side by side:
// a table of two or more data rows one of which holds least or more cells
// that are each a price and nothing more, or a grid of cells (the rows
// laid out by a stylesheet, every cell a child of n) holding least or more
// such cells among at least three times as many. Each price is another
// product's (the range's other models, "compare with similar items"): the
// product's own price stands alone, and a table of its variants or tiers
// lists their prices down a column, one a row. Content counts it as
// furniture on product pages (content.Comparisons).
func Comparison(n *html.Node, least int) bool {
	if n.DataAtom == atom.Table {
		rows := htmltable.DataRows(n)
		for _, r := range rows {
			if pricedCells(r) >= least {
				return len(rows) >= 2
			}
		}
		return false
	}
	elems := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			elems++
		}
	}
	if elems < 3*least {
		return false
	}
	p := pricedCells(n)
	return p >= least && elems >= 3*p
}

// pricedCells counts the element children of n whose whole text is a
// price (see priceCell).
func pricedCells(n *html.Node) int {
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if t, ok := shortText(c); ok && t != "" && HasPrice(t) {
			k++
		}
	}
	return k
}

// shortText returns the text of n, trimmed, when it is priceCell bytes or
// less (ok); it stops reading past that.
func shortText(n *html.Node) (string, bool) {
	var b strings.Builder
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if b.Len()+len(strings.TrimSpace(c.Data)) > 2*priceCell {
					return false
				}
				b.WriteString(c.Data)
			case html.ElementNode:
				if c.DataAtom == atom.Script || c.DataAtom == atom.Style || domtext.IsHidden(c) {
					continue
				}
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	if !walk(n) {
		return "", false
	}
	t := strings.Join(strings.Fields(b.String()), " ")
	return t, len(t) <= priceCell
}
