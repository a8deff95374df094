package clean

// This is the only file that imports the readability library, so that it can
// be swapped for another extractor.

import (
	"log/slog"
	"net/url"
	"slices"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// article is what the readability pass yields.
type article struct {
	Title string
	Lang  string
	Node  *html.Node // the article content; nil when none was found
}

// discardLogger is shared; slog loggers are safe for concurrent use. Its
// handler is disabled at every level and ignores attributes: a text handler
// writing to io.Discard still formatted the attributes readability attaches
// to a logger for each node it cleans (Logger.With), 1.4% of winnow's CPU
// and 80 MB over AEB + WCXB dev, for nothing.
var discardLogger = slog.New(slog.DiscardHandler)

// extract runs the readability pass on doc, which it mutates. A new Parser per
// call: the library's Parser keeps per-document state.
func extract(doc *html.Node, pageURL *url.URL) (article, error) {
	p := readability.NewParser()
	p.Logger = discardLogger
	// No MaxElemsToParse: readability would count the page's elements by
	// gathering them all into a slice, and the count cannot exceed
	// Options.MaxNodes here (prune checked it, and every stage since only
	// removes or moves elements).
	p.KeepClasses = true // article-stage rules match on class names
	// One pass, not up to four: the library retries with its filters off,
	// on a fresh clone of the page each time, while the article it finds
	// is under CharThresholds characters (500 by default), and keeps the
	// longest. Here readability's pick is one candidate among several
	// (package content weighs it against the page's article or main
	// element, a scored container and the whole body, which are the wider
	// text those retries look for), so it retries only when it finds no
	// text at all. Over WCXB dev's 1,358 pages it had retried 538 times:
	// 5% fewer instructions over a sample of them; WCXB dev F1 0.865
	// either way (listing +0.013, collection -0.005), AEB F1 and precision
	// unchanged.
	p.CharThresholds = 1
	// Package metadata reads the page's JSON-LD; of readability's
	// metadata only the title is used, where package metadata gives none
	// (or is skipped). Reading JSON-LD again here was 1.2% of the CPU. The
	// title readability then takes from the page's <title> or og:title
	// is also the one it drops a heading for repeating: 7 WCXB dev pages
	// keep or lose a heading (F1 moves 0.005 at most: 4 articles down, 1
	// up), AEB unchanged.
	p.DisableJSONLD = true
	unwrapEmbeds(doc)
	// Readability makes links and images absolute against the page URL; an
	// empty one would turn "img/a.png" into "/img/a.png", another file, so
	// a page of unknown URL keeps them as written (nil: left alone).
	var base *url.URL
	if pageURL != nil && pageURL.IsAbs() && pageURL.Host != "" {
		base = pageURL
	}
	a, err := p.ParseAndMutate(doc, base)
	if err != nil {
		return article{}, err
	}
	if a.Node != nil {
		fixAtoms(a.Node)
	}
	return article{Title: a.Title(), Lang: a.Language(), Node: a.Node}, nil
}

// fixAtoms gives the elements readability created their atom: it makes them
// with a tag name and no DataAtom (a <div> of sentences becomes such a <p>),
// and everything after it (the article-stage rules, the block renderer)
// tells elements apart by atom. Without this, sibling paragraphs made from
// divs rendered as one block, glued: "…a long debate.Asked about…".
func fixAtoms(root *html.Node) {
	fix := func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == 0 {
			n.DataAtom = atom.Lookup([]byte(n.Data))
		}
	}
	fix(root)
	for n := range root.Descendants() {
		fix(n)
	}
}

