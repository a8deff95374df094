package rules

import (
	"strings"

	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// elemText is what the text matchers read of one element.
type elemText struct {
	text                    string       // visible text, collapsed
	hits                    litscan.Hits // literals found in the lower-cased text, once asked for
	words                   int          // -1 until counted
	chars, linkChars, links int
	cut                     int // > 0: text is only known to be longer than this
}

func (e *elemText) wordCount() int {
	if e.words < 0 {
		e.words = textnorm.Words(e.text)
	}
	return e.words
}

// elemTexts measures each element's text at most once per DOM stage, for
// all the rules that read it; a removal drops the entries of the removed
// node's ancestors, whose text it changes.
type elemTexts map[*html.Node]*elemText

// get returns n's text, or nil when limit > 0 and the text is longer.
func (c elemTexts) get(n *html.Node, limit int) *elemText {
	e := c[n]
	if e != nil && e.cut > 0 {
		if limit > 0 && limit <= e.cut {
			return nil
		}
		e = nil // measured with a smaller limit: measure again
	}
	if e == nil {
		st := measure(n, limit)
		e = &elemText{text: st.text.String(), words: -1, chars: st.chars, linkChars: st.linkChars, links: st.links}
		if st.truncated {
			e.text, e.cut = "", limit
		}
		c[n] = e
	}
	if e.cut > 0 || (limit > 0 && len(e.text) > limit) {
		return nil
	}
	return e
}

// changed drops the entries of n's ancestors: call it before removing n.
func (c elemTexts) changed(n *html.Node) {
	for p := n.Parent; p != nil; p = p.Parent {
		delete(c, p)
	}
}

type textStats struct {
	text             textnorm.Collapser // the visible text, collapsed
	chars, linkChars int
	links            int
	truncated        bool
}

// measure gathers an element's text, its length, the length inside links and
// the number of links, in one walk. With limit > 0 it stops once the text
// passes limit bytes and sets truncated.
func measure(n *html.Node, limit int) *textStats {
	st := &textStats{}
	st.text.Grow(64)
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if st.truncated {
			return
		}
		if limit > 0 && st.text.Len() > limit {
			st.truncated = true
			return
		}
		switch n.Type {
		case html.TextNode:
			st.text.WriteString(n.Data)
			c := len(strings.TrimSpace(n.Data))
			st.chars += c
			if inLink {
				st.linkChars += c
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.A:
				st.links++
				inLink = true
			}
			if isBlock(n.DataAtom) {
				st.text.Space()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return st
}

// nodeText returns the visible text of n, blocks separated by spaces.
func nodeText(n *html.Node) string {
	return measure(n, 0).text.String()
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Br, atom.Li, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Section, atom.Article, atom.Aside, atom.Header, atom.Footer, atom.Nav, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Blockquote, atom.Pre, atom.Figure, atom.Figcaption, atom.Dd, atom.Dt, atom.Dl, atom.Main, atom.Form, atom.Hr:
		return true
	}
	return false
}
