// Package elemtext measures the visible text of a page's elements for the
// rules that read it: each element once for as long as a Cache lives (the
// rules engine keeps one per DOM stage), however many rules ask, a wrapper
// sharing the measure of its sole child, and the measures a removal
// changes forgotten. Index lists the page's elements with the text bytes
// each holds, in one walk.
package elemtext

import (
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text is what text matchers read of one element.
type Text struct {
	Text string // visible text, collapsed
	// Hits is the caller's: the literals it found in the lower-cased
	// text, once asked for (nil until then).
	Hits                    litscan.Hits
	Chars, LinkChars, Links int // text bytes, those inside links, and links (see domtext.Measure)
	words                   int // -1 until counted
	cut                     int // > 0: text is only known to be longer than this
}

// Words returns the number of words of the text, counted once.
func (e *Text) Words() int {
	if e.words < 0 {
		e.words = textnorm.Words(e.Text)
	}
	return e.words
}

// Cache measures each element's text at most once, for all the rules that
// read it; a removal drops the entries of the removed node's ancestors,
// whose text it changes. Entries live in slabs allocated a chunk at a
// time, not one per element. The zero value is ready to use.
type Cache struct {
	m    map[*html.Node]*Text
	slab []Text
}

// NewCache returns a cache whose table is made for size entries: made at
// its size, it is not grown and rehashed entry by entry.
func NewCache(size int) *Cache {
	return &Cache{m: make(map[*html.Node]*Text, size)}
}

// textChunk is how many entries one allocation of Cache.slab holds.
const textChunk = 64

// newEntry returns a zero entry from the slab.
func (c *Cache) newEntry() *Text {
	if len(c.slab) == cap(c.slab) {
		c.slab = make([]Text, 0, textChunk)
	}
	c.slab = c.slab[:len(c.slab)+1]
	return &c.slab[len(c.slab)-1]
}

// Get returns n's text, or nil when limit > 0 and the text is longer.
func (c *Cache) Get(n *html.Node, limit int) *Text {
	e := c.entry(n, limit)
	if e.cut > 0 || (limit > 0 && len(e.Text) > limit) {
		return nil
	}
	return e
}

// entry returns the entry of n, measured with limit unless one measured
// with a limit at least as large (or none) is cached. An element wrapping
// a sole element has the same text, and shares its entry: nested wrappers
// (div > div > span) are measured once, not once per level.
func (c *Cache) entry(n *html.Node, limit int) *Text {
	if c.m == nil {
		c.m = map[*html.Node]*Text{}
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
			*e = Text{Text: st.Text, words: -1, Chars: st.Chars, LinkChars: st.LinkChars, Links: st.Links}
			if st.Truncated {
				e.Text, e.cut = "", limit
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

// Changed drops the entries of n's ancestors: call it before removing n.
func (c *Cache) Changed(n *html.Node) {
	if c.m == nil {
		return
	}
	for p := n.Parent; p != nil; p = p.Parent {
		delete(c.m, p)
	}
}

// Index returns doc's elements in document order and the bytes of text
// each holds (script, style, noscript and template aside), in one walk.
// Removals only shorten text, so a length is an upper bound for as long
// as the page is only cut.
func Index(doc *html.Node) ([]*html.Node, []int) {
	// Made at their size: grown element by element they allocated about
	// twice what they hold.
	k := domtext.CountElements(doc)
	all := make([]*html.Node, 0, k)
	lens := make([]int, 0, k)
	var walk func(n *html.Node) int
	walk = func(n *html.Node) int {
		i := -1
		switch n.Type {
		case html.TextNode:
			return len(n.Data)
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				all = append(all, n)
				lens = append(lens, 0)
				// Their elements still count as elements to match.
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				return 0
			}
			i = len(all)
			all = append(all, n)
			lens = append(lens, 0)
		}
		total := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			total += walk(c)
		}
		if i >= 0 {
			lens[i] = total
		}
		return total
	}
	walk(doc)
	return all, lens
}
