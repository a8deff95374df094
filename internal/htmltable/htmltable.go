// Package htmltable reads the shape of an HTML table: its data rows, a
// row's cells and the width of its header row, nested tables aside.
package htmltable

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// DataRows returns the rows of table t with a data cell (td), nested
// tables' rows aside.
func DataRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Table:
				continue
			case atom.Tr:
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if d.DataAtom == atom.Td {
						rows = append(rows, c)
						break
					}
				}
				continue
			}
			walk(c)
		}
	}
	walk(t)
	return rows
}

// Cells returns the cells (td, th) of row r.
func Cells(r *html.Node) []*html.Node {
	var out []*html.Node
	for c := r.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			out = append(out, c)
		}
	}
	return out
}

// HeaderWidth returns the number of cells of table t's header row (its
// first row, when made of th cells alone), 0 when it has none.
func HeaderWidth(t *html.Node) int {
	var first *html.Node
	for n := range t.Descendants() {
		if n.DataAtom == atom.Table {
			return 0 // a nested table comes first: not a plain data table
		}
		if n.DataAtom == atom.Tr {
			first = n
			break
		}
	}
	if first == nil {
		return 0
	}
	cells := Cells(first)
	for _, c := range cells {
		if c.DataAtom != atom.Th {
			return 0
		}
	}
	return len(cells)
}