// embedClasses are the class names of the blockquotes that social networks'
// embed codes put in a page (a post quoted by the article). Their text is
// the post itself, shown by the site even when the network's script fails.
var embedClasses = []string{"twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "bluesky-embed", "text-post-media"}

// unwrapEmbeds replaces the elements that wrap nothing but an embedded social
// post with the post itself, and the boxes named for a table that wrap
// nothing but a data table ("table-responsive", "table-wrapper") with the
// table. Sites wrap embeds in elements named "social-media-embed" or
// "tweet-widget", and readability drops an element whose class or id says
// "social", or a div whose text is a fifth links (a post's links and date
// line, a register's column of sites), before or after it scores the page:
// a quoted post or a table would be kept or lost depending on its wrapper.
// A blockquote and a data table are exempt from both checks. Only a box
// named for its table is taken away: a table of partner offers or a table
// of contents in a box of their own keep it (and lose it, as readability
// reads them).
func unwrapEmbeds(doc *html.Node) {
	var embeds []*html.Node
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Blockquote && hasClass(n, embedClasses) || n.DataAtom == atom.Table && dataTable(n) {
			embeds = append(embeds, n)
		}
	}
	for _, n := range embeds {
		for p := n.Parent; p != nil && p.Type == html.ElementNode && onlyChild(p, n); p = n.Parent {
			switch p.DataAtom {
			case atom.Div, atom.Section, atom.Figure, atom.Aside, atom.Span, atom.Center:
			default:
				p = nil
			}
			if p == nil || n.DataAtom == atom.Table && !strings.Contains(strings.ToLower(domtext.Attr(p, "class")), "table") {
				break
			}
			p.RemoveChild(n)
			p.Parent.InsertBefore(n, p)
			p.Parent.RemoveChild(p)
		}
	}
}

// dataTable reports a table of data, as readability tells one from a
// layout table: it has a caption, a head (thead) or header cells (th).
func dataTable(t *html.Node) bool {
	for n := range t.Descendants() {
		switch n.DataAtom {
		case atom.Table:
			return false // a nested table: t lays out the page
		case atom.Caption, atom.Thead, atom.Th:
			return true
		}
	}
	return false
}

// hasClass reports whether n's class attribute holds one of names.
func hasClass(n *html.Node, names []string) bool {
	for c := range strings.FieldsSeq(domtext.Attr(n, "class")) {
		if slices.Contains(names, strings.ToLower(c)) {
			return true
		}
	}
	return false
}

// onlyChild reports whether c is the only child of p that shows: the other
// children are whitespace or scripts.
func onlyChild(p, c *html.Node) bool {
	for o := p.FirstChild; o != nil; o = o.NextSibling {
		switch {
		case o == c, o.Type == html.CommentNode, o.Type == html.ElementNode && o.DataAtom == atom.Script:
		case o.Type == html.TextNode && strings.TrimSpace(o.Data) == "":
		default:
			return false
		}
	}
	return true
}

// restoreHeadline puts back, as the first element of readability's
// article, the page's headline (the text of its first <h1>, h1, found
// before readability ran) when readability dropped it for repeating its own title
// while the result's title is another: readability takes a <title> of
// under 15 characters ("Daily News") to be a site name and uses the one
// <h1> as its title instead, then deletes that <h1> from the article as
// a copy of its title. Here the title is package metadata's, so the
// story came out under the site's name, without its headline.
func restoreHeadline(art article, h1 *html.Node, title string) {
	if art.Node == nil || h1 == nil || art.Title == "" {
		return
	}
	key := textnorm.Key(art.Title)
	if key == textnorm.Key(title) {
		return // the common case: readability's title is the result's
	}
	headline := domtext.Text(h1)
	if textnorm.Key(headline) != key {
		return
	}
	for n := range art.Node.Descendants() {
		if domtext.IsHeading(n.DataAtom) && textnorm.Key(domtext.Text(n)) == key {
			return
		}
	}
	h := &html.Node{Type: html.ElementNode, Data: "h1", DataAtom: atom.H1}
	h.AppendChild(&html.Node{Type: html.TextNode, Data: strings.TrimSpace(headline)})
	art.Node.InsertBefore(h, art.Node.FirstChild)
}
