// Package markup reads what an element's markup says about its text: the
// class words that mark a part of a page as outside the page's own content,
// as a byline or as a date line; whether a reader sees the text; and the
// microdata item an element belongs to. It holds no decision about a field
// of metadata; package metadata and its thread reader ask it.
package markup

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
)

// Outside reports whether n is a part of the page around its own
// content: navigation, a footer, a form, or an element whose class says
// so (mk, from Of), unless it holds an <h1>: a part that holds the
// headline is the article's header, whatever its class says
// ("md:[grid-area:sidebar]" on a layout grid cell).
func Outside(n *html.Node, mk Marks) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Footer, atom.Aside, atom.Form:
		return true
	}
	return mk&OutsideClass != 0 && !holdsH1(n)
}

// holdsH1 reports whether an <h1> is among n's descendants. It is asked
// only of the few elements whose class says outside, not of every one.
func holdsH1(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.H1 || holdsH1(c)) {
			return true
		}
	}
	return false
}

// Text is the collapsed text of n, of its seen elements only, read up to
// about 4 KB.
func Text(n *html.Node) string {
	return textnorm.Clean(domtext.SpacedText(n, Unseen, 4096))
}

// Unseen reports whether an element's text is not part of what a reader
// sees as its parent's text: scripts, buttons ("Copy item path" in a
// heading), hidden and screen-reader-only elements.
func Unseen(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Button, atom.Svg, atom.Select, atom.Noscript, atom.Template:
		return true
	}
	if domtext.HasAttr(n, "hidden") || domtext.Attr(n, "aria-hidden") == "true" {
		return true
	}
	cls := domtext.Attr(n, "class")
	return cls != "" && (strings.Contains(cls, "sr-only") || strings.Contains(cls, "visually-hidden") || strings.Contains(cls, "screen-reader"))
}

// InThreadPost reports whether n belongs to a microdata item that is a
// post of a discussion: a forum posting, a question, an answer or a
// comment.
func InThreadPost(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode || !domtext.HasAttr(p, "itemscope") {
			continue
		}
		t := strings.ToLower(domtext.Attr(p, "itemtype"))
		return strings.Contains(t, "discussionforumposting") || strings.Contains(t, "question") || strings.Contains(t, "answer") || strings.Contains(t, "comment")
	}
	return false
}

// ItemOf reports whether n belongs to a microdata item whose type names
// kind (lower case): the nearest item around it.
func ItemOf(n *html.Node, kind string) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && domtext.HasAttr(p, "itemscope") {
			return strings.Contains(strings.ToLower(domtext.Attr(p, "itemtype")), kind)
		}
	}
	return false
}

// ItemName is the name of a microdata item: its itemprop=name child, its
// content attribute, or its text.
func ItemName(n *html.Node) string {
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && strings.EqualFold(domtext.Attr(c, "itemprop"), "name") {
			if v := domtext.Attr(c, "content"); v != "" {
				return v
			}
			return Text(c)
		}
	}
	if v := domtext.Attr(n, "content"); v != "" {
		return v
	}
	return Text(n)
}

// ClassSays reports whether n's class or id holds one of words (as a part
// of a class name: "post-byline", "entry-date").
func ClassSays(n *html.Node, words ...string) bool {
	// Each attribute alone, not joined: this runs on every element, and
	// ToLower of an all-lower-case name allocates nothing.
	for _, a := range n.Attr {
		if a.Namespace != "" || a.Key != "class" && a.Key != "id" || a.Val == "" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, w := range words {
			if strings.Contains(v, w) {
				return true
			}
		}
	}
	return false
}

// HasWord reports whether w is one of the space-separated words of s (an
// itemprop or rel value: "author creator").
func HasWord(s, w string) bool {
	for f := range strings.FieldsSeq(s) {
		if f == w {
			return true
		}
	}
	return false
}
