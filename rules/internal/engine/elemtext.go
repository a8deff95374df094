package engine

import (
	"github.com/winnowhq/winnow/internal/domtext"
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
// Entries live in slabs allocated a chunk at a time, not one per element.
type elemTexts struct {
	m    map[*html.Node]*elemText
	slab []elemText
}

// textChunk is how many entries one allocation of elemTexts.slab holds.
const textChunk = 64

// newEntry returns a zero entry from the slab.
func (c *elemTexts) newEntry() *elemText {
	if len(c.slab) == cap(c.slab) {
		c.slab = make([]elemText, 0, textChunk)
	}
	c.slab = c.slab[:len(c.slab)+1]
	return &c.slab[len(c.slab)-1]
}

// get returns n's text, or nil when limit > 0 and the text is longer.
func (c *elemTexts) get(n *html.Node, limit int) *elemText {
	e := c.entry(n, limit)
	if e.cut > 0 || (limit > 0 && len(e.text) > limit) {
		return nil
	}
	return e
}

// entry returns the entry of n, measured with limit unless one measured
// with a limit at least as large (or none) is cached. An element wrapping
// a sole element has the same text, and shares its entry: nested wrappers
// (div > div > span) are measured once, not once per level.
func (c *elemTexts) entry(n *html.Node, limit int) *elemText {
	if c.m == nil {
		c.m = map[*html.Node]*elemText{}
	}
	e := c.m[n]
	if e != nil && e.cut > 0 && (limit == 0 || limit > e.cut) {
		e = nil // measured with a smaller limit: measure again
	}
	if e == nil {
		if k := soleChild(n); k != nil {
			e = c.entry(k, limit)
		} else {
			st := domtext.Measure(n, limit)
			e = c.newEntry()
			*e = elemText{text: st.Text, words: -1, chars: st.Chars, linkChars: st.LinkChars, links: st.Links}
			if st.Truncated {
				e.text, e.cut = "", limit
			}
		}
		c.m[n] = e
	}
	return e
}

// soleChild returns the one element child of n when n's text, character
// and link counts are that child's: n is not a link and holds nothing else
// but white space and comments. Otherwise it returns nil.
func soleChild(n *html.Node) *html.Node {
	if n.Type != html.ElementNode {
		return nil
	}
	switch n.DataAtom {
	case atom.A, atom.Script, atom.Style, atom.Noscript, atom.Template:
		return nil
	}
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.CommentNode:
		case html.TextNode:
			if !textnorm.Blank(c.Data) {
				return nil
			}
		case html.ElementNode:
			if only != nil {
				return nil
			}
			only = c
		default:
			return nil
		}
	}
	if only != nil {
		switch only.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return nil
		}
	}
	return only
}

// changed drops the entries of n's ancestors: call it before removing n.
func (c *elemTexts) changed(n *html.Node) {
	if c.m == nil {
		return
	}
	for p := n.Parent; p != nil; p = p.Parent {
		delete(c.m, p)
	}
}
