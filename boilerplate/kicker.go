package boilerplate

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnowhq/winnow/internal/domtext"
)

// isKicker reports whether n is the article's kicker, or one of its two:
// where more elements above the body look like one, they are a menu or the
// items of a listing, and none is.
func (d *detector) isKicker(n *html.Node) bool {
	if d.kickers == nil {
		d.kickers = map[*html.Node]bool{}
		var find func(*html.Node)
		find = func(m *html.Node) {
			for c := m.FirstChild; c != nil && len(d.kickers) <= maxKickers; c = c.NextSibling {
				switch {
				case c.Type != html.ElementNode || d.stats[c] == nil || d.stats[c].order > d.firstProse:
				case d.kicker(c):
					d.kickers[c] = true
				default:
					find(c)
				}
			}
		}
		if d.firstProse >= 0 {
			find(d.root)
		}
		if len(d.kickers) > maxKickers {
			clear(d.kickers)
		}
	}
	return d.kickers[n]
}

// kicker reports whether n looks like a section label or a short breadcrumb above
// the body (a longer breadcrumb is a list of links: rule nav.link-list): it
// ends before the first paragraph of running text, every letter of it is
// in one or two links of a few words, each to the site's own pages, which
// are all the links of its parent (not an item of a menu), it is not a
// heading (a linked title), and it stands on a line of its own.
func (d *detector) kicker(n *html.Node) bool {
	st := d.stats[n]
	if d.firstProse < 0 || st.end >= d.firstProse || st.links == 0 || st.links > 2 ||
		st.words > maxKickerWords || st.linkChars < st.chars || !strings.ContainsFunc(textOf(n), unicode.IsLetter) ||
		d.stats[n.Parent] != nil && d.stats[n.Parent].links > st.links {
		// (An item of a longer menu shares its parent with other links.)
		return false
	}
	for p := n; p != nil && p != d.root; p = p.Parent {
		if slices.Contains(headingTags, p.DataAtom) {
			return false
		}
	}
	for c := range n.Descendants() {
		if slices.Contains(headingTags, c.DataAtom) {
			return false
		}
	}
	return d.internalOnly(n) && d.ownLine(n)
}

// headingTags are the heading elements.
var headingTags = []atom.Atom{atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}

// internalOnly reports whether every link n is or holds points to the
// page's own site.
func (d *detector) internalOnly(n *html.Node) bool {
	if n.DataAtom == atom.A && !d.internalLink(domtext.Attr(n, "href")) {
		return false
	}
	for c := range n.Descendants() {
		if c.DataAtom == atom.A && c.Type == html.ElementNode && !d.internalLink(domtext.Attr(c, "href")) {
			return false
		}
	}
	return true
}

// ownLine reports whether n shares no line with other text: up to its
// first block ancestor, n and each inline ancestor have no sibling with
// letters but blocks (a link inside a sentence, after "By" or in a
// citation's brackets shares one).
func (d *detector) ownLine(n *html.Node) bool {
	for m := n; m.Parent != nil && m != d.root; m = m.Parent {
		for c := m.Parent.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c == m:
			case c.Type == html.TextNode && letters(c.Data) > 0:
				return false
			case c.Type == html.ElementNode && d.stats[c] != nil && d.stats[c].chars > 0 && !isBlockLike(c.DataAtom):
				return false
			}
		}
		if isBlockLike(m.Parent.DataAtom) {
			return true
		}
	}
	return true
}

// isBlockLike reports whether elements named a start a line of their own.
func isBlockLike(a atom.Atom) bool {
	return isContainer(a) || isHeading(a) || a == atom.P || a == atom.Li || a == atom.Dd || a == atom.Dt || a == atom.Blockquote
}
