package evidence

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Nodes holds the scores of a page's blocks and links by element.
type Nodes map[*html.Node]*Score

// Spam reports n scored at Unit or above.
func (s Nodes) Spam(n *html.Node) bool {
	sc := s[n]
	return sc != nil && sc.Value >= Unit
}

// Units appends to out the units of row r (the elements and links in it,
// then r itself) scored as spam.
func (s Nodes) Units(r *html.Node, out []*html.Node) []*html.Node {
	for n := range r.Descendants() {
		if s.Spam(n) {
			out = append(out, n)
		}
	}
	if s.Spam(r) {
		out = append(out, r)
	}
	return out
}

// Boxes returns table t and its row groups (thead, tbody, tfoot; not a
// nested table's) when they score as spam.
func (s Nodes) Boxes(t *html.Node) []*html.Node {
	var out []*html.Node
	if s.Spam(t) {
		out = append(out, t)
	}
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Thead, atom.Tbody, atom.Tfoot:
			if s.Spam(c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// Anchors counts the links among units: an entry names one site, a row
// of several spam links is a farm.
func Anchors(units []*html.Node) int {
	k := 0
	for _, u := range units {
		if u.DataAtom == atom.A {
			k++
		}
	}
	return k
}
