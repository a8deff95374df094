package engine

import (
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
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
		st := domtext.Measure(n, limit)
		e = &elemText{text: st.Text, words: -1, chars: st.Chars, linkChars: st.LinkChars, links: st.Links}
		if st.Truncated {
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
