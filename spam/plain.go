package spam

import (
	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minPlainWords is how many words of its own a block that holds spam
// parts (a spam link glued to it) keeps to be read again for a stranger
// sentence (strangerPass): a real paragraph, spam glued to it twice.
const minPlainWords = 8

// plainRead reports a visible block below the spam score that
// strangerPass reads again: a paragraph-like element (gluedCandidate), a
// heading, or a box of one line of text set among blocks (a centred or
// scrolling line, a caption, a term, a section holding no blocks); with no
// spam parts, or with minPlainWords words of its own besides them.
func plainRead(n *html.Node, p *part) bool {
	if p.spamUnits > 0 && p.Words < minPlainWords {
		return false
	}
	switch n.DataAtom {
	case atom.P:
		return true
	case atom.Center, atom.Marquee, atom.Figcaption, atom.Dt, atom.Th, atom.Address, atom.Section, atom.Aside,
		atom.Header, atom.Footer, atom.Article, atom.Figure, atom.Caption, atom.Summary, atom.Legend:
		return !domtext.HoldsBlocks(n)
	}
	return gluedCandidate(n) || domtext.IsHeading(n.DataAtom)
}
