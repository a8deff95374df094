package content

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/pagetype"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// priceCell is the most text a cell of a comparison's price row holds: a
// price and its sign, a "from" or a unit at most.
const priceCell = 24

// comparison reports whether n is a grid comparing products side by side:
// a table one of whose rows holds minCarousel or more cells that are
// each a price and nothing more, or a grid of cells (the rows laid out by
// a stylesheet, every cell a child of n) holding minCarousel or more such
// cells among at least three times as many. Each price is another
// product's (the range's other models, "compare with similar items"):
// the product's own price stands alone, and a table of its variants or
// tiers lists their prices down a column, one a row.
func comparison(n *html.Node) bool {
	if n.DataAtom == atom.Table {
		rows := 0
		found := false
		for _, r := range tableRows(n) {
			rows++
			found = found || pricedCells(r) >= minCarousel
		}
		return found && rows >= minCarousel
	}
	elems := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			elems++
		}
	}
	if elems < 3*minCarousel {
		return false
	}
	p := pricedCells(n)
	return p >= minCarousel && elems >= 3*p
}

// tableRows returns the rows of table t (in its body, head and foot
// sections, not in a table nested in a cell).
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Tbody, atom.Thead, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.DataAtom == atom.Tr {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

// pricedCells counts the element children of n whose whole text is a
// price (see priceCell).
func pricedCells(n *html.Node) int {
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if t, ok := shortText(c); ok && t != "" && pagetype.HasPrice(t) {
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
