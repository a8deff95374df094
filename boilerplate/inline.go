package boilerplate

import (
	"strings"

	"github.com/winnowhq/winnow/pagetype"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inlineLink reports a line that points the reader to another story of the
// site from between two paragraphs of the story, by its shape alone, in
// whatever words its label is written or with none: a block of at most
// maxLineWords words holding one headline link to the site's own pages,
// which holds at least half its words, a label of at most maxLabelWords
// words beside it, no image grid, form or running text, the headline not
// ending like a sentence, and running text both before and after it (a
// link the story cites sits inside a sentence, not on a line of its own
// between two paragraphs).
func (d *detector) inlineLink(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Blockquote, atom.Aside, atom.Section, atom.Ul, atom.Ol, atom.Dl, atom.Figure, atom.Table, atom.Center:
	default:
		return false
	}
	if d.typ == pagetype.Collection || d.typ == pagetype.Listing || d.typ == pagetype.Product {
		return false // a line of one link is an item or its call to action
	}
	st := d.stats[n]
	if st.words > maxLineWords || st.links != 1 || st.internal != 1 || st.prose != 0 || st.imgs > 1 || st.controls > 0 ||
		st.linkWords*2 < st.words {
		return false
	}
	if !d.runningText(prevElement(n)) || !d.runningText(nextElement(n)) || !d.lineShape(n) {
		return false
	}
	return d.inlineLines() <= maxInlineLines
}

// maxInlineLines is the most lines of inlineLink's shape an article may
// hold for them to be pointers to other stories: a page that sets a link
// on a line of its own under every section (a guide's products, a
// round-up's sources) has made them its content.
const maxInlineLines = 2

// maxHeadlineWords is the most words of a headline's link.
const maxHeadlineWords = 16

// lineShape reports the words of an inlineLink candidate: a label of at
// most maxLabelWords words and no sentence of its own (no full stop), a
// headline that does not end like a sentence
// ("(23)", "(video)" and a cut "…" end headlines too).
func (d *detector) lineShape(n *html.Node) bool {
	label := strings.TrimSpace(labelText(n))
	if words(label) > maxLabelWords || strings.Contains(label, ".") {
		return false
	}
	link := strings.TrimSpace(linkText(n))
	if words(link) > maxHeadlineWords {
		return false // a card: a title and its teaser in one link
	}
	switch lastRune(link) {
	case '.', '!', '?', ';', ',', ':':
		return false
	}
	return true
}

// inlineLines counts, once per article, the blocks of inlineLink's shape
// between two paragraphs of running text.
func (d *detector) inlineLines() int {
	if d.inline < 0 {
		d.inline = 0
		for c := range d.root.Descendants() {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.P, atom.Div, atom.Blockquote, atom.Aside, atom.Section, atom.Ul, atom.Ol, atom.Dl, atom.Figure, atom.Table, atom.Center:
			default:
				continue
			}
			st := d.stats[c]
			if st != nil && st.words <= maxLineWords && st.links == 1 && st.internal == 1 && st.prose == 0 &&
				d.runningText(prevElement(c)) && d.runningText(nextElement(c)) {
				d.inline++
			}
		}
	}
	return d.inline
}

// runningText reports an element holding a paragraph of running text.
func (d *detector) runningText(n *html.Node) bool {
	if n == nil {
		return false
	}
	st := d.stats[n]
	return st != nil && st.prose > 0 && st.prose*2 >= st.words
}

// linkText is the text of the first link under n.
func linkText(n *html.Node) string {
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			return textOf(c)
		}
	}
	return ""
}

// nextElement is the element after n among its siblings, nil when text
// that shows comes first.
func nextElement(n *html.Node) *html.Node {
	return adjacentElement(n, func(p *html.Node) *html.Node { return p.NextSibling })
}
