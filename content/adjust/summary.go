package adjust

import (
	"strings"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// fewWords is the words a chosen content holds at most for Summary to put
// the page's description before it: a breadcrumb, a menu's label, what a
// page that its scripts fill shows without them.
const fewWords = 10

// Summary returns blocks with desc, the page's own summary (MetaDescription),
// put first when the chosen content is a few words (1 to fewWords) and the
// summary says more than they do and is not among them: the page shows a
// breadcrumb or a menu's label, its scripts render the rest, and the
// summary it gives search engines is what it is about. A content with no
// word is left empty: the page holds nothing, or the rules removed all of
// it (an error page, a page judged spam), and a summary would stand in for
// text the page does not have. ok says it was added.
//
// WCXB dev: 2 pages of 1,358 change (a collection showing a breadcrumb,
// F1 0.21 -> 0.91; a forum thread showing its menu, 0.003 -> 0.13):
// collection 0.748 -> 0.755, forum 0.829 -> 0.830, the other types and AEB
// unchanged. Run after the text rules (package clean), so that a content
// the rules leave empty stays empty.
func Summary(desc string, blocks []block.Block) (out []block.Block, ok bool) {
	shown := 0
	for _, b := range blocks {
		shown += textnorm.Words(b.Text)
	}
	t := textnorm.Collapse(desc)
	if shown == 0 || shown > fewWords || textnorm.Words(t) <= shown {
		return blocks, false
	}
	for _, b := range blocks {
		if strings.Contains(strings.ToLower(b.Text), strings.ToLower(t)) {
			return blocks, false
		}
	}
	return append([]block.Block{{Kind: block.KindParagraph, Text: t}}, blocks...), true
}

// MetaDescription returns the content of the first <meta name="description">
// in the head of doc, "" for none.
func MetaDescription(doc *html.Node) string {
	head := domtext.First(doc, atom.Head)
	if head == nil {
		return ""
	}
	for n := range head.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta && strings.EqualFold(domtext.Attr(n, "name"), "description") {
			return domtext.Attr(n, "content")
		}
	}
	return ""
}
