package content

import (
	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// introText is the text, links counted, that may stand between a
// listing's heading and its items for the two to be joined: a line or a
// short paragraph saying what is listed ("Our most popular products,
// updated hourly", "Over 50,000 items"), not a section of its own.
const introText = 600

// withIntro returns the blocks of c, a candidate of a listing or a
// collection, led by the page's heading and what stands between it and c
// (intro): the items' container often starts below the page's <h1> and
// the line under it, which name the list and belong to it. c's blocks
// alone when there is no such heading.
func (t tree) withIntro(body *html.Node, c Candidate, skip func(*html.Node) bool) []block.Block {
	if c.Node == nil || c.Node == body {
		return c.Blocks
	}
	parts := t.intro(body, c.Node)
	if len(parts) == 0 {
		return c.Blocks
	}
	var out []block.Block
	for _, p := range parts {
		out = append(out, block.FromHTMLSkip(p, skip)...)
	}
	if len(out) == 0 {
		return c.Blocks
	}
	return append(out, c.Blocks...)
}

// intro returns the elements from the page's first shown <h1> (included)
// up to n (left out), outermost first, when that heading stands before n
// and outside it and the elements between hold at most introText of
// text, at most half of it in links; nil otherwise.
func (t tree) intro(body, n *html.Node) []*html.Node {
	var h *html.Node
	for d := range body.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.H1 && t.shown(d) && t.stats[d].Text+t.stats[d].Link > 0 {
			h = d
			break
		}
	}
	if h == nil || domtext.Contains(n, h) || domtext.Contains(h, n) {
		return nil
	}
	parts := between(h, n)
	if parts == nil {
		return nil
	}
	var s Stats
	for _, p := range parts[1:] {
		ps := t.stats[p] // furniture and text nodes: none
		s.Text += ps.Text
		s.Link += ps.Link
	}
	if s.Text == 0 || s.Text+s.Link > introText || s.Link > s.Text {
		return nil
	}
	return parts
}

// between returns h and the elements after it in document order up to n
// (left out), each taken whole where it does not hold n, outermost first;
// nil when n does not come after h.
func between(h, n *html.Node) []*html.Node {
	out := []*html.Node{h}
	for x := h; x != nil; x = x.Parent {
		for s := x.NextSibling; s != nil; s = s.NextSibling {
			if !domtext.Contains(s, n) {
				if s.Type == html.ElementNode {
					out = append(out, s)
				}
				continue
			}
			// Down to n through the elements holding it, taking their
			// children before it.
			for y := s; y != n; {
				var next *html.Node
				for c := y.FirstChild; c != nil; c = c.NextSibling {
					if domtext.Contains(c, n) {
						next = c
						break
					}
					if c.Type == html.ElementNode {
						out = append(out, c)
					}
				}
				y = next
			}
			return out
		}
	}
	return nil
}
